import { describe, expect, it } from 'vitest';
import type { PhaseId } from '../../../shared/esp';
import { DEFAULT_ERROR_MESSAGE } from '../../../shared/esp';
import type { EngineView, Run } from '../../../electron/core/engine/simulate';
import { simulate, viewAt } from '../../../electron/core/engine/simulate';
import type { Scenario } from '../../../electron/core/scenario/model';
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

/** The simple scenario of the foundation: user-driven Entra join, three device apps, one user app. */
function simpleScenario(
  overrides: { profile?: Parameters<typeof makeProfile>[0]; exitCodes?: Record<string, number[]> } = {},
): Scenario {
  const apps = [
    makeApp({ id: 'vpn', displayName: 'Contoso VPN', assignments: [required(groupTarget(DEVICE_GROUP))] }),
    makeApp({ id: 'teams', displayName: 'Teams', assignments: [required(allDevices())] }),
    makeApp({
      id: 'portal',
      displayName: 'Company Portal',
      kind: 'winGet',
      assignments: [required(groupTarget(DEVICE_GROUP))],
    }),
    makeApp({
      id: 'expenses',
      displayName: 'Expenses',
      installContext: 'user',
      assignments: [required(groupTarget(USER_GROUP))],
    }),
  ];
  const simulationApps = Object.fromEntries(
    apps.map((a) => [a.id, { installSeconds: 60, downloadMB: 24, exitCodes: overrides.exitCodes?.[a.id] ?? [0] }]),
  );
  return makeScenario({
    tenant: {
      espProfiles: [makeProfile({ id: 'esp', assignments: [groupTarget(DEVICE_GROUP)], ...overrides.profile })],
      apps,
    },
    simulation: { apps: simulationApps },
  });
}

const final = (run: Run): EngineView => viewAt(run, run.endT);
const phase = (view: EngineView, id: PhaseId) => view.phases.find((p) => p.id === id)!;
const itemText = (view: EngineView, id: PhaseId, item: string) =>
  phase(view, id).items.find((i) => i.id === item)!.text;

describe('a user-driven Entra join where every app installs', () => {
  const run = simulate(simpleScenario());
  const end = final(run);

  it('ends on the desktop with the outcome succeeded', () => {
    expect(end.screen).toEqual({ kind: 'desktop', userDisplayName: 'Adele Vance' });
    expect(end.outcome).toBe('succeeded');
    expect(run.waitingForUser).toBe(false);
  });

  it('shows every category Complete at the end', () => {
    for (const id of ['devicePreparation', 'deviceSetup', 'accountSetup'] as const) {
      expect(phase(end, id).statusText).toBe('Complete');
    }
  });

  it('counts the three device apps and the one user app with "X of Y installed" (§1.4)', () => {
    expect(itemText(end, 'deviceSetup', 'apps')).toBe('Apps (3 of 3 installed)');
    expect(itemText(end, 'accountSetup', 'apps')).toBe('Apps (1 of 1 installed)');
  });

  it('reads "1 of 1 applied" for security policies when nothing else is tracked (§1.3)', () => {
    expect(itemText(end, 'deviceSetup', 'securityPolicies')).toBe('Security policies (1 of 1 applied)');
  });

  it('reads "No setup needed" for certificates and networks with nothing to track (§1.4)', () => {
    expect(itemText(end, 'deviceSetup', 'certificates')).toBe('Certificates (No setup needed)');
    expect(itemText(end, 'deviceSetup', 'networkConnections')).toBe('Network connections (No setup needed)');
  });

  it('walks the phases in order: device preparation, device setup, account setup (§1.1)', () => {
    const started = run.timeline.filter((e) => e.type === 'phaseStarted').map((e) => ('phase' in e ? e.phase : ''));
    expect(started).toEqual(['devicePreparation', 'deviceSetup', 'accountSetup']);
  });

  it('counts installed apps up one at a time while Device setup runs (§1.4)', () => {
    const texts = run.timeline
      .filter((e) => e.type === 'itemChanged' && e.phase === 'deviceSetup' && e.item === 'apps')
      .map((e) => ('text' in e ? e.text : ''))
      .filter((text, i, all) => text !== all[i - 1]);
    expect(texts).toEqual([
      'Apps (Identifying)',
      'Apps (0 of 3 installed)',
      'Apps (1 of 3 installed)',
      'Apps (2 of 3 installed)',
      'Apps (3 of 3 installed)',
    ]);
  });

  it('shows Identifying while the tracking list is built (§1.4)', () => {
    const firstSetup = run.steps.find((s) => phase(s.view, 'deviceSetup').status === 'inProgress')!;
    expect(itemText(firstSetup.view, 'deviceSetup', 'apps')).toBe('Apps (Identifying)');
    expect(phase(firstSetup.view, 'deviceSetup').statusText).toBe('Working on it...');
  });

  it('shows the later categories waiting while Device preparation runs (§1.4)', () => {
    const early = viewAt(run, 0);
    expect(phase(early, 'devicePreparation').statusText).toBe('Working on it...');
    expect(phase(early, 'deviceSetup').statusText).toBe('Waiting for previous step to complete');
  });

  it('passes through the first sign-in animation between Device setup and Account setup (§1.1)', () => {
    const kinds = run.steps.map((s) => s.view.screen.kind).filter((k, i, all) => k !== all[i - 1]);
    expect(kinds).toEqual(['esp', 'firstSignIn', 'esp', 'desktop']);
  });

  it('tracks device apps in Device setup and the user app in Account setup', () => {
    expect(run.tracked.deviceSetup).toEqual(['vpn', 'teams', 'portal']);
    expect(run.tracked.accountSetup).toEqual(['expenses']);
  });
});

