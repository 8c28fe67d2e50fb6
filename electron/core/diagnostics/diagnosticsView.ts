/**
 * The Windows 11 "Windows Autopilot diagnostics" page (§2.2) for the run up to t: Configuration info
 * (profile settings, device), Deployment info (Network Connectivity, Autopilot Settings, Enrollment
 * Status, then one category per ESP phase with its rows as events) and Apps and policies status
 * (every tracked app and policy with its events). Event status codes follow §2.2: 1–2 error,
 * 3 warning, 4 in progress, 5–7 complete. Every status comes from the record or the screen at t.
 * Past 400 lines because it is one page: its three tabs share the event and status helpers.
 */
import type { PhaseId, Status } from '../../../shared/esp';
import { ITEM_TITLES, PHASE_TITLES, PHASES, formatHresult } from '../../../shared/esp';
import type { DiagnosticsEvent, DiagnosticsStatus, DiagnosticsView } from '../../../shared/snapshot';
import { RETRY_ATTEMPTS } from '../engine/appInstall';
import type { Run } from '../engine/simulate';
import type { Scenario } from '../scenario/model';
import type { AppAttempt, ItemRun, RunFacts } from '../facts/history';
import { PROFILE_DOWNLOAD_OFFSET_SECONDS, eventsOfType, exitFailed, runFacts, trackedAppIds } from '../facts/history';
import { displayTime } from '../facts/time';

export const DEPLOYMENT_MODE_TEXT = {
  userDriven: 'User-driven',
  selfDeploying: 'Self-deploying',
  preProvisioning: 'Pre-provisioned',
  entraJoinOobe: 'Not Autopilot (Microsoft Entra join in OOBE)',
} as const;

export const JOIN_TEXT = { entra: 'Microsoft Entra joined', hybrid: 'Microsoft Entra hybrid joined' } as const;

const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');

function event(
  facts: RunFacts,
  eventName: string,
  status: DiagnosticsStatus,
  start: number | null,
  finish: number | null,
  details: string,
): DiagnosticsEvent {
  return {
    eventName,
    status,
    startTime: start === null ? '' : displayTime(facts.startMs, start),
    finishTime: finish === null ? '' : displayTime(facts.startMs, finish),
    details,
  };
}

/** Worst first: an error anywhere makes the category an error, then warnings, then running. */
export function categoryStatus(events: DiagnosticsEvent[], fallback: DiagnosticsStatus = 4): DiagnosticsStatus {
  if (events.length === 0) return fallback;
  for (const wanted of [1, 2, 3, 4] as const) if (events.some((e) => e.status === wanted)) return wanted;
  return 5;
}

// ---- Configuration info ------------------------------------------------------------------------

/** The Configuration info tab: the Autopilot profile, the ESP profile in force and its settings, the device. */
export function configurationInfo(facts: RunFacts): DiagnosticsView['configuration'] {
  const { scenario, profile } = facts;
  const selected =
    profile.selectedMobileAppIds.length === 0
      ? 'All'
      : profile.selectedMobileAppIds.map((id) => facts.apps.get(id)?.displayName ?? id).join(', ');
  return [
    {
      categoryName: 'Autopilot profile',
      items: [
        { propertyName: 'Autopilot registered', value: yesNo(scenario.deployment.autopilotRegistered) },
        {
          propertyName: 'Deployment profile',
          value: scenario.deployment.autopilotRegistered ? scenario.device.enrollmentProfileName : '',
        },
        { propertyName: 'Deployment mode', value: DEPLOYMENT_MODE_TEXT[scenario.deployment.mode] },
        { propertyName: 'Join type', value: JOIN_TEXT[scenario.deployment.join] },
        { propertyName: 'Tenant', value: scenario.tenant.displayName },
        { propertyName: 'Tenant domain', value: facts.tenantDomain },
        { propertyName: 'Tenant ID', value: scenario.tenant.id },
        { propertyName: 'ZTD correlation ID', value: facts.ids.ztdCorrelation },
      ],
    },
    {
      categoryName: 'Enrollment Status Page settings',
      items: [
        { propertyName: 'Profile', value: profile.displayName },
        {
          propertyName: 'Assigned through',
          value:
            facts.targetedBy === 'default'
              ? 'Default profile'
              : `${facts.targetedBy === 'device' ? 'Device' : 'User'} assignment`,
        },
        { propertyName: 'Show app and profile configuration progress', value: yesNo(profile.showInstallationProgress) },
        {
          propertyName: 'Show an error when installation takes longer than specified number of minutes',
          value: String(profile.installProgressTimeoutInMinutes),
        },
        {
          propertyName: 'Show custom message when time limit or error occurs',
          value: profile.customErrorMessage ?? 'No',
        },
        {
          propertyName: 'Turn on log collection and diagnostics page for end users',
          value: yesNo(profile.allowLogCollectionOnInstallFailure),
        },
        {
          propertyName: 'Only show page to devices provisioned by out-of-box experience (OOBE)',
          value: yesNo(profile.disableUserStatusTrackingAfterFirstUser),
        },
        { propertyName: 'Install Windows quality updates', value: yesNo(profile.installQualityUpdates) },
        {
          propertyName: 'Block device use until all apps and profiles are installed',
          value: yesNo(!profile.blockDeviceSetupRetryByUser),
        },
        {
          propertyName: 'Allow users to reset device if installation error occurs',
          value: yesNo(profile.allowDeviceResetOnInstallFailure),
        },
        {
          propertyName: 'Allow users to use device if installation error occurs',
          value: yesNo(profile.allowDeviceUseOnInstallFailure),
        },
        { propertyName: 'Block device use until required apps are installed', value: selected },
        { propertyName: 'BlockInStatusPage', value: `0x${facts.blockInStatusPage.toString(16)}` },
      ],
    },
    {
      categoryName: 'Device info',
      items: [
        { propertyName: 'Device name', value: facts.computerName },
        { propertyName: 'Manufacturer', value: scenario.device.manufacturer },
        { propertyName: 'Model', value: scenario.device.model },
        { propertyName: 'Serial number', value: scenario.device.serialNumber },
        { propertyName: 'OS version', value: scenario.device.osVersion },
        { propertyName: 'Windows edition', value: scenario.device.operatingSystemSKU },
        { propertyName: 'Microsoft Entra device ID', value: facts.ids.entraDevice },
        { propertyName: 'Intune device ID', value: facts.ids.intuneDevice },
        ...(facts.user ? [{ propertyName: 'User', value: facts.user.userPrincipalName }] : []),
      ],
    },
  ];
}

