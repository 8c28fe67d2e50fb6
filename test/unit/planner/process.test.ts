/**
 * `esp-sim plan` on worker threads: the built CLI (as `npm run build` builds out/node/cli.mjs and
 * planner-worker.mjs, here into a scratch folder) against the in-process path. Worker threads cannot load the
 * TypeScript sources under Vitest, so the worker path is tested where it runs, in the built command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliInto, buildDirFor, removeBuild } from '../helpers/builtCli';
import { runCli } from '../../../electron/cli/commands';
import { defaultScenarioFile, halfTimeoutDocument } from './fixtures';

const buildDir = buildDirFor('plan-test');
const cli = join(buildDir, 'cli.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'esp-plan-process-'));

beforeAll(() => {
  buildCliInto(buildDir);
  if (!existsSync(join(buildDir, 'planner-worker.mjs'))) throw new Error('the build has no planner-worker.mjs');
}, 190_000);
afterAll(() => {
  removeBuild(buildDir);
  rmSync(scratch, { recursive: true, force: true });
});

function plan(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, 'plan', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function inProcess(...args: string[]) {
  let out = '';
  const code = await runCli(['plan', ...args], { out: (t) => (out += t), err: () => {} });
  return { code, out };
}

describe('esp-sim plan on worker threads', () => {
  it('prints the same JSON with 1 thread, with 2 and 3 worker threads, and in-process from source', async () => {
    const args = [defaultScenarioFile, '--devices', '150', '--seed', '21', '--json'];
    const one = plan(...args, '--threads', '1');
    const two = plan(...args, '--threads', '2');
    const three = plan(...args, '--threads', '3');
    const source = await inProcess(...args);
    expect(one).toMatchObject({ code: 0, err: '' });
    expect(two).toMatchObject({ code: 0, err: '' });
    expect(two.out).toBe(one.out);
    expect(three.out).toBe(one.out);
    expect(source).toEqual({ code: 0, out: one.out });
  }, 120_000);

  it('says in the text form that worker threads ran it, with the same figures', async () => {
    const file = join(scratch, 'half.json');
    writeFileSync(file, JSON.stringify(halfTimeoutDocument()));
    const two = plan(file, '--devices', '100', '--threads', '2');
    const one = plan(file, '--devices', '100', '--threads', '1');
    expect(two.code).toBe(0);
    expect(two.out.split('\n')[0]).toBe('Half the devices time out: 100 simulated devices (seed 3, 2 threads)');
    expect(two.out.split('\n').slice(1)).toEqual(one.out.split('\n').slice(1));
  }, 120_000);
});
