/**
 * What every esp-sim command shares: its command line (a usage error exits 2, and so does an option given twice)
 * and loading a scenario (an unreadable file, or one that is not valid, is named on standard error with its
 * problems as `validate` words them, and the command exits 1).
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { UserAction } from '../../shared/actions';
import { USER_ACTIONS, isUserAction } from '../../shared/actions';
import { MAX_PLAN_DEVICES, MAX_PLAN_SEED, planSeedOf } from '../../shared/planner';
import { deviceScenario } from '../core/planner/variation';
import { loadScenarioFile } from '../core/scenario/load';
import type { Scenario } from '../core/scenario/model';
import { formatProblem } from '../core/scenario/validate';
import type { CliIo } from './commands';
import { UsageError } from './commands';

/**
 * node:util `parseArgs(config)`, with its complaints as usage errors (exit 2), and an option that takes one value
 * refused when it is given twice (`--seed 1 --seed 2`): parseArgs would keep the last without a word.
 * Options declared `multiple` (`--respond`, `--expect`) may repeat.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    const parsed = parseArgs(config);
    const { tokens = [] } = parseArgs({ ...(config as ParseArgsConfig), tokens: true });
    const given = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== 'option' || config.options?.[token.name]?.multiple) continue;
      if (given.has(token.name)) throw new UsageError(`${token.rawName} is given more than once: give it once`);
      given.add(token.name);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

/** The one positional argument, or a usage error naming what is expected. */
export function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`name exactly one ${what}`);
  return positionals[0]!;
}

/** A whole number in [min, max] from a switch, or a usage error naming the switch. */
export function wholeNumberOption(name: string, value: string, min: number, max: number): number {
  const n = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

/** The switches of `run`, `collect-logs` and `timeline` that pick one device of a plan (`planDeviceOf`). */
export const PLAN_DEVICE_OPTIONS = {
  'plan-device': { type: 'string' },
  'plan-seed': { type: 'string' },
} as const;

/** Device `index` (from 0) of `esp-sim plan` with `seed`; null seed: the scenario's own, as `plan` defaults. */
export interface PlanDevice {
  index: number;
  seed: number | null;
}

/**
 * `--plan-device <i> [--plan-seed <n>]`, checked (docs/cli.md): which device of a plan to run instead of the scenario
 * as written, so a plan's figures can be checked one device at a time. Null without `--plan-device`; a usage error
 * for a value out of range or `--plan-seed` alone.
 */
export function planDeviceOf(values: { 'plan-device'?: string; 'plan-seed'?: string }): PlanDevice | null {
  const device = values['plan-device'];
  const seed = values['plan-seed'];
  if (device === undefined) {
    if (seed !== undefined) throw new UsageError('--plan-seed needs --plan-device <i>');
    return null;
  }
  return {
    index: wholeNumberOption('plan-device', device, 0, MAX_PLAN_DEVICES - 1),
    seed: seed === undefined ? null : wholeNumberOption('plan-seed', seed, 0, MAX_PLAN_SEED),
  };
}

/** The scenario device `device` of a plan runs (variation.ts), or the scenario itself when there is none. */
export function asPlanDevice(scenario: Scenario, device: PlanDevice | null): Scenario {
  return device === null ? scenario : deviceScenario(scenario, device.seed ?? planSeedOf(scenario.seed), device.index);
}

/** `--respond` values, checked like `run` checks them. */
export function responsesOf(values: string[] | undefined): UserAction[] {
  return (values ?? []).map((r) => {
    if (!isUserAction(r)) throw new UsageError(`--respond takes ${USER_ACTIONS.join(', ')}, not "${r}"`);
    return r;
  });
}

/** The scenario, or null after printing why it cannot be used (the caller exits 1). */
export async function loadValidScenario(file: string, io: CliIo): Promise<Scenario | null> {
  const loaded = await loadScenarioFile(file);
  if (loaded.kind === 'valid') return loaded.scenario;
  // An unreadable file's message names it; a file that is not a valid scenario is named in a line of its own, so
  // the problem lines below keep the form `<JSON path>: <reason>` (the scenario contract).
  if (loaded.kind === 'unreadable') io.err(`${loaded.message}\n`);
  else {
    io.err(`${file} is not a valid scenario:\n`);
    for (const problem of loaded.problems) io.err(`${formatProblem(problem)}\n`);
  }
  return null;
}
