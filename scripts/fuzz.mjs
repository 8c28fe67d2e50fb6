#!/usr/bin/env node
/**
 * `npm run fuzz [-- --runs N] [-- --soak N] [-- --seed N]`: the property-based fuzz tests
 * (test/unit/fuzz) with 10,000 inputs per target, and the determinism test (test/unit/determinism)
 * with 100 runs of every bundled scenario: the same tests CI runs with 200 inputs and 5 runs. Each
 * target prints its figures (inputs, seed, time, slowest input); docs/robustness.md records them.
 * A new random seed each time unless --seed is given; a failure prints its seed and shrunk input.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    soak: { type: 'string', default: '100' },
    seed: { type: 'string' },
  },
});
for (const [name, value] of Object.entries(values)) {
  if (value !== undefined && !/^[1-9]\d*$/.test(value)) {
    console.error(`npm run fuzz: --${name} takes a positive whole number, not "${value}"`);
    process.exit(2);
  }
}

const vitestPkg = createRequire(import.meta.url).resolve('vitest/package.json');
const vitest = join(vitestPkg, '..', 'vitest.mjs');
const env = {
  ...process.env,
  FUZZ_RUNS: values.runs,
  SOAK_RUNS: values.soak,
  ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
};
console.log(
  `fuzz: ${values.runs} inputs per target, ${values.soak} runs per bundled scenario${values.seed ? `, seed ${values.seed}` : ''}`,
);
const started = performance.now();
// One worker: the figures are per target, not shared with another file running beside it.
const child = spawn(
  process.execPath,
  [vitest, 'run', 'test/unit/fuzz', 'test/unit/determinism', '--no-file-parallelism', '--reporter', 'verbose'],
  { cwd: root, env, stdio: 'inherit' },
);
child.on('close', (code, signal) => {
  console.log(`fuzz: done in ${((performance.now() - started) / 1000).toFixed(0)} s (exit ${signal ?? code})`);
  process.exitCode = code ?? 1;
});
