/**
 * Starting and stopping the browser preview the way people do: `npm run preview:web` (or the script
 * behind it), from the project or from any other folder, stopped by a signal to npm or by killing
 * its launcher. The server must never outlive what started it.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'esp-preview-launch-'));
const env = { ...process.env, ESP_SIM_LOG_DIR: join(scratch, 'logs') };

beforeAll(() => {
  // The launchers build what is missing or stale; do it once here rather than inside a test's wait.
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-if-needed.mjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr}`);
}, 310_000);

/** Every process group started here is a session of its own (detached), so it can be cleaned up whole. */
const groups: number[] = [];
afterEach(() => {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function launch(command: string, args: string[], cwd = root): ChildProcessWithoutNullStreams {
  const child = spawn(command, args, { cwd, env, detached: true });
  groups.push(child.pid!);
  return child;
}

/** The URL the preview prints once it answers; rejects with everything it said if it exits first. */
function urlOf(child: ChildProcessWithoutNullStreams): Promise<{ url: string; output: () => string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ESP Simulator preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, output: () => output });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before printing its URL:\n${output}`));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/api/snapshot', url), { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Polls until the server stops answering; true if it did before the deadline. */
async function stopsAnswering(url: string, withinMs: number): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline;) {
    if (!(await answers(url))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !(await answers(url));
}

describe('the preview follows what started it', () => {
  it('SIGTERM to `npm run preview:web` stops the server too: its port stops answering', async () => {
    const npm = launch('npm', ['run', 'preview:web', '--', '--port', '0']);
    const { url } = await urlOf(npm);
    expect(await answers(url)).toBe(true);
    npm.kill('SIGTERM');
    expect(await stopsAnswering(url, 10_000)).toBe(true);
  }, 90_000);

  it('killing its launcher outright (SIGKILL) stops the server too', async () => {
    const launcher = launch(process.execPath, [join(root, 'scripts', 'preview-web.mjs'), '--port', '0']);
    const { url } = await urlOf(launcher);
    expect(await answers(url)).toBe(true);
    launcher.kill('SIGKILL');
    expect(await stopsAnswering(url, 10_000)).toBe(true);
  }, 90_000);

  it('SIGTERM to the launcher stops the server and the launcher exits with it', async () => {
    const launcher = launch(process.execPath, [join(root, 'scripts', 'preview-web.mjs'), '--port', '0']);
    const { url } = await urlOf(launcher);
    const exited = new Promise<number | null>((resolve) => launcher.on('exit', (code) => resolve(code)));
    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await stopsAnswering(url, 10_000)).toBe(true);
  }, 90_000);
});

describe('starting the preview from another working folder', () => {
  it('starts and serves the default scenario (electron-log is told the app name)', async () => {
    const elsewhere = mkdtempSync(join(scratch, 'cwd-'));
    const launcher = launch(process.execPath, [join(root, 'scripts', 'preview-web.mjs'), '--port', '0'], elsewhere);
    const { url, output } = await urlOf(launcher);
    const snapshot = (await (await fetch(new URL('/api/snapshot', url))).json()) as { scenario: { name: string } };
    expect(snapshot.scenario.name).toBe('Contoso user-driven, everything succeeds');
    expect(output()).not.toMatch(/electron-log|could not start/);
    launcher.kill('SIGTERM');
    expect(await stopsAnswering(url, 10_000)).toBe(true);
  }, 90_000);
});
