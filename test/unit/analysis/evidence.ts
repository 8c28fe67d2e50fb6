/**
 * Checks a diagnosis's evidence against the bundle's files, reading them independently of the code
 * under test: UTF-16LE with a BOM (the registry dump) or UTF-8, split on CRLF or LF.
 */
import { expect } from 'vitest';
import type { Diagnosis } from '../../../electron/core/analysis/diagnose';

/** A file's lines without their terminators. */
export function linesOf(content: string | Uint8Array): string[] {
  let text: string;
  if (typeof content === 'string') text = content;
  else {
    const buffer = Buffer.from(content);
    if (buffer[0] === 0xff && buffer[1] === 0xfe) text = buffer.toString('utf16le', 2);
    else text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Every cited line is exactly the text at that 1-based line of that file; there is some evidence. */
export function expectEvidenceInFiles(
  d: Diagnosis,
  files: readonly { name: string; content: string | Uint8Array }[],
): void {
  expect(d.evidence.length, 'some evidence').toBeGreaterThan(0);
  for (const e of d.evidence) {
    const file = files.find((f) => f.name === e.file);
    expect(file, `${e.file} is in the bundle`).toBeDefined();
    expect(linesOf(file!.content)[e.line - 1], `${e.file}:${e.line}`).toBe(e.text);
  }
}
