/**
 * "What went wrong": reads the files of an Autopilot / MDM diagnostics bundle — the simulator's, and
 * as far as its files allow a real device's — and names how the ESP ended, in which phase, the cause,
 * the lines that show it, and what an admin would do about it.
 *
 * It reads only what a device writes (never the simulator's scenario.json or timeline.json):
 * - IntuneManagementExtension.log and AppWorkload.log (CMTrace, §3.3): Win32 app attempts, exit codes
 *   and how the app's return codes defined them, retries, downloads, declared restarts, ESP phases;
 * - the event logs exported as text (§4.7): TPM attestation (Autopilot 171), MDM command failures
 *   (DeviceManagement 404), MSI installs (1905/1920/1922/1924), restarts (2800), the ESP page's own
 *   events (Shell-Core 62404/62407: categories, timeout, error page, user actions);
 * - the registry dump (§3.4, §4.2–§4.6): FirstSync, the ESP provider's InstallationState and
 *   LastError, the user's TrackingPoliciesCreated, ESPTrackingInfo\Diagnostics, AutopilotSettings;
 * - setupact.log, for restarts.
 *
 * Every cited line is the exact text at that 1-based line of that file. The causes follow
 * docs/esp-facts.md: §1.9 (what fails the ESP), §1.11 (timeouts), §5.3 (return codes, retries),
 * §7.1 (1618), §7.2 (restarts inside installers), §7.4 (Identifying), §7.7 (TPM), §7.8 (Office,
 * resources). Pure: no I/O.
 *
 * Past 400 lines because it is one reader of a bundle: every cause kind needs the same parsed files and evidence helpers.
 */
import type { Outcome, PhaseId } from '../../../shared/esp';
import { PHASE_TITLES, formatHresult, hresultFromExitCode } from '../../../shared/esp';
import type { BundleEntry } from './bundleReader';
import { roleOf } from './bundleReader';
import type { CmtraceEntry, EventRecord, LineRef, Registry, RegistryValue, TextFile } from './logFormats';
import { parseCmtrace, parseEventLogText, parseRegistry, parseSetupact, textFile } from './logFormats';

/** Why the ESP ended as it did (or what slowed it down when it succeeded). */
export type CauseKind =
  /** A tracked app's installer exited with a code its return codes define as Failed (or do not map). */
  | 'appInstallFailed'
  /** A code defined as Retry, three attempts five minutes apart, then Error (§5.3). */
  | 'appRetryExhausted'
  /** 1618 "another installation is in progress" while an MSI installed through MDM (§7.1). */
  | 'msiWin32Conflict'
  /** The ESP's timer ran out (§1.9, §1.11); the app still running is named when there is one. */
  | 'timeout'
  /** Securing your hardware failed (§7.7). */
  | 'tpmAttestationFailure'
  /** The ESP's policy provider (the Intune Management Extension) did not install in its 15 minutes (§1.11). */
  | 'espProviderTimeout'
  /** A policy, certificate or network profile did not apply (§1.9, §7.8). */
  | 'resourceFailed'
  /** Account setup never got past Identifying (an unlicensed user, §7.4). */
  | 'identifyingNeverEnds'
  /** An installer restarted the device itself and never reported back; the ESP hung (§7.2). */
  | 'packagedReboot'
  /** Microsoft 365 Apps never finished beside the Win32 apps (§7.8). */
  | 'officeHang'
  /** Succeeded, after a restart an app asked for in Device setup (3010/1641): credentials again (§7.5). */
  | 'declaredReboot'
  /** Succeeded, but a download crawled (a network outage or a slow link). */
  | 'slowDownload'
  /** Nothing went wrong (or the ESP was not shown, or it was still running). */
  | 'none'
  /** The bundle does not say. */
  | 'unknown';

/** How the ESP ended: the engine's outcomes, or still running, or not known from these files. */
export type DiagnosedOutcome = Outcome | 'inProgress' | 'unknown';

export interface Diagnosis {
  outcome: DiagnosedOutcome;
  /** The phase the cause happened in; null when nothing went wrong or it cannot be told. */
  phase: PhaseId | null;
  cause: {
    kind: CauseKind;
    /** The app at fault (Intune's app id), when there is one and the files name it. */
    appId: string | null;
    /** An installer exit code in decimal (`"1603"`), or an HRESULT in hex (`"0x800705b4"`). */
    code: string | null;
  };
  /** One sentence for people. */
  summary: string;
  /** The lines that show it, each exactly as it stands at that line of that file. */
  evidence: LineRef[];
  /** What an admin would do, in order. */
  steps: string[];
  /** What could not be read or told. */
  notes: string[];
}

/** Lines logged within this many milliseconds of each other count as the same moment. */
const SAME_MOMENT_MS = 2000;
const ERROR_TIMEOUT_HEX = '0x800705b4';
/** A download this slow for this long is worth naming (a stall, an outage, a bad link). */
const SLOW_DOWNLOAD_MS = 5 * 60 * 1000;
const SLOW_DOWNLOAD_BYTES_PER_SECOND = 1024 * 1024;

const PHASE_OF: Record<string, PhaseId> = {
  devicepreparation: 'devicePreparation',
  devicesetup: 'deviceSetup',
  accountsetup: 'accountSetup',
};

function phaseFrom(name: string | undefined): PhaseId | null {
  return name ? (PHASE_OF[name.toLowerCase()] ?? null) : null;
}

// ---- What the files say ------------------------------------------------------------------------------

/** One attempt of a Win32 app, as the IME logged it. */
interface ImeAttempt {
  appId: string;
  start: CmtraceEntry;
  launch: CmtraceEntry | null;
  exit: { code: number; entry: CmtraceEntry } | null;
  unmapped: CmtraceEntry | null;
  definedAs: { value: string; entry: CmtraceEntry } | null;
  retryScheduled: CmtraceEntry | null;
  errorStatus: CmtraceEntry | null;
  errorReport: CmtraceEntry | null;
  reboot: CmtraceEntry | null;
  progress: { bytes: number; total: number; entry: CmtraceEntry }[];
}

interface ShellEvent {
  name: string;
  value: string;
  record: EventRecord;
}

interface Failure {
  kind: 'timeout' | 'failed';
  phase: PhaseId | null;
  ms: number | null;
  evidence: LineRef[];
  code: string | null;
}

interface Facts {
  files: TextFile[];
  attempts: ImeAttempt[];
  appNames: Map<string, string>;
  imeLines: CmtraceEntry[];
  events: EventRecord[];
  shell: ShellEvent[];
  registry: Registry | null;
  restarts: { ms: number | null; ref: LineRef }[];
  productToApp: Map<string, string>;
  notes: string[];
}

