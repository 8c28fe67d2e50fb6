/**
 * The timeout planner in-process: its figures against a plain loop of `simulate` over the same device scenarios,
 * its determinism, the variation model, and `esp-sim plan` through runCli (which, from source, has no built worker
 * and runs every device on this thread; process.test.ts runs the worker threads of the built CLI).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { simulate, viewAt } from '../../../electron/core/engine/simulate';
import { nearestRank, planInProcess, timeoutMinutesOf } from '../../../electron/core/planner/plan';
import { deviceScenario, deviceSeed, drawDevice } from '../../../electron/core/planner/variation';
import { defaultScenarioFile, halfTimeoutDocument, scenarioOf } from './fixtures';

const scratch = mkdtempSync(join(tmpdir(), 'esp-plan-'));
const defaultScenario = () => scenarioOf(JSON.parse(readFileSync(defaultScenarioFile, 'utf8')));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('the variation model', () => {
  it('gives every device its own seed, derived from the plan seed and the index', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deviceSeed(7, i)));
    expect(seeds.size).toBe(1000);
    expect(deviceSeed(7, 3)).toBe(deviceSeed(7, 3));
    expect(deviceSeed(7, 3)).not.toBe(deviceSeed(8, 3));
  });

  it('applies bandwidth to downloads and the factor to install times, leaving the input alone', () => {
    const scenario = defaultScenario();
    const before = JSON.stringify(scenario);
    const device = deviceScenario(scenario, 7, 5);
    const draw = drawDevice(scenario, 7, 5);
    expect(JSON.stringify(scenario)).toBe(before);
    expect(device.seed).toBe(deviceSeed(7, 5));
    for (const app of scenario.tenant.apps) {
      const d = draw.apps[app.id]!;
      const b = device.simulation.apps[app.id]!;
      // The engine downloads at 12 MB/s: downloadMB / 12 = downloadMB × 8 / bandwidth.
      expect(b.downloadMB! / 12).toBeCloseTo((d.downloadMB * 8) / draw.bandwidthMbps, 9);
      expect(b.installSeconds).toBe(Math.max(1, Math.round(d.installSeconds * d.installTimeFactor)));
    }
  });

  it('keeps figures the scenario gives, and spreads them log-normally around the median', () => {
    const scenario = scenarioOf(halfTimeoutDocument());
    const factors = Array.from({ length: 2000 }, (_, i) => drawDevice(scenario, 1, i).apps['big']!.installTimeFactor);
    expect(drawDevice(scenario, 1, 0).apps['big']!.installSeconds).toBe(540);
    expect(drawDevice(scenario, 1, 0).bandwidthMbps).toBe(96); // sigma 0
    const logs = factors.map(Math.log);
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeGreaterThan(0.27);
    expect(sd).toBeLessThan(0.33);
  });
});

describe('esp-sim plan, in-process', () => {
  it('reports the percentiles and timeout share of a plain simulate loop over the same devices', () => {
    const scenario = defaultScenario();
    const devices = 60;
    const plan = planInProcess(scenario, devices, 11);
    const durations: number[] = [];
    let timedOut = 0;
    for (let i = 0; i < devices; i++) {
      const run = simulate(deviceScenario(scenario, 11, i));
      const end = run.waitingForUser ? run.endT : (run.espEndedAt ?? run.endT);
      durations.push(end);
      if (viewAt(run, end).outcome === 'timedOut') timedOut++;
    }
    const sorted = [...durations].sort((a, b) => a - b);
    const minutes = (p: number) => Math.round((sorted[Math.ceil((p / 100) * devices) - 1]! / 60) * 100) / 100;
    expect(plan.report.durationMinutes).toEqual({ p50: minutes(50), p90: minutes(90), p99: minutes(99) });
    expect(plan.report.timedOutShare).toBe(timedOut / devices);
    expect(Array.from(plan.durationsSeconds)).toEqual(durations);
    expect(plan.report.devices).toBe(devices);
    expect(plan.report.timeoutMinutes).toBe(60);
  });

  it('lists the apps the ESP waits on, longest median first', () => {
    const plan = planInProcess(defaultScenario(), 40, 2);
    const medians = plan.report.byApp.map((a) => a.medianSeconds);
    expect(medians).toEqual([...medians].sort((a, b) => b - a));
    expect(plan.report.byApp.map((a) => a.displayName).sort()).toEqual([
      'Company Portal',
      'Contoso Expenses',
      'Contoso VPN Client',
      'Microsoft Teams',
    ]);
    expect(Object.keys(plan.report.byApp[0]!)).toEqual(['id', 'displayName', 'medianSeconds']);
  });

  it('finds the share of devices that time out on a scenario built to time out about half the time', () => {
    const scenario = scenarioOf(halfTimeoutDocument());
    const devices = 120;
    const plan = planInProcess(scenario, devices, 5);
    let timedOut = 0;
    for (let i = 0; i < devices; i++) {
      const run = simulate(deviceScenario(scenario, 5, i));
      if (viewAt(run, run.endT).outcome === 'timedOut') timedOut++;
    }
    expect(plan.report.timeoutMinutes).toBe(10);
    expect(plan.report.timedOutShare).toBe(Math.round((timedOut / devices) * 10_000) / 10_000);
    // The count is exact, not the rounded share times the devices.
    expect(plan.report.timedOutDevices).toBe(timedOut);
    expect(plan.report.timedOutShare).toBeGreaterThan(0.3);
    expect(plan.report.timedOutShare).toBeLessThan(0.7);
  });

  it('adds 40 minutes to the timeout for hybrid join', () => {
    const document = halfTimeoutDocument();
    document['deployment'] = { mode: 'userDriven', join: 'hybrid' };
    expect(timeoutMinutesOf(scenarioOf(document))).toBe(50);
  });

  it('nearest-rank percentiles', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect([nearestRank(values, 50), nearestRank(values, 90), nearestRank(values, 99)]).toEqual([5, 9, 10]);
    expect(nearestRank([42], 99)).toBe(42);
  });

  it('prints the same JSON for the same seed, and other figures for another seed', async () => {
    const file = join(scratch, 'half.json');
    writeFileSync(file, JSON.stringify(halfTimeoutDocument()));
    const a = await cli('plan', file, '--devices', '80', '--seed', '9', '--json');
    const b = await cli('plan', file, '--devices', '80', '--seed', '9', '--json');
    const c = await cli('plan', file, '--devices', '80', '--seed', '10', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const [ja, jc] = [JSON.parse(a.out), JSON.parse(c.out)];
    expect(Object.keys(ja)).toEqual([
      'devices',
      'timeoutMinutes',
      'durationMinutes',
      'timedOutShare',
      'timedOutDevices',
      'byApp',
    ]);
    expect(Object.keys(ja.durationMinutes)).toEqual(['p50', 'p90', 'p99']);
    expect(jc).not.toEqual(ja);
    // Without --seed, the scenario's seed.
    const d = await cli('plan', file, '--devices', '80', '--json');
    const e = await cli('plan', file, '--devices', '80', '--seed', '3', '--json');
    expect(d.out).toBe(e.out);
  });

  it('prints percentiles, the timeout share, a histogram and the apps in the text form', async () => {
    const result = await cli('plan', defaultScenarioFile, '--devices', '50', '--seed', '1');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Contoso user-driven, everything succeeds: 50 simulated devices \(seed 1, one thread\)\n/,
    );
    expect(result.out).toMatch(/\nESP duration: p50 \d+\.\d min, p90 \d+\.\d min, p99 \d+\.\d min\n/);
    expect(result.out).toMatch(
      /\ntimeout: 60 min, for each part of the ESP \(device, Account setup\); 0\.0 % of devices time out \(0 of 50\)\n/,
    );
    const bars = result.out.split('\n').filter((l) => /^\s+\d+–\d+ min #* +\d+/.test(l));
    expect(bars.length).toBeGreaterThan(1);
    expect(bars.reduce((n, l) => n + Number(/(\d+)\s*$/.exec(l)![1]), 0)).toBe(50);
    expect(result.out).toMatch(/\n {2}Microsoft Teams \(c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02\) +\d/);
  });

  it('refuses a command line it cannot use (exit 2) and an invalid scenario (exit 1)', async () => {
    expect((await cli('plan', defaultScenarioFile)).code).toBe(2); // no --devices
    expect((await cli('plan', defaultScenarioFile, '--devices', '0')).code).toBe(2);
    expect((await cli('plan', defaultScenarioFile, '--devices', 'ten')).code).toBe(2);
    expect((await cli('plan', defaultScenarioFile, '--devices', '5', '--seed', '-1')).code).toBe(2);
    expect((await cli('plan', defaultScenarioFile, '--devices', '5', '--threads', '0')).code).toBe(2);
    expect((await cli('plan', defaultScenarioFile, '--devices', '5', '--fast')).code).toBe(2);
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 1, "deployment": {"mode": "nope"}}');
    const invalid = await cli('plan', bad, '--devices', '5');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/^\S+ is not a valid scenario:\ndeployment\.mode: /);
  });
});

describe('the variation fields of the scenario', () => {
  it('fills what simulation.variation leaves out, and leaves scenarios without it as they were', () => {
    const document = halfTimeoutDocument();
    const scenario = scenarioOf(document);
    expect(scenario.simulation.variation).toEqual({
      bandwidthMbps: { median: 96, sigma: 0 },
      installTimeFactor: { median: 1, sigma: 0.25 },
    });
    expect(scenario.simulation.apps['big']!.installTimeFactor).toEqual({ median: 1, sigma: 0.3 });
    const plain = defaultScenario();
    expect('variation' in plain.simulation).toBe(false);
  });

  it('refuses a spread it cannot use, naming the path', async () => {
    const { validateScenario } = await import('../../../electron/core/scenario/validate');
    const document = halfTimeoutDocument();
    document['simulation'] = {
      apps: { big: { installTimeFactor: { median: 0, sigma: 0.3 } } },
      variation: { bandwidthMbps: { median: 50, sigma: -1 }, jitter: 2 },
    };
    const result = validateScenario(document);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'simulation.apps.big.installTimeFactor.median',
        'simulation.variation.bandwidthMbps.sigma',
      ]),
    );
    expect(paths.some((p) => p.startsWith('simulation.variation'))).toBe(true);
  });
});
