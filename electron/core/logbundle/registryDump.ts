/**
 * MdmDiagReport_RegistryDump.reg (§3.4, §4.3–4.7): the registry keys the ESP and its providers
 * keep, holding this run's values at the collection time t. Past 400 lines because it is one file:
 * each key family is a short function over RunFacts, and the .reg encoding they share sits at the end.
 *
 * Format choice: regedit-style, UTF-16LE with a BOM, the `Windows Registry Editor Version 5.00`
 * header and CRLF. MDMDiagnosticsTool's own dump omits the header (§3.4 [3P]), so support staff
 * prepend it before they can import or diff the file; writing it importable from the start loses
 * nothing a reader needs, and every .reg tool (regedit, reg import, RegRipper-style parsers) reads it.
 */
import type { PhaseId, Status } from '../../../shared/esp';
import { PHASES } from '../../../shared/esp';
import type { PhaseView } from '../../../shared/snapshot';
import type { InstallationState, TimelineEvent } from '../../../shared/timeline';
import { INSTALLATION_STATE_VALUE } from '../../../shared/timeline';
import { ERROR_TIMEOUT } from '../engine/devicePreparation';
import type { AppAttempt, RunFacts, SignIn } from '../facts/history';
import {
  currentTrackingLists,
  currentUserSignedInAt,
  eventsOfType,
  installationState,
  installationStateBefore,
  installerOf,
  sidAt,
  trackedAppIds,
  userAt,
} from '../facts/history';
import { DEVICE_USER_ID } from './imeLogs';
import { appLocUri, expectedListOf, productCode, resourceLocUri } from './resources';
import { cloudAssignedOobeConfig } from './autopilotProfile';
import { trackingTimestamp } from '../facts/time';

export type RegValue =
  | { name: string; type: 'sz'; data: string }
  | { name: string; type: 'dword'; data: number }
  | { name: string; type: 'multiSz'; data: string[] };

export interface RegKey {
  path: string;
  values: RegValue[];
}

const HKLM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft';
const EST = `${HKLM}\\Windows\\Autopilot\\EnrollmentStatusTracking`;
/** The "user" EnterpriseDesktopAppManagement files device-context MSI installs under. */
const EDAM_DEVICE_SID = 'S-0-0-00-0000000000-0000000000-000000000-000';
/** CSP list delimiter (§4.2). */
const LIST_DELIMITER = '\uf000';
const SKIPPED = 0xffffffff;

const sz = (name: string, data: string): RegValue => ({ name, type: 'sz', data });
const dword = (name: string, data: number): RegValue => ({ name, type: 'dword', data: data >>> 0 });

// ---- the model -----------------------------------------------------------------------------------

/** Every key of the dump with its values at t, in file order (§4.3–4.7). */
export function registryKeys(facts: RunFacts): RegKey[] {
  return [
    ...enrollmentKeys(facts),
    ...imeKeys(facts),
    ...msiKeys(facts),
    ...autopilotSettingsKeys(facts),
    ...provisioningDiagnosticsKeys(facts),
    ...enrollmentStatusTrackingKeys(facts),
    ...espTrackingInfoKeys(facts),
  ];
}

function happened(facts: RunFacts, predicate: (e: RunFacts['events'][number]) => boolean): boolean {
  return facts.events.some(predicate);
}

function deviceEspCompleted(facts: RunFacts): boolean {
  return happened(facts, (e) => e.type === 'espCompleted' && e.part === 'device');
}

function phaseView(facts: RunFacts, id: PhaseId): PhaseView {
  return facts.view.phases.find((p) => p.id === id)!;
}

/** 0 failed, 1 succeeded, 2 in progress (§4.2). */
function provisioningResult(facts: RunFacts, phases: PhaseId[], done: boolean): number {
  if (done) return 1;
  if (phases.some((p) => phaseView(facts, p).status === 'failed')) return 0;
  return 2;
}

/**
 * The LocURIs the server sent for the Expected* lists of a phase (§4.2): the resources and MSI or
 * modern apps of the phase's last tracking list in `events` (the device's part of the record, or
 * one user's), or nothing before the lists exist.
 */