const msOf = (x: { ms: number | null }): number => x.ms ?? Number.NaN;

/**
 * Where the IME's lines name an app (Intune app ids are GUIDs; scenarios may use any id without
 * spaces), most specific first: `for app with id:` must not read as `for app <with>`.
 */
const APP_ID_PATTERNS = [
  /app with id: ([^\s,]+)/,
  /policy with id: ([^\s,]+)/,
  /for application ([^\s,]+)/,
  /for app (?!with )([^\s,]+)/,
  /\(id = ([^\s,)]+)/,
  /of app: ([^\s,]+)/,
  /\bApp (?!name:)([^\s,]+) (?:has been|requires)/,
];

function explicitAppId(msg: string): string | null {
  for (const pattern of APP_ID_PATTERNS) {
    const m = pattern.exec(msg);
    if (m) return m[1]!;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Win32 app attempts from the IME's logs (older agents log them in IntuneManagementExtension.log). */
function readImeLogs(entries: CmtraceEntry[], names: Map<string, string>): ImeAttempt[] {
  const attempts: ImeAttempt[] = [];
  const latest = new Map<string, ImeAttempt>();
  const threadApp = new Map<string, string>();
  const threadKey = (e: CmtraceEntry) => `${e.file}#${e.thread}`;
  for (const e of entries) {
    const msg = e.msg;
    const named =
      /with name: (.+)$/.exec(msg) ?? /App name: (.+)$/.exec(msg) ?? /\(id = [^,]+, name (.+)\) via DO/.exec(msg);
    const subgraph = /Processing subgraph with app ids: ([^\s,]+)/.exec(msg)?.[1] ?? null;
    if (subgraph) {
      const attempt: ImeAttempt = {
        appId: subgraph,
        start: e,
        launch: null,
        exit: null,
        unmapped: null,
        definedAs: null,
        retryScheduled: null,
        errorStatus: null,
        errorReport: null,
        reboot: null,
        progress: [],
      };
      attempts.push(attempt);
      latest.set(subgraph, attempt);
      threadApp.set(threadKey(e), subgraph);
      continue;
    }
    const explicit = explicitAppId(msg);
    if (explicit && named) names.set(explicit, named[1]!.trim());
    const appId = explicit ?? threadApp.get(threadKey(e)) ?? null;
    const attempt = appId ? latest.get(appId) : undefined;
    if (!attempt) continue;
    if (explicit) threadApp.set(threadKey(e), explicit);
    let m: RegExpExecArray | null;
    if (/Launch Win32AppInstaller/.test(msg)) attempt.launch = e;
    else if ((m = /lpExitCode is defined as (\w+)/.exec(msg))) attempt.definedAs = { value: m[1]!, entry: e };
    else if (/Admin did NOT set mapping for lpExitCode/.test(msg)) attempt.unmapped = e;
    else if ((m = /lpExitCode (-?\d+)/.exec(msg))) attempt.exit = { code: Number(m[1]), entry: e };
    else if (/Retry attempt \d+ of \d+ for app .* is scheduled/.test(msg)) attempt.retryScheduled = e;
    else if (/Updating ESP tracked install status from \w+ to Error/.test(msg)) attempt.errorStatus = e;
    else if (/"EnforcementState":\{"NewValue":5000.*"ErrorCode":\{"NewValue":-?\d+/.test(msg)) {
      attempt.errorReport = e;
    } else if (/requires a (soft|hard) reboot|A restart is required to continue processing apps/.test(msg)) {
      attempt.reboot = e;
    } else if ((m = /via DO, bytes (\d+)\/(\d+)/.exec(msg))) {
      attempt.progress.push({ bytes: Number(m[1]), total: Number(m[2]), entry: e });
    }
  }
  return attempts;
}

function readFacts(entries: readonly BundleEntry[]): Facts {
  const files: TextFile[] = [];
  for (const entry of entries) {
    const role = roleOf(entry.name);
    if (!role) continue;
    files.push(textFile(entry.name, entry.data));
  }
  const byRole = (role: string) => files.filter((f) => roleOf(f.name) === role);
  const notes: string[] = [];
  const imeFiles = byRole('imeLog');
  if (
    !imeFiles.some((f) => /appworkload/i.test(f.name)) &&
    !imeFiles.some((f) => /intunemanagementextension/i.test(f.name))
  ) {
    notes.push(
      'no Intune Management Extension log (IntuneManagementExtension.log, AppWorkload.log): Win32 app installs, exit codes and retries could not be read',
    );
  }
  if (byRole('registry').length === 0) {
    notes.push(
      'no registry dump (MdmDiagReport_RegistryDump.reg): the ESP settings, the provider and tracking states could not be read',
    );
  }
  if (byRole('eventLog').length === 0) {
    notes.push(
      'no event log exported as text: TPM attestation, MDM command failures, MSI installs and the ESP page events could not be read',
    );
  }

  const imeLines = imeFiles.flatMap(parseCmtrace);
  const appNames = new Map<string, string>();
  const attempts = readImeLogs(imeLines, appNames);
  const events = byRole('eventLog').flatMap(parseEventLogText);
  const shell: ShellEvent[] = [];
  for (const r of events) {
    const m = /Name: 'CommercialOOBE_ESPProgress_([A-Za-z_]+)', Value: '([\s\S]*)'\.?$/.exec(r.message);
    if (r.eventId === 62407 && m) shell.push({ name: m[1]!, value: m[2]!, record: r });
  }
  const registries = byRole('registry').map(parseRegistry);
  const registry: Registry | null =
    registries.length === 0
      ? null
      : { keys: registries.flatMap((r) => r.keys), values: registries.flatMap((r) => r.values) };

  const restarts: Facts['restarts'] = [];
  for (const r of events) if (r.eventId === 2800) restarts.push({ ms: r.ms, ref: r.description });
  for (const f of byRole('setupact')) {
    for (const l of parseSetupact(f)) if (/^Restarting the device/.test(l.msg)) restarts.push({ ms: l.ms, ref: l });
  }
  // The IME starts with Windows: a second start in its own log is a restart.
  imeLines
    .filter((e) => /^EMS Agent Started/.test(e.msg))
    .slice(1)
    .forEach((e) => restarts.push({ ms: e.ms, ref: e }));

  const productToApp = new Map<string, string>();
  for (const v of registry?.values ?? []) {
    const key = /\\EnterpriseDesktopAppManagement\\[^\\]+\\MSI\\(\{[^}]+\})$/i.exec(v.key.path);
    // The simulator's download URL ends in <app id>.msi; a real device's may not name the app.
    const id = v.sz ? /\/([^/]+)\.msi$/i.exec(v.sz) : null;
    if (key && id && v.name === 'CurrentDownloadUrl') productToApp.set(key[1]!.toUpperCase(), id[1]!);
  }
  return { files, attempts, appNames, imeLines, events, shell, registry, restarts, productToApp, notes };
}

// ---- Registry look-ups ----------------------------------------------------------------------------------

function values(facts: Facts, keyPattern: RegExp, name: string): RegistryValue[] {
  return (facts.registry?.values ?? []).filter(
    (v) => keyPattern.test(v.key.path) && v.name.toLowerCase() === name.toLowerCase(),
  );
}

const FIRST_SYNC = /\\Enrollments\\\{[^}]+\}\\FirstSync$/i;
const USER_FIRST_SYNC = /\\Enrollments\\\{[^}]+\}\\FirstSync\\S-[\d-]+$/i;
const PROVIDER = /\\EnrollmentStatusTracking\\Device\\DevicePreparation\\PolicyProviders\\Sidecar$/i;
const USER_TRACKING = /\\EnrollmentStatusTracking\\S-[\d-]+\\Setup\\Apps\\PolicyProviders\\Sidecar$/i;
const AUTOPILOT_SETTINGS = /\\Provisioning\\AutopilotSettings$/i;

interface CategoryState {
  phase: PhaseId;
  state: string;
  rows: { state: string; text: string }[];
  value: RegistryValue;
}

/** `<Category>Category.Status` values (§4.5): what the ESP screen showed for each category. */
function categories(facts: Facts): CategoryState[] {
  const out: CategoryState[] = [];
  for (const v of facts.registry?.values ?? []) {
    const m = /^(\w+)Category\.Status$/.exec(v.name);
    const phase = phaseFrom(m?.[1]);
    if (!AUTOPILOT_SETTINGS.test(v.key.path) || !phase || v.sz === null) continue;
    try {
      const json = JSON.parse(v.sz) as Record<string, unknown>;
      const rows = Object.entries(json)
        .filter(([, x]) => typeof x === 'object' && x !== null)
        .map(([, x]) => {
          const row = x as { subcategoryState?: string; subcategoryStatusText?: string };
          return { state: row.subcategoryState ?? '', text: row.subcategoryStatusText ?? '' };
        });
      out.push({ phase, state: String(json.categoryState ?? ''), rows, value: v });
    } catch {
      facts.notes.push(`${v.file} line ${v.line}: ${v.name} is not readable JSON`);
    }
  }
  return out;
}

// ---- How the ESP ended ------------------------------------------------------------------------------------

interface Ending {
  outcome: DiagnosedOutcome;
  failure: Failure | null;
  /** When the phase that failed started (ms), to leave out earlier rounds. */
  phaseStartMs: number | null;
  success: LineRef[];
  earlierFailures: number;
  /** The user's Continue anyway while the ESP still ran (Block device use = No, §1.10). */
  leftEarly?: LineRef | null;
}

function ending(facts: Facts): Ending {
  const skipDevice = values(facts, FIRST_SYNC, 'SkipDeviceStatusPage').find((v) => v.dword === 0xffffffff);
  if (skipDevice)
    return { outcome: 'notShown', failure: null, phaseStartMs: null, success: [skipDevice], earlierFailures: 0 };
  const userSkipped = values(facts, FIRST_SYNC, 'SkipUserStatusPage').some((v) => v.dword === 0xffffffff);

  if (facts.shell.length > 0) {
    let outcome: DiagnosedOutcome | null = null;
    let failure: Failure | null = null;
    let earlierFailures = 0;
    const started = new Map<PhaseId, number | null>();
    let phaseStartMs: number | null = null;
    let success: LineRef[] = [];
    let leftEarly: LineRef | null = null;
    for (const s of facts.shell) {
      const r = s.record;
      const category = /^(\w+)Category_(Started|Completed)$/.exec(s.name);
      if (category && category[2] === 'Started') {
        const phase = phaseFrom(category[1]);
        if (phase) started.set(phase, r.ms);
        if (outcome === null) outcome = 'inProgress';
      } else if (s.name === 'Timeout') {
        const phase = phaseFrom(/^(\w+):/.exec(s.value)?.[1]);
        const code = /(0x[0-9a-fA-F]{8})/.exec(s.value)?.[1]?.toLowerCase() ?? ERROR_TIMEOUT_HEX;
        if (failure && outcome !== 'inProgress') earlierFailures++;
        failure = { kind: 'timeout', phase, ms: r.ms, evidence: [r.description], code };
        phaseStartMs = phase ? (started.get(phase) ?? null) : null;
        outcome = 'timedOut';
      } else if (category && category[2] === 'Completed' && s.value === 'failed') {
        const phase = phaseFrom(category[1]);
        const sameTimeout = failure?.kind === 'timeout' && failure.phase === phase && outcome === 'timedOut';
        if (sameTimeout) failure!.evidence.push(r.description);
        else {
          if (failure && outcome !== 'inProgress') earlierFailures++;
          failure = { kind: 'failed', phase, ms: r.ms, evidence: [r.description], code: null };
          phaseStartMs = phase ? (started.get(phase) ?? null) : null;
          outcome = 'failed';
        }
      } else if (s.name === 'UserAction') {
        if (s.value === 'tryAgain' || s.value === 'retry') {
          if (failure) earlierFailures++;
          failure = null;
          outcome = 'inProgress';
        } else if (s.value === 'continueAnyway' && failure) outcome = 'continuedAnyway';
        else if (s.value === 'continueAnywayWhileRunning') {
          // Block device use = No: the user left while the ESP still ran (§1.10).
          outcome = 'continuedAnyway';
          leftEarly = r.description;
        } else if ((s.value === 'resetDevice' || s.value === 'reset') && failure) outcome = 'reset';
      } else if (s.name === 'Page_Exiting') {
        const done = s.value === 'UserEspCompleted' || (s.value === 'DeviceEspCompleted' && userSkipped);
        if (done && outcome !== 'continuedAnyway' && outcome !== 'reset') {
          outcome = 'succeeded';
          failure = null;
          success = [r.description];
        }
      }
    }
    if (outcome !== null) {
      return { outcome, failure, phaseStartMs, success: leftEarly ? [leftEarly] : success, earlierFailures, leftEarly };
    }
  } else if (facts.registry || facts.imeLines.length > 0) {
    facts.notes.push(
      'no ESP page events (microsoft-windows-shell-core-operational as text): the outcome comes from the registry and the IME log, and a timeout cannot be told from another failure',
    );
  }

  // Without the page's events: the categories the registry kept, or the IME's word.
  const cats = categories(facts);
  const failed = cats.find((c) => c.state === 'failed');
  const imeFailure = facts.imeLines.find((e) => /ESP reported a failure in (\w+)/.test(e.msg));
  if (failed || imeFailure) {
    const phase = failed?.phase ?? phaseFrom(/ESP reported a failure in (\w+)/.exec(imeFailure!.msg)?.[1]);
    const evidence: LineRef[] = [...(failed ? [failed.value] : []), ...(imeFailure ? [imeFailure] : [])];
    return {
      outcome: 'failed',
      failure: { kind: 'failed', phase, ms: imeFailure?.ms ?? null, evidence, code: null },
      phaseStartMs: null,
      success: [],
      earlierFailures: 0,
    };
  }
  const syncDone = values(facts, FIRST_SYNC, 'IsSyncDone').find((v) => v.dword === 1);
  const shown = cats.filter((c) => c.state !== 'succeeded' || c.rows.length > 0);
  if (cats.length > 0 && shown.every((c) => c.state === 'succeeded' || (c.phase === 'accountSetup' && userSkipped))) {
    return {
      outcome: 'succeeded',
      failure: null,
      phaseStartMs: null,
      success: syncDone ? [syncDone] : [],
      earlierFailures: 0,
    };
  }
  if (cats.some((c) => c.state === 'inProgress')) {
    return { outcome: 'inProgress', failure: null, phaseStartMs: null, success: [], earlierFailures: 0 };
  }
  return { outcome: 'unknown', failure: null, phaseStartMs: null, success: [], earlierFailures: 0 };
}

// ---- Causes ------------------------------------------------------------------------------------------------

interface Found {
  kind: CauseKind;
  phase: PhaseId | null;
  appId: string | null;
  code: string | null;
  summary: string;
  evidence: LineRef[];
  /** When it happened (ms), to pick the latest of several. */
  ms: number | null;
}

/** The ESP phase the IME was in when it logged `entry` (its last `In EspPhase:` line before it, same file). */
function espPhaseAt(facts: Facts, entry: CmtraceEntry): PhaseId | null {
  let phase: PhaseId | null = null;
  for (const e of facts.imeLines) {
    if (e.file !== entry.file) continue;
    if (e.line > entry.line) break;
    const m = /In EspPhase: (\w+)/.exec(e.msg);
    if (m) phase = phaseFrom(m[1]);
  }
  return phase;
}

function nameOf(facts: Facts, appId: string | null): string {
  if (!appId) return 'an app';
  const name = facts.appNames.get(appId);
  return name ? `"${name}" (${appId})` : `app ${appId}`;
}

function before(ms: number | null, limit: number | null): boolean {
  return ms === null || limit === null || ms <= limit + SAME_MOMENT_MS;
}

function after(ms: number | null, limit: number | null): boolean {
  return ms === null || limit === null || ms >= limit - SAME_MOMENT_MS;
}

function codeText(code: number): string {
  const hresult = hresultFromExitCode(code);
  return hresult === code ? `${code}` : `${code} (${formatHresult(hresult)})`;
}

/** MSI installs of the MDM channel (EnterpriseDesktopAppManagement events 1920, 1922, 1924). */
function msiInstalls(facts: Facts) {
  const installs: { product: string; appId: string | null; start: EventRecord; end: EventRecord | null }[] = [];
  for (const r of facts.events) {
    const product = /Product code: (\{[0-9A-Fa-f-]+\})/.exec(r.message)?.[1]?.toUpperCase();
    if (!product) continue;
    if (r.eventId === 1920) {
      installs.push({ product, appId: facts.productToApp.get(product) ?? null, start: r, end: null });
    } else if (r.eventId === 1922 || r.eventId === 1924) {
      const open = installs.findLast((i) => i.product === product && i.end === null);
      if (open) open.end = r;
    }
  }
  return installs;
}

/** Whether an MSI of the MDM channel was installing while the attempt ran (§7.1). */
function msiOverlapping(facts: Facts, attempt: ImeAttempt): EventRecord | null {
  const from = attempt.launch?.ms ?? attempt.start.ms;
  const to = attempt.exit?.entry.ms ?? null;
  for (const i of msiInstalls(facts)) {
    const startsBefore = before(i.start.ms, to);
    const endsAfter = i.end === null || after(i.end.ms, from);
    if (startsBefore && endsAfter) return i.start;
  }
  return null;
}

function trackingInstallationState(facts: Facts, appId: string): RegistryValue[] {
  const key = new RegExp(`\\\\Tracking\\\\Sidecar\\\\Win32App_${escapeRegExp(appId)}_\\d+$`, 'i');
  return values(facts, key, 'InstallationState').filter((v) => v.dword === 4);
}

/** A Win32 app whose last attempt ended the ESP: Failed, or Retry with no retry left. */
function imeFailures(facts: Facts): Found[] {
  const found: Found[] = [];
  for (const a of facts.attempts) {
    const defined = a.definedAs?.value.toLowerCase();
    const failed = defined === 'failed' || (a.exit && !a.definedAs && (a.errorStatus || a.errorReport));
    const exhausted = defined === 'retry' && !a.retryScheduled;
    if (!a.exit || (!failed && !exhausted)) continue;
    const code = a.exit.code;
    const phase = espPhaseAt(facts, a.start);
    const tail = [a.errorStatus, a.errorReport].filter((x): x is CmtraceEntry => x !== null);
    if (exhausted) {
      const round = roundOf(facts, a);
      const overlap = code === 1618 ? msiOverlapping(facts, a) : null;
      const evidence: LineRef[] = [
        ...round.flatMap((r) => [r.exit!.entry, ...(r.retryScheduled ? [r.retryScheduled] : [])]),
        a.definedAs!.entry,
        ...tail,
        ...(overlap ? [overlap.description] : []),
        ...trackingInstallationState(facts, a.appId),
      ];
      found.push({
        kind: overlap ? 'msiWin32Conflict' : 'appRetryExhausted',
        phase,
        appId: a.appId,
        code: String(code),
        summary: overlap
          ? `${nameOf(facts, a.appId)} got exit code 1618 (another installation is in progress) ${round.length} times while an MSI app installed through MDM, ran out of retries and failed the ESP`
          : `${nameOf(facts, a.appId)} exited with ${codeText(code)}, which its return codes define as Retry; after ${round.length} attempts it failed the ESP`,
        evidence,
        ms: a.exit.entry.ms,
      });
      continue;
    }
    const evidence: LineRef[] = [
      a.exit.entry,
      ...(a.unmapped ? [a.unmapped] : []),
      ...(a.definedAs ? [a.definedAs.entry] : []),
      ...tail,
      ...trackingInstallationState(facts, a.appId),
    ];
    found.push({
      kind: 'appInstallFailed',
      phase,
      appId: a.appId,
      code: String(code),
      summary: `${nameOf(facts, a.appId)} failed to install: its installer exited with ${codeText(code)}${a.unmapped ? ', a code its return codes do not map' : ''}`,
      evidence,
      ms: a.exit.entry.ms,
    });
  }
  return found;
}

/** The attempts of the app's last round of retries, ending with `last`. */
function roundOf(facts: Facts, last: ImeAttempt): ImeAttempt[] {
  const mine = facts.attempts.filter((a) => a.appId === last.appId);
  const end = mine.indexOf(last);
  let start = end;
  while (start > 0 && mine[start - 1]!.retryScheduled && mine[start - 1]!.exit) start--;
  return mine.slice(start, end + 1);
}

/** An MSI of the MDM channel that failed, with no attempt after it (event 1924, §4.7). */
function msiFailures(facts: Facts): Found[] {
  const found: Found[] = [];
  const failures = facts.events.filter((r) => r.eventId === 1924);
  for (const r of failures) {
    const product = /Product code: (\{[0-9A-Fa-f-]+\})/.exec(r.message)?.[1]?.toUpperCase();
    const code = /Exit code: \((-?\d+)\)/.exec(r.message)?.[1];
    if (!product || code === undefined) continue;
    const laterStart = facts.events.some(
      (x) => x.eventId === 1920 && x.message.toUpperCase().includes(product) && msOf(x) > msOf(r),
    );
    if (laterStart) continue;
    const appId = facts.productToApp.get(product) ?? null;
    const key = (facts.registry?.values ?? []).filter(
      (v) => v.key.path.toUpperCase().endsWith(`\\MSI\\${product}`) && v.name === 'LastError',
    );
    found.push({
      kind: 'appInstallFailed',
      phase: null,
      appId,
      code,
      summary: `the MSI app ${appId ? nameOf(facts, appId) : `with product code ${product}`} failed to install: Windows Installer exited with ${codeText(Number(code))}`,
      evidence: [r.description, ...key],
      ms: r.ms,
    });
  }
  return found;
}

/** A policy, certificate or network profile that did not apply (DeviceManagement event 404, §7.8). */
function resourceFailures(facts: Facts): Found[] {
  return facts.events
    .filter((r) => r.eventId === 404 && /Command failure status/.test(r.message))
    .map((r) => {
      const uri = /CSP URI: \(([^)]*)\)/.exec(r.message)?.[1] ?? 'a setting';
      const code = /(0x[0-9a-fA-F]{8})/.exec(/Result: \((.*)\)/.exec(r.message)?.[1] ?? '')?.[1]?.toLowerCase() ?? null;
      const [what, row] = /ClientCertificateInstall/i.test(uri)
        ? ['certificate profile', 'Certificates']
        : /WiFi|VPNv2/i.test(uri)
          ? ['network profile', 'Network connections']
          : ['policy', 'Security policies'];
      // Its ESPTrackingInfo entry (§4.6): written 0 when tracked, never 1.
      const tracking = (facts.registry?.keys ?? []).filter((k) => k.path.endsWith(`\\${uri}`));
      const writes = (facts.registry?.values ?? []).filter((v) => tracking.includes(v.key));
      return {
        kind: 'resourceFailed' as const,
        phase: null,
        appId: null,
        code,
        summary: `the ${what} ${uri} did not apply${code ? ` (${code})` : ''}, so "${row}" ended short of its count and failed`,
        evidence: [r.description, ...tracking, ...writes],
        ms: r.ms,
      };
    });
}

