/**
 * The timeout planner of `esp-sim plan` (docs/cli.md): N simulated devices, each the scenario with its own seed,
 * bandwidth and install times (variation.ts), through the real engine; then the ESP's duration percentiles, the
 * share of devices that would time out, and the apps that take longest. Pure: the worker threads
 * (parallel.ts, worker.ts) run `measureDevices` on slices of the devices and this file sums them up, so a plan is
 * the same figures whichever way, and however many threads, its devices ran.
 */
import type { RunRecord } from '../engine/simulate';
import { recordOf, simulate } from '../engine/simulate';
import { joinExtraMinutes } from '../engine/timer';
import { DEFAULT_INSTALL_TIMEOUT_MINUTES } from '../scenario/defaultProfile';
import type { Scenario } from '../scenario/model';
import { deviceScenario } from './variation';
import type { PlanReport, PlanTimeout } from '../../../shared/planner';

/** The JSON `esp-sim plan --json` prints: in shared/ because the console's Timeout planner page shows it too. */
export type { PlanReport };

/** A plan's figures, with every device's ESP duration (seconds, device order) for the histogram. */
export interface PlanResult {
  report: PlanReport;
  durationsSeconds: Float64Array;
}

/**
 * Per device, `deviceSlots(scenario)` numbers: the ESP duration in simulated seconds, 1 if it timed out (else 0),
 * then for each app of the tenant (tenant order) the seconds its tracked attempts ran, NaN where no phase waited on
 * it or it never started.
 */
export function deviceSlots(scenario: Scenario): number {
  return 2 + scenario.tenant.apps.length;
}

/** How long the ESP of a run lasted: to its end, or to the error screen it waits on (as `run --json`). */
function durationOf(run: RunRecord): number {
  return run.waitingForUser ? run.endT : (run.espEndedAt ?? run.endT);
}

/** Writes one device's run into `out` at `offset` (`deviceSlots` numbers, see there); `appIndex`: id → tenant index. */
function measureRun(run: RunRecord, appIndex: ReadonlyMap<string, number>, out: Float64Array, offset: number): void {
  const duration = durationOf(run);
  out[offset] = duration;
  // The screen's outcome at that second is the last one the record gave by then (a plan has no user actions, the
  // only thing that clears an outcome).
  let outcome: string | null = null;
  out.fill(NaN, offset + 2, offset + 2 + appIndex.size);
  // Per phase: the ids the phase waits on (a string key per event cost more than the lookup, bench/planner).
  const tracked = new Map<string, Set<string>>();
  const open = new Map<string, number>();
  const add = (appId: string, start: number, end: number) => {
    const a = appIndex.get(appId);
    if (a === undefined) return;
    const slot = offset + 2 + a;
    const seconds = Math.max(0, Math.min(duration, end) - Math.max(0, start));
    out[slot] = (Number.isNaN(out[slot]!) ? 0 : out[slot]!) + seconds;
  };
  for (const e of run.timeline) {
    if (e.t > duration) break;
    switch (e.type) {
      case 'outcome':
        outcome = e.outcome;
        break;
      case 'appTracking':
        if (e.tracked) {
          const ids = tracked.get(e.phase);
          if (ids) ids.add(e.appId);
          else tracked.set(e.phase, new Set([e.appId]));
        }
        break;
      case 'appInstallStarted':
        if (tracked.get(e.phase)?.has(e.appId)) {
          open.set(e.appId, e.t);
          add(e.appId, e.t, e.t); // started: 0 seconds so far, no longer NaN
        }
        break;
      case 'appInstallCompleted':
      case 'appInstallCancelled': {
        const started = open.get(e.appId);
        if (started === undefined) break;
        open.delete(e.appId);
        add(e.appId, started, e.t);
        break;
      }
      default:
        break;
    }
  }
  out[offset + 1] = outcome === 'timedOut' ? 1 : 0;
  // A hung or unfinished attempt runs to the end of the ESP.
  for (const [appId, started] of open) add(appId, started, duration);
}