function expectedLists(
  facts: RunFacts,
  phase: 'deviceSetup' | 'accountSetup',
  events: readonly TimelineEvent[],
): RegValue[] {
  const list = eventsOfType(events, 'trackingListBuilt').findLast((e) => e.phase === phase && e.item === 'apps');
  if (!list) return [];
  const scope = phase === 'deviceSetup' ? 'device' : 'user';
  const lists = new Map<string, string[]>([
    ['ExpectedPolicies', []],
    ['ExpectedMSIAppPackages', []],
    ['ExpectedModernAppPackages', []],
    ['ExpectedNetworkProfiles', []],
    ['ExpectedSCEPCerts', []],
    ['ExpectedPFXCerts', []],
  ]);
  for (const r of facts.resources.filter((r) => r.phase === phase && r.startT === list.t)) {
    lists.get(expectedListOf(facts.scenario, r.resourceId))!.push(resourceLocUri(facts.scenario, r.resourceId, scope));
  }
  for (const id of list.ids) {
    const app = facts.apps.get(id);
    if (!app) continue;
    const installer = installerOf(app);
    if (installer === 'msi') lists.get('ExpectedMSIAppPackages')!.push(`${appLocUri(app, scope)};1`);
    if (installer === 'modern') lists.get('ExpectedModernAppPackages')!.push(appLocUri(app, scope));
  }
  return [...lists].filter(([, uris]) => uris.length > 0).map(([name, uris]) => sz(name, uris.join(LIST_DELIMITER)));
}

/** `FirstSync\{UserSID}` of one user who signed in (§4.3): their part of the record, from their sign-in. */
function userFirstSyncKey(facts: RunFacts, base: string, signIn: SignIn): RegKey {
  const events = facts.events.filter((e) => e.t >= signIn.t && (signIn.untilT === null || e.t < signIn.untilT));
  const done = events.some((e) => e.type === 'espCompleted' && e.part === 'user');
  // The screen at t is the current user's; an earlier user's result is what their part of the record says.
  const result =
    signIn.untilT === null
      ? provisioningResult(facts, ['accountSetup'], done)
      : done
        ? 1
        : events.some((e) => e.type === 'phaseCompleted' && e.phase === 'accountSetup' && e.status === 'failed')
          ? 0
          : 2;
  return {
    path: `${base}\\FirstSync\\${signIn.sid}`,
    values: [
      dword('SkipUserStatusPage', facts.run.espShown.user ? 0 : SKIPPED),
      dword('IsSyncDone', done ? 1 : 0),
      dword(
        'ServerHasFinishedProvisioning',
        eventsOfType(events, 'trackingListBuilt').some((e) => e.phase === 'accountSetup') ? 1 : 0,
      ),
      dword('WasDeviceSuccessfullyProvisioned', facts.run.espShown.user ? result : 1),
      ...expectedLists(facts, 'accountSetup', events),
    ],
  };
}

function enrollmentKeys(facts: RunFacts): RegKey[] {
  const { profile, scenario } = facts;
  const base = `${HKLM}\\Enrollments\\{${facts.ids.enrollment}}`;
  return [
    {
      path: base,
      values: [
        sz('ProviderID', 'MS DM Server'),
        ...(facts.user ? [sz('UPN', facts.user.userPrincipalName)] : []),
        dword('EnrollmentType', 6),
        dword('EnrollmentState', 1),
        sz('AADTenantID', scenario.tenant.id),
        sz('DiscoveryServiceFullURL', 'https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc'),
        sz('EntDMID', facts.ids.intuneDevice),
      ],
    },
    {
      path: `${base}\\FirstSync`,
      values: [
        dword('SkipDeviceStatusPage', facts.run.espShown.device ? 0 : SKIPPED),
        dword('SkipUserStatusPage', facts.run.espShown.user ? 0 : SKIPPED),
        dword('BlockInStatusPage', facts.blockInStatusPage),
        dword('SyncFailureTimeout', profile.installProgressTimeoutInMinutes),
        dword('AllowCollectLogsButton', profile.allowLogCollectionOnInstallFailure ? 1 : 0),
        ...(profile.customErrorMessage ? [sz('CustomErrorText', profile.customErrorMessage)] : []),
        dword('IsSyncDone', deviceEspCompleted(facts) ? 1 : 0),
        dword(
          'ServerHasFinishedProvisioning',
          eventsOfType(facts.events, 'trackingListBuilt').some((e) => e.phase === 'deviceSetup') ? 1 : 0,
        ),
        dword(
          'WasDeviceSuccessfullyProvisioned',
          facts.run.espShown.device
            ? provisioningResult(facts, ['devicePreparation', 'deviceSetup'], deviceEspCompleted(facts))
            : 1,
        ),
        ...expectedLists(facts, 'deviceSetup', facts.events),
      ],
    },
    // One per user who signed in (§4.3): the record's `signedIn`, not the deployment mode.
    ...facts.signIns.map((signIn) => userFirstSyncKey(facts, base, signIn)),
  ];
}

