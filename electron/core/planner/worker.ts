/**
 * One worker thread of `esp-sim plan` (parallel.ts starts it from the built `planner-worker.mjs`). It receives
 * the scenario and the plan's seed once (`workerData`), then runs each slice of devices the main thread sends,
 * `{ start, end }`, and answers `{ start, end, figures }` (plan.ts `measureDevices`, its buffer transferred), or
 * `{ start, end, error }`. `null` ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/model';
import { measureDevices } from './plan';

/** What parallel.ts gives each worker. */
export interface PlannerWorkerData {
  scenario: Scenario;
  seed: number;
}

/** A slice of devices, [start, end), or null: no more work. */
export type PlannerTask = { start: number; end: number } | null;

/** A finished slice: its figures, or why it failed. */
export type PlannerAnswer = { start: number; end: number } & ({ figures: Float64Array } | { error: string });

const port = parentPort;
if (port) {
  const { scenario, seed } = workerData as PlannerWorkerData;
  port.on('message', (task: PlannerTask) => {
    if (task === null) {
      port.close();
      return;
    }
    try {
      const figures = measureDevices(scenario, seed, task.start, task.end);
      port.postMessage({ ...task, figures } satisfies PlannerAnswer, [figures.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({
        ...task,
        error: error instanceof Error ? error.message : String(error),
      } satisfies PlannerAnswer);
    }
  });
}
