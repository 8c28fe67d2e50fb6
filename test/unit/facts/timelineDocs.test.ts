/**
 * docs/timeline.md documents the record: someone reading a `--json` timeline or a bundle's
 * timeline.json finds every event type there, and no type that does not exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMELINE_EVENT_TYPES } from '../../../shared/timeline';

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'timeline.md'), 'utf8');
const headings = [...doc.matchAll(/^### (\S+)\s*$/gm)].map((m) => m[1]!);

describe('docs/timeline.md', () => {
  it('has a section for every event type of the record', () => {
    const missing = TIMELINE_EVENT_TYPES.filter((type) => !headings.includes(type));
    expect(missing).toEqual([]);
  });

  it('has no section for a type the record does not have, and none twice', () => {
    const known: readonly string[] = TIMELINE_EVENT_TYPES;
    expect(headings.filter((h) => !known.includes(h))).toEqual([]);
    expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
  });

  it('says that `esp-sim run --json` prints this record as `timeline`', () => {
    expect(doc).toMatch(/`esp-sim run --json` prints it as `timeline`/);
  });

  it('gives every type an example event of its own type', () => {
    for (const type of TIMELINE_EVENT_TYPES) {
      const section = doc.split(/^### /m).find((s) => s.startsWith(`${type}\n`)) ?? '';
      const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
      expect(example, type).toBeDefined();
      expect(JSON.parse(example!), type).toMatchObject({ type, t: expect.any(Number) });
    }
  });
});
