/**
 * The esp-sim command built from the current source, the way `npm run build` builds out/node (cli.mjs and
 * planner-worker.mjs), into a folder of the calling test file's own, for tests that spawn it as a process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');

/** Where a build for `name` goes: under node_modules/.cache (ignored by lint and git), so it still finds the package. */
export function buildDirFor(name: string): string {
  return join(root, 'node_modules', '.cache', `esp-sim-${name}-${process.pid}`);
}

/** Builds the Node entry points into `dir` (vite.node.config.ts); throws with vite's errors if cli.mjs is missing. */
export function buildCliInto(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const built = spawnSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '-c', 'vite.node.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: root, encoding: 'utf8', timeout: 180_000 },
  );
  if (built.status !== 0 || !existsSync(join(dir, 'cli.mjs')))
    throw new Error(`could not build the CLI:\n${built.stderr}`);
}

export function removeBuild(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
