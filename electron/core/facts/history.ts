/**
 * What the bundle writers read: the run up to the collection time t, digested once — app attempts
 * with their exit codes, row intervals, the profile that applied, and the identifiers of the
 * simulated device. Every writer derives its file from this, so all files tell the same story.
 */
import type { ItemId, PhaseId, Status } from '../../../shared/esp';
import type { ReturnCodeResult, TimelineEvent } from '../../../shared/timeline';
import type { EngineView, Run } from '../engine/simulate';
import { viewAt } from '../engine/simulate';
import { blockInStatusPage } from '../engine/errorActions';
import type { SetupPhase } from '../engine/tracking';
import type { App, EspProfile, Scenario, User } from '../scenario/model';
import { computerName, entraUserSid, hashInt, scenarioGuid, tenantDomain } from './ids';
import { startMsOf } from './time';

/** Who installs an app on the device (§4.1, §4.4, §5.3). */
export type Installer = 'ime' | 'msi' | 'modern';

export function installerOf(app: App): Installer {
  switch (app.kind) {
    case 'msi':
    case 'office':
      return 'msi';
    case 'appx':
    case 'store':
      return 'modern';
    default:
      return 'ime';
  }
}

export interface AppAttempt {
  app: App;
  phase: PhaseId | 'afterEsp';
  attempt: number;
  startT: number;
  /** When the installer exited; null while it still runs at t (or was cut off by an error/timeout). */
  endT: number | null;
  exitCode: number | null;
  result: ReturnCodeResult | null;
  /** The attempt was stopped before it finished (the ESP failed or timed out meanwhile). */
  cancelledAt: number | null;
  downloadBytes: number;
  downloadSeconds: number;
}

export interface ItemRun {
  phase: PhaseId;
  item: ItemId;
  startT: number;
  endT: number | null;
  status: Status;
  text: string;
  hresult: number | null;
  timedOut: boolean;
}

export interface ResourceResult {
  phase: SetupPhase;
  item: ItemId;
  resourceId: string;
  displayName: string;
  startT: number;
  endT: number | null;
  ok: boolean | null;
}

export interface RunFacts {
  scenario: Scenario;
  run: Run;
  /** Simulated second the logs are collected at. */
  t: number;
  startMs: number;
  /** The timeline up to t. */
  events: TimelineEvent[];
  /** The screen at t. */
  view: EngineView;
  profile: EspProfile;
  targetedBy: 'device' | 'user' | 'default';
  blockInStatusPage: number;
  user: User | null;
  userSid: string | null;
  ids: {
    enrollment: string;
    entraDevice: string;
    intuneDevice: string;
    ztdCorrelation: string;
    ztdRegistration: string;
  };
  computerName: string;
  tenantDomain: string;
  apps: Map<string, App>;
  attempts: AppAttempt[];
  items: ItemRun[];
  resources: ResourceResult[];
  /** When the ESP provider (IME) started on the device; null if it had not by t. */
  imeStartT: number | null;
  /** The MDMDiagnosticsTool areas this kind of deployment collects (§3.1). */
  areas: string[];
}

/** The Autopilot profile download happened this long before the ESP started (seconds). */
export const PROFILE_DOWNLOAD_OFFSET_SECONDS = -240;

/** §5.3: what download a simulated app had; the engine keeps only its total duration. */
const DOWNLOAD_MB_PER_SECOND = 12;

