/**
 * The operator console's Run view for one run (shared/runView.ts): the phases with their durations and labels,
 * each app's download, install and retry times with the code the ESP shows, what was going on at each moment,
 * where the time went (`attributeTime`), and, for a failed or timed-out run, what `diagnoseBundle` says of the
 * log bundle the host generates in memory for the run (`bundleFiles`), with the cited files for the console's viewer.
 * Pure: no I/O.
 */
import type { PhaseId } from '../../../shared/esp';
import type {
  RunAnalysisView,
  RunViewActivity,
  RunViewApp,
  RunViewDiagnosis,
  RunViewFile,
  RunViewPhase,
} from '../../../shared/runView';
import type { TimelineEvent } from '../../../shared/timeline';
import type { Run } from '../engine/run';
import type { Scenario } from '../scenario/model';
import type { BundleEntry } from './bundleReader';
import { diagnoseBundle } from './diagnose';
import type { CauseKind } from './diagnose';
import { textFile } from './logFormats';
import { attributeTime } from './timeAttribution';
import type { TimeKind } from './timeAttribution';
import { timelineCsv } from './timelineCsv';

export const PHASE_LABELS: Record<PhaseId | 'afterEsp', string> = {
  devicePreparation: 'Device preparation',
  deviceSetup: 'Device setup',
  accountSetup: 'Account setup',
  afterEsp: 'After the ESP',
};

export const TIME_KIND_LABELS: Record<TimeKind, string> = {
  devicePreparation: 'Device preparation',
  deviceSetupApps: 'Apps in Device setup',
  accountSetup: 'Account setup',
  restart: 'Restarts',
  waitingForUser: 'Waiting for the user',
  qualityUpdates: 'Quality updates',
  other: 'Everything else',
};

const CAUSE_LABELS: Record<CauseKind, string> = {
  appInstallFailed: 'App install failed',
  appRetryExhausted: 'App retries exhausted',
  msiWin32Conflict: 'MSI and Win32 installs collided (1618)',
  timeout: 'The ESP timed out',
  tpmAttestationFailure: 'TPM attestation failed',
  espProviderTimeout: 'The ESP provider did not install in time',
  resourceFailed: 'A policy, certificate or network profile failed',
  identifyingNeverEnds: 'Account setup never got past Identifying',
  packagedReboot: 'An installer restarted the device',
  officeHang: 'Microsoft 365 Apps never finished',
  declaredReboot: 'An app asked for a restart',
  slowDownload: 'A download crawled',
  none: 'Nothing went wrong',
  unknown: 'The bundle does not say',
};

const STATUS_LABELS: Record<string, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  notRun: 'Skipped',
  previousStepFailed: 'Skipped',
  notStarted: 'Not reached',
  identifying: 'In progress',
  inProgress: 'In progress',
};

/** Most attempts a retry code gets in one round (§5.3). */
const RETRY_ATTEMPTS = 3;

function namesOf(scenario: Scenario): (id: string) => string {
  const names = new Map(scenario.tenant.apps.map((a) => [a.id, a.displayName]));
  return (id) => names.get(id) ?? id;
}

