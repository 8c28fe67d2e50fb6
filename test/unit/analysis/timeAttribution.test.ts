/**
 * Time attribution (electron/core/analysis/timeAttribution.ts): the segments cover the run's
 * simulated wall time exactly — for every bundled scenario with every response its screens offer,
 * and for generated scenarios — and the blocking apps and critical path hold together.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import type { TimeAttribution } from '../../../electron/core/analysis/timeAttribution';
import { TIME_KINDS, attributeTime } from '../../../electron/core/analysis/timeAttribution';
import type { Run } from '../../../electron/core/engine/simulate';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { App, Fault, Scenario } from '../../../electron/core/scenario/model';
import type { UserAction } from '../../../shared/actions';
import {
  DEVICE_GROUP,
  USER_GROUP,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  required,
} from '../helpers/scenarioFactory';

const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');
const bundled = readdirSync(dir).filter((f) => f.endsWith('.json'));

/** Every invariant the chart relies on. */
function checkAttribution(run: Run, a: TimeAttribution): void {
  const duration = run.espEndedAt ?? run.endT;
  expect(a.duration).toBe(duration);
  // Consecutive, from 0 to the end, never empty, never two of a kind side by side.
  let at = 0;
  for (const s of a.segments) {
    expect(s.start).toBe(at);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.seconds).toBe(s.end - s.start);
    at = s.end;
  }
  expect(at).toBe(duration);
  a.segments.slice(1).forEach((s, i) => expect(s.kind).not.toBe(a.segments[i]!.kind));
  // Exactly the duration: nothing normalised away.
  expect(a.segments.reduce((sum, s) => sum + s.seconds, 0)).toBe(duration);
  expect(TIME_KINDS.reduce((sum, k) => sum + a.totals[k], 0)).toBe(duration);
  // Blocking apps, longest first; the critical path merged, in order, within the run.
  a.blockingApps.slice(1).forEach((b, i) => expect(b.seconds).toBeLessThanOrEqual(a.blockingApps[i]!.seconds));
  for (const b of a.blockingApps) expect(b.seconds).toBe(b.installSeconds + b.retryWaitSeconds);
  a.criticalPath.slice(1).forEach((s, i) => expect(s.start).toBeGreaterThan(a.criticalPath[i]!.end));
  for (const s of a.criticalPath) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(duration);
    expect(s.appIds.length).toBeGreaterThan(0);
  }
  expect(a.criticalPathSeconds).toBeLessThanOrEqual(duration);
  for (const b of a.blockingApps) expect(b.seconds).toBeLessThanOrEqual(a.criticalPathSeconds + b.retryWaitSeconds);
}

/** The scenario's run with no response, then with each response its last screen offers, and those runs' next. */
function runsOf(scenario: Scenario): { responses: UserAction[]; run: Run }[] {
  const out: { responses: UserAction[]; run: Run }[] = [];
  const visit = (responses: UserAction[], depth: number): void => {
    const result = runHeadless(scenario, responses);
    if (!result.ok) return;
    out.push({ responses, run: result.run });
    if (depth === 0) return;
    const offered = result.run.steps[result.run.steps.length - 1]!.view.offeredActions;
    for (const action of offered) visit([...responses, action], depth - 1);
  };
  visit([], 2);
  return out;
}

describe('attributeTime on every bundled scenario, with its responses', () => {
  it.each(bundled)('%s: the segments add up exactly to the run', async (name) => {
    const loaded = await loadScenarioFile(join(dir, name));
    if (loaded.kind !== 'valid') throw new Error(name);
    const runs = runsOf(loaded.scenario);
    expect(runs.length).toBeGreaterThan(0);
    for (const { responses, run } of runs) {
      const a = attributeTime(run);
      try {
        checkAttribution(run, a);
      } catch (error) {
        throw new Error(`${name} with [${responses.join(', ')}]: ${(error as Error).message}`, { cause: error });
      }
    }
  });

  it('names where the time went in the scenarios built to show it', async () => {
    const attribution = async (name: string, responses: UserAction[] = []) => {
      const loaded = await loadScenarioFile(join(dir, name));
      if (loaded.kind !== 'valid') throw new Error(name);
      return attributeTime(runHeadless(loaded.scenario, responses).run);
    };
    expect((await attribution('quality-updates.json')).totals.qualityUpdates).toBeGreaterThan(0);
    expect((await attribution('declared-reboot-sign-in.json')).totals.restart).toBeGreaterThan(0);
    expect((await attribution('declared-reboot-sign-in.json')).totals.waitingForUser).toBeGreaterThan(0);
    expect((await attribution('esp-provider-timeout.json')).totals.devicePreparation).toBe(906);
    expect((await attribution('hybrid-join.json')).totals.accountSetup).toBeGreaterThan(300);
    // The 1618 app: three attempts and two five-minute waits, all of it on the critical path.
    const conflict = await attribution('msi-win32-1618-conflict.json');
    const vpn = conflict.blockingApps.find((b) => b.appId.endsWith('e01'))!;
    expect(vpn).toMatchObject({ attempts: 3, retryWaitSeconds: 600 });
    expect(conflict.criticalPath).toHaveLength(1);
    // The user at the error screen: nothing after it counts (the run waits there).
    const failed = await attribution('user-driven-app-fails.json');
    expect(failed.segments.at(-1)!.end).toBe(failed.duration);
    // The ESP hidden: no time at all.
    expect((await attribution('esp-not-shown.json')).segments).toEqual([]);
  });
});

