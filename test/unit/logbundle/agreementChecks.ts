/**
 * What "every writer agrees with the screen" means, checked from the outside: the screen is
 * `viewAt(run, t)`, the files are read back with the fixtures' independent parsers, and each check
 * returns the disagreements a support engineer would notice (empty when the story is one).
 */
import { ITEM_TITLES, PHASE_TITLES } from '../../../shared/esp';
import type { PhaseId, Status } from '../../../shared/esp';
import type { DiagnosticsView, PhaseView } from '../../../shared/snapshot';
import type { InstallationState, TimelineEvent } from '../../../shared/timeline';
import { diagnosticsView } from '../../../electron/core/diagnostics/diagnosticsView';
import type { EngineView, Run } from '../../../electron/core/engine/simulate';
import { viewAt } from '../../../electron/core/engine/simulate';
import { entraUserSid } from '../../../electron/core/facts/ids';
import { bundleFiles } from '../../../electron/core/logbundle/bundle';
import { appLocUri, productCode } from '../../../electron/core/logbundle/resources';
import type { App, Scenario } from '../../../electron/core/scenario/model';
import type { RegFile } from './fixtures';
import { cmtraceSecond, parseCmtrace, parseReg } from './fixtures';

const HKLM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft';
const EST = `${HKLM}\\Windows\\Autopilot\\EnrollmentStatusTracking`;
const STATE_OF_VALUE: Record<number, InstallationState> = {
  1: 'notInstalled',
  2: 'inProgress',
  3: 'completed',
  4: 'error',
};
const IME_KINDS = new Set(['win32', 'win32Catalog', 'winGet']);
const MSI_KINDS = new Set(['msi', 'office']);

type Completed = Extract<TimelineEvent, { type: 'appInstallCompleted' }>;

/** Everything one check needs at one collection time. */
interface Moment {
  scenario: Scenario;
  run: Run;
  t: number;
  view: EngineView;
  events: TimelineEvent[];
  files: Map<string, string | Uint8Array>;
  reg: RegFile;
  diagnostics: DiagnosticsView;
}

function momentOf(scenario: Scenario, run: Run, t: number): Moment {
  const files = new Map(bundleFiles(scenario, run, t).map((f) => [f.name, f.content]));
  return {
    scenario,
    run,
    t,
    view: viewAt(run, t),
    events: run.timeline.filter((e) => e.t <= t),
    files,
    reg: parseReg(files.get('MdmDiagReport_RegistryDump.reg') as Uint8Array),
    diagnostics: diagnosticsView(scenario, run, t),
  };
}

const text = (m: Moment, name: string): string => {
  const content = m.files.get(name);
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
};

/** The wall-clock second of simulated second `seconds`, as `cmtraceSecond` prints it. */
function wallSecond(scenario: Scenario, seconds: number): string {
  return new Date(Date.parse(scenario.startTime) + Math.floor(seconds) * 1000).toISOString().slice(0, 19);
}

