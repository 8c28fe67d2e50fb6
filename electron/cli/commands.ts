/**
 * The esp-sim commands, with their output going to injected streams so tests can run them in-process.
 */
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { ACTION_LABELS, OUTCOME_TEXT, PHASE_TITLES, PHASES, TARGETED_BY_TEXT, formatDuration } from '../../shared/esp';
import { phaseStatusText } from '../core/engine/rowText';
import type { Run } from '../core/engine/simulate';
import { importGraphExports } from '../core/scenario/graphImport';
import { readGraphExports, writeNewScenarioFile } from '../core/scenario/library';
import { abandonPartialExports, collectLogBundle } from '../core/logbundle/collect';
import { anonymizeScenario } from '../core/identities/anonymize';
import { loadScenarioFile } from '../core/scenario/load';
import type { Scenario } from '../core/scenario/model';
import { formatProblem } from '../core/scenario/validate';
import { runHeadless } from './respond';
import type { UserAction } from '../../shared/actions';
import { USER_ACTIONS, isUserAction } from '../../shared/actions';
import { runReport } from './report';
import { diagnoseCommand } from './diagnose';
import { explainCommand } from './explain';
import { timelineCommand } from './timeline';
import { planCommand } from './plan';
import { checkExpectations, parseExpectations } from './expect';
import { LogExportError } from '../core/session/session';
import type { PlanDevice } from './analysisArgs';
import { PLAN_DEVICE_OPTIONS, asPlanDevice, loadValidScenario, parseCommandLine, planDeviceOf } from './analysisArgs';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage:
  esp-sim --version
  esp-sim validate <file>
  esp-sim run <file> [--json] [--respond <action>]... [--expect <name>=<value>]... [--safe-names] [<device>]
  esp-sim collect-logs <file> --out <folder> [--respond <action>]... [--safe-names] [<device>]
  esp-sim timeline <file> [--respond <action>]... [<device>] --format csv|json
    <action>: ${USER_ACTIONS.join(' | ')}
  esp-sim import <graph-json-file-or-folder>... --out <scenario.json>
  esp-sim explain <file> [--json]
  esp-sim diagnose <MDMDiagReport.zip|AutopilotWhiteGloveLogs.zip> [--json]
  esp-sim plan <file> --devices <n> [--seed <n>] [--threads <n>] [--json]
    <device>: --plan-device <i> [--plan-seed <n>]  (device i, from 0, of esp-sim plan --seed <n>)
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'run':
        return await runCommand(rest, io);
      case 'collect-logs':
        return await collectLogsCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'explain':
        return await explainCommand(rest, io);
      case 'timeline':
        return await timelineCommand(rest, io);
      case 'diagnose':
        return await diagnoseCommand(rest, io);
      case 'plan':
        return await planCommand(rest, io);
      case '--version':
      case '-v':
        io.out(`${packageVersion()}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`esp-sim: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`esp-sim ${command}: ${error.message}\n${USAGE}`);
      return 2;
    }
    return unexpected(error, io);
  }
}

/** Anything nobody planned for: one line a person can read, never a stack trace; exit 1. */
export function unexpected(error: unknown, io: CliIo): number {
  const message = error instanceof Error ? error.message : String(error);
  io.err(`esp-sim: ${message || 'an unexpected error'}\n`);
  return 1;
}

/**
 * Ctrl+C (or a kill signal) while a command runs: the partial log bundle being written goes, and
 * collect-logs says which file that was, or that nothing was written. Returns the exit code (130 for Ctrl+C).
 */
export function interrupted(command: string | undefined, signal: NodeJS.Signals, io: CliIo): number {
  const removed = abandonPartialExports();
  if (command === 'collect-logs') {
    let what = 'nothing was written';
    if (removed.length > 0) what = `removed the partial file ${removed.join(', ')}; nothing was written`;
    else if (bundleWritten !== null) what = `${bundleWritten} had already been written`;
    io.err(`esp-sim collect-logs: stopped; ${what}\n`);
  }
  return 128 + (constants.signals[signal] ?? 2);
}

/** The bundle collect-logs wrote, once it is in place (so a late Ctrl+C does not deny it). */
let bundleWritten: string | null = null;

/** The version in esp-simulator's package.json, found above this file (source or build). */
function packageVersion(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'esp-simulator' && pkg.version) return pkg.version;
    } catch {
      // no package.json here, or not ours: look further up
    }
    if (dirname(dir) === dir) throw new Error("cannot find esp-simulator's package.json to read its version");
  }
}

/** A command line the tool cannot understand: runCli prints the reason and the usage, exit 2. */
export class UsageError extends Error {}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandLine({ args, options: {}, allowPositionals: true });
  const file = onlyFile(positionals);
  const loaded = await loadScenarioFile(file);
  if (loaded.kind === 'unreadable') {
    io.err(`${loaded.message}\n`);
    return 2;
  }
  // Warnings (a misspelt Graph property, a greyed-out setting) go to stderr either way; only problems fail.
  for (const warning of loaded.warnings) io.err(`warning: ${formatProblem(warning)}\n`);
  if (loaded.kind === 'invalid') {
    for (const problem of loaded.problems) io.out(`${formatProblem(problem)}\n`);
    return 1;
  }
  io.out('valid\n');
  return 0;
}

