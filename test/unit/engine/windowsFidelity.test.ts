/**
 * What an Intune admin spots at once (issue "Faithful to Windows, round 2"): failure codes on the
 * rows, Continue anyway advancing one step, category statuses only from Windows' set, and the
 * quality-update step only where Microsoft's supported configurations put it.
 */
import { describe, expect, it } from 'vitest';
import type { PhaseId } from '../../../shared/esp';
import type { EngineView, Run } from '../../../electron/core/engine/simulate';
import { simulate, viewAt } from '../../../electron/core/engine/simulate';
import type { Scenario } from '../../../electron/core/scenario/model';
import { formatProblem, validateScenario } from '../../../electron/core/scenario/validate';
import {
  DEVICE_GROUP,
  USER_GROUP,
  allDevices,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  required,
} from '../helpers/scenarioFactory';

function scenario(
  opts: {
    exitCodes?: Record<string, number[]>;
    profile?: Parameters<typeof makeProfile>[0];
    mode?: Scenario['deployment']['mode'];
  } = {},
): Scenario {
  const apps = [
    makeApp({ id: 'vpn', displayName: 'Contoso VPN', assignments: [required(groupTarget(DEVICE_GROUP))] }),
    makeApp({ id: 'agent', displayName: 'Contoso Agent', assignments: [required(groupTarget(DEVICE_GROUP))] }),
    makeApp({
      id: 'expenses',
      displayName: 'Expenses',
      installContext: 'user',
      assignments: [required(groupTarget(USER_GROUP))],
    }),
  ];
  const base = makeScenario({
    tenant: {
      espProfiles: [
        makeProfile({
          id: 'esp',
          assignments: [groupTarget(DEVICE_GROUP)],
          allowDeviceUseOnInstallFailure: true,
          ...opts.profile,
        }),
      ],
      apps,
    },
    simulation: {
      apps: Object.fromEntries(
        apps.map((a) => [a.id, { installSeconds: 60, downloadMB: 24, exitCodes: opts.exitCodes?.[a.id] ?? [0] }]),
      ),
    },
  });
  return opts.mode ? { ...base, deployment: { ...base.deployment, mode: opts.mode } } : base;
}

const final = (run: Run): EngineView => viewAt(run, run.endT);
const phase = (view: EngineView, id: PhaseId) => view.phases.find((p) => p.id === id)!;
const row = (view: EngineView, id: PhaseId, item: string) => phase(view, id).items.find((i) => i.id === item)!;

describe('a failed item shows its code (§1.4: CXH formatNumberAsHexString; halfoncloud.com Part 8)', () => {
  it('exit code 1 reads Apps (0x80070001), not a count', () => {
    const end = final(simulate(scenario({ exitCodes: { agent: [1] } })));
    expect(row(end, 'deviceSetup', 'apps')).toMatchObject({ status: 'failed', text: 'Apps (0x80070001)' });
    expect(phase(end, 'accountSetup').statusText).toBe('Previous step failed');
  });

  it('a code that already is an HRESULT is shown as it is, lowercase, 8 digits', () => {
    const end = final(simulate(scenario({ exitCodes: { agent: [0x87d1041c] } })));
    expect(row(end, 'deviceSetup', 'apps').text).toBe('Apps (0x87d1041c)');
  });

  it('an Account setup app failure shows its code on the Account setup row', () => {
    const end = final(simulate(scenario({ exitCodes: { expenses: [1603] } })));
    expect(row(end, 'accountSetup', 'apps').text).toBe('Apps (0x80070643)');
  });

  it('a row stopped by the timeout reads Error (BootstrapPageStatusFailed), never a stale count', () => {
    const hang = scenario({ profile: { installProgressTimeoutInMinutes: 5 } });
    hang.simulation.apps.agent = { installSeconds: 3600, downloadMB: 1, exitCodes: [0] };
    const end = final(simulate(hang));
    expect(end.outcome).toBe('timedOut');
    expect(row(end, 'deviceSetup', 'apps').text).toBe('Apps (Error)');
  });

  it('the record carries the HRESULT of every install attempt', () => {
    const run = simulate(scenario({ exitCodes: { agent: [1603] } }));
    expect(run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'agent')).toMatchObject({
      exitCode: 1603,
      hresult: '0x80070643',
      attemptInRound: 1,
    });
  });
});

