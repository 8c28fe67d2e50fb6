/**
 * bench/planner: `esp-sim plan` over the worst-case tenant of bench/engine (50 profiles + the default, 100 selected
 * blocking apps, 200 policies, 20 certificate and 10 network profiles, two users), 10,000 devices by default
 * (`npm run bench:planner -- --devices 2000` for fewer), on worker threads, one per core. Then, in the same
 * process, a plain one-thread loop of `simulate` over the same device scenarios, for the ratio. Prints devices per
 * second both ways, the ratio, the peak RSS (the process, worker threads included, sampled every 10 ms) and the
 * load average, since the machine may be busy with other work. Goal: 10,000 devices under 10 s on 2 cores.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { simulate } from '../../electron/core/engine/simulate';
import { measureInWorkers, plannerWorkerFile } from '../../electron/core/planner/parallel';
import { deviceSlots, measureDevices, summarisePlan } from '../../electron/core/planner/plan';
import { deviceScenario } from '../../electron/core/planner/variation';
import { validateScenario } from '../../electron/core/scenario/validate';
import { worstCaseScenario } from '../engine/worstCase';

const arg = process.argv.indexOf('--devices');
const DEVICES = arg > 0 ? Number(process.argv[arg + 1]) : 10_000;
const SEED = 42;
/** Devices compared one by one between the worker run and a run on this thread. */
const CHECKED = 200;

let peakRss = process.memoryUsage.rss();
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));

export async function runBench(): Promise<void> {
  const validated = validateScenario(worstCaseScenario());
  if (!validated.ok) throw new Error('worst-case scenario invalid');
  const scenario = validated.scenario;
  const workerFile = plannerWorkerFile();
  if (!workerFile) throw new Error('no built planner-worker.mjs beside the bench; run `npm run build`');
  const threads = availableParallelism();
  const load = loadavg().map((l) => l.toFixed(1));

  const sampler = setInterval(sample, 10);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const figures = await measureInWorkers(scenario, SEED, DEVICES, threads, workerFile);
  const plan = summarisePlan(scenario, DEVICES, figures);
  const planMs = performance.now() - t0;
  const planCpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  sample();
  const planRss = peakRss;

  const cpu1 = process.cpuUsage();
  const t1 = performance.now();
  for (let i = 0; i < DEVICES; i++) {
    simulate(deviceScenario(scenario, SEED, i));
    if (i % 100 === 0) sample();
  }
  const loopMs = performance.now() - t1;
  const loopCpu = process.cpuUsage(cpu1);

  const here = measureDevices(scenario, SEED, 0, CHECKED);
  const there = figures.subarray(0, CHECKED * deviceSlots(scenario));
  const same = here.every((v, i) => Object.is(v, there[i]));

  const perSecond = (ms: number) => ((DEVICES / ms) * 1000).toFixed(0);
  // CPU time of the whole process (every thread): what an idle machine would need, at best, divided by the cores.
  const cpuText = (u: NodeJS.CpuUsage) =>
    `${((u.user + u.system) / 1e6).toFixed(1)} s CPU, ${((u.user + u.system) / 1000 / DEVICES).toFixed(2)} ms per device`;
  console.log(
    `bench/planner — worst-case tenant (${scenario.tenant.apps.length} apps, ${scenario.tenant.espProfiles.length} profiles), ${DEVICES} devices, seed ${SEED}`,
  );
  console.log(`  load average before:            ${load.join(', ')} (${threads} cores)`);
  console.log(`  plan on ${threads} worker threads:      ${(planMs / 1000).toFixed(2)} s   (goal < 10 s for 10,000)`);
  console.log(`  devices per second:             ${perSecond(planMs)}`);
  console.log(`  plan CPU time (all threads):    ${cpuText(planCpu)}`);
  console.log(`  one-thread simulate loop:       ${(loopMs / 1000).toFixed(2)} s, ${perSecond(loopMs)} devices/s`);
  console.log(`  loop CPU time:                  ${cpuText(loopCpu)}`);
  console.log(`  ratio (loop time / plan time):  ${(loopMs / planMs).toFixed(2)}`);
  console.log(
    `  peak RSS during the plan:       ${(planRss / 2 ** 20).toFixed(0)} MB (whole bench ${(peakRss / 2 ** 20).toFixed(0)} MB)`,
  );
  console.log(
    `  figures: p50 ${plan.report.durationMinutes.p50} min, p90 ${plan.report.durationMinutes.p90} min, p99 ${plan.report.durationMinutes.p99} min, timed out ${plan.report.timedOutShare}`,
  );
  console.log(`  first ${CHECKED} devices identical to a run on this thread: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

await runBench();