// ---- Deployment info ---------------------------------------------------------------------------

/**
 * The page's status code (§2.2: 1–2 error, 3 problem, 4 working, 5–7 complete) of a screen status:
 * `timedOut` makes a failure 2; `complete` makes "does not apply" 7 (a skipped row that reads Complete).
 */
export function statusCode(status: Status, timedOut = false, complete = false): DiagnosticsStatus {
  switch (status) {
    case 'failed':
      return timedOut ? 2 : 1;
    case 'previousStepFailed':
      return 3;
    case 'notStarted':
    case 'identifying':
    case 'inProgress':
      return 4;
    case 'succeeded':
      return 5;
    case 'notRun':
      return complete ? 7 : 6;
  }
}

/** A row run's status code: its status as the screen showed it (§2.2). */
export function itemStatusCode(run: ItemRun): DiagnosticsStatus {
  return statusCode(run.status, run.timedOut, run.text.endsWith('(Complete)'));
}

/** Whether the last failure of a category was the ESP timing out (a `timeout` event at that second). */
function phaseTimedOut(facts: RunFacts, phase: PhaseId): boolean {
  const failed = eventsOfType(facts.events, 'phaseCompleted').findLast(
    (e) => e.phase === phase && e.status === 'failed',
  );
  return (
    failed !== undefined && eventsOfType(facts.events, 'timeout').some((e) => e.phase === phase && e.t === failed.t)
  );
}

/** A category's status code: the category's status on the screen at t (§2.2). */
export function phaseStatusCode(facts: RunFacts, phase: PhaseId): DiagnosticsStatus {
  const status = facts.view.phases.find((p) => p.id === phase)?.status ?? 'notStarted';
  return statusCode(status, status === 'failed' && phaseTimedOut(facts, phase));
}

function itemDetails(facts: RunFacts, run: ItemRun): string {
  if (run.timedOut) {
    const timeout = eventsOfType(facts.events, 'timeout').find((e) => e.t === run.endT);
    return `${run.text}. Timed out after ${timeout?.minutes ?? facts.profile.installProgressTimeoutInMinutes} minutes (0x800705b4).`;
  }
  return run.text;
}

function networkCategory(facts: RunFacts): DiagnosticsEvent[] {
  const events = [event(facts, 'Internet connectivity', 5, -600, -600, 'Connected to the internet.')];
  for (const fault of facts.scenario.simulation.faults) {
    if (fault.kind !== 'networkOutage' || fault.atSeconds > facts.t) continue;
    const end = fault.atSeconds + fault.forSeconds;
    events.push(
      event(
        facts,
        'Network connection lost',
        3,
        fault.atSeconds,
        end <= facts.t ? end : null,
        end <= facts.t ? `No internet connection for ${fault.forSeconds} seconds.` : 'No internet connection.',
      ),
    );
  }
  return events;
}

