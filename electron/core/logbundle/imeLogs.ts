/**
 * The Intune Management Extension's logs (§3.3) for this run: IntuneManagementExtension.log (the
 * agent, its check-ins and the ESP hand-offs), AppWorkload.log (Win32 app processing: ESP phases,
 * registration, download, lpExitCode, detection, reporting; newer IME moved this work there) and
 * AgentExecutor.log (the PowerShell detection scripts of Win32 LOB apps). Only apps the IME installs
 * appear here (Win32, Win32 catalog, WinGet); MSI, Office and Store apps go through other CSPs and
 * show in the event logs and the registry instead. Past 400 lines because the three logs share one
 * reading of the attempts (threads, users, tracked states) and the padding the benchmark uses.
 */
import { PHASE_TITLES, formatHresult } from '../../../shared/esp';
import type { InstallationState } from '../../../shared/timeline';
import { RETRY_ATTEMPTS } from '../engine/appInstall';
import type { AppAttempt, RunFacts } from '../facts/history';
import {
  appTrackingLists,
  eventsOfType,
  exitFailed,
  installerOf,
  stateChangeAt,
  trackedAppIds,
  userAt,
} from '../facts/history';
import type { LineType, LogLine } from './cmtrace';
import { LogBuilder, chunkedBytes, lineFormatter } from './cmtrace';
import { entraUserSid, hashInt } from '../facts/ids';
import { TICKS_PER_SECOND, ticksOf } from '../facts/time';

export const IME_AGENT_VERSION = '1.104.102.0';
export const DEVICE_USER_ID = '00000000-0000-0000-0000-000000000000';

const THREAD = { agent: 1, poller: 5, status: 9, deviceSetup: 14, accountSetup: 27, afterEsp: 33 } as const;

/** EspPhase names as the IME prints them. */
const ESP_PHASE = { devicePreparation: 'DevicePreparation', deviceSetup: 'DeviceSetup', accountSetup: 'AccountSetup' };

/** How the IME names a return-code type in `lpExitCode is defined as ...`. */
const DEFINED_AS = {
  success: 'Success',
  softReboot: 'SoftReboot',
  hardReboot: 'HardReboot',
  retry: 'Retry',
  failed: 'Failed',
} as const;

/** How the IME names an InstallationState in `Updating ESP tracked install status from ... to ...`. */
const TRACKED_STATUS: Record<InstallationState, string> = {
  notInstalled: 'NotInstalled',
  inProgress: 'InProgress',
  completed: 'Completed',
  error: 'Error',
};

function threadFor(attempt: AppAttempt): number {
  return attempt.phase === 'afterEsp'
    ? THREAD.afterEsp
    : attempt.phase === 'accountSetup'
      ? THREAD.accountSetup
      : THREAD.deviceSetup;
}

function userIdFor(facts: RunFacts, attempt: AppAttempt): string {
  const user = attempt.app.installContext === 'user' ? userAt(facts, attempt.startT) : null;
  return user ? user.id : DEVICE_USER_ID;
}

/**
 * `[EspManager] Updating ESP tracked install status ...` for the InstallationState the engine wrote
 * for a tracked app at `seconds` (§4.1), if it wrote one then; Error lines are errors (type 3).
 */
function trackedStatusLine(log: LogBuilder, facts: RunFacts, a: AppAttempt, seconds: number, thread: number): void {
  const change = stateChangeAt(facts, a.app.id, seconds);
  if (!change || change.from === null) return;
  log.add(
    seconds,
    thread,
    change.to === 'error' ? 3 : 1,
    `[Win32App][EspManager] Updating ESP tracked install status from ${TRACKED_STATUS[change.from]} to ${TRACKED_STATUS[change.to]} for application ${a.app.id} with name: ${a.app.displayName}`,
  );
}

function isTracked(facts: RunFacts, attempt: AppAttempt): boolean {
  return (
    attempt.phase !== 'afterEsp' &&
    trackedAppIds(facts, attempt.phase === 'accountSetup' ? 'accountSetup' : 'deviceSetup').includes(attempt.app.id)
  );
}

function imeAttempts(facts: RunFacts): AppAttempt[] {
  return facts.attempts.filter((a) => a.channel === 'ime');
}

// ---- AppWorkload.log ---------------------------------------------------------------------------