describe('determinism', () => {
  it('gives the same timeline for the same scenario and seed', () => {
    expect(simulate(simpleScenario()).timeline).toEqual(simulate(simpleScenario()).timeline);
  });

  it('gives a different timeline for another seed', () => {
    const other = { ...simpleScenario(), seed: 99 };
    expect(simulate(other).timeline).not.toEqual(simulate(simpleScenario()).timeline);
  });

  it('replays the same run up to the moment of a user action', () => {
    const scenario = simpleScenario({ profile: { blockDeviceSetupRetryByUser: true } });
    const plain = simulate(scenario);
    const at = plain.steps.find((s) => s.view.continueAnywayWhileRunning)!.t + 10;
    const acted = simulate(scenario, [{ t: at, action: 'continueAnywayWhileRunning' }]);
    const before = (r: Run) => r.timeline.filter((e) => e.t < at);
    expect(before(acted)).toEqual(before(plain));
  });
});

describe('a tracked app that fails', () => {
  const scenario = simpleScenario({
    exitCodes: { teams: [1603, 0] },
    profile: { allowLogCollectionOnInstallFailure: true },
  });
  const run = simulate(scenario);
  const end = final(run);

  it('stops on the error screen with Intune default message when the profile has none (§1.9)', () => {
    expect(run.waitingForUser).toBe(true);
    expect(end.errorScreen?.message).toBe(DEFAULT_ERROR_MESSAGE);
    expect(end.outcome).toBe('failed');
  });

  it('marks Device setup Error and Account setup Previous step failed (§1.9)', () => {
    expect(phase(end, 'deviceSetup').statusText).toBe('Error');
    expect(phase(end, 'accountSetup').statusText).toBe('Previous step failed');
    // The row shows the failing app's code, 1603 as an HRESULT (CXH formatNumberAsHexString, §1.4).
    expect(itemText(end, 'deviceSetup', 'apps')).toBe('Apps (0x80070643)');
  });

  it('offers Try again and View diagnostics on Windows 11 with log collection on (§1.9, §2.1)', () => {
    expect(end.errorScreen?.actions).toEqual(['tryAgain', 'viewDiagnostics']);
  });

  it('offers Collect logs instead on Windows 10 (§1.9)', () => {
    const win10 = simulate({ ...scenario, windows: { release: '10', build: '10.0.19045.5487' } });
    expect(final(win10).errorScreen?.actions).toEqual(['tryAgain', 'collectLogs']);
  });

  it('shows the custom message when the profile has one (§1.9)', () => {
    const custom = simpleScenario({
      exitCodes: { teams: [1603] },
      profile: { customErrorMessage: 'Call the Contoso helpdesk on 555-0100.' },
    });
    expect(final(simulate(custom)).errorScreen?.message).toBe('Call the Contoso helpdesk on 555-0100.');
  });

  it('reinstalls the failed app on Try again and finishes when it succeeds the second time (§1.9)', () => {
    const retried = simulate(scenario, [{ t: run.endT + 30, action: 'tryAgain' }]);
    const after = final(retried);
    expect(after.outcome).toBe('succeeded');
    expect(itemText(after, 'deviceSetup', 'apps')).toBe('Apps (3 of 3 installed)');
    const teamsAttempts = retried.timeline.filter((e) => e.type === 'appInstallStarted' && e.appId === 'teams');
    expect(teamsAttempts).toHaveLength(2);
    const vpnAttempts = retried.timeline.filter((e) => e.type === 'appInstallStarted' && e.appId === 'vpn');
    expect(vpnAttempts).toHaveLength(1);
  });

  it('takes Try again pressed at the very second the error screen appears', () => {
    const retried = simulate(scenario, [{ t: run.endT, action: 'tryAgain' }]);
    expect(final(retried).outcome).toBe('succeeded');
  });

  it('ignores an action the error screen does not offer', () => {
    const acted = simulate(scenario, [{ t: run.endT + 5, action: 'continueAnyway' }]);
    expect(final(acted).errorScreen).not.toBeNull();
  });

  it('goes to the desktop on Continue anyway when the profile allows device use (§1.9)', () => {
    const allowing = simpleScenario({
      exitCodes: { teams: [1603] },
      profile: { allowDeviceUseOnInstallFailure: true },
    });
    const first = simulate(allowing);
    expect(final(first).errorScreen?.actions).toEqual(['tryAgain', 'continueAnyway']);
    const continued = final(simulate(allowing, [{ t: first.endT + 5, action: 'continueAnyway' }]));
    expect(continued.outcome).toBe('continuedAnyway');
    expect(continued.screen.kind).toBe('desktop');
  });

  it('ends in the reset screen on Reset device (§1.9)', () => {
    const resetting = simpleScenario({
      exitCodes: { teams: [1603] },
      profile: { allowDeviceResetOnInstallFailure: true },
    });
    const first = simulate(resetting);
    expect(final(first).errorScreen?.actions).toEqual(['resetDevice', 'tryAgain']);
    const reset = final(simulate(resetting, [{ t: first.endT + 5, action: 'resetDevice' }]));
    expect(reset.outcome).toBe('reset');
    expect(reset.screen.kind).toBe('resetting');
  });
});

