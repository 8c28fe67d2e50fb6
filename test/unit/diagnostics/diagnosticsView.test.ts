/**
 * The Windows 11 diagnostics page (§2.2) as the run fills it: what a support engineer reads first
 * on a failed device.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticsView } from '../../../electron/core/diagnostics/diagnosticsView';
import type { DiagnosticsEvent } from '../../../shared/snapshot';
import { runOf, selfDeployingScenario, successScenario, teamsFailsScenario } from '../logbundle/fixtures';

const allEvents = (view: ReturnType<typeof diagnosticsView>): DiagnosticsEvent[] => [
  ...view.deployment.flatMap((c) => c.events),
  ...view.appsAndPolicies.flatMap((c) => [...c.apps, ...c.policies].flatMap((r) => r.events)),
];

describe('deployment info of a failed run', () => {
  const scenario = teamsFailsScenario();
  const run = runOf(scenario);
  const view = diagnosticsView(scenario, run, run.endT);

  it('has the documented categories first, then one per ESP phase', () => {
    expect(view.deployment.map((c) => c.categoryName)).toEqual([
      'Network Connectivity',
      'Autopilot Settings',
      'Enrollment Status',
      'Device preparation',
      'Device setup',
      'Account setup',
    ]);
  });

  it('Device setup is an error, its Apps row says Error with the row text; Account setup shows the previous step failed', () => {
    const setup = view.deployment.find((c) => c.categoryName === 'Device setup')!;
    expect(setup.status).toBe(1);
    const apps = setup.events.find((e) => e.eventName === 'Apps')!;
    expect(apps).toMatchObject({ status: 1, details: 'Apps (0x80070643)' });
    expect(apps.finishTime).not.toBe('');
    const account = view.deployment.find((c) => c.categoryName === 'Account setup')!;
    expect(account.status).toBe(3);
    expect(account.events.every((e) => e.status === 3 && e.details.endsWith('(Previous step failed)'))).toBe(true);
    expect(view.deployment.find((c) => c.categoryName === 'Device preparation')!.status).toBe(5);
  });

  it('Enrollment Status names the profile and the error message', () => {
    const status = view.deployment.find((c) => c.categoryName === 'Enrollment Status')!;
    expect(status.events[0]).toMatchObject({ eventName: 'Enrollment Status Page profile', status: 5 });
    // Named once: the reason of a targeted profile starts with its name.
    expect(status.events[0]!.details).toBe(
      '"Contoso ESP" (priority 1) is assigned to group "Autopilot devices", which contains this device',
    );
    const device = status.events.find((e) => e.eventName === 'Enrollment Status Page (device)')!;
    expect(device.status).toBe(1);
    expect(device.details).toBe(
      'Setup could not be completed. Please try again or contact your support person for help.',
    );
  });

  it('only status codes 1–7, and times print as the page does (M/D/YYYY h:mm:ss AM)', () => {
    for (const e of allEvents(view)) {
      expect([1, 2, 3, 4, 5, 6, 7]).toContain(e.status);
      for (const time of [e.startTime, e.finishTime])
        if (time) expect(time).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
    }
  });

  it('apps and policies: each tracked app with its download and install, the EntDMID policy applied', () => {
    const setup = view.appsAndPolicies.find((c) => c.categoryName === 'Device setup')!;
    expect(setup.apps.map((a) => a.resourceName)).toEqual(['Contoso VPN', 'Microsoft Teams']);
    const vpn = setup.apps[0]!;
    expect(vpn.events.map((e) => [e.eventName, e.status])).toEqual([
      ['Download', 5],
      ['Install', 5],
    ]);
    expect(vpn.events[1]!.details).toBe('Exit code 0: Success');
    expect(setup.policies).toEqual([expect.objectContaining({ resourceName: 'EntDMID' })]);
    expect(setup.policies[0]!.events[0]!.status).toBe(5);
  });

  it('configuration info carries the profile settings and the device', () => {
    const esp = view.configuration.find((c) => c.categoryName === 'Enrollment Status Page settings')!;
    const value = (name: string) => esp.items.find((i) => i.propertyName === name)?.value;
    expect(value('Profile')).toBe('Contoso ESP');
    expect(value('Show an error when installation takes longer than specified number of minutes')).toBe('45');
    expect(value('Allow users to reset device if installation error occurs')).toBe('Yes');
    expect(value('BlockInStatusPage')).toBe('0x3');
    const device = view.configuration.find((c) => c.categoryName === 'Device info')!;
    expect(device.items).toContainEqual({ propertyName: 'Serial number', value: 'SN-0001-TEST' });
    const autopilot = view.configuration.find((c) => c.categoryName === 'Autopilot profile')!;
    expect(autopilot.items).toContainEqual({ propertyName: 'Deployment mode', value: 'User-driven' });
  });
});

describe('the page follows the run', () => {
  it('while Teams installs, its Install event is still working on it (4) with no finish time', () => {
    const scenario = teamsFailsScenario();
    const run = runOf(scenario);
    const started = run.timeline.find((e) => e.type === 'appInstallStarted' && e.appId === 'teams')!;
    const view = diagnosticsView(scenario, run, started.t + 20);
    const teams = view.appsAndPolicies[0]!.apps.find((a) => a.resourceName === 'Microsoft Teams')!;
    expect(teams.events.at(-1)).toMatchObject({ eventName: 'Install', status: 4, finishTime: '' });
    expect(view.deployment.find((c) => c.categoryName === 'Device setup')!.status).toBe(4);
    expect(allEvents(view).some((e) => e.status === 1)).toBe(false);
  });

  it('a timeout is an error of kind 2 that says how long it waited', () => {
    const scenario = teamsFailsScenario();
    scenario.tenant.espProfiles[0]!.installProgressTimeoutInMinutes = 1;
    const run = runOf(scenario);
    const view = diagnosticsView(scenario, run, run.endT);
    const timedOut = allEvents(view).filter((e) => e.status === 2);
    expect(timedOut.length).toBeGreaterThan(0);
    expect(timedOut.some((e) => e.details.includes('Timed out after 1 minutes (0x800705b4)'))).toBe(true);
  });

  it('a successful run: every ESP phase complete, a retried app shows its first attempt as a warning', () => {
    const scenario = successScenario();
    const run = runOf(scenario);
    const view = diagnosticsView(scenario, run, run.endT);
    for (const name of ['Device preparation', 'Device setup', 'Account setup']) {
      expect(view.deployment.find((c) => c.categoryName === name)!.status).toBe(5);
    }
    const busy = view.appsAndPolicies[0]!.apps.find((a) => a.resourceName === 'Busy Installer')!;
    expect(busy.events.map((e) => [e.eventName, e.status])).toEqual([
      ['Download', 5],
      ['Install', 3],
      ['Download (attempt 2)', 5],
      ['Install (attempt 2)', 5],
    ]);
    expect(view.appsAndPolicies.map((c) => c.categoryName)).toEqual(['Device setup', 'Account setup']);
  });

  it('self-deploying: Account setup does not apply', () => {
    const scenario = selfDeployingScenario();
    const run = runOf(scenario);
    const view = diagnosticsView(scenario, run, run.endT);
    const account = view.deployment.find((c) => c.categoryName === 'Account setup')!;
    expect(account.events).toEqual([]);
    expect(account.status).toBe(6);
    const tpm = view.deployment.find((c) => c.categoryName === 'Device preparation')!.events[0]!;
    expect(tpm).toMatchObject({ eventName: 'Securing your hardware', status: 5 });
  });
});
