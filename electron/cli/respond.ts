/**
 * Runs a scenario headless at full speed, answering each error screen with the next response
 * (`esp-sim run --respond`). Pure: used by the CLI, the log bundle and the tests.
 */
import type { UserAction } from '../../shared/contract';
import type { Run, TimedAction } from '../core/engine/simulate';
import { simulate } from '../core/engine/simulate';
import type { Scenario } from '../core/scenario/model';

export type Response = Extract<UserAction, 'tryAgain' | 'continueAnyway' | 'resetDevice'>;
export const RESPONSES: readonly Response[] = ['tryAgain', 'continueAnyway', 'resetDevice'];

export type HeadlessResult = { ok: true; run: Run } | { ok: false; run: Run; error: string };

export function runHeadless(scenario: Scenario, responses: readonly Response[] = []): HeadlessResult {
  const actions: TimedAction[] = [];
  let run = simulate(scenario, actions);
  for (const response of responses) {
    if (!run.waitingForUser) break;
    const offered = run.steps[run.steps.length - 1]!.view.errorScreen?.actions ?? [];
    if (!offered.includes(response)) {
      return {
        ok: false,
        run,
        error: `--respond ${response}: the error screen offers only ${offered.join(', ') || 'nothing'}`,
      };
    }
    actions.push({ t: run.endT, action: response });
    run = simulate(scenario, actions);
  }
  return { ok: true, run };
}
