/**
 * bench/engine: a worst-case tenant (50 profiles + the default, 100 selected blocking apps, 200
 * policies, 20 certificate and 10 network profiles, two users) through the real validator and engine.
 * Prints the median of a full headless run and of profile resolution, and runs per second.
 */
import { performance } from 'node:perf_hooks';
import { simulate } from '../../electron/core/engine/simulate';
import { resolveProfile } from '../../electron/core/engine/targeting';
import { validateScenario } from '../../electron/core/scenario/validate';
import { worstCaseScenario } from './worstCase';

export { worstCaseScenario };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, iterations: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function runBench(): void {
  const validated = validateScenario(worstCaseScenario());
  if (!validated.ok) throw new Error(`worst-case scenario invalid: ${JSON.stringify(validated.problems.slice(0, 3))}`);
  const scenario = validated.scenario;
  const run = simulate(scenario);
  const tracked = run.tracked.deviceSetup?.length ?? 0;
  // Warm up the JIT before measuring, as an operator console re-running on every edit would be.
  time(() => simulate(scenario), 20);
  const runs = time(() => simulate(scenario), 200);
  const resolutions = time(() => resolveProfile(scenario, scenario.users[0]!), 2000);
  const validations = time(() => validateScenario(worstCaseScenario()), 50);
  const totalSeconds = runs.reduce((a, b) => a + b, 0) / 1000;
  console.log(
    `bench/engine — worst-case tenant: ${scenario.tenant.espProfiles.length} profiles, ${tracked} tracked device apps, ${scenario.tenant.policies.length} policies, ${scenario.tenant.certificateProfiles.length} certificates, ${scenario.tenant.networkProfiles.length} network profiles, ${scenario.users.length} users`,
  );
  console.log(`  timeline events per run:        ${run.timeline.length}`);
  console.log(`  full headless run, median:      ${median(runs).toFixed(2)} ms   (goal < 20 ms)`);
  console.log(`  runs per second:                ${(runs.length / totalSeconds).toFixed(0)}`);
  console.log(`  profile resolution, median:     ${(median(resolutions) * 1000).toFixed(1)} µs`);
  console.log(`  validate + normalise, median:   ${median(validations).toFixed(2)} ms`);
}

runBench();