/**
 * AppWorkload.log's lines up to t, in time order: ESP phases and registrations from the tracking
 * lists, and per IME attempt its download, launch, exit code, retry and tracked-state writes, all
 * as the record has them (`appInstall*`, `appRetryScheduled`, `installationStateChanged`).
 */
export function appWorkloadLines(facts: RunFacts): LogLine[] {
  const log = new LogBuilder('AppWorkload', String(facts.scenario.seed));
  const { t } = facts;
  if (facts.imeStartT === null) return [];
  // A couple of seconds after the agent starts, if that was by t.
  const workloadStart = facts.imeStartT + 2;
  if (workloadStart <= t)
    log.add(workloadStart, THREAD.agent, 1, '[Win32App] AppWorkload started. Waiting for app policies.');

  for (const e of appTrackingLists(facts)) {
    const phase = ESP_PHASE[e.phase];
    const thread = e.phase === 'accountSetup' ? THREAD.accountSetup : THREAD.deviceSetup;
    log.add(e.t, thread, 1, `[Win32App] In EspPhase: ${phase}`);
    for (const id of e.ids) {
      const app = facts.apps.get(id);
      if (!app || installerOf(app) !== 'ime') continue;
      log.add(
        e.t,
        thread,
        1,
        `[Win32App][EspManager] In EspPhase: ${phase}. App ${id} has been registered for ESP tracking. App name: ${app.displayName}`,
      );
    }
  }

  for (const a of imeAttempts(facts)) {
    const thread = threadFor(a);
    const id = a.app.id;
    const name = a.app.displayName;
    const tracked = isTracked(facts, a);
    log.add(a.startT, thread, 1, `[Win32App][V3Processor] Processing subgraph with app ids: ${id}`);
    if (a.attemptInRound > 1) {
      log.add(a.startT, thread, 1, `[Win32App] Retry attempt ${a.attemptInRound} of ${RETRY_ATTEMPTS} for app ${id}`);
    }
    log.add(
      a.startT,
      thread,
      1,
      `[Win32App][ApplicabilityActionHandler] Applicability check for policy with id: ${id} resulted in action status: Success and applicability state: Applicable.`,
    );
    log.add(
      a.startT,
      thread,
      1,
      `[Win32App][DetectionActionHandler] Detection for policy with id: ${id} resulted in action status: Success and detection state: NotDetected.`,
    );
    if (tracked) trackedStatusLine(log, facts, a, a.startT, thread);
    log.add(
      a.startT,
      thread,
      1,
      `[Win32App][ReportingManager] Execution state for app with id: ${id} has been updated. Report delta: {"EnforcementState":{"NewValue":2000,"OldValue":null}}`,
    );

    // Delivery Optimization progress, about every tenth of the download.
    const user = userIdFor(facts, a);
    const steps = Math.max(1, Math.min(10, a.downloadSeconds));
    for (let k = 0; a.downloadBytes > 0 && k <= steps; k++) {
      const at = a.startT + (a.downloadSeconds * k) / steps;
      if (at > t || (a.cancelledAt !== null && at > a.cancelledAt)) break;
      const bytes = Math.round((a.downloadBytes * k) / steps);
      log.add(
        Math.floor(at),
        THREAD.status,
        1,
        `[StatusService] Downloading app (id = ${id}, name ${name}) via DO, bytes ${bytes}/${a.downloadBytes} for user ${user}`,
      );
    }
    const launchAt = a.startT + a.downloadSeconds;
    if (launchAt <= t && (a.cancelledAt === null || launchAt <= a.cancelledAt)) {
      log.add(
        launchAt,
        thread,
        1,
        `[Win32App] Launch Win32AppInstaller in ${a.app.installContext === 'user' ? 'user' : 'system'} session`,
      );
    }

    if (a.endT === null || a.exitCode === null || a.result === null) {
      // Stopped by the ESP (failure elsewhere, timeout, Continue anyway): the tracked state turns Error.
      if (tracked && a.cancelledAt !== null) trackedStatusLine(log, facts, a, a.cancelledAt, thread);
      continue;
    }
    const end = a.endT;
    const code = a.exitCode;
    // What the exit code itself meant (the record's `mapped`); `result` differs when detection then failed.
    const meant = a.mapped ?? a.result;
    if (a.app.kind === 'winGet') {
      // WinGet apps are not Win32 installers: no lpExitCode mapping, the WinGet executor reports the outcome.
      log.add(
        end,
        thread,
        meant === 'failed' ? 3 : 1,
        `[Win32App][WinGetApp][WinGetAppExecutionExecutor] Completed execution for app with id: ${id}. Result: ${meant === 'failed' ? `Failed, error code: ${formatHresult(a.hresult ?? code)}` : 'Success'}`,
      );
    } else {
      // Whether the admin mapped the code.
      const mapped = a.app.returnCodes.some((r) => r.returnCode === code);
      log.add(end, thread, 1, `[Win32App] lpExitCode ${code}`);
      if (!mapped)
        log.add(end, thread, 2, `[Win32App] Admin did NOT set mapping for lpExitCode: ${code} of app: ${id}`);
      const definedType: LineType = meant === 'failed' ? 3 : meant === 'retry' ? 2 : 1;
      log.add(end, thread, definedType, `[Win32App] lpExitCode is defined as ${DEFINED_AS[meant]}`);
    }
    if (a.detected === false && meant !== 'failed' && meant !== 'retry') {
      // Installed, but the detection rule does not find it: the ESP reports 0x87d1041c (§5.3).
      log.add(
        end,
        thread,
        3,
        `[Win32App][DetectionActionHandler] Detection for policy with id: ${id} resulted in action status: Success and detection state: NotDetected.`,
      );
    }
    if (a.retry) {
      const minutes = a.retry.inSeconds / 60;
      log.add(
        end,
        thread,
        2,
        `[Win32App] Retry attempt ${a.retry.attemptInRound} of ${RETRY_ATTEMPTS} for app ${id} is scheduled in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      );
      // The retry it waited for was stopped by the ESP.
      if (tracked && a.cancelledAt !== null) trackedStatusLine(log, facts, a, a.cancelledAt, thread);
      continue;
    }
    if (exitFailed(a)) {
      if (tracked) trackedStatusLine(log, facts, a, end, thread);
      log.add(
        end,
        thread,
        3,
        `[Win32App][ReportingManager] Execution state for app with id: ${id} has been updated. Report delta: {"EnforcementState":{"NewValue":5000,"OldValue":2000},"ErrorCode":{"NewValue":${a.hresult},"OldValue":null}}`,
      );
      continue;
    }
    log.add(
      end,
      thread,
      1,
      `[Win32App][DetectionActionHandler] Detection for policy with id: ${id} resulted in action status: Success and detection state: Detected.`,
    );
    if (tracked) trackedStatusLine(log, facts, a, end, thread);
    log.add(
      end,
      thread,
      1,
      `[Win32App][ReportingManager] Execution state for app with id: ${id} has been updated. Report delta: {"EnforcementState":{"NewValue":1000,"OldValue":2000}}`,
    );
    if (a.result === 'softReboot') {
      log.add(
        end,
        thread,
        2,
        `[Win32App][EspManager] App ${id} requires a soft reboot. RebootRequired is set to SoftReboot.`,
      );
    } else if (a.result === 'hardReboot') {
      log.add(
        end,
        thread,
        2,
        '[Win32App][V3Processor] A restart is required to continue processing apps. Stop processing.',
      );
    }
  }
  return log.sorted();
}

// ---- IntuneManagementExtension.log ---------------------------------------------------------------

/** IntuneManagementExtension.log's own lines up to t (agent start, ESP phases, user sessions, hand-offs), in time order. */
export function intuneManagementExtensionLines(facts: RunFacts): LogLine[] {
  const log = new LogBuilder('IntuneManagementExtension', String(facts.scenario.seed));
  const start = facts.imeStartT;
  if (start === null) return [];
  const skipUser = !facts.run.espShown.user;
  log.add(start, THREAD.agent, 1, 'EMS Agent Started');
  log.add(start, THREAD.agent, 1, `Agent version is: ${IME_AGENT_VERSION}`);
  log.add(
    start,
    THREAD.agent,
    1,
    `[Win32App] CheckDeviceOnlyFromFirstSyncReg set skipUserStatusPage: ${skipUser ? 'True' : 'False'}`,
  );
  for (const e of appTrackingLists(facts)) {
    log.add(e.t, THREAD.poller, 1, `[Win32App] In EspPhase: ${ESP_PHASE[e.phase]}`);
  }
  for (const e of eventsOfType(facts.events, 'phaseCompleted')) {
    const user = e.phase === 'accountSetup' && e.status === 'succeeded' ? userAt(facts, e.t) : null;
    if (user) {
      log.add(
        e.t,
        THREAD.poller,
        1,
        `[Win32App] ..... Completed user session 1, userId: ${user.id}, userSID: ${entraUserSid(user.id)} .....`,
      );
    }
    if (e.status === 'failed') {
      log.add(
        e.t,
        THREAD.poller,
        3,
        `[Win32App] ESP reported a failure in ${ESP_PHASE[e.phase]} (${PHASE_TITLES[e.phase]}).`,
      );
    }
  }
  for (const e of eventsOfType(facts.events, 'outcome')) {
    if (e.outcome === 'succeeded' || e.outcome === 'continuedAnyway') {
      log.add(e.t, THREAD.agent, 1, 'ESP completed. Triggering immediate app workload check-in');
    }
  }
  return log.sorted();
}

/** mulberry32: a tiny seeded generator for the padding's varying numbers (never Math.random). */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 0x9e3779b9;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return (x ^ (x >>> 14)) >>> 0;
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Check-in lines a busy IME repeats (session processing, the targeted apps, status updates and the
 * app policies with their base64 detection rules), with varying numbers and hashes so the padding
 * compresses like a real log (about 5:1), not like a repeated string. Used to pad the log to a size
 * for the benchmark.
 */
function paddingLines(facts: RunFacts): (i: number) => string {
  const apps = facts.scenario.tenant.apps.filter((a) => installerOf(a) === 'ime');
  const random = seeded(facts.scenario.seed * 7919 + 17);
  const base64 = (length: number): string => {
    let out = '';
    for (let k = 0; k < length; k += 5) {
      const r = random();
      out +=
        BASE64[r & 63]! +
        BASE64[(r >>> 6) & 63]! +
        BASE64[(r >>> 12) & 63]! +
        BASE64[(r >>> 18) & 63]! +
        BASE64[(r >>> 24) & 63]!;
    }
    return out.slice(0, length);
  };
  return (i) => {
    const app = apps.length > 0 ? apps[i % apps.length]! : null;
    const name = app?.displayName ?? 'Company Portal';
    const id = app?.id ?? DEVICE_USER_ID;
    switch (i % 6) {
      case 0:
        return `[Win32App] ..... Processing user session 0, userId: ${DEVICE_USER_ID}, userSID:  .....`;
      case 1:
        return `[Win32App] ExecManager: processing targeted app (name='${name}', id='${id}') with intent=3 for user session 0`;
      case 2: {
        const total = ((random() % 900) + 20) * 1048576;
        return `[StatusService] Downloading app (id = ${id}, name ${name}) via DO, bytes ${random() % total}/${total} for user ${DEVICE_USER_ID}`;
      }
      case 3: {
        const rule = JSON.stringify([{ DetectionType: 3, DetectionText: JSON.stringify({ ScriptBody: base64(96) }) }]);
        const policy = {
          Id: id,
          Name: name,
          Version: (random() % 9) + 1,
          Intent: 3,
          TargetType: 2,
          DetectionRule: rule,
          ContentHash: base64(44),
        };
        return `[Win32App] Get policies = ${JSON.stringify([policy])}`;
      }
      case 4:
        return `[Win32App][ReportingManager] Execution state for app with id: ${id} has been updated. Report delta: {"EnforcementState":{"NewValue":1000,"OldValue":1000},"ErrorCode":{"NewValue":0,"OldValue":0},"ReportTime":${random()}}`;
      default:
        return '[StatusService] No subscribers to SendUpdate.';
    }
  };
}

/**
 * The IME log's lines in time order, with about `paddingBytes` of check-in lines spread evenly
 * between the agent's start and t. Generated lazily: a 100 MB log never sits in memory whole.
 */
export function* intuneManagementExtensionLog(facts: RunFacts, paddingBytes = 0): Generator<string> {
  const format = lineFormatter(facts.startMs);
  const lines = intuneManagementExtensionLines(facts);
  if (paddingBytes <= 0 || facts.imeStartT === null) {
    for (const line of lines) yield format(line);
    return;
  }
  const message = paddingLines(facts);
  // About 260 bytes a line on average; the count only spaces the lines out in time.
  const count = Math.max(1, Math.ceil(paddingBytes / 260));
  const from = ticksOf(facts.imeStartT) + TICKS_PER_SECOND;
  const span = Math.max(TICKS_PER_SECOND, ticksOf(facts.t) - from);
  let next = 0;
  let written = 0;
  const padding = (i: number): LogLine => ({
    tick: from + Math.floor((span * Math.min(i, count)) / count),
    component: 'IntuneManagementExtension',
    type: 1,
    thread: 6 + ((i * 7) % 4),
    msg: message(i),
  });
  const tickOf = (i: number): number => from + Math.floor((span * Math.min(i, count)) / count);
  for (const line of lines) {
    while (written < paddingBytes && tickOf(next) < line.tick) {
      const text = format(padding(next++));
      written += text.length;
      yield text;
    }
    yield format(line);
  }
  while (written < paddingBytes) {
    const text = format(padding(next++));
    written += text.length;
    yield text;
  }
}

// ---- AgentExecutor.log -----------------------------------------------------------------------------

/** AgentExecutor.log's lines: the detection script before each Win32 install, and after each one that succeeded. */
export function agentExecutorLines(facts: RunFacts): LogLine[] {
  const log = new LogBuilder('AgentExecutor', String(facts.scenario.seed));
  for (const a of imeAttempts(facts)) {
    if (a.app.kind !== 'win32') continue;
    detection(log, a, a.startT, false);
    if (a.endT !== null && (a.result === 'success' || a.result === 'softReboot' || a.result === 'hardReboot')) {
      detection(log, a, a.endT, true);
    }
  }
  return log.sorted();
}

/** A PowerShell detection script run, as AgentExecutor logs it (typos and double spaces included). */
function detection(log: LogBuilder, a: AppAttempt, at: number, detected: boolean): void {
  const script = `C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Content\\DetectionScripts\\${a.app.id}_1.ps1`;
  const output = detected ? 'Detected' : '';
  const pid = 4000 + hashInt(4000, a.app.id, String(a.attempt), String(detected));
  const messages = [
    'ExecutorLog AgentExecutor gets invoked',
    'Creating command line parser, name delimiter is - and value separator is  .',
    'Getting Ordered Parameters',
    'Parsing Ordered Parameters.',
    'PowershellDetectionScriptHandler',
    'Prepare to run Powershell Script ..',
    'scriptParams is ',
    `cmd line for running powershell is -NoProfile -executionPolicy bypass -file  "${script}" `,
    'runAs32BitOn64 = False, so Disable Wow64FsRedirection',
    'PowerShell path is C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    `[Executor] created powershell with process id ${pid}`,
    'Powershell exit code is 0',
    `lenth of out=${output.length + 2}`,
    'lenth of error=2',
    'error from script =',
    'Powershell script is successfully executed.',
    `write output done. output = ${output}, error = .`,
    'Revert Wow64FsRedirection',
    'Agent executor completed.',
  ];
  for (const msg of messages) log.add(at, 1, 1, msg);
}

// ---- files -----------------------------------------------------------------------------------------

/** Lines as CMTrace text, one string (with CRLF) each. */
export function* formatLines(facts: RunFacts, lines: LogLine[]): Generator<string> {
  const format = lineFormatter(facts.startMs);
  for (const line of lines) yield format(line);
}

/** IntuneManagementExtension.log as UTF-8 chunks of about 256 KB, padded to about `paddingBytes`. */
export function intuneManagementExtensionLogChunks(facts: RunFacts, paddingBytes = 0): Iterable<Uint8Array> {
  return chunkedBytes(intuneManagementExtensionLog(facts, paddingBytes));
}

/** AppWorkload.log's text. */
export function appWorkloadLog(facts: RunFacts): string {
  return [...formatLines(facts, appWorkloadLines(facts))].join('');
}

/** AgentExecutor.log's text. */
export function agentExecutorLog(facts: RunFacts): string {
  return [...formatLines(facts, agentExecutorLines(facts))].join('');
}
