/**
 * One story everywhere: at any moment of any run, the registry dump, the IME logs, the diagnostics
 * page and the screen (`viewAt`) agree. Runs every bundled scenario with the answers its error
 * screens offer, and scenarios fast-check generates from the test factory (app kinds, exit and
 * return codes, faults, deployment modes, profiles, seeds, answers), at sampled collection times.
 * Fixed seeds keep CI deterministic; agreementChecks.ts says what each check means.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UserAction } from '../../../shared/actions';
import { runHeadless } from '../../../electron/cli/respond';
import type { Run } from '../../../electron/core/engine/simulate';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { App, Fault, Scenario } from '../../../electron/core/scenario/model';
import {
  DEFAULT_RETURN_CODES,
  DEVICE_GROUP,
  USER_GROUP,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  makeUser,
  required,
} from '../helpers/scenarioFactory';
import { disagreements } from './agreementChecks';

const SEED = 20261130;
const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');

/** What an error screen or the technician's pages let the user answer. */
const ANSWERS: readonly UserAction[] = [
  'tryAgain',
  'continueAnyway',
  'resetDevice',
  'signOut',
  'retry',
  'reset',
  'reseal',
];

/**
 * A collection time: a fraction of the run (a little past its end included), the second of one of
 * its events, or a moment during an app's install (up to two minutes after one of its app events).
 */
const moment = fc.oneof(
  fc.record({
    kind: fc.constant('fraction' as const),
    at: fc.double({ min: 0, max: 1.05, noNaN: true }),
    after: fc.constant(0),
  }),
  fc.record({ kind: fc.constant('event' as const), at: fc.nat(), after: fc.constant(0) }),
  fc.record({ kind: fc.constant('install' as const), at: fc.nat(), after: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ kind: fc.constant('install' as const), at: fc.nat(), after: fc.integer({ min: 0, max: 30 }) }),
);
type Moment = typeof moment extends fc.Arbitrary<infer T> ? T : never;

const APP_EVENTS = new Set(['appInstallStarted', 'appInstallCompleted', 'appRetryScheduled', 'appInstallCancelled']);

function secondOf(run: Run, m: Moment): number {
  if (m.kind === 'fraction') return Math.floor(run.endT * m.at);
  const events = m.kind === 'install' ? run.timeline.filter((e) => APP_EVENTS.has(e.type)) : run.timeline;
  const e = events[m.at % Math.max(1, events.length)];
  return e ? e.t + m.after : Math.floor(run.endT / 2);
}

describe('every bundled scenario tells one story in its bundle, its diagnostics page and its screen', async () => {
  const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const cases: { label: string; scenario: Scenario; run: Run }[] = [];
  for (const name of names) {
    const loaded = await loadScenarioFile(join(dir, name));
    if (loaded.kind !== 'valid') throw new Error(`${name} is not valid`);
    // The run as it stops, then each answer the screen where it stopped offers, one level deep.
    const plain = runHeadless(loaded.scenario, []).run;
    cases.push({ label: name, scenario: loaded.scenario, run: plain });
    const offered = plain.steps[plain.steps.length - 1]!.view.offeredActions.filter((a) => ANSWERS.includes(a));
    for (const answer of offered) {
      const answered = runHeadless(loaded.scenario, [answer]);
      if (answered.ok)
        cases.push({ label: `${name} answered ${answer}`, scenario: loaded.scenario, run: answered.run });
    }
  }

  it('covers every bundled scenario', () => {
    expect(new Set(cases.map((c) => c.label.split(' ')[0])).size).toBe(names.length);
  });

  for (const { label, scenario, run } of cases) {
    it(label, () => {
      for (const t of [0, run.endT]) expect(disagreements(scenario, run, t), `t=${t}`).toEqual([]);
      fc.assert(
        fc.property(moment, (m) => {
          expect(disagreements(scenario, run, secondOf(run, m))).toEqual([]);
        }),
        { seed: SEED, numRuns: 6 },
      );
    });
  }
});