export function runFacts(scenario: Scenario, run: Run, t: number): RunFacts {
  const events = run.timeline.filter((e) => e.t <= t);
  const view = viewAt(run, t);
  const resolved = run.timeline.find((e) => e.type === 'profileResolved');
  const profile =
    (resolved && scenario.tenant.espProfiles.find((p) => p.id === resolved.profileId)) ??
    scenario.tenant.espProfiles.find((p) => p.isDefault) ??
    scenario.tenant.espProfiles[0];
  if (!profile) throw new Error('the scenario has no ESP profile');
  const mode = scenario.deployment.mode;
  const user = mode === 'userDriven' || mode === 'entraJoinOobe' ? (scenario.users[0] ?? null) : null;
  const apps = new Map(scenario.tenant.apps.map((a) => [a.id, a]));
  const itemRuns = itemRunsOf(events);
  // The ESP provider row only counts once it ran (not when it was skipped or a previous step failed).
  const prep = itemRuns.find(
    (r) =>
      r.phase === 'devicePreparation' &&
      r.item === 'espProvider' &&
      r.status !== 'previousStepFailed' &&
      r.status !== 'notRun',
  );
  const attempts = attemptsOf(scenario, run.timeline, t, apps);
  const firstImeAttempt = attempts.find((a) => installerOf(a.app) === 'ime');
  const imeStartT = prep
    ? prep.startT + Math.min(8, Math.max(0, ((prep.endT ?? t) - prep.startT) / 2))
    : firstImeAttempt
      ? Math.max(0, firstImeAttempt.startT - 20)
      : null;
  return {
    scenario,
    run,
    t,
    startMs: startMsOf(scenario.startTime),
    events,
    view,
    profile,
    targetedBy: resolved?.targetedBy ?? 'default',
    blockInStatusPage: blockInStatusPage(profile),
    user,
    userSid: user ? entraUserSid(user.id) : null,
    ids: {
      enrollment: scenarioGuid(scenario, 'enrollment').toUpperCase(),
      entraDevice: scenarioGuid(scenario, 'entra-device'),
      intuneDevice: scenarioGuid(scenario, 'intune-device'),
      ztdCorrelation: scenarioGuid(scenario, 'ztd-correlation'),
      ztdRegistration: scenarioGuid(scenario, 'ztd-registration'),
    },
    computerName: computerName(scenario),
    tenantDomain: tenantDomain(scenario),
    apps,
    attempts: attempts.filter((a) => a.startT <= t),
    items: itemRuns,
    resources: resourcesOf(scenario, events),
    imeStartT: imeStartT !== null && imeStartT <= t ? imeStartT : null,
    areas: mode === 'selfDeploying' || mode === 'preProvisioning' ? ['Autopilot', 'TPM'] : ['Autopilot'],
  };
}

function attemptsOf(
  scenario: Scenario,
  timeline: readonly TimelineEvent[],
  t: number,
  apps: Map<string, App>,
): AppAttempt[] {
  const attempts: AppAttempt[] = [];
  const open = new Map<string, AppAttempt>();
  for (const e of timeline) {
    if (e.type === 'appInstallStarted') {
      const app = apps.get(e.appId);
      if (!app) continue;
      const previous = open.get(e.appId);
      if (previous) previous.cancelledAt = e.t;
      const attempt: AppAttempt = {
        app,
        phase: e.phase,
        attempt: e.attempt,
        startT: e.t,
        endT: null,
        exitCode: null,
        result: null,
        cancelledAt: null,
        downloadBytes: 0,
        downloadSeconds: 0,
      };
      attempts.push(attempt);
      open.set(e.appId, attempt);
    } else if (e.type === 'appInstallCompleted') {
      const attempt = open.get(e.appId);
      if (!attempt) continue;
      open.delete(e.appId);
      attempt.endT = e.t;
      attempt.exitCode = e.exitCode;
      attempt.result = e.result;
    } else if (e.type === 'errorScreenShown' || e.type === 'userAction') {
      // A failed phase, Reset and Continue anyway stop what was installing in the ESP; only the
      // background (after-ESP) lane goes on.
      for (const [id, attempt] of open) {
        if (attempt.phase === 'afterEsp') continue;
        attempt.cancelledAt = e.t;
        open.delete(id);
      }
    }
  }
  for (const a of attempts) {
    const behaviour = scenario.simulation.apps[a.app.id];
    const total = (a.endT ?? a.cancelledAt ?? Math.max(a.startT + 60, t)) - a.startT;
    let mb = behaviour?.downloadMB ?? 20 + hashInt(381, String(scenario.seed), a.app.id, 'download-mb');
    let seconds = Math.round(mb / DOWNLOAD_MB_PER_SECOND);
    if (behaviour?.downloadMB == null && seconds > total * 0.6) {
      seconds = Math.max(1, Math.floor(total * 0.6));
      mb = Math.max(1, seconds * DOWNLOAD_MB_PER_SECOND);
    }
    a.downloadBytes = Math.round(mb * 1024 * 1024);
    a.downloadSeconds = a.downloadBytes === 0 ? 0 : Math.max(1, seconds);
    // Completion or cancellation after t has not happened yet as far as the bundle knows.
    if (a.endT !== null && a.endT > t) {
      a.endT = null;
      a.exitCode = null;
      a.result = null;
    }
    if (a.cancelledAt !== null && a.cancelledAt > t) a.cancelledAt = null;
  }
  return attempts;
}

const RUNNING = new Set<Status>(['identifying', 'inProgress']);

/** A row's run from the event that first shows it. */
function startRun(e: Extract<TimelineEvent, { type: 'itemChanged' }>): ItemRun {
  return {
    phase: e.phase,
    item: e.item,
    startT: e.t,
    endT: null,
    status: e.status,
    text: e.text,
    hresult: null,
    timedOut: false,
  };
}