/** The last attempt of each app, in first-attempt order. */
function lastAttempts(facts: RunFacts, filter: (a: AppAttempt) => boolean): AppAttempt[] {
  const last = new Map<string, AppAttempt>();
  for (const a of facts.attempts) if (filter(a)) last.set(a.app.id, a);
  return [...last.values()];
}

/** §4.7: IME's per-app state (EnforcementState 1000 success, 2000 in progress, 5000 error). */
function imeKeys(facts: RunFacts): RegKey[] {
  const keys: RegKey[] = [];
  for (const a of lastAttempts(facts, (a) => installerOf(a.app) === 'ime')) {
    const installedFor = a.app.installContext === 'user' ? userAt(facts, a.startT) : null;
    const user = installedFor ? installedFor.id : DEVICE_USER_ID;
    const state = installationState(facts, a.app.id);
    // Error: the record's HRESULT of the exit code; an install the ESP stopped reports ERROR_TIMEOUT.
    const error = state === 4 ? (a.hresult ?? ERROR_TIMEOUT | 0) : null;
    const enforcement = state === 3 ? 1000 : state === 4 ? 5000 : 2000;
    keys.push({
      path: `${HKLM}\\IntuneManagementExtension\\Win32Apps\\${user}\\${a.app.id}_1`,
      values: [
        dword('Intent', 3),
        sz(
          'ComplianceStateMessage',
          JSON.stringify({
            Applicability: 0,
            ComplianceState: state === 3 ? 1 : 2,
            DesiredState: 2,
            ErrorCode: error,
            TargetingMethod: 0,
            InstallContext: a.app.installContext === 'user' ? 1 : 2,
            TargetType: a.app.installContext === 'user' ? 1 : 2,
            ProductVersion: null,
            AssignmentFilterIds: null,
          }),
        ),
        sz(
          'EnforcementStateMessage',
          JSON.stringify({ EnforcementState: enforcement, ErrorCode: error, TargetingMethod: 0 }),
        ),
      ],
    });
  }
  return keys;
}

/** §4.7: EnterpriseDesktopAppManagement status of LOB MSI installs (70 installed, 60 failed). */
function msiKeys(facts: RunFacts): RegKey[] {
  return lastAttempts(facts, (a) => installerOf(a.app) === 'msi').map((a) => {
    const state = installationState(facts, a.app.id);
    const sid = (a.app.installContext === 'user' ? sidAt(facts, a.startT) : null) ?? EDAM_DEVICE_SID;
    return {
      path: `${HKLM}\\EnterpriseDesktopAppManagement\\${sid}\\MSI\\${productCode(a.app)}`,
      values: [
        dword('Status', state === 3 ? 70 : state === 4 ? 60 : 40),
        dword('LastError', state === 4 && a.exitCode !== null ? a.exitCode : 0),
        sz('CurrentDownloadUrl', `https://fef.msua01.manage.microsoft.com/ContentDownload/${a.app.id}.msi`),
        sz('ProductVersion', '1.0.0.0'),
        dword('AssignmentType', 1),
      ],
    };
  });
}