function autopilotCategory(facts: RunFacts): DiagnosticsEvent[] {
  const { scenario } = facts;
  const at = PROFILE_DOWNLOAD_OFFSET_SECONDS;
  if (!scenario.deployment.autopilotRegistered) {
    return [
      event(facts, 'Autopilot profile download', 3, at, at + 4, 'No Autopilot profile was found for this device.'),
    ];
  }
  return [
    event(
      facts,
      'Autopilot profile download',
      5,
      at,
      at + 4,
      `Profile "${scenario.device.enrollmentProfileName}" downloaded.`,
    ),
    event(
      facts,
      'Autopilot profile applied',
      5,
      at + 4,
      at + 5,
      `${DEPLOYMENT_MODE_TEXT[scenario.deployment.mode]}, ${JOIN_TEXT[scenario.deployment.join]}.`,
    ),
  ];
}

function enrollmentCategory(facts: RunFacts): DiagnosticsEvent[] {
  const events: DiagnosticsEvent[] = [];
  const resolved = eventsOfType(facts.events, 'profileResolved').at(-1);
  if (resolved) {
    events.push(
      event(
        facts,
        'Enrollment Status Page profile',
        5,
        resolved.t,
        resolved.t,
        // A targeted profile's reason names it already (`"Contoso ESP" (priority 1) is assigned to ...`).
        resolved.reason.startsWith(`"${resolved.displayName}"`)
          ? resolved.reason
          : `${resolved.displayName}: ${resolved.reason}`,
      ),
    );
  }
  for (const e of eventsOfType(facts.events, 'espSkipped')) {
    events.push(event(facts, `Enrollment Status Page (${e.part})`, 6, e.t, e.t, `Not shown: ${e.reason}.`));
  }
  for (const part of ['device', 'user'] as const) {
    const phases: PhaseId[] = part === 'device' ? ['devicePreparation', 'deviceSetup'] : ['accountSetup'];
    const starts = eventsOfType(facts.events, 'phaseStarted').filter((e) => phases.includes(e.phase));
    const first = starts[0];
    if (!first) continue;
    // Complete once the part completed after it last (re)started; failed while the screen shows it failed.
    const completed = eventsOfType(facts.events, 'espCompleted').find(
      (e) => e.part === part && e.t >= starts.at(-1)!.t,
    );
    const failedPhase = phases.find((p) => facts.view.phases.find((v) => v.id === p)?.status === 'failed');
    const failure = eventsOfType(facts.events, 'errorScreenShown').findLast((e) => e.phase === failedPhase);
    const name = `Enrollment Status Page (${part})`;
    if (completed) events.push(event(facts, name, 5, first.t, completed.t, 'Complete'));
    else if (failedPhase && failure) {
      const code = phaseStatusCode(facts, failedPhase);
      events.push(event(facts, name, code, first.t, failure.t, failure.message));
    } else events.push(event(facts, name, 4, first.t, null, 'Working on it...'));
  }
  for (const e of eventsOfType(facts.events, 'userAction')) {
    events.push(event(facts, 'User action', 5, e.t, e.t, e.action));
  }
  return events;
}

function phaseEvents(facts: RunFacts, phase: PhaseId): DiagnosticsEvent[] {
  return facts.items
    .filter((r) => r.phase === phase)
    .map((r) => event(facts, ITEM_TITLES[r.item], itemStatusCode(r), r.startT, r.endT, itemDetails(facts, r)));
}

// ---- Apps and policies status -------------------------------------------------------------------

/** The Install event's details once the installer exited: the code and what the app's return codes made of it. */
function exitCodeText(a: AppAttempt): string {
  if (a.exitCode === null) return '';
  const hr = formatHresult(a.hresult ?? a.exitCode);
  switch (a.result) {
    case 'success':
      return `Exit code ${a.exitCode}: Success`;
    case 'softReboot':
      return `Exit code ${a.exitCode}: Soft reboot required`;
    case 'hardReboot':
      return `Exit code ${a.exitCode}: Hard reboot required`;
    case 'retry': {
      const text = `Exit code ${a.exitCode}: Retry (attempt ${a.attemptInRound} of ${RETRY_ATTEMPTS})`;
      if (exitFailed(a)) return `${text}. No attempt left (${hr})`;
      return a.cancelledAt !== null ? `${text}. The retry was stopped` : text;
    }
    default:
      // Whether the admin mapped the code: the record's `result` already says it failed.
      return a.app.returnCodes.some((r) => r.returnCode === a.exitCode)
        ? `Exit code ${a.exitCode} (${hr}): Failed`
        : `Exit code ${a.exitCode} (${hr}): Failed. The exit code is not mapped in the app's return codes.`;
  }
}

