// Starts the built browser preview on a free port, as `npm run preview:web` does, for the scripts
// that drive it (the state gallery, bench/renderer). The URL comes from the line the preview prints.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './electron-binary.mjs';

/** @returns {{ url: Promise<string>, stop: () => Promise<void>, child: import('node:child_process').ChildProcess }} */
export function startPreview(scenarioFile, speed, logDirName = 'esp-sim-script-logs', extraArgs = []) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'out', 'node', 'preview.mjs'),
      '--port',
      '0',
      '--scenario',
      scenarioFile,
      '--speed',
      String(speed),
      // Fresh settings: a language or release remembered from the console must not change what the scripts see.
      '--settings',
      join(mkdtempSync(join(tmpdir(), 'esp-sim-script-settings-')), 'settings.json'),
      ...extraArgs,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ESP_SIM_LOG_DIR: join(tmpdir(), logDirName) },
    },
  );
  let output = '';
  const url = new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /ESP Simulator preview: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1].endsWith('/') ? match[1] : `${match[1]}/`);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`the preview exited with ${code}:\n${output}`)));
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return { url, stop, child };
}

const tokens = new Map();
/**
 * The headers a command to the preview at `url` needs: the per-launch token its page carries
 * (`<meta name="esp-sim-token">`), which the page's own bridge sends too.
 * @returns {Promise<Record<string, string>>}
 */
export async function commandHeaders(url) {
  if (!tokens.has(url)) {
    const page = await (await fetch(url)).text();
    const token = /<meta name="esp-sim-token" content="([^"]+)"/.exec(page)?.[1];
    if (!token) throw new Error(`the preview at ${url} serves a page without its token`);
    tokens.set(url, token);
  }
  return { 'content-type': 'application/json', 'x-esp-sim-token': tokens.get(url) };
}
