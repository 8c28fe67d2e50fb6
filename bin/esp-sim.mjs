#!/usr/bin/env node
// The esp-sim command: runs the built CLI, building the Node entry points first if they are missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'out', 'node', 'cli.mjs');
if (!existsSync(cli)) {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '-c', 'vite.node.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    console.error('esp-sim: could not build the command line; run `npm run build` to see why.');
    process.exit(2);
  }
}
try {
  await import(cli);
} catch (error) {
  // The command line itself failed to load (a broken build): one line, never a stack trace.
  console.error(`esp-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