describe('Continue anyway advances one step (Niehaus, oofhours.com, 2020-09-27; §1.9, §1.10)', () => {
  it('after a Device setup failure it goes on to Account setup, which runs and installs the user app', () => {
    const s = scenario({ exitCodes: { agent: [1] } });
    const failed = simulate(s);
    const run = simulate(s, [{ t: failed.endT, action: 'continueAnyway' }]);
    const end = final(run);
    expect(phase(end, 'accountSetup').status).toBe('succeeded');
    const expenses = run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'expenses');
    expect(expenses).toMatchObject({ phase: 'accountSetup', result: 'success' });
    expect(end.screen.kind).toBe('desktop');
    expect(end.outcome).toBe('continuedAnyway');
    // The failed device app installs after the ESP.
    expect(end.deferredApps.map((d) => d.id)).toContain('agent');
  });

  it('after an Account setup failure it goes to the desktop', () => {
    const s = scenario({ exitCodes: { expenses: [1] } });
    const failed = simulate(s);
    const run = simulate(s, [{ t: failed.endT, action: 'continueAnyway' }]);
    const kinds = run.steps.filter((st) => st.t > failed.endT).map((st) => st.view.screen.kind);
    expect(kinds).not.toContain('esp');
    expect(final(run).screen.kind).toBe('desktop');
  });

  it('with Block device use = No, the button during Device setup also leads to Account setup', () => {
    const s = scenario({ profile: { blockDeviceSetupRetryByUser: true } });
    const at = simulate(s).steps.find((st) => st.view.continueAnywayWhileRunning)!.t + 2;
    const run = simulate(s, [{ t: at, action: 'continueAnywayWhileRunning' }]);
    expect(run.steps.some((st) => st.t > at && st.view.screen.kind === 'esp' && st.view.screen.part === 'user')).toBe(
      true,
    );
  });
});

describe("category statuses come only from Windows' set (§1.4)", () => {
  const WINDOWS = [
    'Waiting for previous step to complete',
    'Working on it...',
    'Identifying',
    'Complete',
    'Error',
    'Previous step failed',
  ];

  it('no category of any step of a self-deploying run reads No setup needed, and Account setup never settles early', () => {
    const run = simulate(scenario({ mode: 'selfDeploying' }));
    for (const st of run.steps) {
      for (const p of st.view.phases) expect(WINDOWS).toContain(p.statusText);
      if (phase(st.view, 'deviceSetup').status !== 'succeeded')
        expect(phase(st.view, 'accountSetup').statusText).toBe('Waiting for previous step to complete');
    }
  });

  it('a self-deploying failure shows Account setup as Previous step failed', () => {
    const end = final(simulate(scenario({ mode: 'selfDeploying', exitCodes: { agent: [1] } })));
    expect(phase(end, 'accountSetup').statusText).toBe('Previous step failed');
  });
});

describe('quality updates follow the supported configurations (article, "Supported configurations"; §1.13)', () => {
  const withUpdates = (s: Scenario, opts: { registered: boolean; release?: '10' | '11'; build?: string }) => ({
    ...s,
    windows: { release: opts.release ?? '11', build: opts.build ?? '10.0.26100.2894' },
    deployment: { ...s.deployment, autopilotRegistered: opts.registered },
    simulation: { ...s.simulation, qualityUpdates: { available: true, minutes: 20, restart: false } },
  });
  const decided = (run: Run) => run.timeline.find((e) => e.type === 'qualityUpdatesDecided');
  const showsUpdates = (run: Run) => run.steps.some((st) => st.view.screen.kind === 'qualityUpdates');

  it('a registered Windows 11 device follows the profile: No skips the step', () => {
    const run = simulate(withUpdates(scenario({ profile: { installQualityUpdates: false } }), { registered: true }));
    expect(decided(run)).toMatchObject({ install: false });
    expect(showsUpdates(run)).toBe(false);
  });

  it('a device neither registered nor given the profile through All Devices installs them whatever the setting', () => {
    const run = simulate(withUpdates(scenario({ profile: { installQualityUpdates: false } }), { registered: false }));
    expect(decided(run)).toMatchObject({ install: true });
    expect(showsUpdates(run)).toBe(true);
  });

  it('an All Devices assignment makes an unregistered device honor No', () => {
    const s = scenario({ profile: { installQualityUpdates: false, assignments: [allDevices()] } });
    const run = simulate(withUpdates(s, { registered: false }));
    expect(decided(run)).toMatchObject({ install: false });
  });

  it('Windows 10 and Windows 11 builds before 22H2 never show the step', () => {
    const yes = scenario({ profile: { installQualityUpdates: true } });
    expect(
      showsUpdates(simulate(withUpdates(yes, { registered: true, release: '10', build: '10.0.19045.5487' }))),
    ).toBe(false);
    expect(showsUpdates(simulate(withUpdates(yes, { registered: true, build: '10.0.22000.2538' })))).toBe(false);
  });
});

