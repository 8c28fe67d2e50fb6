/**
 * Reads a scenario file from disk: size check, decode (BOM-aware), parse, validate. The three outcomes are kept
 * apart because the CLI exits differently for each (scenario-and-cli.md §2: 0 valid, 1 invalid, 2 unreadable).
 */
import { open } from 'node:fs/promises';
import { decodeScenarioBytes } from './decode';
import { MAX_SCENARIO_FILE_BYTES, tooLargeMessage } from './json';
import type { Scenario } from './model';
import { parseScenarioText, type Problem } from './validate';

/**
 * - `unreadable`: the file could not be read (missing, a folder, no permission): `message` says which and why.
 * - `invalid`: read, but not a usable scenario (over MAX_SCENARIO_FILE_BYTES, not JSON, or failing validation);
 *   `warnings` are what validation also noticed (a misspelt property beside the problem it causes, say).
 * - `valid`: the normalised scenario and its warnings.
 */
export type LoadResult =
  | { kind: 'unreadable'; message: string }
  | { kind: 'invalid'; problems: Problem[]; warnings: Problem[] }
  | { kind: 'valid'; scenario: Scenario; warnings: Problem[] };

/** Load and validate one scenario file. Never throws. A file over MAX_SCENARIO_FILE_BYTES is refused unread. */
export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_SCENARIO_FILE_BYTES) {
        return {
          kind: 'invalid',
          problems: [{ path: '(root)', message: tooLargeMessage(size, 'bytes') }],
          warnings: [],
        };
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { kind: 'unreadable', message: `cannot read ${path}: ${describeFsError(error)}` };
  }
  // The file may have grown since it was measured.
  if (bytes.length > MAX_SCENARIO_FILE_BYTES) {
    return {
      kind: 'invalid',
      problems: [{ path: '(root)', message: tooLargeMessage(bytes.length, 'bytes') }],
      warnings: [],
    };
  }
  const result = parseScenarioText(decodeScenarioBytes(bytes));
  return result.ok
    ? { kind: 'valid', scenario: result.scenario, warnings: result.warnings }
    : { kind: 'invalid', problems: result.problems, warnings: result.warnings };
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
