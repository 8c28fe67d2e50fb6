/**
 * Where a run's simulated time went, as data for a chart (the operator console's time bar): the
 * run's wall time cut into consecutive segments, each given to exactly one kind of wait, so that the
 * segments add up to the run's duration — nothing is normalised, rounded or left out ("other" holds
 * what no named kind claims). Plus the blocking apps, longest first, and the critical path: the
 * stretches of time during which at least one blocking app was installing or waiting to retry, with
 * overlapping installs merged.
 *
 * Sources: the engine's screen states (`run.steps`) for the segments — what the device showed is what
 * the person waited on — and the record (`run.timeline`) for the apps. Pure: no I/O.
 */
import type { AppPhase } from '../../../shared/timeline';
import type { EngineView, Run } from '../engine/simulate';

/** What a stretch of the run was spent on. */
export type TimeKind =
  /** The ESP's Device preparation category running (TPM, join, MDM enrollment, the ESP provider). */
  | 'devicePreparation'
  /** Device setup while its Apps row waits on apps (§1.3). */
  | 'deviceSetupApps'
  /** Account setup running, its join row included (§1.3, §1.14). */
  | 'accountSetup'
  /** The device restarting or resetting (§1.8). */
  | 'restart'
  /** An error screen, a sign-in screen, the technician's pages, or the device shut down after Reseal. */
  | 'waitingForUser'
  /** Windows quality updates at the end of OOBE (§1.13). */
  | 'qualityUpdates'
  /** Everything else: Device setup before or beside its apps, the first sign-in animation, exits. */
  | 'other';

/** Every kind, in the order a chart stacks them (the phases first, "other" last). */
export const TIME_KINDS: readonly TimeKind[] = [
  'devicePreparation',
  'deviceSetupApps',
  'accountSetup',
  'restart',
  'waitingForUser',
  'qualityUpdates',
  'other',
];

/** One stretch of the run, [start, end) in simulated seconds from the start. */
export interface TimeSegment {
  kind: TimeKind;
  start: number;
  end: number;
  seconds: number;
}

/** How long one blocking app held its phase. */
export interface BlockingAppTime {
  appId: string;
  /** The setup phase that tracked it (its first blocking attempt's phase). */
  phase: 'deviceSetup' | 'accountSetup';
  /** Simulated second of its first blocking attempt. */
  firstStart: number;
  attempts: number;
  /** Seconds its attempts ran (download and installer), within the run's duration. */
  installSeconds: number;
  /** Seconds it waited between attempts for a retry (§5.3), within the run's duration. */
  retryWaitSeconds: number;
  /** installSeconds + retryWaitSeconds. */
  seconds: number;
}

/** A stretch during which at least one blocking app was busy (installing or waiting to retry). */
export interface CriticalPathSpan {
  start: number;
  end: number;
  seconds: number;
  /** The blocking apps busy during the span, in the order they started. */
  appIds: string[];
}

export interface TimeAttribution {
  /** The run's duration: `espEndedAt ?? endT`, simulated seconds. */
  duration: number;
  /** Consecutive, non-overlapping, from 0 to `duration`; adjacent stretches of one kind are merged. */
  segments: TimeSegment[];
  /** Seconds per kind; they add up to `duration`. */
  totals: Record<TimeKind, number>;
  /** Longest first (ties by app id). */
  blockingApps: BlockingAppTime[];
  /** Merged busy stretches of the blocking apps, in time order. */
  criticalPath: CriticalPathSpan[];
  /** Sum of the critical path's spans. */
  criticalPathSeconds: number;
}

const WAITING_SCREENS = new Set([
  'signIn',
  'preProvisioningOptions',
  'preProvisioningConfiguration',
  'preProvisioningResult',
  'shutDown',
]);

/** The kind of wait a screen state stands for. */
export function timeKindOf(view: EngineView): TimeKind {
  if (view.errorScreen !== null) return 'waitingForUser';
  const screen = view.screen;
  if (WAITING_SCREENS.has(screen.kind)) return 'waitingForUser';
  if (screen.kind === 'restarting' || screen.kind === 'resetting') return 'restart';
  if (screen.kind === 'qualityUpdates') return 'qualityUpdates';
  if (screen.kind !== 'esp') return 'other';
  const phase = (id: string) => view.phases.find((p) => p.id === id);
  const running = (id: string) => {
    const status = phase(id)?.status;
    return status === 'inProgress' || status === 'identifying';
  };
  if (screen.part === 'user') return running('accountSetup') ? 'accountSetup' : 'other';
  if (running('devicePreparation')) return 'devicePreparation';
  if (running('deviceSetup')) {
    const apps = phase('deviceSetup')?.items.find((i) => i.id === 'apps');
    return apps?.status === 'inProgress' ? 'deviceSetupApps' : 'other';
  }
  return 'other';
}

