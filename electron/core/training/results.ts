/**
 * Training results, kept per trainee: one JSON file per trainee (`<trainee>.json`) in a `training` folder beside
 * the scenario library (the same user-data folder family), each replaced atomically. CSV for the export button.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { slugOf, writeFileAtomically } from '../scenario/library';
import type { TrainingResult } from '../../../shared/training';

/** `<user data>/esp-simulator/training` for a library at `<user data>/esp-simulator/scenarios`. */
export function trainingFolderBeside(libraryFolder: string): string {
  return join(dirname(libraryFolder), 'training');
}

export function traineeFile(folder: string, trainee: string): string {
  return join(folder, `${slugOf(trainee).replace(/^scenario$/, 'trainee')}.json`);
}

export async function readResults(folder: string, trainee: string): Promise<TrainingResult[]> {
  try {
    const parsed = JSON.parse(await readFile(traineeFile(folder, trainee), 'utf8')) as { results?: unknown };
    return Array.isArray(parsed.results) ? (parsed.results as TrainingResult[]) : [];
  } catch {
    return [];
  }
}

/** Adds a round to the trainee's file (atomically) and returns all of that trainee's rounds. */
export async function appendResult(folder: string, result: TrainingResult): Promise<TrainingResult[]> {
  await mkdir(folder, { recursive: true });
  const results = [...(await readResults(folder, result.trainee)), result];
  await writeFileAtomically(
    traineeFile(folder, result.trainee),
    JSON.stringify({ trainee: result.trainee, results }, null, 2) + '\n',
  );
  return results;
}

const COLUMNS: (keyof TrainingResult)[] = [
  'at',
  'trainee',
  'scenario',
  'difficulty',
  'score',
  'outOf',
  'cause',
  'answeredCause',
];

function cell(value: string | number): string {
  const text = String(value);
  // A cell a spreadsheet would run as a formula starts with a quote instead.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultsCsv(results: readonly TrainingResult[]): string {
  return [COLUMNS.join(','), ...results.map((r) => COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
