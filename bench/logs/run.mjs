// npm run bench:logs — builds the bench bundle if needed, then runs it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const bundle = join(root, 'out', 'node', 'bench-logs.mjs');
if (!existsSync(bundle)) {
  const built = spawnSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '-c', 'vite.node.config.ts', '--logLevel', 'error'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(bundle);
