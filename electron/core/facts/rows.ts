/**
 * The ESP's rows and tracked resources as the record tells them: each row's runs (from its
 * `itemChanged` events) and each tracked policy, certificate or network profile (from the
 * `trackingListBuilt` lists and `resourceApplied` reports). Read only; no ESP rule is decided here.
 */
import type { ItemId, PhaseId, Status } from '../../../shared/esp';
import type { TimelineEvent } from '../../../shared/timeline';
import type { EngineView } from '../engine/simulate';
import type { SetupPhase } from '../engine/tracking';
import type { Scenario } from '../scenario/model';

/**
 * One run of a row: from the event that first shows it to the event that ends it; a row reset to
 * Waiting (Try again, Reseal, a later user) is a run of its own until it starts again, from then.
 * Times in simulated seconds.
 */
export interface ItemRun {
  phase: PhaseId;
  item: ItemId;
  startT: number;
  endT: number | null;
  status: Status;
  /** The row exactly as the screen printed it. */
  text: string;
  /** The code the engine recorded on the failed row (unsigned: 0x80070643), or null. */
  hresult: number | null;
  /** The row failed because the ESP timed out (a `timeout` event at the same second). */
  timedOut: boolean;
}

/** One tracked policy, certificate or network profile of a setup phase, and whether it applied. */
export interface ResourceResult {
  phase: SetupPhase;
  item: ItemId;
  resourceId: string;
  displayName: string;
  startT: number;
  endT: number | null;
  ok: boolean | null;
}

const RUNNING = new Set<Status>(['identifying', 'inProgress']);

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

/**
 * Every row's runs in `events` (the record up to t), in the order they started. A reset to Waiting
 * ends the open run and opens a waiting one, which the next status continues. `view` is the screen
 * at t: the engine marks whole categories "does not apply" without recording it (its `markAll`), so
 * a waiting run the screen shows as not applying ends as the screen shows it rather than waiting.
 */
export function itemRunsOf(events: readonly TimelineEvent[], view: EngineView): ItemRun[] {
  const runs: ItemRun[] = [];
  const open = new Map<string, ItemRun>();
  const timeouts = new Set(events.filter((e) => e.type === 'timeout').map((e) => e.t));
  for (const e of events) {
    if (e.type !== 'itemChanged') continue;
    const key = `${e.phase}:${e.item}`;
    const current = open.get(key);
    if (e.status === 'notRun') {
      // A row that does not apply is no run of its own; one that was waiting ends there.
      if (current) {
        current.status = 'notRun';
        current.text = e.text;
        current.endT = e.t;
        open.delete(key);
      }
      continue;
    }
    if (RUNNING.has(e.status) || (e.status === 'notStarted' && current?.status === 'notStarted')) {
      if (current) {
        // A waiting row starts when it stops waiting.
        if (current.status === 'notStarted' && e.status !== 'notStarted') current.startT = e.t;
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
      if (current) current.endT = e.t;
      const waiting = startRun(e);
      runs.push(waiting);
      open.set(key, waiting);
      continue;
    }
    const run = current ?? startRun(e);
    if (!current) runs.push(run);
    if (current?.status === 'notStarted') run.startT = e.t;
    run.endT = e.t;
    run.status = e.status;
    run.text = e.text;
    // The engine records the code of a failed row on the event itself; the text is for display only.
    run.hresult = e.hresult !== undefined && /^0x[0-9a-f]{8}$/i.test(e.hresult) ? parseInt(e.hresult, 16) : null;
    run.timedOut = e.status === 'failed' && timeouts.has(e.t);
    open.delete(key);
  }
  const notApplying = new Map(
    view.phases.flatMap((p) => p.items.filter((i) => i.status === 'notRun').map((i) => [`${p.id}:${i.id}`, i.text])),
  );
  for (const run of runs) {
    const text = notApplying.get(`${run.phase}:${run.item}`);
    if (run.endT !== null || run.status !== 'notStarted' || text === undefined) continue;
    // The category stopped applying while the row waited: when the record says a part was skipped, or at once.
    run.status = 'notRun';
    run.text = text;
    run.endT = events.find((e) => e.type === 'espSkipped' && e.t >= run.startT)?.t ?? run.startT;
  }
  return runs;
}

/** Every tracked resource of the setup phases' lists in `events`, one per list it was in, with its report. */
export function resourcesOf(scenario: Scenario, events: readonly TimelineEvent[]): ResourceResult[] {
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
