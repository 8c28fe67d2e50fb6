/**
 * `firstDifference`: two runs of the same scenario agree until the moment they diverge, and not a second earlier.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import { firstDifference } from '../../../electron/core/analysis/firstDifference';
import { viewAt } from '../../../electron/core/engine/simulate';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { Scenario } from '../../../electron/core/scenario/model';

const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');
const TEAMS = 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02';

async function load(name: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(join(dir, name));
  if (loaded.kind !== 'valid') throw new Error(`${name} does not load`);
  return loaded.scenario;
}

function run(scenario: Scenario) {
  const result = runHeadless(scenario);
  if (!result.ok) throw new Error(result.error);
  return result.run;
}

describe('firstDifference', () => {
  it('finds nothing between a run and itself', async () => {
    const scenario = await load('user-driven-app-fails.json');
    expect(firstDifference(run(scenario), run(scenario))).toEqual({ t: null, screen: false, eventIndex: null });
  });

  it('is the moment Teams exits: 1603 in one run, 0 in the other', async () => {
    const failing = await load('user-driven-app-fails.json');
    const succeeding = structuredClone(failing);
    succeeding.simulation.apps[TEAMS]!.exitCodes = [0];
    const a = run(failing);
    const b = run(succeeding);
    const diff = firstDifference(a, b);
    const exit = a.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === TEAMS)!;
    expect(diff.t).toBe(exit.t);
    expect(diff.eventIndex).toBe(a.timeline.indexOf(exit));
    // Everything before it is the same, on screen and in the record.
    expect(a.timeline.slice(0, diff.eventIndex!)).toEqual(b.timeline.slice(0, diff.eventIndex!));
    for (const s of a.steps.filter((s) => s.t < exit.t)) expect(viewAt(b, s.t)).toEqual(s.view);
  });
});
