/**
 * What `explain`, `timeline` and `diagnose` share: their command lines (a usage error exits 2, as
 * for every esp-sim command) and loading a scenario the way `run` does (an invalid or unreadable
 * scenario prints its problems, as `validate` words them, on standard error and exits 1).
 */
import type { UserAction } from '../../shared/actions';
import { USER_ACTIONS, isUserAction } from '../../shared/actions';
import { loadScenarioFile } from '../core/scenario/load';
import type { Scenario } from '../core/scenario/model';
import { formatProblem } from '../core/scenario/validate';
import type { CliIo } from './commands';
import { UsageError } from './commands';

/** Runs a node:util parseArgs call; its complaints become usage errors (exit 2). */
export function parseCommandLine<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The one positional argument, or a usage error naming what is expected. */
export function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`name exactly one ${what}`);
  return positionals[0]!;
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
  if (loaded.kind === 'unreadable') io.err(`${loaded.message}\n`);
  else for (const problem of loaded.problems) io.err(`${formatProblem(problem)}\n`);
  return null;
}