// ---- AutopilotSettings (§4.5): what the ESP showed, so it can restore it after a restart ----------

const CATEGORY_ID: Record<PhaseId, string> = {
  devicePreparation: 'DevicePreparation',
  deviceSetup: 'DeviceSetup',
  accountSetup: 'AccountSetup',
};

const SUBCATEGORY_ID: Record<string, string> = {
  tpm: 'TpmAttestationSubcategory',
  join: 'AadjSubcategory',
  mdm: 'MdmEnrollmentSubcategory',
  espProvider: 'EspProviderInstallationSubcategory',
  securityPolicies: 'SecurityPoliciesSubcategory',
  certificates: 'CertificatesSubcategory',
  networkConnections: 'NetworkConnectionsSubcategory',
  apps: 'AppsSubcategory',
};

/** AutopilotSettings' state name for a screen status (§4.5). */
export function uiState(status: Status, level: 'category' | 'subcategory'): string {
  switch (status) {
    case 'notStarted':
      return 'notStarted';
    case 'identifying':
    case 'inProgress':
      return 'inProgress';
    case 'succeeded':
    case 'notRun':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'previousStepFailed':
      return level === 'category' ? 'failedFromPreviousCategory' : 'failedFromPreviousSubcategory';
  }
}

/** The JSON of `<Category>Category.Status` exactly as the screen showed it at t. */
export function categoryStatusJson(phase: PhaseView): string {
  const value: Record<string, unknown> = {
    categoryState: uiState(phase.status, 'category'),
    categoryStatusText: phase.statusText,
  };
  for (const item of phase.items) {
    value[`${CATEGORY_ID[phase.id]}.${SUBCATEGORY_ID[item.id]}`] = {
      subcategoryState: uiState(item.status, 'subcategory'),
      subcategoryStatusText: item.text,
    };
  }
  return JSON.stringify(value);
}

function autopilotSettingsKeys(facts: RunFacts): RegKey[] {
  const values: RegValue[] = [];
  if (facts.run.espShown.device) {
    for (const id of PHASES) {
      const phase = phaseView(facts, id);
      if (phase.status === 'notRun') continue;
      values.push(sz(`${CATEGORY_ID[id]}Category.Status`, categoryStatusJson(phase)));
    }
  }
  return [{ path: `${HKLM}\\Provisioning\\AutopilotSettings`, values }];
}

// ---- Provisioning\Diagnostics\Autopilot (§4.7) ------------------------------------------------------

function provisioningDiagnosticsKeys(facts: RunFacts): RegKey[] {
  const { scenario } = facts;
  const base = `${HKLM}\\Provisioning\\Diagnostics\\Autopilot`;
  if (!scenario.deployment.autopilotRegistered) {
    return [{ path: base, values: [dword('IsAutopilotDisabled', 1), dword('TenantMatched', 0)] }];
  }
  return [
    {
      path: base,
      values: [
        sz('AadTenantId', scenario.tenant.id),
        sz('CloudAssignedTenantDomain', facts.tenantDomain),
        sz('CloudAssignedTenantId', scenario.tenant.id),
        dword('IsAutopilotDisabled', 0),
        dword('TenantMatched', 1),
        dword('CloudAssignedOobeConfig', cloudAssignedOobeConfig(scenario)),
        dword('CloudAssignedForcedEnrollment', 1),
        dword('CloudAssignedDomainJoinMethod', scenario.deployment.join === 'hybrid' ? 1 : 0),
        sz('DeploymentProfileName', scenario.device.enrollmentProfileName),
        sz('ZtdCorrelationId', facts.ids.ztdCorrelation),
      ],
    },
    {
      path: `${base}\\EstablishedCorrelations`,
      values: [sz('EntDMID', facts.ids.intuneDevice), sz('ZTDRegistrationID', facts.ids.ztdRegistration)],
    },
  ];
}

// ---- EnrollmentStatusTracking (§4.1, §4.4) ---------------------------------------------------------