describe('custom OMA-URI settings that steer the ESP are honoured (DMClient CSP FirstSyncStatus; §1.12, §4.2)', () => {
  const customConfiguration = (name: string, omaUri: string, value: unknown) => ({
    '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
    id: `oma-${name}`,
    displayName: `Skip ${name}`,
    omaSettings: [{ '@odata.type': '#microsoft.graph.omaSettingBoolean', displayName: name, omaUri, value }],
    assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
  });
  const scenarioJson = (policies: unknown[]) => ({
    schemaVersion: 1,
    name: 'OMA-URI',
    deployment: { mode: 'userDriven' },
    users: [{ id: 'u1', userPrincipalName: 'adele@contoso.example', displayName: 'Adele', groupIds: [] }],
    tenant: {
      enrollmentStatusPageProfiles: [
        {
          '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
          id: 'esp',
          displayName: 'ESP',
          priority: 1,
          showInstallationProgress: true,
          assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
        },
      ],
      apps: [
        {
          '@odata.type': '#microsoft.graph.win32LobApp',
          id: 'user-app',
          displayName: 'User app',
          installExperience: { runAsAccount: 'user' },
          assignments: [
            { intent: 'required', target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
          ],
        },
      ],
      policies,
    },
  });
  const URI = './Device/Vendor/MSFT/DMClient/Provider/MS DM Server/FirstSyncStatus/';

  function load(json: unknown) {
    const result = validateScenario(json);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return result;
  }

  it('SkipUserStatusPage = true skips Account setup; the user app installs after the ESP', () => {
    const { scenario } = load(scenarioJson([customConfiguration('user', `${URI}SkipUserStatusPage`, true)]));
    const run = simulate(scenario);
    expect(run.espShown).toEqual({ device: true, user: false });
    expect(phase(final(run), 'accountSetup').status).toBe('notRun');
    expect(run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'user-app')).toMatchObject({
      phase: 'afterEsp',
    });
    expect(run.timeline.some((e) => e.type === 'firstSyncOverride' && e.skipUserStatusPage)).toBe(true);
  });

  it('SkipDeviceStatusPage = "true" skips the device part; Account setup still shows after sign-in', () => {
    const { scenario } = load(scenarioJson([customConfiguration('device', `${URI}SkipDeviceStatusPage`, 'true')]));
    const run = simulate(scenario);
    expect(run.espShown).toEqual({ device: false, user: true });
    expect(phase(final(run), 'deviceSetup').status).toBe('notRun');
    expect(phase(final(run), 'accountSetup').status).toBe('succeeded');
  });

  it('an OMA-URI setting the simulator does not model is a warning, never silence', () => {
    const result = load(
      scenarioJson([customConfiguration('other', './Device/Vendor/MSFT/Policy/Config/Update/AllowAutoUpdate', 1)]),
    );
    expect(result.warnings.map(formatProblem)).toEqual([
      'tenant.policies[0].omaSettings[0].omaUri: "./Device/Vendor/MSFT/Policy/Config/Update/AllowAutoUpdate": the simulator does not model this OMA-URI setting; it is ignored',
    ]);
    expect(simulate(result.scenario).espShown.user).toBe(true);
  });
});

describe('installed but not detected, and apps that are not Win32 installers (§5.3)', () => {
  it('an app that installs but is not detected fails with 0x87d1041c on the Apps row', () => {
    const s = scenario();
    s.simulation.apps.agent = { ...s.simulation.apps.agent!, detected: false };
    const run = simulate(s);
    expect(run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'agent')).toMatchObject({
      exitCode: 0,
      result: 'failed',
      detected: false,
      hresult: '0x87d1041c',
    });
    expect(row(final(run), 'deviceSetup', 'apps').text).toBe('Apps (0x87d1041c)');
  });

  it('a WinGet app does not go through Win32 return-code mapping: 3010 is a failure, not a soft reboot', () => {
    const s = scenario({ exitCodes: { agent: [3010] } });
    s.tenant.apps = s.tenant.apps.map((a) => (a.id === 'agent' ? { ...a, kind: 'winGet' as const } : a));
    const run = simulate(s);
    expect(run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'agent')).toMatchObject({
      result: 'failed',
    });
    // The same code on a Win32 app maps through its return codes to a soft reboot.
    const win32 = simulate(scenario({ exitCodes: { agent: [3010] } }));
    expect(win32.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'agent')).toMatchObject({
      result: 'softReboot',
    });
  });
});