/** The steps `run` and `collect-logs` share: check --respond, load the scenario, run it headless. */
async function loadAndRun(
  command: string,
  file: string,
  respond: string[] | undefined,
  io: CliIo,
  safeNames = false,
  device: PlanDevice | null = null,
): Promise<{ scenario: Scenario; run: Run } | null> {
  const responses: UserAction[] = [];
  for (const r of respond ?? []) {
    if (!isUserAction(r)) throw new UsageError(`--respond takes ${USER_ACTIONS.join(', ')}, not "${r}"`);
    responses.push(r);
  }
  const loaded = await loadValidScenario(file, io);
  if (!loaded) return null;
  // --safe-names: generated names from the seed instead of the real ones (README, "Screenshot-safe identities").
  const written = asPlanDevice(loaded, device);
  const scenario = safeNames ? anonymizeScenario(written, loaded.seed) : written;
  const result = runHeadless(scenario, responses);
  // A response the screen does not offer is a command line the run cannot follow (exit 2).
  if (!result.ok) throw new UsageError(result.error);
  return { scenario, run: result.run };
}

async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine({
    args,
    options: {
      json: { type: 'boolean' },
      respond: { type: 'string', multiple: true },
      expect: { type: 'string', multiple: true },
      'safe-names': { type: 'boolean' },
      ...PLAN_DEVICE_OPTIONS,
    },
    allowPositionals: true,
  });
  const expectations = parseExpectations(values.expect);
  const device = planDeviceOf(values);
  const ran = await loadAndRun('run', onlyFile(positionals), values.respond, io, values['safe-names'] === true, device);
  if (!ran) return 1;
  const report = runReport(ran.scenario, ran.run);
  if (values.json) {
    io.out(JSON.stringify(report, null, 2) + '\n');
    return checkExpectations(expectations, ran.scenario, report, io);
  }
  io.out(`${report.scenario}\n`);
  if (report.profile)
    io.out(`ESP profile: ${report.profile.displayName} (${TARGETED_BY_TEXT[report.profile.targetedBy]})\n`);
  for (const id of PHASES) {
    const phase = report.phases[id];
    io.out(`${PHASE_TITLES[id]}: ${phaseStatusText(phase.status)}\n`);
    for (const item of phase.items) io.out(`  ${item.text}\n`);
  }
  if (report.errorScreen) {
    const actions = report.errorScreen.actions.map((a) => ACTION_LABELS[a]).join(', ');
    io.out(`error screen: ${report.errorScreen.message} [${actions}]\n`);
  }
  if (report.deferredApps.length > 0) {
    const names = report.deferredApps.map((id) => ran.scenario.tenant.apps.find((a) => a.id === id)?.displayName ?? id);
    io.out(`installed after the ESP: ${names.join(', ')}\n`);
  }
  const outcome = report.outcome === null ? 'still running' : OUTCOME_TEXT[report.outcome];
  io.out(`outcome: ${outcome} after ${formatDuration(report.elapsedSeconds)} (simulated)\n`);
  return checkExpectations(expectations, ran.scenario, report, io);
}

/** Runs like `run`, then writes the bundle the device would write (§3) into --out; never overwrites. */
async function collectLogsCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine({
    args,
    options: {
      out: { type: 'string' },
      respond: { type: 'string', multiple: true },
      'safe-names': { type: 'boolean' },
      ...PLAN_DEVICE_OPTIONS,
    },
    allowPositionals: true,
  });
  const file = onlyFile(positionals);
  if (!values.out) throw new UsageError('--out <folder> is required');
  const device = planDeviceOf(values);
  const ran = await loadAndRun('collect-logs', file, values.respond, io, values['safe-names'] === true, device);
  if (!ran) return 1;
  try {
    const { path, removedPartials } = await collectLogBundle({
      scenario: ran.scenario,
      run: ran.run,
      t: ran.run.endT,
      destination: values.out,
      appLogPath: null,
    });
    if (removedPartials.length === 1)
      io.err(`esp-sim collect-logs: removed a partial file an interrupted collection left: ${removedPartials[0]}\n`);
    else if (removedPartials.length > 1)
      io.err(
        `esp-sim collect-logs: removed ${removedPartials.length} partial files interrupted collections left: ${removedPartials.join(', ')}\n`,
      );
    bundleWritten = path;
    io.out(`${path}\n`);
    return 0;
  } catch (error) {
    const code = error instanceof LogExportError ? `${error.code} ` : '';
    io.err(`esp-sim collect-logs: ${code}${(error as Error).message}\n`);
    return 1;
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine({
    args,
    options: { out: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new UsageError('name at least one Graph export file or folder');
  if (!values.out) throw new UsageError('--out <scenario.json> is required');
  const files = await readGraphExports(positionals).catch((error: unknown) => {
    throw new UsageError((error as Error).message);
  });
  const result = importGraphExports(files);
  for (const line of result.unmapped) io.err(`not mapped: ${line}\n`);
  if (result.mapped.length === 0) {
    io.err('esp-sim import: nothing usable was found\n');
    return 1;
  }
  const written = await writeNewScenarioFile(values.out, result.scenario);
  if (!written.ok) {
    io.err(`esp-sim import: cannot write ${values.out}: ${written.error}\n`);
    return 1;
  }
  for (const line of result.mapped) io.out(`mapped: ${line}\n`);
  io.out(`${values.out}\n`);
  return 0;
}

function onlyFile(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('name exactly one scenario file');
  return positionals[0]!;
}
