/**
 * `recordOf` is `simulate` without the screen states: the timeout planner reads thousands of runs through it, so its
 * record must be the very record `simulate` keeps, for every bundled scenario and for devices of a plan.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordOf, simulate } from '../../../electron/core/engine/simulate';
import { deviceScenario } from '../../../electron/core/planner/variation';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { Scenario } from '../../../electron/core/scenario/model';
import { halfTimeoutDocument, scenarioOf } from '../planner/fixtures';

const folder = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');

async function bundled(): Promise<[string, Scenario][]> {
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  return Promise.all(
    files.map(async (f): Promise<[string, Scenario]> => {
      const loaded = await loadScenarioFile(join(folder, f));
      if (loaded.kind !== 'valid') throw new Error(`${f} does not load`);
      return [f, loaded.scenario];
    }),
  );
}

function withoutSteps(scenario: Scenario) {
  const { steps, ...record } = simulate(scenario);
  expect(steps.length).toBeGreaterThan(0);
  return record;
}

describe('recordOf', () => {
  it('keeps the same record as simulate for every bundled scenario and seed', async () => {
    const scenarios = await bundled();
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
    for (const [name, scenario] of scenarios) {
      for (const seed of [1, 2, 3]) {
        const s = { ...scenario, seed };
        expect(recordOf(s), `${name}, seed ${seed}`).toEqual(withoutSteps(s));
      }
    }
  });

  it('keeps the same record as simulate for devices of a plan, timed out or not', () => {
    const scenario = scenarioOf(halfTimeoutDocument());
    const outcomes = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const device = deviceScenario(scenario, 5, i);
      const record = recordOf(device);
      expect(record).toEqual(withoutSteps(device));
      for (const e of record.timeline) if (e.type === 'outcome') outcomes.add(e.outcome);
    }
    expect(outcomes).toEqual(new Set(['succeeded', 'timedOut']));
  });
});