/**
 * Runs devices [start, end) of a plan with `seed` through the engine and returns their figures, device after
 * device (`deviceSlots(scenario)` numbers each). Throws only if the engine does.
 */
export function measureDevices(scenario: Scenario, seed: number, start: number, end: number): Float64Array {
  const slots = deviceSlots(scenario);
  const out = new Float64Array(Math.max(0, end - start) * slots);
  const appIndex = new Map(scenario.tenant.apps.map((a, i) => [a.id, i]));
  for (let i = start; i < end; i++) {
    measureRun(recordOf(deviceScenario(scenario, seed, i)), appIndex, out, (i - start) * slots);
  }
  return out;
}

/** The p-th percentile (0 < p ≤ 100) of ascending values, nearest-rank: the value at rank ⌈p/100 × n⌉. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * The timeout the ESP of `scenario` runs against: the installProgressTimeoutInMinutes of the profile its first
 * resolution applies (Intune's default when none applies or it sets none), +40 minutes for hybrid join (§1.11).
 * Runs the scenario once through the engine to learn which profile applies.
 */
export function timeoutOf(scenario: Scenario): PlanTimeout {
  const run = simulate(scenario);
  const resolved = run.timeline.find((e) => e.type === 'profileResolved');
  const profile =
    resolved?.type === 'profileResolved' ? scenario.tenant.espProfiles.find((p) => p.id === resolved.profileId) : null;
  const profileMinutes = profile?.installProgressTimeoutInMinutes ?? DEFAULT_INSTALL_TIMEOUT_MINUTES;
  const hybridExtraMinutes = joinExtraMinutes(scenario.deployment.join);
  return {
    minutes: profileMinutes + hybridExtraMinutes,
    profileMinutes,
    profileName: profile?.displayName ?? null,
    hybridExtraMinutes,
  };
}

/** `timeoutOf(scenario).minutes`: what `esp-sim plan` reports as `timeoutMinutes`. */
export function timeoutMinutesOf(scenario: Scenario): number {
  return timeoutOf(scenario).minutes;
}

/**
 * Sums up `devices` devices' figures (`measureDevices` output, all devices in order) into the plan's report.
 * Throws a RangeError if `figures` does not hold exactly that many devices.
 */
export function summarisePlan(scenario: Scenario, devices: number, figures: Float64Array): PlanResult {
  const slots = deviceSlots(scenario);
  if (figures.length !== devices * slots) throw new RangeError(`expected ${devices} devices' figures`);
  const durations = new Float64Array(devices);
  let timedOut = 0;
  for (let d = 0; d < devices; d++) {
    durations[d] = figures[d * slots]!;
    timedOut += figures[d * slots + 1]!;
  }
  const sorted = Float64Array.from(durations).sort();
  const minutes = (p: number) => round(nearestRank(sorted, p) / 60, 2);
  const byApp: PlanReport['byApp'] = [];
  scenario.tenant.apps.forEach((app, a) => {
    const seconds: number[] = [];
    for (let d = 0; d < devices; d++) {
      const s = figures[d * slots + 2 + a]!;
      if (!Number.isNaN(s)) seconds.push(s);
    }
    if (seconds.length === 0) return;
    seconds.sort((x, y) => x - y);
    byApp.push({ id: app.id, displayName: app.displayName, medianSeconds: round(nearestRank(seconds, 50), 1) });
  });
  // Stable: equal medians keep tenant order.
  byApp.sort((x, y) => y.medianSeconds - x.medianSeconds);
  return {
    report: {
      devices,
      timeoutMinutes: timeoutMinutesOf(scenario),
      durationMinutes: { p50: minutes(50), p90: minutes(90), p99: minutes(99) },
      timedOutShare: devices === 0 ? 0 : round(timedOut / devices, 4),
      timedOutDevices: timedOut,
      byApp,
    },
    durationsSeconds: durations,
  };
}

/** A whole plan on this thread: `devices` devices from `seed` (docs/cli.md, `esp-sim plan`). */
export function planInProcess(scenario: Scenario, devices: number, seed: number): PlanResult {
  return summarisePlan(scenario, devices, measureDevices(scenario, seed, 0, devices));
}
