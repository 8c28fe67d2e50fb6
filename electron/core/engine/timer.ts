/** The ESP's timeout (§1.9, §1.11): one timer around the device part, one around Account setup. */
import type { PhaseId } from '../../../shared/esp';
import type { EngineEvent } from './events';
import { fail } from './errors';
import type { Scenario } from '../scenario/model';
import type { Sim } from './sim';
import { at, profileOf, record, setItem } from './sim';

/** §1.11 and §7.3: hybrid join adds 40 minutes to the profile's timeout. */
const HYBRID_EXTRA_MINUTES = 40;

/**
 * The minutes a join adds to the profile's timeout (§1.11, §7.3): 40 for hybrid join, else 0. The one place the
 * rule stands: the timer below and the Timeout planner (electron/core/planner/plan.ts) both read it.
 */
export function joinExtraMinutes(join: Scenario['deployment']['join']): number {
  return join === 'hybrid' ? HYBRID_EXTRA_MINUTES : 0;
}

export function startTimer(sim: Sim, phase: PhaseId): void {
  sim.queue.cancel((lane) => lane === 'timer');
  const minutes = profileOf(sim).installProgressTimeoutInMinutes + joinExtraMinutes(sim.scenario.deployment.join);
  const part = phase === 'accountSetup' ? 'accountSetup' : 'device';
  at(sim, minutes * 60, 'timer', { type: 'timerExpired', part, minutes });
}

export function onTimerExpired(sim: Sim, e: Extract<EngineEvent, { type: 'timerExpired' }>): void {
  const { phases } = sim.state;
  const running =
    e.part === 'accountSetup'
      ? 'accountSetup'
      : phases.deviceSetup.status === 'inProgress'
        ? 'deviceSetup'
        : 'devicePreparation';
  record(sim, { t: sim.state.now, type: 'timeout', phase: running, minutes: e.minutes });
  for (const row of phases[running].items) {
    if (row.status === 'inProgress' || row.status === 'identifying')
      setItem(sim, running, row.id, { status: 'failed' });
  }
  fail(sim, running, 'timedOut');
}