/** The ESP page's own report of an app failure (Shell-Core), used when nothing else names one. */
function pageAppFailures(facts: Facts): Found[] {
  const found: Found[] = [];
  for (const s of facts.shell.filter((x) => x.name === 'AppInstallFailed')) {
    try {
      const v = JSON.parse(s.value) as {
        phase?: string;
        appId?: string;
        appName?: string;
        exitCode?: number;
        hresult?: string;
      };
      if (v.appId && v.appName) facts.appNames.set(v.appId, v.appName);
      found.push({
        kind: 'appInstallFailed',
        phase: phaseFrom(v.phase),
        appId: v.appId ?? null,
        code: v.exitCode !== undefined ? String(v.exitCode) : (v.hresult ?? null),
        summary: `${nameOf(facts, v.appId ?? null)} failed to install${v.exitCode !== undefined ? `: exit code ${codeText(v.exitCode)}` : ''}`,
        evidence: [s.record.description],
        ms: s.record.ms,
      });
    } catch {
      facts.notes.push(
        `${s.record.description.file} line ${s.record.description.line}: the app failure it reports is not readable`,
      );
    }
  }
  return found;
}

/** Registry-only app failures (no logs): IME EnforcementState 5000 with an error other than the ESP's own stop. */
function registryAppFailures(facts: Facts): Found[] {
  const found: Found[] = [];
  for (const v of facts.registry?.values ?? []) {
    const key = /\\IntuneManagementExtension\\Win32Apps\\[^\\]+\\(.+)_\d+$/i.exec(v.key.path);
    if (!key || v.name !== 'EnforcementStateMessage' || !v.sz) continue;
    try {
      const state = JSON.parse(v.sz) as { EnforcementState?: number; ErrorCode?: number | null };
      if (state.EnforcementState !== 5000 || state.ErrorCode == null) continue;
      const code = formatHresult(state.ErrorCode);
      if (code === ERROR_TIMEOUT_HEX) continue; // stopped by the ESP, not a failure of its own
      found.push({
        kind: 'appInstallFailed',
        phase: null,
        appId: key[1]!,
        code,
        summary: `${nameOf(facts, key[1]!)} failed to install (${code})`,
        evidence: [v],
        ms: null,
      });
    } catch {
      // not JSON: nothing to read
    }
  }
  return found;
}