describe('profile settings', () => {
  it('shows no ESP at all when the profile does not show progress (§5.1)', () => {
    const run = simulate(simpleScenario({ profile: { showInstallationProgress: false } }));
    expect(final(run).outcome).toBe('notShown');
    expect(run.espShown).toEqual({ device: false, user: false });
    expect(run.steps.some((s) => s.view.screen.kind === 'esp')).toBe(false);
  });

  it('times out after the profile minutes when an app never finishes (§1.11)', () => {
    const slow = simpleScenario({ profile: { installProgressTimeoutInMinutes: 5 } });
    slow.simulation.apps['teams'] = { installSeconds: 3600, downloadMB: 0, exitCodes: [0] };
    const run = simulate(slow);
    const timeout = run.timeline.find((e) => e.type === 'timeout')!;
    expect(timeout.t).toBe(300);
    expect(final(run).outcome).toBe('timedOut');
  });

  it('offers Continue anyway while Device setup runs when Block device use is No (§1.10)', () => {
    const run = simulate(simpleScenario({ profile: { blockDeviceSetupRetryByUser: true } }));
    const during = (id: PhaseId) =>
      run.steps.filter((s) => phase(s.view, id).status === 'inProgress' && s.view.screen.kind === 'esp');
    expect(during('devicePreparation').every((s) => !s.view.continueAnywayWhileRunning)).toBe(true);
    expect(during('deviceSetup').every((s) => s.view.continueAnywayWhileRunning)).toBe(true);
  });

  it('never offers Continue anyway while running when Block device use is Yes (§1.10)', () => {
    const run = simulate(simpleScenario());
    expect(run.steps.every((s) => !s.view.continueAnywayWhileRunning)).toBe(true);
  });

  it('tracks only the selected blocking apps and installs the rest after the ESP (article, App 1–4)', () => {
    const run = simulate(simpleScenario({ profile: { selectedMobileAppIds: ['vpn'] } }));
    expect(run.tracked.deviceSetup).toEqual(['vpn']);
    expect(itemText(final(run), 'deviceSetup', 'apps')).toBe('Apps (1 of 1 installed)');
    expect(run.deferredAppIds).toEqual(expect.arrayContaining(['teams', 'portal', 'expenses']));
    expect(final(run).deferredApps.every((d) => d.installed)).toBe(true);
  });
});