function segmentsOf(run: Run, duration: number): TimeSegment[] {
  const segments: TimeSegment[] = [];
  const steps = run.steps;
  for (let i = 0; i < steps.length; i++) {
    const start = Math.max(0, steps[i]!.t);
    const end = Math.min(duration, i + 1 < steps.length ? steps[i + 1]!.t : duration);
    if (end <= start) continue;
    const kind = timeKindOf(steps[i]!.view);
    const last = segments[segments.length - 1];
    if (last && last.kind === kind && last.end === start) {
      last.end = end;
      last.seconds = last.end - last.start;
    } else segments.push({ kind, start, end, seconds: end - start });
  }
  // Steps start at t = 0 (run.ts); should a run ever begin later, its first stretch is "other".
  if (segments.length > 0 && segments[0]!.start > 0) {
    segments.unshift({ kind: 'other', start: 0, end: segments[0]!.start, seconds: segments[0]!.start });
  }
  return segments;
}

interface Busy {
  appId: string;
  start: number;
  end: number;
}

type SetupPhase = 'deviceSetup' | 'accountSetup';
const isSetup = (phase: AppPhase): phase is SetupPhase => phase === 'deviceSetup' || phase === 'accountSetup';

/** Attempts and retry waits of apps a setup phase tracked, clipped to [0, duration]. */
function blockingBusy(run: Run, duration: number): { busy: Busy[]; apps: BlockingAppTime[] } {
  const tracked = new Set<string>();
  for (const e of run.timeline) if (e.type === 'appTracking' && e.tracked) tracked.add(`${e.phase}:${e.appId}`);
  const clip = (start: number, end: number) => ({ start: Math.max(0, start), end: Math.min(duration, end) });

  const apps = new Map<string, BlockingAppTime>();
  const busy: Busy[] = [];
  const open = new Map<string, number>();
  const add = (appId: string, start: number, end: number, kind: 'install' | 'wait') => {
    const c = clip(start, end);
    if (c.end <= c.start) return;
    busy.push({ appId, ...c });
    const a = apps.get(appId)!;
    if (kind === 'install') a.installSeconds += c.end - c.start;
    else a.retryWaitSeconds += c.end - c.start;
  };
  for (const e of run.timeline) {
    switch (e.type) {
      case 'appInstallStarted': {
        if (!isSetup(e.phase) || !tracked.has(`${e.phase}:${e.appId}`)) break;
        if (!apps.has(e.appId)) {
          apps.set(e.appId, {
            appId: e.appId,
            phase: e.phase,
            firstStart: e.t,
            attempts: 0,
            installSeconds: 0,
            retryWaitSeconds: 0,
            seconds: 0,
          });
        }
        apps.get(e.appId)!.attempts++;
        open.set(e.appId, e.t);
        break;
      }
      case 'appInstallCompleted':
      case 'appInstallCancelled': {
        const started = open.get(e.appId);
        if (started === undefined) break;
        open.delete(e.appId);
        add(e.appId, started, e.t, 'install');
        break;
      }
      case 'appRetryScheduled':
        if (apps.has(e.appId) && isSetup(e.phase) && tracked.has(`${e.phase}:${e.appId}`)) {
          // The wait ends when the next attempt starts, or earlier if the ESP stops it (cancelled below).
          const next = run.timeline.find(
            (x) =>
              x.t >= e.t && (x.type === 'appInstallStarted' || x.type === 'appInstallCancelled') && x.appId === e.appId,
          );
          add(e.appId, e.t, next ? next.t : e.t + e.inSeconds, 'wait');
          if (next?.type === 'appInstallCancelled') open.delete(e.appId);
        }
        break;
      default:
        break;
    }
  }
  // Installs still running (a hang the run stops on) run to the end.
  for (const [appId, started] of open) add(appId, started, duration, 'install');
  const list = [...apps.values()].map((a) => ({ ...a, seconds: a.installSeconds + a.retryWaitSeconds }));
  list.sort((a, b) => b.seconds - a.seconds || (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
  return { busy, apps: list };
}

function mergeBusy(busy: Busy[]): CriticalPathSpan[] {
  const sorted = [...busy].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: CriticalPathSpan[] = [];
  for (const b of sorted) {
    const last = spans[spans.length - 1];
    if (last && b.start <= last.end) {
      last.end = Math.max(last.end, b.end);
      last.seconds = last.end - last.start;
      if (!last.appIds.includes(b.appId)) last.appIds.push(b.appId);
    } else spans.push({ start: b.start, end: b.end, seconds: b.end - b.start, appIds: [b.appId] });
  }
  return spans;
}

/**
 * Cuts `run` (from `simulate` or `runHeadless`) into time segments over [0, espEndedAt ?? endT]
 * (simulated seconds), with the blocking apps by time and their merged critical path. The segments'
 * seconds add up exactly to `duration` for whole-second runs (every bundled scenario); a run whose
 * ESP never showed has duration 0 and no segments.
 */
export function attributeTime(run: Run): TimeAttribution {
  const duration = run.espEndedAt ?? run.endT;
  const segments = segmentsOf(run, duration);
  const totals = Object.fromEntries(TIME_KINDS.map((k) => [k, 0])) as Record<TimeKind, number>;
  for (const s of segments) totals[s.kind] += s.seconds;
  const { busy, apps } = blockingBusy(run, duration);
  const criticalPath = mergeBusy(busy);
  return {
    duration,
    segments,
    totals,
    blockingApps: apps,
    criticalPath,
    criticalPathSeconds: criticalPath.reduce((sum, s) => sum + s.seconds, 0),
  };
}