function latest(found: Found[], limit: number | null): Found | null {
  const inTime = found.filter((f) => before(f.ms, limit));
  if (inTime.length === 0) return null;
  return inTime.reduce((best, f) => (msOf(f) >= msOf(best) || Number.isNaN(msOf(best)) ? f : best));
}

function devicePreparationCause(facts: Facts, failure: Failure | null): Found | null {
  const cats = categories(facts);
  const prep = cats.find((c) => c.phase === 'devicePreparation');
  const tpm = latest(
    facts.events
      .filter((r) => r.eventId === 171)
      .map((r) => ({
        kind: 'tpmAttestationFailure' as const,
        phase: 'devicePreparation' as const,
        appId: null,
        code: /HRESULT=(0x[0-9a-fA-F]{8})/.exec(r.message)?.[1]?.toLowerCase() ?? null,
        summary: '',
        evidence: [r.description, ...(prep ? [prep.value] : [])],
        ms: r.ms,
      })),
    failure?.ms ?? null,
  );
  const tpmRow = prep?.rows.find((r) => /^Securing your hardware \((Failed: )?(0x[0-9a-f]{8}|Error)\)$/i.test(r.text));
  if (tpm || (tpmRow && prep)) {
    const code = tpm?.code ?? /(0x[0-9a-f]{8})/i.exec(tpmRow?.text ?? '')?.[1]?.toLowerCase() ?? null;
    return {
      kind: 'tpmAttestationFailure',
      phase: 'devicePreparation',
      appId: null,
      code,
      summary: `TPM attestation failed${code ? ` (${code})` : ''}: "Securing your hardware" could not prove the device's TPM, so everything after it read "Previous step failed"`,
      evidence: tpm ? tpm.evidence : [prep!.value],
      ms: tpm?.ms ?? null,
    };
  }
  if (failure?.kind === 'timeout') return null;
  const state = values(facts, PROVIDER, 'InstallationState').find((v) => v.dword === 4);
  if (state) {
    const lastError = values(facts, PROVIDER, 'LastError')[0];
    const code = lastError?.dword ? formatHresult(lastError.dword) : null;
    return {
      kind: 'espProviderTimeout',
      phase: 'devicePreparation',
      appId: null,
      code,
      summary: `the ESP's policy provider (the Intune Management Extension) did not install within its own timeout${code ? ` (${code})` : ''}: "Preparing your device for mobile management" failed`,
      evidence: [state.key, state, ...(lastError ? [lastError] : []), ...(prep ? [prep.value] : [])],
      ms: null,
    };
  }
  return null;
}