describe('a second user on the same device (§1.12)', () => {
  const twoUsers = (disable: boolean) => {
    const scenario = simpleScenario({ profile: { disableUserStatusTrackingAfterFirstUser: disable } });
    scenario.users = [
      ...scenario.users,
      {
        id: 'u2',
        userPrincipalName: 'megan@contoso.com',
        displayName: 'Megan Bowen',
        groupIds: [USER_GROUP],
        intuneLicensed: true,
      },
    ];
    return simulate(scenario);
  };
  const accountSetupStarts = (run: Run) =>
    run.timeline.filter((e) => e.type === 'phaseStarted' && e.phase === 'accountSetup').length;

  it('gets no Account setup when only the first user should see it', () => {
    const run = twoUsers(true);
    expect(accountSetupStarts(run)).toBe(1);
    expect(run.timeline.find((e) => e.type === 'espSkipped')).toMatchObject({
      part: 'user',
      reason: expect.stringContaining('megan@contoso.com'),
    });
    expect(final(run).screen).toEqual({ kind: 'desktop', userDisplayName: 'Megan Bowen' });
  });

  it('gets their own Account setup when every user should see it', () => {
    const run = twoUsers(false);
    expect(accountSetupStarts(run)).toBe(2);
    expect(final(run).outcome).toBe('succeeded');
  });
});

describe('more tracking rules', () => {
  it('restarts the timer on Try again (§1.11)', () => {
    const scenario = simpleScenario({
      exitCodes: { teams: [1603, 0] },
      profile: { installProgressTimeoutInMinutes: 10 },
    });
    scenario.simulation.apps['portal'] = { installSeconds: 420, downloadMB: 0, exitCodes: [0] };
    const first = simulate(scenario);
    const pressed = first.endT + 100;
    const retried = simulate(scenario, [{ t: pressed, action: 'tryAgain' }]);
    const timeout = retried.timeline.find((e) => e.type === 'timeout');
    // Teams (60 s) and Company Portal (420 s) together fit in a fresh 10-minute timer.
    expect(timeout).toBeUndefined();
    expect(final(retried).outcome).toBe('succeeded');
  });

  it('restarts the device mid-Device setup on a hard reboot code, then asks for credentials (§5.3, §7.5)', () => {
    const scenario = simpleScenario({ exitCodes: { vpn: [1641] } });
    const run = simulate(scenario);
    const kinds = run.steps.map((s) => s.view.screen.kind).filter((k, i, all) => k !== all[i - 1]);
    expect(kinds).toEqual(['esp', 'restarting', 'esp', 'signIn', 'firstSignIn', 'esp', 'desktop']);
    expect(itemText(final(run), 'deviceSetup', 'apps')).toBe('Apps (3 of 3 installed)');
  });

  it('fails on an exit code the app does not map (§5.3)', () => {
    const run = simulate(simpleScenario({ exitCodes: { vpn: [87] } }));
    expect(run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'vpn')).toMatchObject({
      exitCode: 87,
      result: 'failed',
    });
    expect(final(run).outcome).toBe('failed');
  });

  it('does not track device-assigned user-context Win32 apps in hybrid join (§5.3, §7.3)', () => {
    const scenario = simpleScenario();
    scenario.tenant.apps.push(
      makeApp({ id: 'userctx', installContext: 'user', assignments: [required(allDevices())] }),
    );
    expect(simulate(scenario).tracked.accountSetup).toEqual(['expenses', 'userctx']);
    const hybrid = { ...scenario, deployment: { ...scenario.deployment, join: 'hybrid' as const } };
    expect(simulate(hybrid).tracked.accountSetup).toEqual(['expenses']);
  });

  it('tracks VPN and Wi-Fi in Device setup but only Wi-Fi in Account setup (§1.3)', () => {
    const scenario = simpleScenario();
    scenario.tenant.networkProfiles = [
      { id: 'wifi-d', displayName: 'Wi-Fi', kind: 'wifi', assignments: [groupTarget(DEVICE_GROUP)] },
      { id: 'vpn-d', displayName: 'VPN', kind: 'vpn', assignments: [groupTarget(DEVICE_GROUP)] },
      { id: 'wifi-u', displayName: 'Wi-Fi', kind: 'wifi', assignments: [groupTarget(USER_GROUP)] },
      { id: 'vpn-u', displayName: 'VPN', kind: 'vpn', assignments: [groupTarget(USER_GROUP)] },
    ];
    const end = final(simulate(scenario));
    expect(itemText(end, 'deviceSetup', 'networkConnections')).toBe('Network connections (2 of 2 added)');
    expect(itemText(end, 'accountSetup', 'networkConnections')).toBe('Network connections (1 of 1 added)');
  });

  it('applies other policies silently: only Edge, Assigned Access and Kiosk Browser count (§1.3)', () => {
    const scenario = simpleScenario();
    scenario.tenant.policies = [
      { id: 'edge', displayName: 'Edge', kind: 'edgeBrowser', assignments: [allDevices()] },
      { id: 'bitlocker', displayName: 'BitLocker', kind: 'other', assignments: [allDevices()] },
    ];
    expect(itemText(final(simulate(scenario)), 'deviceSetup', 'securityPolicies')).toBe(
      'Security policies (2 of 2 applied)',
    );
  });

  it('ignores the blocking list of a user-targeted profile during Device setup (§5.2, AP-KI)', () => {
    const scenario = simpleScenario();
    scenario.tenant.espProfiles = [
      makeProfile({
        id: 'user-esp',
        assignments: [groupTarget(USER_GROUP)],
        selectedMobileAppIds: ['vpn', 'expenses'],
      }),
      ...scenario.tenant.espProfiles.filter((p) => p.isDefault),
    ];
    const run = simulate(scenario);
    expect(final(run).profile?.targetedBy).toBe('user');
    expect(run.tracked.deviceSetup).toEqual(['vpn', 'teams', 'portal']);
    expect(run.tracked.accountSetup).toEqual(['expenses']);
  });

  it('ignores a failing non-blocking app in the technician flow when only selected apps may fail (article)', () => {
    const scenario = simpleScenario({
      exitCodes: { portal: [1603] },
      profile: { selectedMobileAppIds: ['vpn', 'teams'], allowNonBlockingAppInstallation: true },
    });
    const technician = { ...scenario, deployment: { ...scenario.deployment, mode: 'preProvisioning' as const } };
    const run = simulate(technician);
    expect(
      run.timeline.some((e) => e.type === 'appInstallCompleted' && e.appId === 'portal' && e.result === 'failed'),
    ).toBe(true);
    expect(final(run).screen).toMatchObject({ kind: 'preProvisioningResult', success: true });
  });

  it('leaves non-blocking apps alone in the technician flow when every app may fail (article)', () => {
    const scenario = simpleScenario({
      profile: { selectedMobileAppIds: ['vpn', 'teams'], allowNonBlockingAppInstallation: false },
    });
    const run = simulate({ ...scenario, deployment: { ...scenario.deployment, mode: 'preProvisioning' as const } });
    expect(run.timeline.some((e) => e.type === 'appInstallStarted' && e.appId === 'portal')).toBe(false);
  });
});