function phasesOf(scenario: Scenario, run: Run): RunViewPhase[] {
  const preProvisioning = scenario.deployment.mode === 'preProvisioning';
  const firstSignIn = run.timeline.find((e) => e.type === 'signInShown')?.t ?? Infinity;
  const phases: RunViewPhase[] = [];
  const open = new Map<PhaseId, RunViewPhase>();
  for (const e of run.timeline) {
    if (e.type === 'phaseStarted') {
      const part = preProvisioning ? (e.t < firstSignIn ? 'Technician: ' : 'User: ') : '';
      const phase: RunViewPhase = {
        id: e.phase,
        label: part + PHASE_LABELS[e.phase],
        start: e.t,
        end: null,
        seconds: 0,
        status: 'In progress',
      };
      phases.push(phase);
      open.set(e.phase, phase);
    } else if (e.type === 'phaseCompleted') {
      const phase = open.get(e.phase);
      if (phase) {
        phase.end = e.t;
        phase.seconds = e.t - (phase.start ?? e.t);
        phase.status = STATUS_LABELS[e.status] ?? e.status;
        open.delete(e.phase);
      } else {
        phases.push({
          id: e.phase,
          label: PHASE_LABELS[e.phase],
          start: null,
          end: null,
          seconds: 0,
          status: STATUS_LABELS[e.status] ?? e.status,
        });
      }
    }
  }
  // A phase still open runs to the end of the record.
  for (const phase of open.values()) {
    phase.end = run.endT;
    phase.seconds = run.endT - (phase.start ?? run.endT);
  }
  for (const id of ['devicePreparation', 'deviceSetup', 'accountSetup'] as const) {
    if (!phases.some((p) => p.id === id)) {
      const skipped = run.timeline.some(
        (e) => e.type === 'espSkipped' && (e.part === 'user') === (id === 'accountSetup'),
      );
      phases.push({
        id,
        label: PHASE_LABELS[id],
        start: null,
        end: null,
        seconds: 0,
        status: skipped ? 'Skipped' : 'Not reached',
      });
    }
  }
  if (run.espEndedAt !== null && run.endT > run.espEndedAt) {
    phases.push({
      id: 'afterEsp',
      label: PHASE_LABELS.afterEsp,
      start: run.espEndedAt,
      end: run.endT,
      seconds: run.endT - run.espEndedAt,
      status: 'Succeeded',
    });
  }
  return phases;
}

type Started = Extract<TimelineEvent, { type: 'appInstallStarted' }>;

function appsOf(run: Run, name: (id: string) => string): { apps: RunViewApp[]; activities: RunViewActivity[] } {
  const apps = new Map<string, RunViewApp>();
  const running = new Map<string, Started>();
  const activities: RunViewActivity[] = [];
  const retries = new Map<string, boolean>();
  const finish = (appId: string, t: number, result: string): void => {
    const started = running.get(appId);
    const app = apps.get(appId);
    if (!started || !app) return;
    running.delete(appId);
    const download = Math.min(started.downloadSeconds, t - started.t);
    const install = Math.max(0, t - started.t - download);
    app.attempts.push({
      attempt: started.attempt,
      start: started.t,
      downloadSeconds: download,
      installSeconds: install,
      result,
    });
    app.downloadSeconds += download;
    app.installSeconds += install;
    const of = (retries.get(appId) ?? false) || started.attemptInRound > 1 ? ` of ${RETRY_ATTEMPTS}` : '';
    const label = `${name(appId)}, attempt ${started.attemptInRound}${of}`;
    if (download > 0) activities.push({ start: started.t, end: started.t + download, text: `Downloading ${label}` });
    if (install > 0) activities.push({ start: started.t + download, end: t, text: `Installing ${label}` });
  };
  for (const e of run.timeline) {
    switch (e.type) {
      case 'appInstallStarted':
        if (!apps.has(e.appId)) {
          apps.set(e.appId, {
            appId: e.appId,
            displayName: name(e.appId),
            phase: PHASE_LABELS[e.phase],
            attempts: [],
            downloadSeconds: 0,
            installSeconds: 0,
            retryWaitSeconds: 0,
            failure: null,
          });
        }
        running.set(e.appId, e);
        break;
      case 'appInstallCompleted': {
        const result =
          e.result === 'failed'
            ? `Failed (${e.hresult})`
            : e.result === 'retry'
              ? `Retry (${e.hresult})`
              : e.detected
                ? 'Succeeded'
                : `Not detected (${e.hresult})`;
        if (e.result === 'retry') retries.set(e.appId, true);
        finish(e.appId, e.t, result);
        const app = apps.get(e.appId);
        if (app) app.failure = e.result === 'failed' || e.result === 'retry' || !e.detected ? e.hresult : null;
        break;
      }
      case 'appInstallHung':
        finish(e.appId, e.t, 'Hung');
        break;
      case 'appInstallCancelled':
        finish(e.appId, e.t, `Cancelled (${e.reason})`);
        break;
      case 'appRetryScheduled': {
        const app = apps.get(e.appId);
        if (app) app.retryWaitSeconds += e.inSeconds;
        activities.push({
          start: e.t,
          end: e.t + e.inSeconds,
          text: `Waiting to retry ${name(e.appId)}, attempt ${e.attemptInRound} of ${RETRY_ATTEMPTS}`,
        });
        break;
      }
      default:
        break;
    }
  }
  for (const appId of [...running.keys()]) finish(appId, run.endT, 'Still running');
  activities.sort((a, b) => a.start - b.start);
  return { apps: [...apps.values()], activities };
}

