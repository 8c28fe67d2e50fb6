/**
 * A retry code gets three attempts per round (§5.3): after a round is used up, the phase fails,
 * and Try again starts a new round. Collected during that second round, the bundle and the
 * diagnostics page must say the app is installing, as the screen does — not Error.
 */
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import { diagnosticsView } from '../../../electron/core/diagnostics/diagnosticsView';
import { viewAt } from '../../../electron/core/engine/simulate';
import type { TimelineEvent } from '../../../shared/timeline';
import { DEVICE_GROUP, groupTarget, makeApp, makeProfile, makeScenario, required } from '../helpers/scenarioFactory';
import { dwordOf, filesOf, parseCmtrace, parseReg, textOf } from './fixtures';

const EST = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\Autopilot\\EnrollmentStatusTracking';

/** "Busy Installer" exits 1618 (Retry in Intune's default return codes) four times, then 0. */
function busyScenario() {
  return makeScenario({
    seed: 3,
    tenant: {
      espProfiles: [
        makeProfile({ id: 'esp', allowLogCollectionOnInstallFailure: true, assignments: [groupTarget(DEVICE_GROUP)] }),
      ],
      apps: [
        makeApp({ id: 'busy', displayName: 'Busy Installer', assignments: [required(groupTarget(DEVICE_GROUP))] }),
      ],
    },
    simulation: { apps: { busy: { installSeconds: 30, downloadMB: 12, exitCodes: [1618, 1618, 1618, 1618, 0] } } },
  });
}

const completions = (timeline: readonly TimelineEvent[]) =>
  timeline.filter(
    (e): e is Extract<TimelineEvent, { type: 'appInstallCompleted' }> =>
      e.type === 'appInstallCompleted' && e.appId === 'busy',
  );

describe('after a retry code used up its round and the user selected Try again', () => {
  const scenario = busyScenario();
  const first = runHeadless(scenario, []);
  const result = runHeadless(scenario, ['tryAgain']);
  if (!result.ok) throw new Error(result.error);
  const run = result.run;
  // The second round's first attempt (the app's fourth) exited with the retry code; the next waits.
  const fourth = completions(run.timeline).find((e) => e.attempt === 4)!;
  const t = fourth.t + 60;

  it('the first round ended on the error screen after three attempts', () => {
    expect(first.run.waitingForUser).toBe(true);
    expect(completions(first.run.timeline).map((e) => [e.attemptInRound, e.result])).toEqual([
      [1, 'retry'],
      [2, 'retry'],
      [3, 'retry'],
    ]);
    expect(fourth).toMatchObject({ attemptInRound: 1, result: 'retry' });
  });

  it('the screen shows the app still installing', () => {
    const apps = viewAt(run, t)
      .phases.find((p) => p.id === 'deviceSetup')!
      .items.find((i) => i.id === 'apps')!;
    expect(apps.status).toBe('inProgress');
  });

  it('the registry dump says InstallationState 2 (InProgress), not 4 (Error)', () => {
    const reg = parseReg(filesOf(scenario, run, t).get('MdmDiagReport_RegistryDump.reg') as Uint8Array);
    const key = `${EST}\\Device\\Setup\\Apps\\Tracking\\Sidecar\\Win32App_busy_1`;
    expect(dwordOf(reg, key, 'InstallationState')).toBe(2);
  });

  it('the diagnostics page shows the Apps row and the app in progress, the retry as a warning', () => {
    const view = diagnosticsView(scenario, run, t);
    const setup = view.deployment.find((c) => c.categoryName === 'Device setup')!;
    expect(setup.status).toBe(4);
    expect(setup.events.filter((e) => e.eventName === 'Apps').at(-1)?.status).toBe(4);
    const busy = view.appsAndPolicies[0]!.apps.find((a) => a.resourceName === 'Busy Installer')!;
    expect(busy.events.at(-1)).toMatchObject({
      eventName: 'Install (attempt 4)',
      status: 3,
      details: 'Exit code 1618: Retry (attempt 1 of 3)',
    });
  });

  it('AppWorkload.log counts the attempts of the new round, and says the next one is scheduled', () => {
    const lines = parseCmtrace(textOf(filesOf(scenario, run, t), 'AppWorkload.log')).entries.map((e) => e.message);
    expect(lines).toContain('[Win32App] Retry attempt 2 of 3 for app busy is scheduled in 5 minutes');
    expect(lines).toContain(
      // The new round's tracking list resets it to NotInstalled; its first attempt moves it to InProgress.
      '[Win32App][EspManager] Updating ESP tracked install status from NotInstalled to InProgress for application busy with name: Busy Installer',
    );
  });
});
