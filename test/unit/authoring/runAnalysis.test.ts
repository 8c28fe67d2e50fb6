/**
 * The operator host's `runAnalysis` (the console's Run view) on a failing bundled scenario: the phases with their
 * labels, the failing app with the code the ESP shows, the time bar adding up to the run's duration, and the
 * cause diagnosed from the bundle generated in memory, its evidence lines in the files sent for the viewer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunAnalysisView, RunComparison } from '../../../shared/runView';
import { createOperatorHost } from '../../../electron/core/authoring/operatorHost';
import { silentLogger } from '../../../electron/core/logging/logger';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import { Session } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';

const root = join(import.meta.dirname, '..', '..', '..');
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

async function hostOn(file: string) {
  const folder = mkdtempSync(join(tmpdir(), 'esp-runview-'));
  const path = join(root, 'resources', 'scenarios', file);
  const loaded = await loadScenarioFile(path);
  if (loaded.kind !== 'valid') throw new Error(`${file} does not load`);
  const session = new Session({ scenario: loaded.scenario, clock: new ManualClock(), autoStart: false });
  cleanup.push(() => {
    session.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
  const host = createOperatorHost({
    session,
    logger: silentLogger,
    libraryFolder: folder,
    resourcesDir: join(root, 'resources'),
    startupFile: path,
  });
  return host;
}

async function analysisOf(file: string): Promise<RunAnalysisView> {
  const result = await (await hostOn(file)).handle({ type: 'runAnalysis' });
  if (!result.ok) throw new Error(result.error);
  return result.value as RunAnalysisView;
}

describe('runAnalysis', () => {
  it('tells where the time went and what went wrong in a run where Teams fails with 1603', async () => {
    const view = await analysisOf('user-driven-app-fails.json');
    expect(view.phases.find((p) => p.id === 'deviceSetup')).toMatchObject({ status: 'Failed' });
    expect(view.phases.find((p) => p.id === 'devicePreparation')).toMatchObject({ status: 'Succeeded' });
    const teams = view.apps.find((a) => a.displayName === 'Microsoft Teams')!;
    expect(teams.failure).toBe('0x80070643');
    expect(teams.attempts[0]!.result).toBe('Failed (0x80070643)');
    expect(view.activities.some((a) => a.text.startsWith('Installing Microsoft Teams, attempt 1'))).toBe(true);

    const { segments, duration } = view.attribution;
    expect(duration).toBeGreaterThan(0);
    expect(segments.reduce((sum, s) => sum + s.seconds, 0)).toBe(duration);
    expect(view.attribution.blockingApps[0]!.seconds).toBeGreaterThanOrEqual(
      view.attribution.blockingApps.at(-1)!.seconds,
    );

    const d = view.diagnosis!;
    expect(d).toMatchObject({ kind: 'appInstallFailed', appName: 'Microsoft Teams', code: '1603' });
    expect(d.steps.length).toBeGreaterThan(0);
    expect(d.evidence.length).toBeGreaterThan(0);
    for (const e of d.evidence) {
      const file = view.files.find((f) => f.name === e.file)!;
      expect(file.lines[e.line - 1]).toBe(e.text);
    }
    expect(view.exports.csv.split('\r\n')[0]).toBe('t,clock,type,phase,item,appId,status,detail');
    expect(JSON.parse(view.exports.json)).toHaveLength(view.exports.csv.trim().split('\r\n').length - 1);
  });

  it('has no diagnosis for a run that succeeds, and an "After the ESP" phase when the run goes on', async () => {
    const view = await analysisOf('default.json');
    expect(view.diagnosis).toBeNull();
    expect(view.files).toEqual([]);
    expect(view.phases.every((p) => p.status !== 'Failed')).toBe(true);
  });

  it('compares the run with another library entry run with the same seed, and finds where they diverge', async () => {
    const host = await hostOn('user-driven-app-fails.json');
    const same = await host.handle({ type: 'compareRuns', id: 'bundled:user-driven-app-fails' });
    expect(same).toMatchObject({ ok: true, value: { firstDifference: null } });
    const other = await host.handle({ type: 'compareRuns', id: 'bundled:default' });
    if (!other.ok) throw new Error(other.error);
    const comparison = other.value as RunComparison;
    expect(comparison.firstDifference).not.toBeNull();
    expect(comparison.a.scenarioName).toBe('User-driven: Teams fails with 1603');
    expect(comparison.b.frames[0]!.t).toBe(0);
    expect(await host.handle({ type: 'compareRuns', id: 'bundled:no-such-entry' })).toMatchObject({ ok: false });
  });

  it('follows retries: "Installing Contoso VPN Client, attempt 2 of 3" after a wait for the retry', async () => {
    const view = await analysisOf('msi-win32-1618-conflict.json');
    const texts = view.activities.map((a) => a.text);
    expect(texts).toContain('Waiting to retry Contoso VPN Client, attempt 2 of 3');
    expect(texts).toContain('Installing Contoso VPN Client, attempt 2 of 3');
  });
});