describe('attributeTime on generated scenarios', () => {
  const appArb = fc.record({
    kind: fc.constantFrom<App['kind']>('win32', 'win32', 'msi', 'office', 'appx', 'winGet'),
    user: fc.boolean(),
    blocking: fc.boolean(),
    installSeconds: fc.integer({ min: 1, max: 2400 }),
    downloadMB: fc.integer({ min: 0, max: 600 }),
    exitCodes: fc.array(fc.constantFrom(0, 0, 0, 1603, 1618, 3010, 1641, 5), { minLength: 1, maxLength: 4 }),
  });
  const faultArb = (appIds: string[]) =>
    fc.subarray<Fault>([
      { kind: 'packagedReboot', appId: appIds[0]! },
      { kind: 'declaredReboot', appId: appIds[appIds.length - 1]! },
      { kind: 'officeHang', appId: appIds[0]! },
      { kind: 'identifyingNeverEnds' },
      { kind: 'networkOutage', atSeconds: 90, forSeconds: 900 },
      { kind: 'espProviderTimeout' },
      { kind: 'tpmAttestationFailure', hresult: 0x81039001 },
    ]);
  const scenarioArb = fc
    .record({
      apps: fc.array(appArb, { minLength: 1, maxLength: 5 }),
      mode: fc.constantFrom('userDriven', 'userDriven', 'selfDeploying', 'preProvisioning', 'entraJoinOobe' as const),
      hybrid: fc.boolean(),
      timeout: fc.integer({ min: 1, max: 90 }),
      useDevice: fc.boolean(),
      blockDeviceUse: fc.boolean(),
      qualityUpdates: fc.boolean(),
      seed: fc.integer({ min: 1, max: 10_000 }),
    })
    .chain((base) => {
      const ids = base.apps.map((_, i) => `app-${i}`);
      return fc.record({ base: fc.constant(base), faults: faultArb(ids) });
    });

  it('segments always add up to the duration, whatever the scenario and the response', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom<UserAction[]>([], ['tryAgain'], ['continueAnyway'], ['reseal']),
        ({ base, faults }, responses) => {
          const apps = base.apps.map((a, i) =>
            makeApp({
              id: `app-${i}`,
              kind: a.kind,
              installContext: a.user ? 'user' : 'device',
              assignments: [required(groupTarget(a.user ? USER_GROUP : DEVICE_GROUP))],
            }),
          );
          const blocking = apps.filter((_, i) => base.apps[i]!.blocking).map((a) => a.id);
          const scenario = makeScenario({
            seed: base.seed,
            deployment: {
              mode: base.mode,
              join: base.hybrid && base.mode === 'userDriven' ? 'hybrid' : 'entra',
              autopilotRegistered: base.mode !== 'entraJoinOobe',
            },
            tenant: {
              espProfiles: [
                makeProfile({
                  id: 'p',
                  assignments: [groupTarget(DEVICE_GROUP)],
                  installProgressTimeoutInMinutes: base.timeout,
                  selectedMobileAppIds: blocking,
                  allowDeviceUseOnInstallFailure: base.useDevice,
                  blockDeviceSetupRetryByUser: base.blockDeviceUse,
                  installQualityUpdates: base.qualityUpdates,
                }),
              ],
              apps,
            },
            simulation: {
              apps: Object.fromEntries(
                base.apps.map((a, i) => [
                  `app-${i}`,
                  { installSeconds: a.installSeconds, downloadMB: a.downloadMB, exitCodes: a.exitCodes },
                ]),
              ),
              qualityUpdates: { available: base.qualityUpdates, minutes: 20, restart: true },
              faults,
            },
          });
          const run = runHeadless(scenario, responses).run;
          checkAttribution(run, attributeTime(run));
        },
      ),
      { numRuns: 60, seed: 20260302 },
    );
  });
});
