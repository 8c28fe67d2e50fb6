import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes } from '../../../electron/core/scenario/decode';

const realWorld = path.resolve(import.meta.dirname, '../../../../shared/fixtures/real-world');
// Real Intune exports kept beside the repository; a fresh clone has no ../shared, so those tests skip and say why.
const hasRealWorld = existsSync(realWorld);
if (!hasRealWorld) {
  console.warn(
    'skipped: decode.test.ts real-world export test — ../shared/fixtures/real-world is absent (a fresh clone has no ../shared)',
  );
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

describe('reading scenario and export files in the encodings Windows tools write', () => {
  it('reads plain UTF-8, including non-ASCII text', () => {
    expect(decodeScenarioBytes(Buffer.from('{"name":"Café – ü"}', 'utf8'))).toBe('{"name":"Café – ü"}');
  });

  it('strips a UTF-8 BOM so JSON.parse accepts the text', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}', 'utf8')]);
    expect(decodeScenarioBytes(bytes)).toBe('{"a":1}');
  });

  it('reads UTF-16LE with a BOM (PowerShell 5 Out-File) and drops the BOM', () => {
    expect(decodeScenarioBytes(utf16le('{"name":"Zoë"}', true))).toBe('{"name":"Zoë"}');
  });

  it('reads UTF-16BE with a BOM', () => {
    expect(decodeScenarioBytes(utf16be('{"name":"Zoë"}'))).toBe('{"name":"Zoë"}');
  });

  it('recognises UTF-16LE that lost its BOM', () => {
    expect(decodeScenarioBytes(utf16le('{"a":1}', false))).toBe('{"a":1}');
  });

  it('falls back to Windows-1252 for "ANSI" files that are not valid UTF-8', () => {
    // "Café" as Windows PowerShell's Set-Content writes it by default.
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9]);
    expect(decodeScenarioBytes(bytes)).toBe('Café');
  });

  it.skipIf(!hasRealWorld)('decodes the real-world UTF-16LE ESP profile export into parseable JSON', () => {
    const file = path.join(
      realWorld,
      'esp-profiles/OpenIntuneBaseline_0ba7175_DefaultWindows10EnrollmentCompletionPageConfiguration.utf16le.json',
    );
    const bytes = readFileSync(file);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const profile = JSON.parse(decodeScenarioBytes(bytes)) as Record<string, unknown>;
    expect(profile['displayName']).toBe('All users and all devices');
    expect(profile['installProgressTimeoutInMinutes']).toBe(30);
  });

  it('returns an empty string for an empty file', () => {
    expect(decodeScenarioBytes(new Uint8Array())).toBe('');
  });
});
