/**
 * The esp-sim command as a process, the way a shell runs it: built from the current source into a
 * scratch folder (as `npm run build` builds out/node/cli.mjs), then spawned with real pipes and signals.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliInto, buildDirFor, removeBuild } from '../helpers/builtCli';

const root = join(import.meta.dirname, '..', '..', '..');
const defaultScenario = join(root, 'resources', 'scenarios', 'default.json');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const buildDir = buildDirFor('cli-test');
const cli = join(buildDir, 'cli.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'esp-cli-process-'));

beforeAll(() => {
  buildCliInto(buildDir);
}, 190_000);
afterAll(() => {
  removeBuild(buildDir);
  rmSync(scratch, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function finished(child: ChildProcess): Promise<Exit> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('esp-sim as a process', () => {
  it('`esp-sim run ... | head -1`: when the reader goes away it exits 0 quietly, with no EPIPE stack trace', async () => {
    const child = spawn(process.execPath, [cli, 'run', defaultScenario], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader is gone before the first line is written: every write meets a closed pipe.
    child.stdout.destroy();
    const exit = await finished(child);
    expect(exit.stderr).toBe('');
    expect(exit).toMatchObject({ code: 0, signal: null });
  });

  it('`esp-sim --version` and `-v` print the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const exit = await finished(spawn(process.execPath, [cli, flag], { stdio: ['ignore', 'pipe', 'pipe'] }));
      expect(exit).toEqual({ code: 0, signal: null, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('Ctrl+C during collect-logs says in one line that nothing was written, and exits 130', async () => {
    // The scenario comes through a named pipe the test holds open: the command waits there, signal
    // handlers in place, until the test has sent its Ctrl+C.
    const fifo = join(scratch, 'scenario.json');
    const out = mkdtempSync(join(scratch, 'out-'));
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [cli, 'collect-logs', fifo, '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exiting = finished(child);
    const writer = await open(fifo, 'w'); // returns once the command has opened the pipe to read it
    child.kill('SIGINT');
    const exit = await exiting;
    await writer.close();
    expect(exit).toEqual({
      code: 130,
      signal: null,
      stdout: '',
      stderr: 'esp-sim collect-logs: stopped; nothing was written\n',
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('an unexpected failure (output to a full disk) is one line "esp-sim: <message>", exit 1, no stack trace', async (context) => {
    if (!existsSync('/dev/full')) context.skip('no /dev/full on this system');
    const full = openSync('/dev/full', 'w');
    try {
      const exit = await finished(
        spawn(process.execPath, [cli, 'run', defaultScenario], { stdio: ['ignore', full, 'pipe'] }),
      );
      expect(exit.stderr).toBe('esp-sim: ENOSPC: no space left on device, write\n');
      expect(exit.code).toBe(1);
    } finally {
      closeSync(full);
    }
  });
});