function timeoutCause(facts: Facts, failure: Failure, phaseStartMs: number | null): Found {
  const phase = failure.phase;
  const code = failure.code ?? ERROR_TIMEOUT_HEX;
  const base = { phase, code, ms: failure.ms };
  const minutes = /: (\d+) minutes/.exec(
    facts.shell.find((s) => s.name === 'Timeout' && s.record.description === failure.evidence[0])?.value ?? '',
  )?.[1];
  const timer = minutes ? `its ${minutes}-minute timer` : 'its timer';
  const timerText = minutes ? `the ESP's ${minutes}-minute timer ran out` : "the ESP's timer ran out";

  // §7.4: Account setup waiting for a tracking list that never comes.
  if (phase === 'accountSetup') {
    const notCreated = values(facts, USER_TRACKING, 'TrackingPoliciesCreated').filter((v) => v.dword === 0);
    const notFinished = values(facts, USER_FIRST_SYNC, 'ServerHasFinishedProvisioning').filter((v) => v.dword === 0);
    const accountLists = facts.imeLines.some(
      (e) => /In EspPhase: AccountSetup/.test(e.msg) && after(e.ms, phaseStartMs),
    );
    if (notCreated.length > 0 || (notFinished.length > 0 && !accountLists)) {
      return {
        ...base,
        kind: 'identifyingNeverEnds',
        appId: null,
        summary: `Account setup never got past Identifying: the user's tracking list was never created, and ${timerText}`,
        evidence: [...failure.evidence, ...notCreated.flatMap((v) => [v.key, v]), ...notFinished],
      };
    }
  }

  const inPhase = facts.attempts.filter((a) => after(a.start.ms, phaseStartMs) && before(a.start.ms, failure.ms));
  const running = inPhase.filter((a) => {
    if (!a.exit) return true;
    if (!a.retryScheduled) return false;
    return !inPhase.some((b) => b.appId === a.appId && msOf(b.start) > msOf(a.start));
  });

  // §7.2: launched, never exited, and the device restarted under it.
  for (const a of running.filter((x) => x.launch && !x.exit)) {
    const restart = facts.restarts.find((r) => after(r.ms, a.launch!.ms) && before(r.ms, failure.ms));
    const declared = facts.attempts.some(
      (b) => b.reboot && after(b.reboot.ms, a.launch!.ms) && restart && before(b.reboot.ms, restart.ms),
    );
    if (restart && !declared) {
      return {
        ...base,
        kind: 'packagedReboot',
        appId: a.appId,
        summary: `the installer of ${nameOf(facts, a.appId)} restarted the device itself and never reported back; the ESP waited on it until ${timer} ran out`,
        evidence: [...failure.evidence, a.start, a.launch!, restart.ref, ...(a.errorStatus ? [a.errorStatus] : [])],
      };
    }
  }

  // §7.8: Microsoft 365 Apps (the Office CSP) never finished.
  const office = officeStillInstalling(facts, failure.ms);
  if (office) {
    return {
      ...base,
      kind: 'officeHang',
      appId: office.appId,
      summary: `Microsoft 365 Apps ${office.appId ? `(${office.appId}) ` : ''}never finished installing, so ${timerText}`,
      evidence: [...failure.evidence, ...office.evidence],
    };
  }

  const ime = running.find((a) => a.launch && !a.exit) ?? running[0];
  if (ime) {
    const lastProgress = ime.progress[ime.progress.length - 1];
    const downloading = !ime.launch && !ime.exit;
    const waiting = ime.exit !== null;
    const what = waiting
      ? `was waiting to retry after exit code ${codeText(ime.exit!.code)}`
      : downloading
        ? 'was still downloading'
        : 'was still installing';
    return {
      ...base,
      kind: 'timeout',
      appId: ime.appId,
      summary: `${timerText} while ${nameOf(facts, ime.appId)} ${what}`,
      evidence: [
        ...failure.evidence,
        ime.start,
        ...(ime.launch ? [ime.launch] : lastProgress ? [lastProgress.entry] : []),
        ...(ime.exit ? [ime.exit.entry] : []),
        ...(ime.retryScheduled ? [ime.retryScheduled] : []),
        ...(ime.errorStatus ? [ime.errorStatus] : []),
      ],
    };
  }
  const msi = msiInstalls(facts).find(
    (i) => i.end === null && before(i.start.ms, failure.ms) && after(i.start.ms, phaseStartMs),
  );
  if (msi) {
    return {
      ...base,
      kind: 'timeout',
      appId: msi.appId,
      summary: `${timerText} while the MSI app ${msi.appId ? nameOf(facts, msi.appId) : msi.product} was still installing`,
      evidence: [...failure.evidence, msi.start.description],
    };
  }
  const rows = categories(facts).find((c) => c.phase === phase);
  const stuck = rows?.rows.find((r) => /\((Error|Identifying)\)$/.test(r.text));
  return {
    ...base,
    kind: 'timeout',
    appId: null,
    summary: `${timerText} in ${phase ? PHASE_TITLES[phase] : 'the ESP'}${stuck ? ` while "${stuck.text.replace(/ \(.*\)$/, '')}" was still running` : ''}`,
    evidence: [...failure.evidence, ...(rows ? [rows.value] : [])],
  };
}