/** A failed or timed-out run: the error screen showed, or the outcome says so. */
export function runFailed(run: Run): boolean {
  const outcome = [...run.timeline].reverse().find((e) => e.type === 'outcome');
  return (
    run.timeline.some((e) => e.type === 'errorScreenShown') ||
    (outcome?.type === 'outcome' && (outcome.outcome === 'failed' || outcome.outcome === 'timedOut'))
  );
}

function diagnosisOf(
  run: Run,
  bundle: (() => readonly BundleEntry[]) | null,
  name: (id: string) => string,
): { diagnosis: RunViewDiagnosis | null; files: RunViewFile[] } {
  if (!bundle || !runFailed(run)) return { diagnosis: null, files: [] };
  const entries = bundle();
  const d = diagnoseBundle(entries);
  const cited = new Set(d.evidence.map((e) => e.file));
  return {
    diagnosis: {
      outcome: d.outcome,
      phase: d.phase ? PHASE_LABELS[d.phase] : null,
      kind: d.cause.kind,
      kindLabel: CAUSE_LABELS[d.cause.kind],
      appId: d.cause.appId,
      appName: d.cause.appId ? name(d.cause.appId) : null,
      code: d.cause.code,
      summary: d.summary,
      evidence: d.evidence.map((e) => ({ file: e.file, line: e.line, text: e.text })),
      steps: d.steps,
    },
    files: entries.filter((e) => cited.has(e.name)).map((e) => textFile(e.name, e.data)),
  };
}

/**
 * The Run view of `run` (simulated from `scenario`), for run number `runId`. `bundle` gives the run's log bundle
 * files (asked for only when the run failed or timed out); without it there is no diagnosis.
 */
export function runAnalysisView(
  scenario: Scenario,
  run: Run,
  runId: number,
  bundle: (() => readonly BundleEntry[]) | null,
): RunAnalysisView {
  const name = namesOf(scenario);
  const attribution = attributeTime(run);
  const { apps, activities } = appsOf(run, name);
  const { diagnosis, files } = diagnosisOf(run, bundle, name);
  const outcome = [...run.timeline].reverse().find((e) => e.type === 'outcome');
  return {
    runId,
    scenarioName: scenario.name,
    duration: attribution.duration,
    endT: run.endT,
    outcome: outcome?.type === 'outcome' ? outcome.outcome : null,
    phases: phasesOf(scenario, run),
    apps,
    activities,
    attribution: {
      duration: attribution.duration,
      segments: attribution.segments.map((s) => ({ ...s, label: TIME_KIND_LABELS[s.kind] })),
      totals: Object.entries(attribution.totals).map(([kind, seconds]) => ({
        kind,
        label: TIME_KIND_LABELS[kind as TimeKind],
        seconds,
      })),
      blockingApps: attribution.blockingApps.map((b) => ({
        appId: b.appId,
        displayName: name(b.appId),
        phase: PHASE_LABELS[b.phase],
        attempts: b.attempts,
        installSeconds: b.installSeconds,
        retryWaitSeconds: b.retryWaitSeconds,
        seconds: b.seconds,
      })),
      criticalPath: attribution.criticalPath.map((c) => ({
        start: c.start,
        end: c.end,
        seconds: c.seconds,
        appNames: c.appIds.map(name),
      })),
      criticalPathSeconds: attribution.criticalPathSeconds,
    },
    diagnosis,
    files,
    exports: {
      csv: timelineCsv(run.timeline),
      json: JSON.stringify(run.timeline, null, 2) + '\n',
      baseName: (scenario.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'run') + '-timeline',
    },
  };
}