function rebootRequired(facts: RunFacts, appId: string): number {
  const done = facts.attempts.filter((a) => a.app.id === appId && a.result !== null);
  const last = done[done.length - 1];
  return last?.result === 'hardReboot' ? 3 : last?.result === 'softReboot' ? 2 : 1;
}

function setupKeys(facts: RunFacts, root: string, phase: 'deviceSetup' | 'accountSetup'): RegKey[] {
  const built = currentTrackingLists(facts, phase).length > 0;
  // Account setup before the current user signed in was another user's.
  const since = phase === 'accountSetup' ? (currentUserSignedInAt(facts) ?? -Infinity) : -Infinity;
  // The Apps row ran (not only waited, or read Previous step failed) since then.
  const started = facts.items.some(
    (r) =>
      r.phase === phase &&
      r.item === 'apps' &&
      r.startT >= since &&
      (r.status === 'identifying' || r.status === 'inProgress' || r.status === 'succeeded' || r.status === 'failed'),
  );
  if (!started) return [];
  const scope = phase === 'deviceSetup' ? 'Device' : 'User';
  const keys: RegKey[] = [
    {
      path: `${root}\\Setup`,
      values: [
        dword('HasProvisioningCompleted', facts.run.espEndedAt !== null && facts.run.espEndedAt <= facts.t ? 1 : 0),
      ],
    },
    { path: `${root}\\Setup\\Apps`, values: [] },
    {
      path: `${root}\\Setup\\Apps\\PolicyProviders\\Sidecar`,
      values: [dword('TrackingPoliciesCreated', built ? 1 : 0)],
    },
  ];
  for (const id of trackedAppIds(facts, phase)) {
    const app = facts.apps.get(id);
    if (!app || installerOf(app) !== 'ime') continue;
    const name = `Win32App_${id}_1`;
    keys.push({
      path: `${root}\\Setup\\Apps\\Tracking\\Sidecar\\${name}`,
      values: [
        dword('InstallationState', installationState(facts, id)),
        dword('RebootRequired', rebootRequired(facts, id)),
        sz('TrackingUri', `./${scope}/Vendor/MSFT/EnrollmentStatusTracking/Setup/Apps/Tracking/Sidecar/${name}`),
      ],
    });
  }
  return keys;
}

function enrollmentStatusTrackingKeys(facts: RunFacts): RegKey[] {
  const prep = facts.items.filter((r) => r.phase === 'devicePreparation' && r.item === 'espProvider').pop();
  const state = prep
    ? prep.status === 'succeeded'
      ? 3
      : prep.status === 'failed'
        ? 4
        : 1
    : facts.imeStartT !== null
      ? 3
      : 1;
  const provider = `${EST}\\Device\\DevicePreparation\\PolicyProviders\\Sidecar`;
  const keys: RegKey[] = [
    {
      path: provider,
      values: [
        dword('InstallationState', state),
        dword('LastError', state === 4 && prep?.hresult != null ? prep.hresult : 0),
        dword('Timeout', 15),
      ],
    },
    { path: `${provider}\\TrackedResourceTypes`, values: [dword('Apps', 1)] },
    ...setupKeys(facts, `${EST}\\Device`, 'deviceSetup'),
  ];
  // The user's subtree exists once the ESP reached Account setup: after Device setup succeeded
  // (§4.4), or the user continued past it (setupKeys writes nothing before the Apps row started).
  if (facts.userSid) keys.push(...setupKeys(facts, `${EST}\\${facts.userSid}`, 'accountSetup'));
  return keys;
}

// ---- ESPTrackingInfo\Diagnostics (§4.6): one timestamp-named value per state write -------------------

