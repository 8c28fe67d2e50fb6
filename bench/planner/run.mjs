// npm run bench:planner — builds the Node entry points if the bench or the planner's worker is missing, then runs it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'out', 'node', 'bench-planner.mjs');
if (!existsSync(bundle) || !existsSync(join(root, 'out', 'node', 'planner-worker.mjs'))) {
  spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'vite.node.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
}
await import(bundle);
