/**
 * The one restart sequence (§1.8): the record says why, the screen shows the restart, and when the
 * device is back the flow goes where `then` says.
 */
import type { ScreenView } from '../../../shared/snapshot';
import { installNext } from './appInstall';
import { leaveOobe } from './afterEsp';
import type { AfterRestart, EngineEvent } from './events';
import { promptForCredentials } from './signIn';
import type { Sim } from './sim';
import { at, laneOf, record, setScreen } from './sim';
import type { Lane } from './state';

export interface RestartPlan {
  /** For the record, in people's words. */
  reason: string;
  lane: Lane;
  /** How long the restart takes, drawn between the two (seconds). */
  seconds: readonly [number, number];
  /** What the screen shows meanwhile (the quality-updates page shows its own). */
  screen?: ScreenView;
  then: AfterRestart;
}

export function restart(sim: Sim, plan: RestartPlan): void {
  record(sim, { t: sim.state.now, type: 'restartStarted', reason: plan.reason });
  setScreen(sim, plan.screen ?? { kind: 'restarting' });
  at(sim, sim.rng.between(plan.seconds[0], plan.seconds[1]), plan.lane, { type: 'restartDone', then: plan.then });
}

export function onRestartDone(sim: Sim, e: Extract<EngineEvent, { type: 'restartDone' }>): void {
  const then = e.then;
  switch (then.kind) {
    case 'resumeInstalls':
      setScreen(sim, { kind: 'esp', part: 'device' });
      installNext(sim, then.phase, laneOf(then.phase), then.channel);
      return;
    case 'showEsp':
      setScreen(sim, { kind: 'esp', part: then.part });
      return;
    case 'promptForCredentials':
      promptForCredentials(sim, then.lane, then.domain, then.then);
      return;
    case 'leaveOobe':
      leaveOobe(sim, true);
      return;
  }
}