function espTrackingInfoKeys(facts: RunFacts): RegKey[] {
  const base = `${EST}\\ESPTrackingInfo\\Diagnostics`;
  const keys: RegKey[] = [];
  for (const phase of ['deviceSetup', 'accountSetup'] as const) {
    const list = currentTrackingLists(facts, phase)[0];
    if (!list) continue;
    if (phase === 'accountSetup' && !facts.userSid) continue;
    const root = phase === 'deviceSetup' ? base : `${base}\\${facts.userSid}`;
    const scope = phase === 'deviceSetup' ? 'device' : 'user';
    const stamp = (seconds: number): string => trackingTimestamp(facts.startMs, seconds);
    const items = new Map<string, RegValue[]>();
    const write = (category: string, item: string, seconds: number, value: number): void => {
      const key = `${root}\\${category}\\${item}`;
      const values = items.get(key) ?? [];
      const name = stamp(seconds);
      const same = values.findIndex((v) => v.name === name);
      if (same >= 0) values.splice(same, 1);
      values.push(dword(name, value));
      items.set(key, values);
    };
    for (const r of facts.resources.filter((r) => r.phase === phase && r.startT >= list.t)) {
      const category = expectedListOf(facts.scenario, r.resourceId);
      const item = resourceLocUri(facts.scenario, r.resourceId, scope);
      write(category, item, r.startT, 0);
      if (r.endT !== null && r.ok) write(category, item, r.endT, 1);
    }
    // Apps: every InstallationState the engine wrote for the app in this phase since it was
    // registered, starting from the state it had then (§4.6: 1–4 for Win32, 0/1 for the others).
    for (const id of list.ids) {
      const app = facts.apps.get(id);
      if (!app) continue;
      const installer = installerOf(app);
      const category =
        installer === 'ime' ? 'Sidecar' : installer === 'msi' ? 'ExpectedMSIAppPackages' : 'ExpectedModernAppPackages';
      const item = installer === 'ime' ? `Win32App_${id}_1` : appLocUri(app, scope);
      const value = (state: InstallationState): number =>
        installer === 'ime' ? INSTALLATION_STATE_VALUE[state] : state === 'completed' ? 1 : 0;
      let last = value(installationStateBefore(facts, id, list.t) ?? 'notInstalled');
      write(category, item, list.t, last);
      for (const c of facts.stateChanges) {
        if (c.appId !== id || c.phase !== phase || c.t < list.t || value(c.to) === last) continue;
        last = value(c.to);
        write(category, item, c.t, last);
      }
    }
    for (const [path, values] of items) keys.push({ path, values });
  }
  return keys;
}

// ---- the file ---------------------------------------------------------------------------------------

function escapeString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** `hex(N):` bytes, wrapped like regedit: about 80 columns, `,\` and two spaces on the next line. */
function hexValue(prefix: string, bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = prefix;
  for (let i = 0; i < bytes.length; i++) {
    const piece = bytes[i]!.toString(16).padStart(2, '0') + (i < bytes.length - 1 ? ',' : '');
    if (line.length + piece.length > 78 && i < bytes.length) {
      lines.push(line + '\\');
      line = '  ';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\r\n');
}

function utf16(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

function valueLine(v: RegValue): string {
  const name = v.name === '' ? '@' : `"${escapeString(v.name)}"`;
  switch (v.type) {
    case 'dword':
      return `${name}=dword:${(v.data >>> 0).toString(16).padStart(8, '0')}`;
    case 'sz':
      // REG_SZ with line breaks cannot be written as a quoted string: regedit writes hex(1).
      if (/[\r\n\0]/.test(v.data)) return hexValue(`${name}=hex(1):`, utf16(v.data + '\0'));
      return `${name}="${escapeString(v.data)}"`;
    case 'multiSz':
      return hexValue(`${name}=hex(7):`, utf16(v.data.map((s) => s + '\0').join('') + '\0'));
  }
}

export const REG_HEADER = 'Windows Registry Editor Version 5.00';

/** The dump as text (CRLF), before encoding. */
export function registryDumpText(facts: RunFacts): string {
  const out: string[] = [REG_HEADER, ''];
  for (const key of registryKeys(facts)) {
    out.push(`[${key.path}]`);
    for (const v of key.values) out.push(valueLine(v));
    out.push('');
  }
  return out.join('\r\n') + '\r\n';
}

/** UTF-16LE with a BOM, as regedit exports. */
export function registryDump(facts: RunFacts): Uint8Array {
  const body = Buffer.from(registryDumpText(facts), 'utf16le');
  const out = new Uint8Array(body.length + 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  out.set(body, 2);
  return out;
}