// ---- generated scenarios ----------------------------------------------------------------------------

const KINDS = ['win32', 'win32', 'winGet', 'msi', 'office', 'appx', 'store'] as const;
const ODATA: Record<(typeof KINDS)[number], string> = {
  win32: '#microsoft.graph.win32LobApp',
  winGet: '#microsoft.graph.winGetApp',
  msi: '#microsoft.graph.windowsMobileMSI',
  office: '#microsoft.graph.officeSuiteApp',
  appx: '#microsoft.graph.windowsAppX',
  store: '#microsoft.graph.winGetApp',
};
/** Success, failures, Intune's retry (1618), soft and hard reboots, and codes a custom mapping may claim. */
const EXIT_CODES = [0, 0, 0, 1603, 1618, 3010, 1641, 1, 5];

const appSpec = fc.record({
  kind: fc.constantFrom(...KINDS),
  userContext: fc.boolean(),
  forUser: fc.boolean(),
  exitCodes: fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...EXIT_CODES), { minLength: 1, maxLength: 5 }) },
    // A retry code that uses up a round (§5.3), then succeeds or fails in the next.
    {
      weight: 1,
      arbitrary: fc.constantFrom([1618, 1618, 1618, 1618, 0], [1618, 1618, 1618, 0], [1618, 1618, 1618, 1603]),
    },
  ),
  /** Extra return codes: 1 as a retry, 5 as a success, or none. */
  mapping: fc.constantFrom('default', 'oneRetries', 'fiveSucceeds'),
  installSeconds: fc.integer({ min: 5, max: 200 }),
  downloadMB: fc.integer({ min: 0, max: 300 }),
  blocking: fc.boolean(),
});

const faultSpec = fc.constantFrom(
  'none',
  'none',
  'none',
  'packagedReboot',
  'msiWin32Conflict',
  'declaredReboot',
  'officeHang',
  'networkOutage',
  'identifyingNeverEnds',
  'resourceFails',
  'tpmAttestationFailure',
  'espProviderTimeout',
);

const spec = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  mode: fc.constantFrom('userDriven', 'userDriven', 'selfDeploying', 'preProvisioning', 'entraJoinOobe'),
  hybrid: fc.boolean(),
  release: fc.constantFrom('11', '11', '10'),
  users: fc.integer({ min: 0, max: 2 }),
  apps: fc.array(appSpec, { minLength: 0, maxLength: 5 }),
  faults: fc.array(faultSpec, { maxLength: 2 }),
  timeoutMinutes: fc.constantFrom(5, 15, 60),
  profile: fc.record({
    userTargeted: fc.boolean(),
    selectApps: fc.boolean(),
    /** Block device use = No (BlockInStatusPage 0: no Try again), one profile in four. */
    blockDeviceUse: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
    allowReset: fc.boolean(),
    allowUse: fc.boolean(),
    nonBlockingInTechnicianFlow: fc.boolean(),
    firstUserOnly: fc.boolean(),
  }),
  answers: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant<UserAction>('tryAgain') },
      { weight: 2, arbitrary: fc.constant<UserAction>('continueAnyway') },
      { weight: 2, arbitrary: fc.constantFrom(...ANSWERS) },
    ),
    { minLength: 1, maxLength: 3 },
  ),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function returnCodesOf(mapping: string): App['returnCodes'] {
  const codes = DEFAULT_RETURN_CODES.map((c) => ({ ...c }));
  if (mapping === 'oneRetries') codes.push({ returnCode: 1, type: 'retry' });
  if (mapping === 'fiveSucceeds') codes.push({ returnCode: 5, type: 'success' });
  return codes;
}