/** The Office CSP's install in ESPTrackingInfo that never reached 1 (§4.6, §7.8). */
function officeStillInstalling(
  facts: Facts,
  limit: number | null,
): { appId: string | null; evidence: LineRef[] } | null {
  const keys = (facts.registry?.keys ?? []).filter((k) =>
    /\\ESPTrackingInfo\\Diagnostics\\(?:S-[\d-]+\\)?ExpectedMSIAppPackages\\.*\/Office\/Installation\//i.test(k.path),
  );
  for (const key of keys) {
    const writes = (facts.registry?.values ?? []).filter((v) => v.key === key);
    if (writes.length === 0 || writes.some((v) => v.dword === 1)) continue;
    if (!writes.some((v) => before(Date.parse(v.name) || null, limit))) continue;
    const appId = /\/Office\/Installation\/([^/]+)\//i.exec(key.path)?.[1] ?? null;
    const started = msiInstalls(facts).filter((i) => i.appId === appId && i.end === null);
    return { appId, evidence: [key, ...writes, ...started.map((i) => i.start.description)] };
  }
  return null;
}

function successCause(facts: Facts): Found | null {
  // §7.5: a restart an app asked for in Device setup.
  for (const a of facts.attempts) {
    const defined = a.definedAs?.value.toLowerCase();
    if (!a.exit || (defined !== 'softreboot' && defined !== 'hardreboot')) continue;
    const restart = facts.restarts.find((r) => after(r.ms, a.exit!.entry.ms));
    if (!restart) continue;
    return {
      kind: 'declaredReboot',
      phase: espPhaseAt(facts, a.start) ?? 'deviceSetup',
      appId: a.appId,
      code: String(a.exit.code),
      summary: `${nameOf(facts, a.appId)} exited with ${codeText(a.exit.code)} (a restart is needed), so the device restarted during Device setup and the user had to sign in again`,
      evidence: [a.exit.entry, a.definedAs!.entry, ...(a.reboot ? [a.reboot] : []), restart.ref],
      ms: a.exit.entry.ms,
    };
  }
  // A download that crawled.
  for (const a of facts.attempts) {
    const first = a.progress[0];
    const last = a.progress[a.progress.length - 1];
    if (!first || !last || first.entry.ms === null || last.entry.ms === null) continue;
    const ms = last.entry.ms - first.entry.ms;
    const bytes = last.bytes - first.bytes;
    if (ms < SLOW_DOWNLOAD_MS || bytes / (ms / 1000) >= SLOW_DOWNLOAD_BYTES_PER_SECOND) continue;
    const minutes = Math.round(ms / 60000);
    return {
      kind: 'slowDownload',
      phase: espPhaseAt(facts, a.start),
      appId: a.appId,
      code: null,
      summary: `the ESP succeeded, but downloading ${nameOf(facts, a.appId)} (${(last.total / 1048576).toFixed(0)} MB) took about ${minutes} minutes: the network stalled or was very slow`,
      evidence: [first.entry, last.entry],
      ms: first.entry.ms,
    };
  }
  return null;
}

