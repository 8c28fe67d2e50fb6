/**
 * Picks the scenario a run starts on: the one asked for, or the bundled default when none is
 * asked for or the one asked for cannot be used (the app never crashes on a bad file).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decodeScenarioBytes } from './decode';
import type { Logger } from '../logging/logger';
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

/** Every `.json` file under the given files and folders, read and decoded (UTF-16LE exports included), in name order. */
export async function readGraphExports(paths: string[]): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`${path} does not exist`);
    if (info.isFile()) {
      files.push({ name: path, text: decodeScenarioBytes(await readFile(path)) });
      return;
    }
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(path, entry.name);
      if (entry.isDirectory() || entry.name.toLowerCase().endsWith('.json')) await visit(full);
    }
  };
  for (const path of paths) await visit(path);
  return files;
}

/**
 * Writes a new scenario file, never over an existing one and never half-written: the text goes to a
 * temporary file beside it, is flushed, then linked into place (which fails if the name was taken).
 */
export async function writeNewScenarioFile(
  path: string,
  scenario: unknown,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(scenario, null, 2) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, path).catch(async (error: NodeJS.ErrnoException) => {
      // Drives without hard links (FAT): an exclusive copy keeps the never-overwrite promise.
      if (error.code !== 'EPERM' && error.code !== 'ENOTSUP' && error.code !== 'EXDEV') throw error;
      await copyFile(temp, path, constants.COPYFILE_EXCL);
    });
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: code === 'EEXIST' ? 'the file already exists (it is never overwritten)' : (error as Error).message,
    };
  } finally {
    await rm(temp, { force: true });
  }
}
