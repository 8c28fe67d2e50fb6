/**
 * The ground truth of a training round: diagnoseBundle of the run's own log bundle (what a trainee could find in
 * it), with the app's display name from the scenario.
 */
import type { BundleEntry } from '../analysis/bundleReader';
import { diagnoseBundle } from '../analysis/diagnose';
import type { Run } from '../engine/simulate';
import { bundleFiles, logBundleFileName } from '../logbundle/bundle';
import type { Scenario } from '../scenario/model';
import type { TrainingTruth } from '../../../shared/training';

export function trainingTruth(scenario: Scenario, run: Run, t: number = run.endT): TrainingTruth {
  const files = bundleFiles(scenario, run, t, { archiveName: logBundleFileName(scenario) });
  const entries: BundleEntry[] = files
    .filter((f) => f.name !== 'scenario.json' && f.name !== 'timeline.json')
    .map((f) => ({
      name: f.name,
      data: typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content,
    }));
  const d = diagnoseBundle(entries);
  const appId = d.cause.appId;
  return {
    cause: d.cause.kind,
    appId,
    appName: appId === null ? null : (scenario.tenant.apps.find((a) => a.id === appId)?.displayName ?? appId),
    code: d.cause.code,
    summary: d.summary,
    evidence: d.evidence.map((e) => `${e.file}:${e.line}: ${e.text}`),
    steps: d.steps,
  };
}

/** A seeded choice among the fault scenarios ("a random fault"): the same seed, the same scenario. */
export function pickRandomFault<T>(candidates: readonly T[], seed: number): T {
  if (candidates.length === 0) throw new Error('no fault scenarios to choose from');
  let x = (seed | 0) ^ 0x9e3779b9;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x ^= x >>> 16;
  return candidates[(x >>> 0) % candidates.length]!;
}
