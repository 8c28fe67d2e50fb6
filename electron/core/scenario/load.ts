/**
 * Reads a scenario file from disk: decode (BOM-aware), parse, validate. The three outcomes are kept apart
 * because the CLI exits differently for each (scenario-and-cli.md §2: 0 valid, 1 invalid, 2 unreadable).
 */
import { readFile } from 'node:fs/promises';
import { decodeScenarioBytes } from './decode';
import type { Scenario } from './model';
import { parseScenarioText, type Problem } from './validate';

export type LoadResult =
  | { kind: 'unreadable'; message: string }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'valid'; scenario: Scenario; warnings: string[] };

export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { kind: 'unreadable', message: `cannot read ${path}: ${describeFsError(error)}` };
  }
  const result = parseScenarioText(decodeScenarioBytes(bytes));
  return result.ok
    ? { kind: 'valid', scenario: result.scenario, warnings: result.warnings }
    : { kind: 'invalid', problems: result.problems };
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files',
  EBUSY: 'the file is in use',
};

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const reason = code ? FS_REASONS[code] : undefined;
  if (reason && code) return `${reason} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
