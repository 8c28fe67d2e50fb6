/**
 * What a person reads from esp-sim when something is off: its version, a file where a folder should
 * be, Ctrl+C during collect-logs, what an earlier killed collection left, and errors nobody planned for.
 * In-process; test/unit/cli/process.test.ts runs the built command itself.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/commands';
import { interrupted, runCli } from '../../../electron/cli/commands';
import type { BundleSource } from '../../../electron/core/logbundle/bundle';
import { collectLogBundle } from '../../../electron/core/logbundle/collect';
import { LogExportError } from '../../../electron/core/session/session';
import { runOf, teamsFailsScenario } from '../logbundle/fixtures';

const root = join(import.meta.dirname, '..', '..', '..');
const teamsFails = join(root, 'test', 'e2e', 'scenarios', 'teams-fails.json');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

function recorder() {
  const seen = { out: '', err: '' };
  const io: CliIo = { out: (t) => (seen.out += t), err: (t) => (seen.err += t) };
  return { seen, io };
}

async function cli(...argv: string[]) {
  const { seen, io } = recorder();
  const code = await runCli(argv, io);
  return { code, ...seen };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esp-cli-'));
  dirs.push(dir);
  return dir;
}

describe('esp-sim --version', () => {
  it('prints the package version and exits 0, as -v too', async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await cli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect(await cli('-v')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
});

describe('esp-sim collect-logs --out <a file>', () => {
  it('says the destination is a file, not a folder (0x81036503), not that it does not exist', async () => {
    const file = join(folder(), 'bundle.zip');
    writeFileSync(file, 'an earlier bundle');
    const result = await cli('collect-logs', teamsFails, '--out', file);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      `esp-sim collect-logs: 0x81036503 No folder was found to export the logs to: "${file}" is a file, not a folder. Choose a folder or a removable drive, then try again.\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('an earlier bundle');
  });
});

describe('Ctrl+C during esp-sim collect-logs', () => {
  it('removes the partial file, names it in one line, and exits 130', async () => {
    const dir = folder();
    const scenario = teamsFailsScenario();
    const run = runOf(scenario);
    // A file that never ends keeps the collection writing until it is stopped.
    const endless: BundleSource = {
      name: 'slow.log',
      sizeHint: null,
      async *chunks() {
        for (;;) {
          yield 'tick\r\n';
          await new Promise((r) => setTimeout(r, 20));
        }
      },
    };
    const collecting = collectLogBundle({ scenario, run, t: run.endT, destination: dir, sources: [endless] });
    collecting.catch(() => {});
    let partial: string | undefined;
    for (const deadline = Date.now() + 5000; !partial && Date.now() < deadline;) {
      partial = readdirSync(dir).find((name) => name.endsWith('.partial'));
      if (!partial) await new Promise((r) => setTimeout(r, 5));
    }
    expect(partial).toMatch(/^\.MDMDiagReport\.zip\.\d+\.[0-9a-f]{12}\.partial$/);

    const { seen, io } = recorder();
    expect(interrupted('collect-logs', 'SIGINT', io)).toBe(130);
    expect(seen).toEqual({
      out: '',
      err: `esp-sim collect-logs: stopped; removed the partial file ${join(dir, partial!)}; nothing was written\n`,
    });
    expect(readdirSync(dir)).toEqual([]);
    await expect(collecting).rejects.toBeInstanceOf(LogExportError);
  });

  it('before anything was written: one line saying nothing was written', () => {
    const { seen, io } = recorder();
    expect(interrupted('collect-logs', 'SIGINT', io)).toBe(130);
    expect(seen).toEqual({ out: '', err: 'esp-sim collect-logs: stopped; nothing was written\n' });
  });
});

describe('a partial file a killed collection left', () => {
  it('the next collect-logs into that folder removes it and says so in one line', async () => {
    const dir = folder();
    // Left by a process that no longer runs (no process ever has this id), an hour ago.
    const stale = join(dir, '.MDMDiagReport.zip.4194305.0123456789ab.partial');
    writeFileSync(stale, 'PK half an archive');
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const result = await cli('collect-logs', teamsFails, '--out', dir);
    expect(result).toEqual({
      code: 0,
      out: `${join(dir, 'MDMDiagReport.zip')}\n`,
      err: `esp-sim collect-logs: removed a partial file an interrupted collection left: ${stale}\n`,
    });
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
  });
});

describe('an error nobody planned for', () => {
  it('is one line "esp-sim: <message>" and exit 1, never a stack trace', async () => {
    let err = '';
    const code = await runCli(['run', teamsFails], {
      out: () => {
        throw new Error('the terminal went away');
      },
      err: (t) => (err += t),
    });
    expect(code).toBe(1);
    expect(err).toBe('esp-sim: the terminal went away\n');
  });
});
