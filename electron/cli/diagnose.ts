/**
 * `esp-sim diagnose <MDMDiagReport.zip|AutopilotWhiteGloveLogs.zip> [--json]` (docs/cli.md): reads a
 * log bundle — the simulator's, or a real device's as far as its files allow — and says how the ESP
 * ended, the cause, the lines that show it and what to do (electron/core/analysis/diagnose.ts).
 * Exit 0 once it has diagnosed (whatever it found); 1 when the file cannot be read or is not a
 * bundle it can read, with one sentence and never a stack trace; 2 for a command line it cannot
 * understand.
 */
import { readFile } from 'node:fs/promises';
import { OUTCOME_TEXT, PHASE_TITLES } from '../../shared/esp';
import { BundleReadError, readBundleZip } from '../core/analysis/bundleReader';
import type { DiagnosedOutcome, Diagnosis } from '../core/analysis/diagnose';
import { diagnoseBundle } from '../core/analysis/diagnose';
import { onePositional, parseCommandLine } from './analysisArgs';
import type { CliIo } from './commands';

/** Runs `esp-sim diagnose`; resolves to the exit code. */
export async function diagnoseCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const file = onePositional(positionals, 'log bundle (MDMDiagReport.zip or AutopilotWhiteGloveLogs.zip)');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'it is a folder' : e.message;
    io.err(`esp-sim diagnose: cannot read ${file}: ${why}${e.code ? ` (${e.code})` : ''}\n`);
    return 1;
  }
  let diagnosis: Diagnosis;
  try {
    const bundle = readBundleZip(bytes);
    diagnosis = diagnoseBundle(bundle.entries, bundle.notes);
  } catch (error) {
    if (!(error instanceof BundleReadError)) throw error;
    io.err(`esp-sim diagnose: ${file}: ${error.message}\n`);
    return 1;
  }
  io.out(values.json ? JSON.stringify(diagnosis, null, 2) + '\n' : diagnosisText(diagnosis));
  return 0;
}

const OUTCOME_WORDS: Record<DiagnosedOutcome, string> = {
  ...OUTCOME_TEXT,
  inProgress: 'Still running when the logs were collected',
  unknown: 'Not known from these files',
};

/** The longest cited line the text output prints whole; longer ones are cut with an ellipsis. */
const MAX_LINE = 220;

/** A diagnosis for people. */
export function diagnosisText(d: Diagnosis): string {
  let out = `Outcome: ${OUTCOME_WORDS[d.outcome]}${d.phase && d.cause.kind !== 'none' ? ` (${PHASE_TITLES[d.phase]})` : ''}\n`;
  out += `What happened: ${d.summary}\n`;
  const code = d.cause.code ? `, code ${d.cause.code}` : '';
  out += `Cause: ${d.cause.kind}${d.cause.appId ? `, app ${d.cause.appId}` : ''}${code}\n`;
  if (d.evidence.length > 0) {
    out += '\nEvidence:\n';
    for (const e of d.evidence) {
      // A CMTrace line reads better as its message and time; the JSON keeps the exact line.
      const cm = /^<!\[LOG\[(.*)\]LOG\]!><time="(\d+:\d+:\d+)[^"]*" date="([^"]*)"/.exec(e.text);
      const shown = cm ? `${cm[1]} (${cm[3]} ${cm[2]})` : e.text;
      const text = shown.length > MAX_LINE ? `${shown.slice(0, MAX_LINE - 1)}…` : shown;
      out += `  ${e.file}, line ${e.line}:\n    ${text}\n`;
    }
  }
  out += '\nWhat to do:\n';
  d.steps.forEach((s, i) => (out += `  ${i + 1}. ${s}\n`));
  if (d.notes.length > 0) {
    out += '\nNotes:\n';
    for (const n of d.notes) out += `  - ${n}\n`;
  }
  return out;
}