function itemRunsOf(events: TimelineEvent[]): ItemRun[] {
  const runs: ItemRun[] = [];
  const open = new Map<string, ItemRun>();
  const timeouts = new Set(events.filter((e) => e.type === 'timeout').map((e) => e.t));
  for (const e of events) {
    if (e.type !== 'itemChanged') continue;
    const key = `${e.phase}:${e.item}`;
    const current = open.get(key);
    // The engine records the code of a failed item on the event itself; the row text is for display only.
    const hresult = e.hresult !== undefined && /^0x[0-9a-f]{8}$/i.test(e.hresult) ? parseInt(e.hresult, 16) : null;
    if (RUNNING.has(e.status)) {
      if (current) {
        current.status = e.status;
        current.text = e.text;
      } else {
        const run = startRun(e);
        runs.push(run);
        open.set(key, run);
      }
      continue;
    }
    if (e.status === 'notStarted') {
      // Try again resets the row; a run that was still open ends here.
      if (current) current.endT = e.t;
      open.delete(key);
      continue;
    }
    const run = current ?? startRun(e);
    if (!current) runs.push(run);
    run.endT = e.t;
    run.status = e.status;
    run.text = e.text;
    run.hresult = hresult;
    run.timedOut = e.status === 'failed' && timeouts.has(e.t);
    open.delete(key);
  }
  return runs;
}

function resourcesOf(scenario: Scenario, events: readonly TimelineEvent[]): ResourceResult[] {
  const results: ResourceResult[] = [];
  const names = new Map<string, string>([['EntDMID', 'EntDMID']]);
  for (const r of [
    ...scenario.tenant.policies,
    ...scenario.tenant.certificateProfiles,
    ...scenario.tenant.networkProfiles,
  ]) {
    names.set(r.id, r.displayName);
  }
  for (const e of events) {
    if (e.type === 'trackingListBuilt' && e.item !== 'apps' && e.phase !== 'devicePreparation') {
      for (const resourceId of e.ids) {
        results.push({
          phase: e.phase,
          item: e.item,
          resourceId,
          displayName: names.get(resourceId) ?? resourceId,
          startT: e.t,
          endT: null,
          ok: null,
        });
      }
    } else if (e.type === 'resourceApplied') {
      const open = results.find(
        (r) => r.phase === e.phase && r.item === e.item && r.resourceId === e.resourceId && r.endT === null,
      );
      if (open) {
        open.endT = e.t;
        open.ok = e.ok;
      }
    }
  }
  return results;
}

/** The Apps rows' tracking lists up to t, in time order (one per phase and round). */
export function appTrackingLists(facts: RunFacts): Extract<TimelineEvent, { type: 'trackingListBuilt' }>[] {
  return eventsOfType(facts.events, 'trackingListBuilt').filter((e) => e.item === 'apps');
}

/** The items the ESP tracked as apps in a phase (from the timeline), in install order. */
export function trackedAppIds(facts: RunFacts, phase: SetupPhase): string[] {
  let ids: string[] = [];
  for (const e of appTrackingLists(facts)) if (e.phase === phase) ids = e.ids;
  return ids;
}

/** The state an app is in at t, in EnrollmentStatusTracking terms: 1 NotInstalled, 2 InProgress, 3 Completed, 4 Error. */
export function installationState(facts: RunFacts, appId: string): 1 | 2 | 3 | 4 {
  const attempts = facts.attempts.filter((a) => a.app.id === appId);
  const last = attempts[attempts.length - 1];
  if (!last) return 1;
  if (last.result === null) return last.cancelledAt === null ? 2 : 4;
  if (last.result === 'failed') return 4;
  if (last.result === 'retry') return last.attempt >= 3 ? 4 : 2;
  return 3;
}

/** The first failed install up to t (the one the error screen is about), if any. */
export function failedAttempt(facts: RunFacts): AppAttempt | null {
  return facts.attempts.find((a) => a.result === 'failed' || (a.result === 'retry' && a.attempt >= 3)) ?? null;
}

export function appName(facts: RunFacts, appId: string): string {
  return facts.apps.get(appId)?.displayName ?? appId;
}

/** Every timeline event of one type, typed. */
export function eventsOfType<K extends TimelineEvent['type']>(
  events: readonly TimelineEvent[],
  type: K,
): Extract<TimelineEvent, { type: K }>[] {
  return events.filter((e): e is Extract<TimelineEvent, { type: K }> => e.type === type);
}
