/**
 * `esp-sim plan` across cores: the devices go to worker threads (worker.ts, built as `planner-worker.mjs` beside
 * the CLI) in slices handed out as threads come free, and each slice's figures land at its devices' place, so the
 * result is exactly what one loop over the devices gives (plan.ts), whatever the number of threads or the order in
 * which slices finish.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/model';
import type { PlanResult } from './plan';
import { deviceSlots, measureDevices, summarisePlan } from './plan';
import type { PlannerAnswer, PlannerTask, PlannerWorkerData } from './worker';

/** The built worker's file name (vite.node.config.ts). */
export const PLANNER_WORKER_FILE = 'planner-worker.mjs';

/**
 * The built worker file, looked for beside this module and one folder up (the build puts shared code in
 * `chunks/`); null when there is none (running from source, as under Vitest, or a build older than the planner).
 */
export function plannerWorkerFile(from: string = import.meta.dirname): string | null {
  for (const dir of [from, dirname(from)]) {
    const file = join(dir, PLANNER_WORKER_FILE);
    if (existsSync(file)) return file;
  }
  return null;
}

export interface PlanOptions {
  /** How many devices, ≥ 0. */
  devices: number;
  /** The plan's seed (device seeds derive from it, variation.ts). */
  seed: number;
  /** Threads that simulate devices: 1 runs them on this thread; more start that many worker threads. Default: the cores. */
  threads?: number;
  /** The worker script; default `plannerWorkerFile()`. Without one, the devices run on this thread. */
  workerFile?: string | null;
  /**
   * Keep this thread free (a host whose thread also serves a session and its screens): with a worker file, the
   * devices run on at least one worker thread even where one thread would do. Default false (`esp-sim plan`).
   */
  offThisThread?: boolean;
}

/** What ran: the plan, and how many threads simulated it (1: this thread, or one worker with `offThisThread`). */
export interface PlanRun extends PlanResult {
  threads: number;
}

/**
 * Runs a plan (docs/cli.md, `esp-sim plan`): `devices` devices from `seed`, on `threads` worker threads when there
 * is more than one and a worker file, otherwise on this thread. The figures are the same either way. Rejects if a
 * worker fails (its message says why).
 */
export async function runPlan(scenario: Scenario, options: PlanOptions): Promise<PlanRun> {
  const { devices, seed } = options;
  const workerFile = options.workerFile === undefined ? plannerWorkerFile() : options.workerFile;
  // A slice is at most 200 devices, and there are about eight per thread so a slow thread does not hold the end.
  const wanted = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const threads = workerFile ? Math.min(wanted, Math.ceil(devices / 25)) : 1;
  const onWorkers = workerFile !== null && (threads > 1 || (options.offThisThread === true && devices > 0));
  if (!onWorkers)
    return { ...summarisePlan(scenario, devices, measureDevices(scenario, seed, 0, devices)), threads: 1 };
  const figures = await measureInWorkers(scenario, seed, devices, threads, workerFile);
  return { ...summarisePlan(scenario, devices, figures), threads };
}

/** Devices [0, devices) on `threads` workers started from `workerFile`; every device's figures in device order. */
export function measureInWorkers(
  scenario: Scenario,
  seed: number,
  devices: number,
  threads: number,
  workerFile: string,
): Promise<Float64Array> {
  const slots = deviceSlots(scenario);
  const figures = new Float64Array(devices * slots);
  const slice = Math.min(200, Math.max(1, Math.ceil(devices / (threads * 8))));
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  return new Promise<Float64Array>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(figures);
    };
    const give = (worker: Worker) => {
      if (next >= devices) {
        worker.postMessage(null satisfies PlannerTask);
        return;
      }
      const task = { start: next, end: Math.min(devices, next + slice) };
      next = task.end;
      worker.postMessage(task satisfies PlannerTask);
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(workerFile, { workerData: { scenario, seed } satisfies PlannerWorkerData });
      workers.push(worker);
      worker.on('message', (answer: PlannerAnswer) => {
        if ('error' in answer) {
          finish(new Error(`devices ${answer.start}–${answer.end - 1}: ${answer.error}`));
          return;
        }
        figures.set(answer.figures, answer.start * slots);
        done += answer.end - answer.start;
        if (done === devices) finish(null);
        else give(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (code !== 0 && done < devices) finish(new Error(`a planner thread stopped (exit code ${code})`));
      });
      give(worker);
    }
  });
}
