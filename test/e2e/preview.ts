/**
 * Starts the real browser preview (`out/node/preview.mjs`, what `npm run preview:web` runs) on a
 * free port for one test, the same way a user starts it, and stops it afterwards.
 */
import { test as base } from '@playwright/test';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export interface Preview {
  url: string;
  /** Headers a command needs, as the page's bridge sends them: the per-launch token from the page. */
  commandHeaders: Record<string, string>;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startPreview(args: string[], env: Record<string, string> = {}): Promise<Preview> {
  // Each preview remembers its settings in a folder of its own, so no test inherits another's speed or language.
  const settings = args.includes('--settings')
    ? []
    : ['--settings', join(mkdtempSync(join(tmpdir(), 'esp-e2e-settings-')), 'settings.json')];
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(root, 'out', 'node', 'preview.mjs'), '--port', '0', ...settings, ...args],
    {
      cwd: root,
      env: { ...process.env, ESP_SIM_LOG_DIR: join(root, 'test-results', 'logs'), ...env },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /ESP Simulator preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`preview exited with ${code}:\n${output}`)));
  });
  const page = await (await fetch(url)).text();
  const token = /<meta name="esp-sim-token" content="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error(`the preview's page carries no token:\n${page}`);
  return {
    url,
    commandHeaders: { 'x-esp-sim-token': token },
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

export function scenarioPath(name: string): string {
  return join(root, 'test', 'e2e', 'scenarios', name);
}

export function bundledScenario(name: string): string {
  return join(root, 'resources', 'scenarios', name);
}

/** `preview` is started per test with the options the test declares via `test.use({ previewArgs })`. */
export const test = base.extend<{ previewArgs: string[]; preview: Preview }>({
  previewArgs: [[], { option: true }],
  preview: async ({ previewArgs }, use) => {
    const preview = await startPreview(previewArgs);
    await use(preview);
    await preview.stop();
  },
});

export { expect } from '@playwright/test';
