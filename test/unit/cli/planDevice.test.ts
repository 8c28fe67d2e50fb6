/**
 * `--plan-device <i> [--plan-seed <n>]` on `run`, `timeline` and `collect-logs` (docs/cli.md): one device of
 * `esp-sim plan`, so anyone can check a plan's figures with a plain loop of `esp-sim run`, device by device.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { halfTimeoutDocument } from '../planner/fixtures';
import type { PlanReport } from '../../../shared/planner';

const scratch = mkdtempSync(join(tmpdir(), 'esp-plan-device-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = join(scratch, 'half.json');
writeFileSync(file, JSON.stringify(halfTimeoutDocument()));
const bundled = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios', 'default.json');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Nearest rank, as docs/cli.md defines the plan's percentiles. */
function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}

describe('esp-sim run --plan-device', () => {
  it('gives, device by device, the percentiles and timed-out share esp-sim plan prints', async () => {
    const devices = 40;
    const plan = await cli('plan', file, '--devices', String(devices), '--seed', '11', '--threads', '1', '--json');
    expect(plan.code).toBe(0);
    const report = JSON.parse(plan.out) as PlanReport;
    const minutes: number[] = [];
    let timedOut = 0;
    for (let i = 0; i < devices; i++) {
      const run = await cli('run', file, '--plan-device', String(i), '--plan-seed', '11', '--json');
      expect(run.code).toBe(0);
      const json = JSON.parse(run.out) as { elapsedSeconds: number; outcome: string };
      minutes.push(json.elapsedSeconds / 60);
      if (json.outcome === 'timedOut') timedOut++;
    }
    minutes.sort((a, b) => a - b);
    const round2 = (m: number) => Math.round(m * 100) / 100;
    expect({
      p50: round2(nearestRank(minutes, 50)),
      p90: round2(nearestRank(minutes, 90)),
      p99: round2(nearestRank(minutes, 99)),
    }).toEqual(report.durationMinutes);
    expect(Math.round((timedOut / devices) * 10_000) / 10_000).toBe(report.timedOutShare);
    // The fixture is calibrated so that about half the devices time out: the comparison covers both kinds.
    expect(timedOut).toBeGreaterThan(0);
    expect(timedOut).toBeLessThan(devices);
  });

  it('runs each index as its own device, the same one every time', async () => {
    const seconds = async (...extra: string[]) =>
      (JSON.parse((await cli('run', bundled, '--json', ...extra)).out) as { elapsedSeconds: number }).elapsedSeconds;
    const devices = await Promise.all([0, 1, 2, 3].map((i) => seconds('--plan-device', String(i))));
    expect(new Set(devices).size).toBeGreaterThan(1);
    expect(await seconds('--plan-device', '2')).toBe(devices[2]);
  });

  it('uses the scenario seed as the plan seed when --plan-seed is left out, as esp-sim plan does', async () => {
    const seed = (halfTimeoutDocument() as { seed: number }).seed;
    const a = await cli('timeline', file, '--plan-device', '5', '--format', 'json');
    const b = await cli('timeline', file, '--plan-device', '5', '--plan-seed', String(seed), '--format', 'json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('refuses a device index or seed out of range, and --plan-seed alone, as usage errors (exit 2)', async () => {
    for (const args of [
      ['--plan-device', '-1'],
      ['--plan-device', '1.5'],
      ['--plan-device', 'x'],
      ['--plan-device', '1000000'],
      ['--plan-device', '0', '--plan-seed', '4294967296'],
      ['--plan-seed', '3'],
    ]) {
      const result = await cli('run', file, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(/--plan-(device|seed)/);
      expect(result.out).toBe('');
    }
  });
});

describe('a scenario seed outside the planner range', () => {
  it('plans with its low 32 bits, says so, and the per-device runs follow it', async () => {
    for (const [written, used] of [
      [-5, 4294967291],
      [4294967296, 0],
    ] as const) {
      const path = join(scratch, `seed-${written}.json`);
      writeFileSync(path, JSON.stringify({ ...halfTimeoutDocument(), seed: written }));
      const text = await cli('plan', path, '--devices', '1', '--threads', '1');
      expect(text.code).toBe(0);
      expect(text.out.split('\n')[0]).toBe(`Half the devices time out: 1 simulated device (seed ${used}, one thread)`);
      const implicit = await cli('plan', path, '--devices', '20', '--threads', '1', '--json');
      const explicit = await cli('plan', path, '--devices', '20', '--seed', String(used), '--threads', '1', '--json');
      expect(implicit.out).toBe(explicit.out);
      const device = await cli('timeline', path, '--plan-device', '3', '--format', 'json');
      const named = await cli('timeline', path, '--plan-device', '3', '--plan-seed', String(used), '--format', 'json');
      expect(device.code).toBe(0);
      expect(device.out).toBe(named.out);
    }
  });
});