describe('findings from review', () => {
  it('shows the error on the ESP when the timer runs out while the device restarts (§1.9)', () => {
    const scenario = simpleScenario({ exitCodes: { vpn: [1641] }, profile: { installProgressTimeoutInMinutes: 2 } });
    scenario.simulation.apps['vpn'] = { installSeconds: 20, downloadMB: 0, exitCodes: [1641] };
    const run = simulate(scenario);
    const end = final(run);
    expect(end.outcome).toBe('timedOut');
    expect(end.screen).toEqual({ kind: 'esp', part: 'device' });
    expect(end.errorScreen).not.toBeNull();
  });

  it('gives a retry code three fresh attempts after Try again (§5.3)', () => {
    const scenario = simpleScenario({ exitCodes: { vpn: [1618, 1618, 1618, 1618, 1618, 0] } });
    const first = simulate(scenario);
    expect(final(first).outcome).toBe('failed');
    const retried = simulate(scenario, [{ t: first.endT + 10, action: 'tryAgain' }]);
    const completions = retried.timeline.filter((e) => e.type === 'appInstallCompleted' && e.appId === 'vpn');
    expect(completions.map((e) => ('exitCode' in e ? e.exitCode : -1))).toEqual([1618, 1618, 1618, 1618, 1618, 0]);
    expect(final(retried).outcome).toBe('succeeded');
  });

  it('raises 1618 only while an MSI installs beside the Win32 app (§7.1)', () => {
    const scenario = simpleScenario();
    scenario.simulation.faults = [{ kind: 'msiWin32Conflict', appId: 'vpn' }];
    // No MSI in this tenant: Windows Installer is free, the Win32 app installs.
    const run = simulate(scenario);
    expect(run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'vpn')).toMatchObject({
      exitCode: 0,
    });
  });

  it('keeps hybrid join restart and domain sign-in when the user continues anyway in OOBE (§7.3)', () => {
    const scenario = simpleScenario({ profile: { blockDeviceSetupRetryByUser: true } });
    const hybrid = { ...scenario, deployment: { ...scenario.deployment, join: 'hybrid' as const } };
    const plain = simulate(hybrid);
    const at = plain.steps.find((s) => s.view.continueAnywayWhileRunning)!.t + 5;
    const run = simulate(hybrid, [{ t: at, action: 'continueAnywayWhileRunning' }]);
    const kinds = run.steps
      .filter((s) => s.t >= at)
      .map((s) => s.view.screen.kind)
      .filter((k, i, all) => k !== all[i - 1]);
    // Continue anyway moves on to Account setup (Niehaus 2020), through hybrid join's restart.
    expect(kinds.slice(0, 4)).toEqual(['restarting', 'signIn', 'firstSignIn', 'esp']);
    expect(kinds[kinds.length - 1]).toBe('desktop');
  });

  it('offers the diagnostics page only on Windows 11 with log collection on, within the ESP (§2.1)', () => {
    const on = simulate(simpleScenario({ profile: { allowLogCollectionOnInstallFailure: true } }));
    expect(on.steps.find((s) => s.view.screen.kind === 'esp')!.view.diagnosticsAvailable).toBe(true);
    expect(final(on).diagnosticsAvailable).toBe(false); // the desktop is not the ESP
    const off = simulate(simpleScenario());
    expect(off.steps.every((s) => !s.view.diagnosticsAvailable)).toBe(true);
    const win10 = simulate({
      ...simpleScenario({ profile: { allowLogCollectionOnInstallFailure: true } }),
      windows: { release: '10', build: '10.0.19045.5487' },
    });
    expect(win10.steps.every((s) => !s.view.diagnosticsAvailable)).toBe(true);
  });

  it('records the HRESULT of a failed row in the timeline (§1.4)', () => {
    const scenario = simpleScenario();
    scenario.simulation.faults = [{ kind: 'espProviderTimeout' }];
    const failed = simulate(scenario).timeline.find((e) => e.type === 'itemChanged' && e.status === 'failed');
    expect(failed).toMatchObject({ item: 'espProvider', hresult: '0x800705b4' });
  });
});

