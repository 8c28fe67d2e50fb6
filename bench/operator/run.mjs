// npm run bench:operator — builds the bench bundle if needed, then runs it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'out', 'node', 'bench-operator.mjs');
if (!existsSync(bundle)) {
  spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'vite.node.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
}
await import(bundle);
