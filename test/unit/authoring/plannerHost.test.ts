/**
 * The console's Timeout planner page, host side (electron/core/authoring/plannerHost.ts through OperatorHost): the
 * figures it shows are `esp-sim plan`'s for the scenario on the device screen, one plan runs at a time, and a plan
 * that fails is refused in people's words.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorResult } from '../../../shared/contract';
import type { TimeoutPlan } from '../../../shared/planner';
import { createOperatorHost, OperatorHost } from '../../../electron/core/authoring/operatorHost';
import { runCli } from '../../../electron/cli/commands';
import { silentLogger } from '../../../electron/core/logging/logger';
import { durationHistogram } from '../../../electron/core/planner/histogram';
import { planInProcess } from '../../../electron/core/planner/plan';
import { ScenarioLibrary } from '../../../electron/core/scenario/library';
import { Session } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';
import { halfTimeoutDocument, root, scenarioOf } from '../planner/fixtures';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

function setup(document: Record<string, unknown>, plannerWorkerFile?: string | null) {
  const folder = mkdtempSync(join(tmpdir(), 'esp-planner-host-'));
  const file = join(folder, 'scenario.json');
  writeFileSync(file, JSON.stringify(document));
  const scenario = scenarioOf(document);
  const session = new Session({ scenario, clock: new ManualClock(), autoStart: false });
  const host =
    plannerWorkerFile === undefined
      ? createOperatorHost({
          session,
          logger: silentLogger,
          libraryFolder: join(folder, 'library'),
          resourcesDir: join(root, 'resources'),
          startupFile: file,
        })
      : new OperatorHost({
          library: new ScenarioLibrary({
            folder: join(folder, 'library'),
            bundledFolder: join(root, 'resources', 'scenarios'),
            startupFile: file,
            logger: silentLogger,
          }),
          session,
          logger: silentLogger,
          startupId: null,
          plannerWorkerFile,
        });
  cleanup.push(() => {
    session.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
  return { host, session, file, scenario };
}

const plan = (host: OperatorHost, devices: number, seed: number) =>
  host.handle({ type: 'planTimeouts', devices, seed }) as Promise<OperatorResult<TimeoutPlan>>;

describe('the Timeout planner page', () => {
  it('shows the figures esp-sim plan --json prints, and planInProcess computes, for the same scenario and seed', async () => {
    const { host, file, scenario } = setup(halfTimeoutDocument());
    const answer = await plan(host, 150, 7);
    if (!answer.ok) throw new Error(answer.error);
    const expected = planInProcess(scenario, 150, 7);
    expect(answer.value.report).toEqual(expected.report);
    expect(answer.value.histogram).toEqual(
      durationHistogram(expected.durationsSeconds, expected.report.timeoutMinutes),
    );
    expect(answer.value.histogram.bins.reduce((n, b) => n + b.devices, 0)).toBe(150);

    let out = '';
    const code = await runCli(['plan', file, '--devices', '150', '--seed', '7', '--json'], {
      out: (t) => (out += t),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(answer.value.report);
    expect(JSON.stringify(answer.value.report, null, 2) + '\n').toBe(out);
  });

  it('says where the timeout comes from, with the 40 minutes hybrid join adds', async () => {
    const hybrid = halfTimeoutDocument();
    hybrid['deployment'] = { mode: 'userDriven', join: 'hybrid' };
    const answer = await plan(setup(hybrid).host, 5, 1);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.value.timeout).toEqual({
      minutes: 50,
      profileMinutes: 10,
      profileName: 'Ten-minute ESP',
      hybridExtraMinutes: 40,
    });
    expect(answer.value.report.timeoutMinutes).toBe(50);
  });

  it('lists the spreads the devices drew from: written, defaulted and per app', async () => {
    const answer = await plan(setup(halfTimeoutDocument()).host, 3, 1);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.value.distributions).toEqual({
      bandwidthMbps: { median: 96, sigma: 0, isDefault: false },
      installTimeFactor: { median: 1, sigma: 0.25, isDefault: true },
      appOverrides: [{ id: 'big', displayName: 'Big app', installTimeFactor: { median: 1, sigma: 0.3 } }],
    });
    const plain = halfTimeoutDocument();
    plain['simulation'] = { apps: { big: { installSeconds: 540, downloadMB: 0 } } };
    const defaulted = await plan(setup(plain).host, 3, 1);
    if (!defaulted.ok) throw new Error(defaulted.error);
    expect(defaulted.value.distributions).toEqual({
      bandwidthMbps: { median: 96, sigma: 0.5, isDefault: true },
      installTimeFactor: { median: 1, sigma: 0.25, isDefault: true },
      appOverrides: [],
    });
  });

  it('refuses a second plan while one runs, and plans again once it is done', async () => {
    const { host } = setup(halfTimeoutDocument());
    const first = plan(host, 40, 2);
    const second = await plan(host, 40, 3);
    expect(second).toEqual({
      ok: false,
      error: 'a plan is already running: wait for it to finish, then run this one',
    });
    expect((await first).ok).toBe(true);
    expect((await plan(host, 40, 3)).ok).toBe(true);
  });

  it('answers the console’s other requests while a plan runs', async () => {
    const { host } = setup(halfTimeoutDocument());
    const planning = plan(host, 60, 2);
    const listed = await host.handle({ type: 'listLibrary' });
    expect(listed.ok).toBe(true);
    expect((await planning).ok).toBe(true);
  });

  it('plans the scenario as edited on the device screen', async () => {
    const { host } = setup(halfTimeoutDocument());
    const edited = halfTimeoutDocument();
    edited['name'] = 'Edited';
    (
      edited['tenant'] as { enrollmentStatusPageProfiles: { installProgressTimeoutInMinutes: number }[] }
    ).enrollmentStatusPageProfiles[0]!.installProgressTimeoutInMinutes = 30;
    const file = { name: 'mine.json', base64: Buffer.from(JSON.stringify(halfTimeoutDocument())).toString('base64') };
    const opened = (await host.handle({ type: 'importScenario', file })) as OperatorResult<{ entry: { id: string } }>;
    if (!opened.ok) throw new Error(opened.error);
    // Not awaited: the plan still plans the edit, which arrived before it.
    void host.handle({ type: 'previewEdit', id: opened.value.entry.id, document: edited });
    const answer = await plan(host, 20, 1);
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.value.scenarioName).toBe('Edited');
    expect(answer.value.report.timeoutMinutes).toBe(30);
  });

  it('refuses a plan that cannot run in people’s words, with no stack trace', async () => {
    const { host } = setup(halfTimeoutDocument(), join(root, 'no-such-planner-worker.mjs'));
    const answer = await plan(host, 30, 1);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatch(/^the plan could not finish \(.+\); nothing was changed, you can run it again$/s);
    expect(answer.error).not.toMatch(/\n\s+at /);
    // The next plan is not refused as "already running".
    expect((await plan(host, 30, 1)).ok).toBe(false);
    expect(((await plan(host, 30, 1)) as { error: string }).error).not.toMatch(/already running/);
  });

  it('refuses devices and seeds out of range even when called past the contract', async () => {
    const { host } = setup(halfTimeoutDocument());
    for (const [devices, seed] of [
      [0, 1],
      [1_000_001, 1],
      [1.5, 1],
      [5, -1],
      [5, 2 ** 32],
      [5, 0.5],
    ] as const) {
      const answer = await plan(host, devices, seed);
      expect(answer.ok, `${devices} devices, seed ${seed}`).toBe(false);
    }
  });
});
