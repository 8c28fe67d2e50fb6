/**
 * Picks the scenario a run starts on: the one asked for, or the bundled default when none is
 * asked for or the one asked for cannot be used (the app never crashes on a bad file).
 */
import { join } from 'node:path';
import type { Logger } from '../session/logger';
import type { Scenario } from './model';
import { loadScenarioFile } from './load';
import { formatProblem } from './validate';

export const DEFAULT_SCENARIO_FILE = 'default.json';

export interface OpenedScenario {
  scenario: Scenario;
  /** Why the requested file was not used; null when it was. */
  problem: string | null;
}

export async function openScenario(
  requested: string | undefined,
  resourcesDir: string,
  logger: Logger,
): Promise<OpenedScenario> {
  const defaultPath = join(resourcesDir, 'scenarios', DEFAULT_SCENARIO_FILE);
  if (requested) {
    const loaded = await loadScenarioFile(requested);
    if (loaded.kind === 'valid') {
      for (const warning of loaded.warnings) logger.warn(`scenario ${requested}: ${warning}`);
      return { scenario: loaded.scenario, problem: null };
    }
    const problem =
      loaded.kind === 'unreadable'
        ? loaded.message
        : `${requested} is not a valid scenario: ${loaded.problems.map(formatProblem).join('; ')}`;
    logger.error(`${problem} — running the default scenario instead`);
    const fallback = await openScenario(undefined, resourcesDir, logger);
    return { scenario: fallback.scenario, problem };
  }
  const loaded = await loadScenarioFile(defaultPath);
  if (loaded.kind !== 'valid') {
    // The bundled default is tested; reaching this means the installation itself is broken.
    const why = loaded.kind === 'unreadable' ? loaded.message : loaded.problems.map(formatProblem).join('; ');
    throw new Error(`the bundled default scenario ${defaultPath} cannot be used: ${why}`);
  }
  return { scenario: loaded.scenario, problem: null };
}
