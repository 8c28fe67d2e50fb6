// Builds the renderer, the Electron shell and the Node entry points unless out/ is newer than
// every source file, so `npm start` and `npm run preview:web` start fast the second time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './electron-binary.mjs';

const SOURCES = ['electron', 'renderer', 'shared', 'package.json', 'electron.vite.config.ts', 'vite.node.config.ts'];
const OUTPUTS = [
  'out/renderer/index.html',
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/node/cli.mjs',
  'out/node/preview.mjs',
];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = info.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function buildIfNeeded({ force = false } = {}) {
  const outputs = OUTPUTS.map((p) => join(root, p));
  const stale =
    force ||
    outputs.some((p) => !existsSync(p)) ||
    Math.max(...SOURCES.map((p) => newest(join(root, p)))) > Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  if (!stale) return;
  for (const args of [
    ['electron-vite', 'build'],
    ['vite', 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn'],
  ]) {
    const bin = join(root, 'node_modules', '.bin', args[0]);
    const result = spawnSync(bin, args.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) {
      console.error(`ESP Simulator: \`${args.join(' ')}\` failed; run \`npm run build\` to see why.`);
      process.exit(result.status ?? 1);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded({ force: process.argv.includes('--force') });
