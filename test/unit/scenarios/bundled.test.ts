/**
 * Every bundled scenario shows what its name promises. These run the real files through the
 * loader and the engine, the way `esp-sim run` and the app do.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../../electron/core/engine/simulate';
import { simulate, viewAt } from '../../../electron/core/engine/simulate';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { Scenario } from '../../../electron/core/scenario/model';
import type { UserAction } from '../../../shared/actions';
import { runHeadless } from '../../../electron/cli/respond';
import type { RunReport } from '../../../electron/cli/report';
import { runReport } from '../../../electron/cli/report';

const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');

async function load(name: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(join(dir, name));
  if (loaded.kind !== 'valid') throw new Error(`${name}: ${JSON.stringify(loaded)}`);
  return loaded.scenario;
}

async function report(
  name: string,
  responses: UserAction[] = [],
): Promise<{ report: RunReport; run: Run; scenario: Scenario }> {
  const scenario = await load(name);
  const result = runHeadless(scenario, responses);
  return { report: runReport(scenario, result.run), run: result.run, scenario };
}

const item = (r: RunReport, phase: keyof RunReport['phases'], id: string) =>
  r.phases[phase].items.find((i) => i.id === id)!;
const screens = (run: Run) => run.steps.map((s) => s.view.screen.kind).filter((k, i, all) => k !== all[i - 1]);

describe('the bundled scenarios', () => {
  it('are at least twelve, and every one is valid', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) expect((await loadScenarioFile(join(dir, file))).kind, file).toBe('valid');
  });

  it('user-driven-app-fails: Teams fails with the custom message, and Try again succeeds (§1.9)', async () => {
    const { report: r } = await report('user-driven-app-fails.json');
    expect(r.outcome).toBe('failed');
    expect(r.errorScreen?.message).toMatch(/^Setup could not finish\. Please call the Contoso service desk/);
    expect(r.errorScreen?.actions).toEqual(['resetDevice', 'tryAgain', 'continueAnyway', 'viewDiagnostics']);
    const failure = r.timeline.find((e) => e.type === 'appInstallCompleted' && e.result === 'failed');
    expect(failure).toMatchObject({ exitCode: 1603 });
    expect((await report('user-driven-app-fails.json', ['tryAgain'])).report.outcome).toBe('succeeded');
  });

  it('hybrid-join: restarts after Device setup and signs in with domain credentials (§7.3)', async () => {
    const { run, report: r } = await report('hybrid-join.json');
    expect(r.outcome).toBe('succeeded');
    expect(screens(run)).toEqual(['esp', 'restarting', 'signIn', 'firstSignIn', 'esp', 'desktop']);
    const signIn = run.steps.find((s) => s.view.screen.kind === 'signIn')!.view.screen;
    expect(signIn).toEqual({ kind: 'signIn', prefilledUser: null, domain: true });
  });

  it('hybrid-join: the timer is the profile minutes plus 40 (§1.11)', async () => {
    const scenario = await load('hybrid-join.json');
    scenario.simulation.apps[scenario.tenant.apps[1]!.id] = { installSeconds: 99_999, downloadMB: 0, exitCodes: [0] };
    const run = simulate(scenario);
    expect(run.timeline.find((e) => e.type === 'timeout')).toMatchObject({ minutes: 100 });
  });

  it('self-deploying-kiosk: no Account setup and the device ends in the kiosk (§7.7)', async () => {
    const { run, report: r } = await report('self-deploying-kiosk.json');
    expect(r.espShown).toEqual({ device: true, user: false });
    expect(r.phases.accountSetup.status).toBe('notRun');
    expect(item(r, 'devicePreparation', 'tpm').text).toBe('Securing your hardware (Complete)');
    expect(item(r, 'deviceSetup', 'securityPolicies').text).toBe('Security policies (3 of 3 applied)');
    expect(viewAt(run, run.endT).screen).toEqual({ kind: 'kiosk', appName: 'Contoso Visitor Kiosk' });
  });

  it('self-deploying-tpm-failure: Failed: 0x800705b4 then Previous step failed (§7.7)', async () => {
    const { report: r } = await report('self-deploying-tpm-failure.json');
    expect(r.phases.devicePreparation.items.map((i) => i.text)).toEqual([
      'Securing your hardware (Failed: 0x800705b4)',
      "Joining your organization's network (Previous step failed)",
      'Registering your device for mobile management (Previous step failed)',
      'Preparing your device for mobile management (Previous step failed)',
    ]);
    expect(r.phases.deviceSetup.status).toBe('previousStepFailed');
  });

  it('pre-provisioning-success: the technician flow ends on the green page with Reseal (§7.6)', async () => {
    const { run, report: r } = await report('pre-provisioning-success.json');
    expect(screens(run)).toEqual([
      'preProvisioningOptions',
      'preProvisioningConfiguration',
      'esp',
      'preProvisioningResult',
    ]);
    const end = viewAt(run, run.endT).screen;
    expect(end).toMatchObject({ kind: 'preProvisioningResult', success: true, actions: ['reseal'] });
    expect(r.espShown.user).toBe(false);
    // allowNonBlockingAppInstallation: Company Portal is installed though not waited on.
    const portal = r.timeline.find(
      (e) => e.type === 'appInstallCompleted' && e.appId === 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e03',
    );
    expect(portal).toBeDefined();
    expect(item(r, 'deviceSetup', 'apps').text).toBe('Apps (2 of 2 installed)');
  });

  it('pre-provisioning-success: after Reseal the user flow runs the ESP again, then Account setup (§7.6)', async () => {
    const scenario = await load('pre-provisioning-success.json');
    const first = simulate(scenario);
    const resealed = simulate(scenario, [{ t: first.endT + 20, action: 'reseal' }]);
    const kinds = screens(resealed);
    expect(kinds.slice(kinds.indexOf('shutDown'))).toEqual(['shutDown', 'esp', 'firstSignIn', 'esp', 'desktop']);
    expect(viewAt(resealed, resealed.endT).outcome).toBe('succeeded');
  });

  it('pre-provisioning-app-failure: the red page offers Retry, Reset and Collect logs (§7.6)', async () => {
    const { run, report: r } = await report('pre-provisioning-app-failure.json');
    expect(viewAt(run, run.endT).screen).toMatchObject({
      kind: 'preProvisioningResult',
      success: false,
      actions: ['retry', 'reset', 'collectLogs'],
    });
    expect(r.errorScreen?.actions).toEqual(['resetDevice', 'tryAgain', 'collectLogs']);
    expect((await report('pre-provisioning-app-failure.json', ['tryAgain'])).report.outcome).toBe('succeeded');
  });

  it('entra-join-oobe: a plain OOBE join shows the ESP for a profile not limited to Autopilot (§1.1)', async () => {
    const { report: r } = await report('entra-join-oobe.json');
    expect(r.outcome).toBe('succeeded');
    expect(r.espShown).toEqual({ device: true, user: true });
  });

  it('quality-updates: checks, downloads, installs, restarts, and the user signs in again (§1.13)', async () => {
    const { run } = await report('quality-updates.json');
    const stages = run.steps
      .map((s) => s.view.screen)
      .filter((s) => s.kind === 'qualityUpdates')
      .map((s) => ('stage' in s ? s.stage : ''))
      .filter((k, i, all) => k !== all[i - 1]);
    expect(stages).toEqual(['checking', 'downloading', 'installing', 'restarting']);
    expect(screens(run)).toEqual(['esp', 'qualityUpdates', 'signIn', 'firstSignIn', 'esp', 'desktop']);
  });

  it('block-device-use-no: offers Continue anyway while Device setup runs (§1.10)', async () => {
    const scenario = await load('block-device-use-no.json');
    const run = simulate(scenario);
    const offered = run.steps.find((s) => s.view.continueAnywayWhileRunning)!;
    const left = simulate(scenario, [{ t: offered.t + 30, action: 'continueAnywayWhileRunning' }]);
    const end = viewAt(left, left.endT);
    expect(end.outcome).toBe('continuedAnyway');
    expect(end.screen.kind).toBe('desktop');
  });

  it('selected-blocking-apps: only the selected apps are tracked; the others install after the ESP (article)', async () => {
    const { report: r } = await report('selected-blocking-apps.json');
    expect(item(r, 'deviceSetup', 'apps').tracked).toEqual([
      'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01',
      'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02',
    ]);
    expect(r.deferredApps.sort()).toEqual([
      'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e03',
      'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e04',
    ]);
    const afterEsp = r.timeline.filter((e) => e.type === 'appInstallStarted' && e.phase === 'afterEsp');
    expect(afterEsp).toHaveLength(2);
  });

  it('msi-win32-1618-conflict: 1618 is retried three times, five minutes apart, then fails (§7.1, §5.3)', async () => {
    const { report: r } = await report('msi-win32-1618-conflict.json');
    const attempts = r.timeline.filter(
      (e) => e.type === 'appInstallCompleted' && e.appId === 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01',
    );
    expect(attempts.map((e) => ('exitCode' in e ? e.exitCode : 0))).toEqual([1618, 1618, 1618]);
    const starts = r.timeline.filter(
      (e) => e.type === 'appInstallStarted' && e.appId === 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01',
    );
    expect(starts[1]!.t - attempts[0]!.t).toBe(300);
    expect(r.outcome).toBe('failed');
  });

  it('packaged-reboot-hang: the device restarts behind the ESP, which times out (§7.2)', async () => {
    const { run, report: r } = await report('packaged-reboot-hang.json');
    expect(screens(run)).toContain('restarting');
    expect(r.outcome).toBe('timedOut');
    expect(r.timeline.find((e) => e.type === 'timeout')).toMatchObject({ minutes: 30 });
  });

  it('declared-reboot-sign-in: a 3010 in Device setup restarts and asks for credentials, not prefilled (§7.5)', async () => {
    const { run, report: r } = await report('declared-reboot-sign-in.json');
    expect(r.outcome).toBe('succeeded');
    expect(screens(run)).toEqual(['esp', 'restarting', 'signIn', 'firstSignIn', 'esp', 'desktop']);
    expect(run.steps.find((s) => s.view.screen.kind === 'signIn')!.view.screen).toMatchObject({
      prefilledUser: null,
      domain: false,
    });
  });

  it('identifying-unlicensed-user: Account setup stays on Identifying until the timeout (§7.4)', async () => {
    const { run, report: r } = await report('identifying-unlicensed-user.json');
    expect(r.outcome).toBe('timedOut');
    const before = viewAt(run, run.endT - 1);
    const apps = before.phases[2]!.items.find((i) => i.id === 'apps')!;
    expect(apps.text).toBe('Apps (Identifying)');
  });

  it('office-hang: Microsoft 365 Apps never finishes and the ESP times out (§7.8)', async () => {
    const { report: r } = await report('office-hang.json');
    expect(r.outcome).toBe('timedOut');
    expect(
      r.timeline.some((e) => e.type === 'appInstallCompleted' && e.appId === 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e06'),
    ).toBe(false);
  });

  it('network-outage: downloads stall for the outage and the ESP still finishes', async () => {
    const scenario = await load('network-outage.json');
    const withOutage = simulate(scenario);
    const without = simulate({ ...scenario, simulation: { ...scenario.simulation, faults: [] } });
    expect(viewAt(withOutage, withOutage.endT).outcome).toBe('succeeded');
    expect(withOutage.espEndedAt! - without.espEndedAt!).toBeGreaterThan(600);
  });

  it('certificate-fails: the Certificates row shows the failure code and Device setup fails (§1.4, §7.8)', async () => {
    const { report: r } = await report('certificate-fails.json');
    expect(item(r, 'deviceSetup', 'certificates')).toMatchObject({
      status: 'failed',
      text: 'Certificates (0x87d1fde8)',
    });
    expect(r.outcome).toBe('failed');
  });

  it('esp-provider-timeout: Preparing your device fails after 15 minutes (§1.11)', async () => {
    const { report: r } = await report('esp-provider-timeout.json');
    const failed = r.timeline.find(
      (e) => e.type === 'itemChanged' && e.item === 'espProvider' && e.status === 'failed',
    )!;
    const started = r.timeline.find(
      (e) => e.type === 'itemChanged' && e.item === 'espProvider' && e.status === 'inProgress',
    )!;
    expect(failed.t - started.t).toBe(900);
    expect(item(r, 'devicePreparation', 'espProvider').text).toBe(
      'Preparing your device for mobile management (Failed: 0x800705b4)',
    );
    expect(r.errorScreen?.actions).toContain('collectLogs'); // Windows 10
  });

  it('esp-not-shown: the default profile hides progress; apps install behind the desktop (§5.1)', async () => {
    const { run, report: r } = await report('esp-not-shown.json');
    expect(r.outcome).toBe('notShown');
    expect(r.profile?.targetedBy).toBe('default');
    expect(screens(run)).not.toContain('esp');
    expect(r.deferredApps).toHaveLength(4);
  });
});