/** A scenario from a generated spec, through the test factory. */
function scenarioOf(s: Spec): Scenario {
  const withUsers = s.mode === 'userDriven' || s.mode === 'entraJoinOobe';
  const userCount = withUsers ? Math.max(1, s.users) : s.mode === 'preProvisioning' ? s.users : 0;
  const users = Array.from({ length: userCount }, (_, i) =>
    makeUser({ id: `user-${i}`, userPrincipalName: `user${i}@contoso.com`, displayName: `User ${i}` }),
  );
  const apps = s.apps.map((a, i) =>
    makeApp({
      id: `app-${i}`,
      displayName: `App ${i}`,
      kind: a.kind,
      odataType: ODATA[a.kind],
      installContext: a.userContext ? 'user' : 'device',
      returnCodes: returnCodesOf(a.mapping),
      assignments: [required(groupTarget(a.forUser ? USER_GROUP : DEVICE_GROUP))],
    }),
  );
  const appFault = (kind: 'packagedReboot' | 'msiWin32Conflict' | 'declaredReboot' | 'officeHang'): Fault[] => {
    const app = apps[s.seed % Math.max(1, apps.length)];
    return app ? [{ kind, appId: app.id }] : [];
  };
  const faults = s.faults.flatMap((f): Fault[] => {
    switch (f) {
      case 'none':
        return [];
      case 'networkOutage':
        return [{ kind: 'networkOutage', atSeconds: 60 + (s.seed % 300), forSeconds: 120 + (s.seed % 900) }];
      case 'resourceFails':
        return [{ kind: 'resourceFails', resourceId: 'edge' }];
      case 'tpmAttestationFailure':
        return [{ kind: 'tpmAttestationFailure', hresult: 0x80280036 }];
      case 'identifyingNeverEnds':
      case 'espProviderTimeout':
        return [{ kind: f }];
      default:
        return appFault(f);
    }
  });
  return makeScenario({
    name: 'generated',
    seed: s.seed,
    windows: { release: s.release as '10' | '11' },
    deployment: { mode: s.mode, join: s.hybrid && s.mode === 'userDriven' ? 'hybrid' : 'entra' },
    users,
    tenant: {
      espProfiles: [
        makeProfile({
          id: 'esp',
          installProgressTimeoutInMinutes: s.timeoutMinutes,
          allowLogCollectionOnInstallFailure: true,
          blockDeviceSetupRetryByUser: s.profile.blockDeviceUse,
          allowDeviceResetOnInstallFailure: s.profile.allowReset,
          allowDeviceUseOnInstallFailure: s.profile.allowUse,
          allowNonBlockingAppInstallation: s.profile.nonBlockingInTechnicianFlow,
          disableUserStatusTrackingAfterFirstUser: s.profile.firstUserOnly,
          selectedMobileAppIds: s.profile.selectApps ? apps.filter((_, i) => s.apps[i]!.blocking).map((a) => a.id) : [],
          assignments: [groupTarget(s.profile.userTargeted && withUsers ? USER_GROUP : DEVICE_GROUP)],
        }),
      ],
      apps,
      policies: [
        { id: 'edge', displayName: 'Edge settings', kind: 'edgeBrowser', assignments: [groupTarget(DEVICE_GROUP)] },
      ],
    },
    simulation: {
      apps: Object.fromEntries(
        s.apps.map((a, i) => [
          `app-${i}`,
          { installSeconds: a.installSeconds, downloadMB: a.downloadMB, exitCodes: [...a.exitCodes] },
        ]),
      ),
      faults,
    },
  });
}

describe('generated scenarios tell one story in their bundle, their diagnostics page and their screen', () => {
  it('whatever the apps, codes, faults, modes and answers, at any collection time', () => {
    fc.assert(
      fc.property(spec, fc.array(moment, { minLength: 4, maxLength: 4 }), (s, moments) => {
        const scenario = scenarioOf(s);
        const { run } = runHeadless(scenario, s.answers);
        for (const t of [run.endT, ...moments.map((m) => secondOf(run, m))]) {
          expect(disagreements(scenario, run, t), `t=${t}`).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