// ---- What to do ------------------------------------------------------------------------------------------

function stepsFor(found: Found, facts: Facts, outcome: DiagnosedOutcome): string[] {
  const app = nameOf(facts, found.appId);
  switch (found.kind) {
    case 'appInstallFailed':
      return [
        `Run the install command of ${app} by hand on a test device, in the same context as Intune does (SYSTEM for device apps, the user for user apps), and read its own log (for an MSI, add /l*v <log file>).`,
        ...(found.code === '1603'
          ? [
              '1603 is Windows Installer\'s generic "fatal error": the MSI log names the action that failed (search for "return value 3").',
            ]
          : []),
        `Check the app's return codes in Intune: if ${found.code ?? 'this code'} is not really a failure (a restart code, a "already installed" code), map it as Success or Soft reboot.`,
        'Check the detection rule: it must find exactly what the installer leaves behind, or Intune reports a failure after a good install.',
        'When it is fixed, let the user select Try again, or reset the device and start over.',
      ];
    case 'appRetryExhausted':
      return [
        `${app} kept returning ${found.code}, a code its return codes define as Retry: Intune tried three times, five minutes apart, then gave up.`,
        'Find out what makes the installer return that code on a freshly set-up device (another installer still running, a pending restart, a locked file, a missing prerequisite) and remove the cause, or install the prerequisite first with a dependency.',
        'If the code does not mean "try again later" for this installer, change its return-code mapping.',
      ];
    case 'msiWin32Conflict':
      return [
        `Windows Installer runs one installation at a time: an MSI line-of-business app installing through MDM held it while ${app} tried to install, so ${app} got 1618 on every retry.`,
        'Repackage the MSI line-of-business app as a Win32 app (.intunewin), so the Intune Management Extension installs it one after the other with the other Win32 apps.',
        'Or keep the two kinds apart: do not make an MSI line-of-business app and Win32 apps block the same ESP.',
      ];
    case 'timeout':
      return [
        found.appId
          ? `See why ${app} takes so long: run its installer silently by hand and time it, and make sure it never waits for input (a hidden prompt in the SYSTEM session never gets an answer).`
          : 'See which row was still working when the timer ran out (the cited lines) and why it could not finish.',
        'If the apps are simply large, raise the profile\'s timeout ("Show an error when installation takes longer than specified number of minutes").',
        'Check the network on site: proxy, firewall, TLS inspection and Delivery Optimization for the Intune content endpoints.',
        'Take apps that are not needed on the first day out of the blocking list, so they install after the ESP.',
      ];
    case 'tpmAttestationFailure':
      return [
        'Make sure the device has a TPM 2.0 that is enabled and on current firmware; a virtual machine cannot pass attestation.',
        "Check the device clock and that it can reach the TPM manufacturer's endorsement-key certificate service named in the Windows Autopilot network requirements.",
        'Clear the TPM in the firmware settings (or with Clear-Tpm) and start the deployment again; Microsoft lists the known TPM errors (0x81039001, 0x81039023, 0x81039024, 0x80070490) on the Autopilot known-issues page.',
      ];
    case 'espProviderTimeout':
      return [
        "The Intune Management Extension (the ESP's policy provider) could not be installed within its 15 minutes: check that the device reaches the Intune and content-download endpoints (proxy, firewall, TLS inspection).",
        'On a virtual machine, give it at least 2 virtual processors and 4 GB of memory.',
        'Check the device clock, then reset the device and try again.',
      ];
    case 'resourceFailed':
      return [
        'Open the profile named by the cited URI in Intune and check its per-device status: it reports why it did not apply.',
        'For a SCEP certificate: check the NDES server and the Certificate Connector, and that the trusted root certificate profile it depends on is assigned to the same group.',
        'For Wi-Fi or VPN profiles: check the certificates they depend on are assigned and apply first.',
        'If the ESP need not wait for it, remove the dependency from what the ESP tracks, or assign it after enrollment.',
      ];
    case 'identifyingNeverEnds':
      return [
        "Check that the user has a licence that includes Intune (Microsoft Entra ID: the user's licences) and is inside the MDM user scope.",
        "Check that the Intune Management Extension installed and is running on the device: it creates the user's tracking list.",
        'If the user part of the ESP is not needed, skip it with the SkipUserStatusPage setting (DMClient CSP) and retry.',
      ];
    case 'packagedReboot':
      return [
        `The installer of ${app} restarts the device by itself: add its silent no-restart switch (for an MSI, REBOOT=ReallySuppress or /norestart).`,
        'Set the app\'s "Device restart behavior" to "Determine behavior based on return codes" and map its restart codes (3010 soft reboot, 1641 hard reboot), so the ESP plans the restart instead of being cut off.',
        'Then reset the device and start over.',
      ];
    case 'officeHang':
      return [
        'Microsoft 365 Apps installed through the Office channel can hang beside Win32 apps during the ESP.',
        'Package Microsoft 365 Apps as a Win32 app (Office Deployment Tool), so the Intune Management Extension installs it in turn with the other Win32 apps.',
        'Or take it out of the blocking list so it installs after the ESP.',
      ];
    case 'declaredReboot':
      return [
        `${app} asked for a restart during Device setup (exit code ${found.code}); the ESP restarted the device and the user had to type their credentials again. This is expected.`,
        'If the restart is not needed on the first day, take the app out of the blocking list, or suppress its restart and map the code as Success.',
      ];
    case 'slowDownload':
      return [
        'Check the network on site: bandwidth, proxy and firewall rules for the Intune content endpoints, and Delivery Optimization.',
        'Consider fewer or smaller blocking apps, so a slow link does not hold the ESP as long.',
      ];
    case 'none':
      if (outcome === 'notShown') {
        return [
          'The ESP profile that applied does not show the page. To show it, turn on "Show app and profile configuration progress" in the ESP profile assigned to the device.',
        ];
      }
      if (outcome === 'inProgress')
        return ['The ESP was still running when the logs were collected; collect them again after it ends.'];
      if (outcome === 'continuedAnyway') {
        return [
          'Nothing failed: the user chose to continue while apps and profiles were still installing.',
          'If users must wait until everything is installed, set "Block device use until all apps and profiles are installed" to Yes in the ESP profile.',
        ];
      }
      return ['Nothing to fix.'];
    case 'unknown':
      return [
        'The bundle does not show what failed: collect the logs again while the error screen shows (Collect logs, or Export logs on the diagnostics page).',
        'Check the device in Intune (Devices > the device > Managed Apps and Device configuration) for the failing item.',
      ];
  }
}