/** The state the registry dump gives a tracked app: exact for Win32 and MSI, completed-or-not for modern apps. */
function registryState(m: Moment, app: App, phase: 'deviceSetup' | 'accountSetup'): InstallationState | 'notCompleted' {
  if (IME_KINDS.has(app.kind)) {
    const pattern =
      phase === 'deviceSetup'
        ? `${EST}\\Device\\Setup\\Apps\\Tracking\\Sidecar\\Win32App_${app.id}_1`
        : new RegExp(
            `^${escape(EST)}\\\\S-1-12-1-[\\d-]+\\\\Setup\\\\Apps\\\\Tracking\\\\Sidecar\\\\Win32App_${escape(app.id)}_1$`,
          );
    const key = typeof pattern === 'string' ? pattern : m.reg.order.find((k) => pattern.test(k));
    const value = key ? m.reg.keys.get(key)?.get('InstallationState') : undefined;
    return value?.type === 'dword' ? (STATE_OF_VALUE[value.value] ?? 'notInstalled') : 'notInstalled';
  }
  if (MSI_KINDS.has(app.kind)) {
    const key = m.reg.order.find(
      (k) => k.startsWith(`${HKLM}\\EnterpriseDesktopAppManagement\\`) && k.endsWith(`\\MSI\\${productCode(app)}`),
    );
    const status = key ? m.reg.keys.get(key)?.get('Status') : undefined;
    if (status?.type !== 'dword') return 'notInstalled';
    return status.value === 70 ? 'completed' : status.value === 60 ? 'error' : 'inProgress';
  }
  const item = appLocUri(app, phase === 'deviceSetup' ? 'device' : 'user');
  const key = m.reg.order.find(
    (k) => k.includes('\\ESPTrackingInfo\\Diagnostics\\') && k.endsWith(`\\ExpectedModernAppPackages\\${item}`),
  );
  const values = key ? [...m.reg.keys.get(key)!.values()] : [];
  const last = values[values.length - 1];
  return last?.type === 'dword' && last.value === 1 ? 'completed' : 'notCompleted';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The tracked apps' states in the registry against the ESP screen the user is looking at: the
 * installed count, nothing installing after the row failed, nothing in Error while it installs,
 * the app whose exit code failed the row in Error. Apps the engine carried into this round in a
 * state it wrote before the round's tracking list, and apps already reinstalling after the ESP, are
 * not the screen's to speak for.
 */
export function appStateProblems(m: Moment): string[] {
  const problems: string[] = [];
  const screen = m.view.screen;
  const onEsp = screen.kind === 'esp' || screen.kind === 'preProvisioningResult';
  if (!onEsp) return problems;
  const phase = screen.kind === 'esp' && screen.part === 'user' ? 'accountSetup' : 'deviceSetup';
  const row = m.view.phases.find((p) => p.id === phase)!.items.find((i) => i.id === 'apps')!;
  const tracked = row.tracked ?? [];
  const lists = m.events.filter((e) => e.type === 'trackingListBuilt' && e.item === 'apps' && e.phase === phase);
  const listT = lists[lists.length - 1]?.t ?? Infinity;
  const lastWrite = (appId: string) =>
    m.events.findLast((e) => e.type === 'installationStateChanged' && e.appId === appId)?.t ?? -Infinity;
  const afterEsp = new Set(
    m.events
      .filter((e) => e.type === 'appInstallStarted' && e.phase === 'afterEsp')
      .map((e) => (e as { appId: string }).appId),
  );
  const states = new Map<string, InstallationState | 'notCompleted'>();
  for (const id of tracked) {
    const app = m.scenario.tenant.apps.find((a) => a.id === id)!;
    states.set(id, registryState(m, app, phase));
  }
  const inRound = tracked.filter((id) => !afterEsp.has(id) && lastWrite(id) >= listT);
  const where = `${PHASE_TITLES[phase]} at t=${m.t} (${row.text})`;
  const count = /\((\d+) of (\d+) installed\)$/.exec(row.text);
  if (count && !tracked.some((id) => afterEsp.has(id))) {
    const completed = tracked.filter((id) => states.get(id) === 'completed').length;
    if (completed !== Number(count[1])) problems.push(`${where}: the registry has ${completed} apps Completed`);
    if (tracked.length !== Number(count[2])) problems.push(`${where}: the screen tracks ${tracked.length} apps`);
  }
  if (row.status === 'succeeded') {
    for (const id of tracked)
      if (states.get(id) !== 'completed' && !afterEsp.has(id)) problems.push(`${where}: ${id} is ${states.get(id)}`);
  }
  if (row.status === 'inProgress') {
    for (const id of inRound) if (states.get(id) === 'error') problems.push(`${where}: ${id} is Error in the registry`);
  }
  if (row.status === 'failed') {
    for (const id of inRound)
      if (states.get(id) === 'inProgress') problems.push(`${where}: ${id} is still InProgress in the registry`);
    const failedRow = m.events.findLast(
      (e) => e.type === 'itemChanged' && e.phase === phase && e.item === 'apps' && e.status === 'failed',
    );
    for (const e of m.events) {
      if (e.type !== 'appInstallCompleted' || e.phase !== phase || e.t !== failedRow?.t || !tracked.includes(e.appId))
        continue;
      const exitFailed = m.events.some(
        (x) => x.type === 'installationStateChanged' && x.appId === e.appId && x.t === e.t && x.state === 'error',
      );
      if (exitFailed && states.get(e.appId) !== 'error' && states.get(e.appId) !== 'notCompleted')
        problems.push(`${where}: ${e.appId} failed the row with ${e.exitCode} but is ${states.get(e.appId)}`);
    }
  }
  return problems;
}

/** IME logs: nothing after t; `lpExitCode` lines exactly for the IME installs that exited by t; each failure reported with its HRESULT. */
export function imeLogProblems(m: Moment): string[] {
  const problems: string[] = [];
  const limit = wallSecond(m.scenario, m.t);
  for (const name of ['IntuneManagementExtension.log', 'AppWorkload.log', 'AgentExecutor.log']) {
    for (const e of parseCmtrace(text(m, name)).entries) {
      const second = cmtraceSecond(e);
      if (second === null || second > limit) problems.push(`${name}: a line at ${second} after ${limit}: ${e.message}`);
    }
  }
  const channel = new Map<string, string>();
  for (const e of m.events) if (e.type === 'appInstallStarted') channel.set(`${e.appId}#${e.attempt}`, e.channel);
  const imeExits = m.events.filter(
    (e): e is Completed => e.type === 'appInstallCompleted' && channel.get(`${e.appId}#${e.attempt}`) === 'ime',
  );
  const workload = parseCmtrace(text(m, 'AppWorkload.log')).entries.map((e) => e.message);
  const logged = workload.flatMap((msg) => /^\[Win32App\] lpExitCode (-?\d+)$/.exec(msg)?.[1] ?? []).map(Number);
  // WinGet apps have no lpExitCode lines: their executor reports the result (§5.3).
  const winGet = new Set(m.scenario.tenant.apps.filter((a) => a.kind === 'winGet').map((a) => a.id));
  const expected = imeExits.filter((e) => !winGet.has(e.appId)).map((e) => e.exitCode);
  const executor = workload.filter((msg) => msg.startsWith('[Win32App][WinGetApp][WinGetAppExecutionExecutor]'));
  const winGetExits = imeExits.filter((e) => winGet.has(e.appId)).length;
  if (executor.length !== winGetExits)
    problems.push(`AppWorkload.log: ${executor.length} WinGet executor results, the record ${winGetExits}`);
  if (JSON.stringify([...logged].sort()) !== JSON.stringify([...expected].sort()))
    problems.push(`AppWorkload.log: lpExitCode ${JSON.stringify(logged)}, the record ${JSON.stringify(expected)}`);
  // A failure code, or a retry code the engine scheduled no further attempt for (the round's last).
  const failures = imeExits.filter(
    (e) =>
      e.result === 'failed' ||
      (e.result === 'retry' &&
        !m.events.some((x) => x.type === 'appRetryScheduled' && x.appId === e.appId && x.t === e.t)),
  );
  const reported = workload.filter((msg) => msg.includes('"EnforcementState":{"NewValue":5000'));
  for (const f of failures) {
    const code = parseInt(f.hresult, 16) | 0;
    if (!reported.some((msg) => msg.includes(`id: ${f.appId} `) && msg.includes(`"ErrorCode":{"NewValue":${code},`)))
      problems.push(`AppWorkload.log: ${f.appId}'s failure with ${f.hresult} is not reported`);
  }
  if (reported.length !== failures.length)
    problems.push(`AppWorkload.log: ${reported.length} failures reported, the record has ${failures.length}`);
  return problems;
}

const CODES: Record<Status, number[]> = {
  failed: [1, 2],
  previousStepFailed: [3],
  notStarted: [4],
  identifying: [4],
  inProgress: [4],
  succeeded: [5],
  notRun: [6, 7],
};

/** The diagnostics page: each ESP category and row with the status and text the screen shows. */
export function diagnosticsProblems(m: Moment): string[] {
  const problems: string[] = [];
  for (const phase of m.view.phases) {
    const category = m.diagnostics.deployment.find((c) => c.categoryName === PHASE_TITLES[phase.id]);
    if (!category) {
      problems.push(`diagnostics: no ${PHASE_TITLES[phase.id]} category`);
      continue;
    }
    if (!CODES[phase.status].includes(category.status))
      problems.push(`diagnostics: ${phase.title} is ${category.status}, the screen ${phase.status} at t=${m.t}`);
    problems.push(...rowProblems(m, phase, category.events));
  }
  return problems;
}

function rowProblems(m: Moment, phase: PhaseView, events: DiagnosticsView['deployment'][number]['events']): string[] {
  const problems: string[] = [];
  for (const row of phase.items) {
    const last = events.filter((e) => e.eventName === ITEM_TITLES[row.id]).at(-1);
    if (!last) {
      if (row.status !== 'notStarted' && row.status !== 'notRun')
        problems.push(`diagnostics: ${phase.title} has no ${row.text} at t=${m.t}`);
      continue;
    }
    if (!CODES[row.status].includes(last.status) || !last.details.startsWith(row.text))
      problems.push(
        `diagnostics: ${phase.title} shows ${last.details} (${last.status}), the screen ${row.text} (${row.status}) at t=${m.t}`,
      );
  }
  return problems;
}

/** FirstSync has a per-user key for exactly the users who signed in by t (the record's `signedIn`). */
export function firstSyncProblems(m: Moment): string[] {
  const upns = new Set(m.events.flatMap((e) => (e.type === 'signedIn' ? [e.userPrincipalName.toLowerCase()] : [])));
  const expected = m.scenario.users
    .filter((u) => upns.has(u.userPrincipalName.toLowerCase()))
    .map((u) => entraUserSid(u.id))
    .sort();
  const present = m.reg.order
    .flatMap((k) => /\\Enrollments\\\{[0-9A-F-]+\}\\FirstSync\\(S-1-12-1-[\d-]+)$/.exec(k)?.[1] ?? [])
    .sort();
  return JSON.stringify(present) === JSON.stringify(expected)
    ? []
    : [`FirstSync per-user keys ${JSON.stringify(present)} at t=${m.t}, signed in: ${JSON.stringify(expected)}`];
}

/** AutopilotSettings holds each category and row text exactly as the screen shows it (§4.5). */
export function autopilotSettingsProblems(m: Moment): string[] {
  if (!m.run.espShown.device) return [];
  const key = `${HKLM}\\Provisioning\\AutopilotSettings`;
  const ids: Record<PhaseId, string> = {
    devicePreparation: 'DevicePreparation',
    deviceSetup: 'DeviceSetup',
    accountSetup: 'AccountSetup',
  };
  const problems: string[] = [];
  for (const phase of m.view.phases) {
    if (phase.status === 'notRun') continue;
    const value = m.reg.keys.get(key)?.get(`${ids[phase.id]}Category.Status`);
    const json = value?.type === 'sz' ? (JSON.parse(value.value) as Record<string, unknown>) : null;
    const rows = json
      ? Object.entries(json)
          .filter(([k]) => k.startsWith(`${ids[phase.id]}.`))
          .map(([, v]) => (v as { subcategoryStatusText: string }).subcategoryStatusText)
      : null;
    if (
      json?.categoryStatusText !== phase.statusText ||
      JSON.stringify(rows) !== JSON.stringify(phase.items.map((i) => i.text))
    )
      problems.push(`AutopilotSettings: ${phase.title} differs from the screen at t=${m.t}`);
  }
  return problems;
}

/** Every disagreement between the bundle, the diagnostics page and the screen at t. */
export function disagreements(scenario: Scenario, run: Run, t: number): string[] {
  const m = momentOf(scenario, run, t);
  return [
    ...appStateProblems(m),
    ...imeLogProblems(m),
    ...diagnosticsProblems(m),
    ...firstSyncProblems(m),
    ...autopilotSettingsProblems(m),
  ];
}