describe('findings from the second review', () => {
  it('forgets an MSI install that leaving the ESP cut short, so later Win32 installs do not hit 1618 (§7.1)', () => {
    const scenario = simpleScenario({ profile: { blockDeviceSetupRetryByUser: true } });
    scenario.tenant.apps.push(
      makeApp({
        id: 'lob',
        kind: 'msi',
        odataType: '#microsoft.graph.windowsMobileMSI',
        assignments: [required(allDevices())],
      }),
    );
    scenario.simulation.apps['lob'] = { installSeconds: 300, downloadMB: 0, exitCodes: [0] };
    scenario.simulation.faults = [{ kind: 'msiWin32Conflict', appId: 'teams' }];
    const plain = simulate(scenario);
    const lobStarted = plain.timeline.find((e) => e.type === 'appInstallStarted' && e.appId === 'lob')!.t;
    // Continue anyway while the MSI installs: its install is abandoned, and what is left installs on the desktop.
    const left = simulate(scenario, [{ t: lobStarted + 30, action: 'continueAnywayWhileRunning' }]);
    const teamsAfter = left.timeline.filter(
      (e) => e.type === 'appInstallCompleted' && e.appId === 'teams' && e.phase === 'afterEsp',
    );
    expect(teamsAfter.map((e) => ('exitCode' in e ? e.exitCode : -1))).toEqual([0]);
  });
});

describe('the technician at the keyboard (§7.6)', () => {
  const technician = () => {
    const scenario = simpleScenario();
    return { ...scenario, deployment: { ...scenario.deployment, mode: 'preProvisioning' as const } };
  };

  it('moves on at once when the technician selects Continue, then Provision', () => {
    const run = simulate(technician(), [
      { t: 1, action: 'startProvisioning' },
      { t: 2, action: 'provision' },
    ]);
    expect(viewAt(run, 1).screen.kind).toBe('preProvisioningConfiguration');
    expect(viewAt(run, 2).screen.kind).toBe('esp');
  });

  it('ignores Provision on a screen that does not offer it', () => {
    const run = simulate(technician(), [{ t: 1, action: 'provision' }]);
    expect(viewAt(run, 1).screen.kind).toBe('preProvisioningOptions');
  });
});