// ---- The diagnosis ----------------------------------------------------------------------------------------

function dedupe(evidence: LineRef[]): LineRef[] {
  const seen = new Set<string>();
  const out: LineRef[] = [];
  for (const e of evidence) {
    const key = `${e.file}\n${e.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: e.file, line: e.line, text: e.text });
  }
  return out;
}

/**
 * Diagnoses a bundle from its entries (name and bytes, as `readBundleZip` returns them, or the
 * simulator's `bundleFiles`). `notes` from reading the archive are carried into the result. Never
 * throws: what it cannot read becomes a note, and what it cannot tell becomes cause `unknown`.
 */
export function diagnoseBundle(entries: readonly BundleEntry[], notes: readonly string[] = []): Diagnosis {
  const facts = readFacts(entries);
  facts.notes.unshift(...notes);
  const end = ending(facts);
  let found: Found | null = null;
  if (end.failure) {
    const failure = end.failure;
    if (failure.phase === 'devicePreparation' || failure.phase === null) found = devicePreparationCause(facts, failure);
    if (!found && failure.kind === 'timeout') found = timeoutCause(facts, failure, end.phaseStartMs);
    if (!found) {
      found =
        latest([...imeFailures(facts), ...msiFailures(facts), ...resourceFailures(facts)], failure.ms) ??
        latest([...pageAppFailures(facts), ...registryAppFailures(facts)], failure.ms);
      if (found) found = { ...found, evidence: [...found.evidence, ...failure.evidence] };
    }
    if (!found) {
      found = {
        kind: 'unknown',
        phase: failure.phase,
        appId: null,
        code: failure.code,
        summary: `the ESP ${failure.kind === 'timeout' ? 'timed out' : 'failed'}${failure.phase ? ` in ${PHASE_TITLES[failure.phase]}` : ''}, but these files do not say why`,
        evidence: failure.evidence,
        ms: failure.ms,
      };
    }
    found = { ...found, phase: failure.phase ?? found.phase };
  } else if (end.outcome === 'succeeded') {
    found = successCause(facts);
  }
  if (!found) {
    const summary =
      end.outcome === 'notShown'
        ? 'the ESP was not shown: the profile that applied hides it'
        : end.outcome === 'succeeded'
          ? 'the ESP succeeded; nothing went wrong'
          : end.leftEarly
            ? 'the user left the ESP with Continue anyway while it was still running (Block device use = No); nothing had failed'
            : end.outcome === 'inProgress'
              ? 'the ESP was still running when the logs were collected; nothing had failed yet'
              : 'these files do not show how the ESP ended';
    found = {
      kind: end.outcome === 'unknown' ? 'unknown' : 'none',
      phase: null,
      appId: null,
      code: null,
      summary,
      evidence: end.success,
      ms: null,
    };
  }
  if (end.earlierFailures > 0) {
    facts.notes.push(
      `the ESP failed ${end.earlierFailures === 1 ? 'once' : `${end.earlierFailures} times`} before this ending (Try again was used)`,
    );
  }
  return {
    outcome: end.outcome,
    phase: found.phase,
    cause: { kind: found.kind, appId: found.appId, code: found.code },
    summary: found.summary.charAt(0).toUpperCase() + found.summary.slice(1) + '.',
    evidence: dedupe(found.evidence),
    steps: stepsFor(found, facts, end.outcome).map((step) => step.charAt(0).toUpperCase() + step.slice(1)),
    notes: facts.notes,
  };
}
