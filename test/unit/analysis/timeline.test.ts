/**
 * `esp-sim timeline`: the same run as `esp-sim run` with the same responses, as JSON or as RFC 4180
 * CSV with the columns docs/cli.md documents.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { TIMELINE_CSV_COLUMNS, csvField, timelineCsv } from '../../../electron/core/analysis/timelineCsv';
import type { TimelineEvent } from '../../../shared/timeline';

const root = join(import.meta.dirname, '..', '..', '..');
const scenario = (name: string) => join(root, 'resources', 'scenarios', name);

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** An RFC 4180 reader, written for this test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('esp-sim timeline --format json', () => {
  it('prints the same events as run --json, with the same responses', async () => {
    const file = scenario('user-driven-app-fails.json');
    const timeline = await cli('timeline', file, '--respond', 'tryAgain', '--format', 'json');
    const run = await cli('run', file, '--json', '--respond', 'tryAgain');
    expect(timeline.code).toBe(0);
    expect(JSON.parse(timeline.out)).toEqual(JSON.parse(run.out).timeline);
    expect(JSON.parse(timeline.out).some((e: TimelineEvent) => e.type === 'userAction')).toBe(true);
  });
});

describe('esp-sim timeline --format csv', () => {
  it('one row per event under the documented header, every row CRLF-terminated', async () => {
    const file = scenario('msi-win32-1618-conflict.json');
    const { code, out } = await cli('timeline', file, '--format', 'csv');
    expect(code).toBe(0);
    const events = JSON.parse((await cli('timeline', file, '--format', 'json')).out) as TimelineEvent[];
    expect(out.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual([...TIMELINE_CSV_COLUMNS]);
    expect(rows).toHaveLength(events.length + 1);
    rows.slice(1).forEach((row, i) => {
      const e = events[i]! as unknown as Record<string, unknown>;
      expect(row).toHaveLength(8);
      const [t, clock, type, phase, item, appId, status, detail] = row;
      expect(Number(t)).toBe(e.t);
      expect(clock).toMatch(/^\d+:\d{2}:\d{2}$/);
      expect(type).toBe(e.type);
      expect(phase).toBe(String(e.phase ?? ''));
      expect(item).toBe(String(e.item ?? ''));
      expect(appId).toBe(String(e.appId ?? ''));
      expect(status).toBe(String(e.status ?? ''));
      // Every other field, and only those, in detail.
      const rest = Object.fromEntries(
        Object.entries(e).filter(([k]) => !['t', 'type', 'phase', 'item', 'appId', 'status'].includes(k)),
      );
      expect(JSON.parse(detail!)).toEqual(rest);
    });
    // The clock of the 1618 retries: 5 minutes apart.
    const retries = rows.filter((r) => r[2] === 'appRetryScheduled');
    expect(retries.map((r) => JSON.parse(r[7]!).inSeconds)).toEqual([300, 300]);
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const csv = timelineCsv([
      { t: 3725, type: 'restartStarted', reason: 'an app, "X", asked\nfor it' },
      { t: 0, type: 'desktopReached' },
    ]);
    expect(csv).toBe(
      't,clock,type,phase,item,appId,status,detail\r\n' +
        '3725,1:02:05,restartStarted,,,,,"{""reason"":""an app, \\""X\\"", asked\\nfor it""}"\r\n' +
        '0,0:00:00,desktopReached,,,,,{}\r\n',
    );
    expect(parseCsv(csv)[1]![7]).toBe('{"reason":"an app, \\"X\\", asked\\nfor it"}');
  });
});

describe('esp-sim timeline: exit codes', () => {
  it('2 without --format, with an unknown format, an unknown response or no file', async () => {
    const file = scenario('default.json');
    for (const argv of [
      ['timeline', file],
      ['timeline', file, '--format', 'xml'],
      ['timeline', file, '--format', 'csv', '--respond', 'please'],
      ['timeline', '--format', 'csv'],
      ['timeline', file, '--format', 'csv', '--respond', 'tryAgain'],
    ]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain('usage:');
    }
  });

  it("1 for an invalid scenario, with the validator's messages", async () => {
    const result = await cli('timeline', join(root, 'test', 'e2e', 'scenarios', 'bad-mode.json'), '--format', 'csv');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^\S+ is not a valid scenario:\ndeployment\.mode: /);
  });
});
