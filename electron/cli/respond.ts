/**
 * Runs a scenario headless at full speed, answering the screens with the responses of
 * `esp-sim run --respond`. Pure: used by the CLI and the tests.
 */
import type { UserAction } from '../../shared/actions';
import { describeActions } from '../../shared/actions';
import type { Run, TimedAction } from '../core/engine/simulate';
import { simulate } from '../core/engine/simulate';
import type { Scenario } from '../core/scenario/model';

export type HeadlessResult =
  | { ok: true; run: Run }
  /** A response the screen never offered after the previous one: what the screen offers where the run stopped. */
  | { ok: false; run: Run; error: string; offered: readonly UserAction[] };

/**
 * Runs the scenario, then applies each response at the first moment, after the previous one, at
 * which the screen offers it (the engine's `offeredActions`: an error screen's buttons, Continue
 * anyway while the ESP runs, the technician's Continue, Provision, Reseal, Retry and Reset), and
 * replays the run with it. Stops at the first response the screen never offers.
 */
export function runHeadless(scenario: Scenario, responses: readonly UserAction[] = []): HeadlessResult {
  const actions: TimedAction[] = [];
  let run = simulate(scenario, actions);
  let from = 0;
  for (const response of responses) {
    const step = run.steps.find((s) => s.t >= from && s.view.offeredActions.includes(response));
    if (!step) {
      const offered = run.steps[run.steps.length - 1]!.view.offeredActions;
      const where = run.waitingForUser ? 'the error screen' : 'the screen where the run stopped';
      return {
        ok: false,
        run,
        offered,
        error: `--respond ${response}: not offered after the previous step; ${where} offers ${describeActions(offered)}`,
      };
    }
    actions.push({ t: step.t, action: response });
    from = step.t;
    run = simulate(scenario, actions);
  }
  return { ok: true, run };
}
