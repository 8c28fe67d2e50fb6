/**
 * The tracking engine: a pure function of (scenario, user actions so far) that returns the whole
 * run — every screen state with its simulated time, and the record of every decision. No clock,
 * no I/O: the Session decides how fast simulated time passes; tests and the CLI read the result.
 *
 * Inside, a driver pops engine events (events.ts) in time order and hands each to the part of the
 * flow that owns it (dispatch.ts); user actions are applied at the second they are stamped with.
 * Replaying the same scenario with one more action yields the same run up to that second (the
 * random source is consumed in the same order), then the consequences of the action.
 */
import type { Scenario } from '../scenario/model';
import { dispatch } from './dispatch';
import type { EngineView, Run, RunRecord, TimedAction } from './run';
import type { Sim } from './sim';
import { createSim, flush } from './sim';
import { start } from './start';
import { applyUserAction } from './userActions';

export type { EngineView, Run, RunRecord, Step, TimedAction } from './run';
export { resultOf } from './appInstall';

export function simulate(scenario: Scenario, actions: readonly TimedAction[] = []): Run {
  const { sim, record } = drive(scenario, actions, true);
  return { steps: sim.steps, ...record };
}

/**
 * The record of `simulate(scenario)` alone: the same timeline, end and outcome fields, without building a screen
 * state for every step. For projections that read only the record of many runs (`esp-sim plan`: building the steps
 * is a sixth of a run, bench/planner).
 */
export function recordOf(scenario: Scenario): RunRecord {
  return drive(scenario, [], false).record;
}

function drive(scenario: Scenario, actions: readonly TimedAction[], views: boolean): { sim: Sim; record: RunRecord } {
  const sim = createSim(scenario, views);
  const { state, queue } = sim;
  start(sim);
  flush(sim);
  const pending = [...actions].sort((a, b) => a.t - b.t);
  let nextAction = 0;
  for (;;) {
    const nextT = queue.peekTime();
    const action = pending[nextAction];
    // A user acts on what the screen shows at t, so events due at t come first.
    if (action && (nextT === undefined || action.t < nextT)) {
      nextAction++;
      state.now = Math.max(state.now, action.t);
      applyUserAction(sim, action.action);
      flush(sim);
      continue;
    }
    if (nextT === undefined) break;
    state.now = nextT;
    while (queue.peekTime() === nextT) dispatch(sim, queue.pop()!.event);
    flush(sim);
  }
  return {
    sim,
    record: {
      timeline: sim.timeline,
      endT: state.now,
      waitingForUser: state.errorScreen !== null,
      espEndedAt: state.espEndedAt,
      espShown: { ...state.espShown },
      deferredAppIds: [...state.deferred.keys()],
      tracked: state.tracked,
    },
  };
}

/** The screen state at simulated second t (the last step at or before it). */
export function viewAt(run: Run, t: number): EngineView {
  const steps = run.steps;
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return steps[lo]!.view;
}
