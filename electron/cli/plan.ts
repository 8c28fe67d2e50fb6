/**
 * `esp-sim plan <file> --devices N [--seed S] [--threads T] [--json]` (docs/cli.md): the timeout planner. N
 * simulated devices, each with its own seeded bandwidth and install times (electron/core/planner/variation.ts),
 * run through the real engine on worker threads; it prints the ESP's duration percentiles, the share of devices
 * that would time out and the apps that take longest, with a histogram in the text form.
 * Exit 0; 1 for an invalid or unreadable scenario; 2 for a command line it cannot understand.
 */
import type { PlanRun } from '../core/planner/parallel';
import { runPlan } from '../core/planner/parallel';
import { durationHistogram } from '../core/planner/histogram';
import { MAX_PLAN_DEVICES, MAX_PLAN_SEED, planSeedOf } from '../../shared/planner';
import { loadValidScenario, onePositional, parseCommandLine, wholeNumberOption } from './analysisArgs';
import type { CliIo } from './commands';
import { UsageError } from './commands';

const MAX_THREADS = 64;

/** Runs `esp-sim plan`; resolves to the exit code. */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine({
    args,
    options: {
      devices: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const file = onePositional(positionals, 'scenario file');
  if (values.devices === undefined) throw new UsageError('--devices <n> is required');
  const devices = wholeNumberOption('devices', values.devices, 1, MAX_PLAN_DEVICES);
  const seed = values.seed === undefined ? undefined : wholeNumberOption('seed', values.seed, 0, MAX_PLAN_SEED);
  const threads =
    values.threads === undefined ? undefined : wholeNumberOption('threads', values.threads, 1, MAX_THREADS);
  const scenario = await loadValidScenario(file, io);
  if (!scenario) return 1;
  const planSeed = seed ?? planSeedOf(scenario.seed);
  const plan = await runPlan(scenario, { devices, seed: planSeed, threads });
  io.out(values.json ? JSON.stringify(plan.report, null, 2) + '\n' : planText(scenario.name, planSeed, plan));
  return 0;
}

const minutes = (m: number) => `${m.toFixed(1)} min`;

function secondsText(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The plan in people's words: the figures, a text histogram of the ESP's duration, the apps by median time. */
export function planText(name: string, seed: number, plan: PlanRun): string {
  const { report, durationsSeconds } = plan;
  const d = report.durationMinutes;
  const threads = plan.threads === 1 ? 'one thread' : `${plan.threads} threads`;
  const devices = `${report.devices} simulated ${report.devices === 1 ? 'device' : 'devices'}`;
  let out = `${name}: ${devices} (seed ${seed}, ${threads})\n`;
  out += `ESP duration: p50 ${minutes(d.p50)}, p90 ${minutes(d.p90)}, p99 ${minutes(d.p99)}\n`;
  // One timer of that length per part (docs/cli.md): an ESP can last longer than one and still not time out.
  out += `timeout: ${report.timeoutMinutes} min, for each part of the ESP (device, Account setup); `;
  out += `${(report.timedOutShare * 100).toFixed(1)} % of devices time out (${report.timedOutDevices} of ${report.devices})\n`;

  const { bins, timeoutBin } = durationHistogram(durationsSeconds, report.timeoutMinutes);
  const most = bins.reduce((a, b) => Math.max(a, b.devices), 0);
  const labels = bins.map((b) => `${b.fromMinutes}–${b.toMinutes} min`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  out += '\nESP duration, devices per bin:\n';
  bins.forEach(({ devices: count }, i) => {
    const bar = '#'.repeat(count === 0 ? 0 : Math.max(1, Math.round((count / most) * 40)));
    const mark = i === timeoutBin ? '  <- timeout' : '';
    out += `  ${labels[i]!.padStart(labelWidth)} ${bar.padEnd(40)} ${String(count).padStart(String(report.devices).length)}${mark}\n`;
  });

  if (report.byApp.length > 0) {
    out += '\napps the ESP waits on, by median install time (download and installer) per device:\n';
    const names = report.byApp.map((a) => `${a.displayName} (${a.id})`);
    const nameWidth = Math.max(...names.map((n) => n.length));
    report.byApp
      .slice(0, 15)
      .forEach((a, i) => (out += `  ${names[i]!.padEnd(nameWidth)}  ${secondsText(a.medianSeconds)}\n`));
    if (report.byApp.length > 15) out += `  ... and ${report.byApp.length - 15} more (--json lists them all)\n`;
  } else out += '\nno phase waits on an app\n';
  return out;
}