/**
 * The Download and Install events of one attempt (§2.2), as the record has them at t: an install
 * the ESP stopped, or whose retry it stopped, is an error; a retry still to come is a problem (3).
 */
export function attemptEvents(facts: RunFacts, a: AppAttempt): DiagnosticsEvent[] {
  const prefix = a.attempt > 1 ? ` (attempt ${a.attempt})` : '';
  const downloaded = a.startT + a.downloadSeconds;
  const cut = a.cancelledAt;
  const mb = (a.downloadBytes / (1024 * 1024)).toFixed(1);
  const events: DiagnosticsEvent[] = [];
  const downloadDone = downloaded <= facts.t && (cut === null || downloaded <= cut);
  if (a.downloadBytes > 0)
    events.push(
      event(
        facts,
        `Download${prefix}`,
        downloadDone ? 5 : cut !== null ? 1 : 4,
        a.startT,
        downloadDone ? downloaded : cut,
        downloadDone
          ? `${mb} MB downloaded`
          : cut !== null
            ? 'Stopped before the download finished'
            : `Downloading ${mb} MB`,
      ),
    );
  if (!downloadDone) return events;
  const installStatus: DiagnosticsStatus =
    a.result === null
      ? cut !== null
        ? 1
        : 4
      : exitFailed(a) || (a.result === 'retry' && cut !== null)
        ? 1
        : a.result === 'retry'
          ? 3
          : a.result === 'success'
            ? 5
            : 6;
  const details =
    a.result !== null ? exitCodeText(a) : cut !== null ? 'Stopped before the installer finished' : 'Installing';
  events.push(event(facts, `Install${prefix}`, installStatus, downloaded, a.endT ?? cut, details));
  return events;
}

function appsAndPolicies(facts: RunFacts): DiagnosticsView['appsAndPolicies'] {
  const categories: DiagnosticsView['appsAndPolicies'] = [];
  for (const phase of ['deviceSetup', 'accountSetup'] as const) {
    const ids = trackedAppIds(facts, phase);
    const resources = facts.resources.filter((r) => r.phase === phase);
    if (ids.length === 0 && resources.length === 0) continue;
    categories.push({
      categoryName: PHASE_TITLES[phase],
      apps: ids.map((id) => ({
        resourceName: facts.apps.get(id)?.displayName ?? id,
        events: facts.attempts
          .filter((a) => a.app.id === id && a.phase === phase)
          .flatMap((a) => attemptEvents(facts, a)),
      })),
      policies: resources.map((r) => ({
        resourceName: r.displayName,
        events: [
          event(
            facts,
            r.item === 'networkConnections' ? 'Add' : 'Apply',
            r.ok === null ? 4 : r.ok ? 5 : 1,
            r.startT,
            r.endT,
            r.ok === null ? 'Working on it...' : r.ok ? 'Applied' : 'Not applied (0x82b00006)',
          ),
        ],
      })),
    });
  }
  const after = facts.attempts.filter((a) => a.phase === 'afterEsp');
  if (after.length > 0) {
    const ids = [...new Set(after.map((a) => a.app.id))];
    categories.push({
      categoryName: 'Installed after the Enrollment Status Page',
      apps: ids.map((id) => ({
        resourceName: facts.apps.get(id)?.displayName ?? id,
        events: after.filter((a) => a.app.id === id).flatMap((a) => attemptEvents(facts, a)),
      })),
      policies: [],
    });
  }
  return categories;
}

/** The whole page at `facts.t`: its three tabs. */
export function diagnosticsViewOf(facts: RunFacts): DiagnosticsView {
  const deployment: DiagnosticsView['deployment'] = [];
  const push = (categoryName: string, events: DiagnosticsEvent[], fallback: DiagnosticsStatus = 4): void => {
    deployment.push({ categoryName, status: categoryStatus(events, fallback), events });
  };
  push('Network Connectivity', networkCategory(facts));
  push('Autopilot Settings', autopilotCategory(facts));
  push('Enrollment Status', enrollmentCategory(facts));
  // Each ESP category has the status the screen shows it with; its events keep every round's rows.
  for (const phase of PHASES) {
    const events = phaseEvents(facts, phase);
    deployment.push({ categoryName: PHASE_TITLES[phase], status: phaseStatusCode(facts, phase), events });
  }
  return { configuration: configurationInfo(facts), deployment, appsAndPolicies: appsAndPolicies(facts) };
}

/** The Session's `diagnostics` option. */
export function diagnosticsView(scenario: Scenario, run: Run, t: number): DiagnosticsView {
  return diagnosticsViewOf(runFacts(scenario, run, t));
}
