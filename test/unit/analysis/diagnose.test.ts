/**
 * "What went wrong" (electron/core/analysis/diagnose.ts): for every cause the engine can inject —
 * every fault of simulation.faults, every failure path, a timeout in each phase — the scenario's
 * bundle is written with the real writer (bundleFiles), diagnosed from the device's files alone
 * (scenario.json and timeline.json left out), and the cause (kind, app, code) must be right and
 * every cited line must be exactly that line of that file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import type { BundleEntry } from '../../../electron/core/analysis/bundleReader';
import type { CauseKind, Diagnosis } from '../../../electron/core/analysis/diagnose';
import { diagnoseBundle } from '../../../electron/core/analysis/diagnose';
import type { BundleFile } from '../../../electron/core/logbundle/bundle';
import { bundleFiles, logBundleFileName } from '../../../electron/core/logbundle/bundle';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { App, EspProfile, Fault, Scenario } from '../../../electron/core/scenario/model';
import type { UserAction } from '../../../shared/actions';
import { expectEvidenceInFiles } from './evidence';
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

const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');

function entriesOf(files: readonly BundleFile[]): BundleEntry[] {
  return files
    .filter((f) => f.name !== 'scenario.json' && f.name !== 'timeline.json')
    .map((f) => ({
      name: f.name,
      data: typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content,
    }));
}

function diagnoseScenario(scenario: Scenario, responses: UserAction[] = []) {
  const result = runHeadless(scenario, responses);
  if (!result.ok) throw new Error(result.error);
  const run = result.run;
  const files = bundleFiles(scenario, run, run.endT, { archiveName: logBundleFileName(scenario) });
  const diagnosis = diagnoseBundle(entriesOf(files));
  expectEvidenceInFiles(diagnosis, files);
  expect(diagnosis.steps.length).toBeGreaterThan(0);
  expect(diagnosis.summary).toMatch(/^[A-Z"].*\.$/);
  return { diagnosis, files, run };
}

// ---- Scenarios built for one cause each ---------------------------------------------------------------

const win32 = (id: string, overrides: Partial<App> = {}) =>
  makeApp({ id, displayName: `App ${id}`, assignments: [required(groupTarget(DEVICE_GROUP))], ...overrides });

interface Build {
  apps: App[];
  behaviour?: Record<string, { installSeconds?: number; downloadMB?: number; exitCodes?: number[] }>;
  faults?: Fault[];
  profile?: Partial<EspProfile>;
  mode?: Scenario['deployment']['mode'];
  licensed?: boolean;
  tenant?: Partial<Scenario['tenant']>;
  resources?: Scenario['simulation']['resources'];
}

function build(b: Build): Scenario {
  return makeScenario({
    deployment: { mode: b.mode ?? 'userDriven' },
    users: [makeUser({ intuneLicensed: b.licensed ?? true })],
    tenant: {
      espProfiles: [
        makeProfile({
          id: 'p',
          displayName: 'Contoso ESP',
          assignments: [groupTarget(DEVICE_GROUP)],
          allowLogCollectionOnInstallFailure: true,
          allowDeviceResetOnInstallFailure: true,
          ...b.profile,
        }),
      ],
      apps: b.apps,
      ...b.tenant,
    },
    simulation: {
      apps: Object.fromEntries(
        b.apps.map((a) => {
          const x = b.behaviour?.[a.id] ?? {};
          return [
            a.id,
            { installSeconds: x.installSeconds ?? 60, downloadMB: x.downloadMB ?? 24, exitCodes: x.exitCodes ?? [0] },
          ];
        }),
      ),
      resources: b.resources ?? {},
      faults: b.faults ?? [],
    },
  });
}

interface Case {
  name: string;
  scenario: () => Scenario;
  responses?: UserAction[];
  outcome: Diagnosis['outcome'];
  phase: Diagnosis['phase'];
  kind: CauseKind;
  appId: string | null;
  code: string | null;
}

const cert = {
  id: 'cert-scep',
  displayName: 'Wi-Fi SCEP',
  kind: 'scep' as const,
  assignments: [groupTarget(DEVICE_GROUP)],
};
const edge = {
  id: 'pol-edge',
  displayName: 'Edge',
  kind: 'edgeBrowser' as const,
  assignments: [groupTarget(DEVICE_GROUP)],
};
const wifi = {
  id: 'net-wifi',
  displayName: 'Office Wi-Fi',
  kind: 'wifi' as const,
  assignments: [groupTarget(DEVICE_GROUP)],
};

const CASES: Case[] = [
  // Failure paths of an app's exit code (§5.3).
  {
    name: 'a Win32 app exits 1603, a code its return codes do not map',
    scenario: () => build({ apps: [win32('a1'), win32('a2')], behaviour: { a2: { exitCodes: [1603] } } }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'appInstallFailed',
    appId: 'a2',
    code: '1603',
  },
  {
    name: 'a Win32 app exits with a code mapped as Failed',
    scenario: () =>
      build({
        apps: [win32('a1', { returnCodes: [...DEFAULT_RETURN_CODES, { returnCode: 5, type: 'failed' }] })],
        behaviour: { a1: { exitCodes: [5] } },
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'appInstallFailed',
    appId: 'a1',
    code: '5',
  },
  {
    name: 'a Retry code three times in a row',
    scenario: () =>
      build({
        apps: [win32('a1', { returnCodes: [...DEFAULT_RETURN_CODES, { returnCode: 1, type: 'retry' }] })],
        behaviour: { a1: { exitCodes: [1, 1, 1] } },
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'appRetryExhausted',
    appId: 'a1',
    code: '1',
  },
  {
    name: '1618 three times with no MSI installing beside it',
    scenario: () => build({ apps: [win32('a1')], behaviour: { a1: { exitCodes: [1618, 1618, 1618] } } }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'appRetryExhausted',
    appId: 'a1',
    code: '1618',
  },
  {
    name: 'fault msiWin32Conflict: 1618 while an MSI installs through MDM (§7.1)',
    scenario: () =>
      build({
        apps: [win32('w1'), win32('m1', { kind: 'msi', odataType: '#microsoft.graph.windowsMobileMSI' })],
        behaviour: { m1: { installSeconds: 5000 } },
        faults: [{ kind: 'msiWin32Conflict', appId: 'w1' }],
        profile: { installProgressTimeoutInMinutes: 120 },
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'msiWin32Conflict',
    appId: 'w1',
    code: '1618',
  },
  {
    name: 'an MSI line-of-business app fails (event 1924)',
    scenario: () =>
      build({
        apps: [win32('m1', { kind: 'msi', odataType: '#microsoft.graph.windowsMobileMSI' })],
        behaviour: { m1: { exitCodes: [1603] } },
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'appInstallFailed',
    appId: 'm1',
    code: '1603',
  },
  {
    name: 'a Store (AppX) app fails: only the ESP page reports it',
    scenario: () =>
      build({
        apps: [win32('x1', { kind: 'appx', odataType: '#microsoft.graph.windowsUniversalAppX' })],
        behaviour: { x1: { exitCodes: [1] } },
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'appInstallFailed',
    appId: 'x1',
    code: '1',
  },
  {
    name: 'a user app fails in Account setup',
    scenario: () =>
      build({
        apps: [
          win32('d1'),
          makeApp({ id: 'u1', installContext: 'user', assignments: [required(groupTarget(USER_GROUP))] }),
        ],
        behaviour: { u1: { exitCodes: [1603] } },
      }),
    outcome: 'failed',
    phase: 'accountSetup',
    kind: 'appInstallFailed',
    appId: 'u1',
    code: '1603',
  },
  {
    name: 'Try again, and the app fails again: the last failure is the cause',
    scenario: () => build({ apps: [win32('a1')], behaviour: { a1: { exitCodes: [1603, 1612] } } }),
    responses: ['tryAgain'],
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'appInstallFailed',
    appId: 'a1',
    code: '1612',
  },
  {
    name: 'Continue anyway after an app failure',
    scenario: () =>
      build({
        apps: [win32('a1')],
        behaviour: { a1: { exitCodes: [1603] } },
        profile: { allowDeviceUseOnInstallFailure: true },
      }),
    responses: ['continueAnyway'],
    outcome: 'continuedAnyway',
    phase: 'deviceSetup',
    kind: 'appInstallFailed',
    appId: 'a1',
    code: '1603',
  },
  {
    name: 'Reset device after an app failure',
    scenario: () => build({ apps: [win32('a1')], behaviour: { a1: { exitCodes: [1603] } } }),
    responses: ['resetDevice'],
    outcome: 'reset',
    phase: 'deviceSetup',
    kind: 'appInstallFailed',
    appId: 'a1',
    code: '1603',
  },
  {
    name: 'Continue anyway while the ESP still runs (Block device use = No, §1.10): nothing failed',
    scenario: () => build({ apps: [win32('a1'), win32('a2')], profile: { blockDeviceSetupRetryByUser: true } }),
    responses: ['continueAnywayWhileRunning'],
    outcome: 'continuedAnyway',
    phase: null,
    kind: 'none',
    appId: null,
    code: null,
  },
  // Faults (scenario simulation.faults).
  {
    name: 'fault packagedReboot: the installer restarts the device itself (§7.2)',
    scenario: () =>
      build({
        apps: [win32('a1'), win32('a2')],
        faults: [{ kind: 'packagedReboot', appId: 'a1' }],
        profile: { installProgressTimeoutInMinutes: 30 },
      }),
    outcome: 'timedOut',
    phase: 'deviceSetup',
    kind: 'packagedReboot',
    appId: 'a1',
    code: '0x800705b4',
  },
  {
    name: 'fault declaredReboot: 3010 in Device setup, then credentials again (§7.5)',
    scenario: () => build({ apps: [win32('a1'), win32('a2')], faults: [{ kind: 'declaredReboot', appId: 'a1' }] }),
    outcome: 'succeeded',
    phase: 'deviceSetup',
    kind: 'declaredReboot',
    appId: 'a1',
    code: '3010',
  },
  {
    name: 'a hard reboot code (1641) in Device setup',
    scenario: () => build({ apps: [win32('a1'), win32('a2')], behaviour: { a1: { exitCodes: [1641] } } }),
    outcome: 'succeeded',
    phase: 'deviceSetup',
    kind: 'declaredReboot',
    appId: 'a1',
    code: '1641',
  },
  {
    name: 'fault officeHang on Microsoft 365 Apps (§7.8)',
    scenario: () =>
      build({
        apps: [
          win32('w1'),
          win32('o1', {
            kind: 'office',
            odataType: '#microsoft.graph.officeSuiteApp',
            displayName: 'Microsoft 365 Apps',
          }),
        ],
        faults: [{ kind: 'officeHang', appId: 'o1' }],
      }),
    outcome: 'timedOut',
    phase: 'deviceSetup',
    kind: 'officeHang',
    appId: 'o1',
    code: '0x800705b4',
  },
  {
    name: 'fault officeHang on a Win32 app: from the logs, a timeout while it installs',
    scenario: () => build({ apps: [win32('w1'), win32('w2')], faults: [{ kind: 'officeHang', appId: 'w2' }] }),
    outcome: 'timedOut',
    phase: 'deviceSetup',
    kind: 'timeout',
    appId: 'w2',
    code: '0x800705b4',
  },
  {
    name: 'fault identifyingNeverEnds (§7.4)',
    scenario: () => build({ apps: [win32('a1')], faults: [{ kind: 'identifyingNeverEnds' }] }),
    outcome: 'timedOut',
    phase: 'accountSetup',
    kind: 'identifyingNeverEnds',
    appId: null,
    code: '0x800705b4',
  },
  {
    name: 'a user without an Intune licence: Identifying until the timeout (§7.4)',
    scenario: () => build({ apps: [win32('a1')], licensed: false }),
    outcome: 'timedOut',
    phase: 'accountSetup',
    kind: 'identifyingNeverEnds',
    appId: null,
    code: '0x800705b4',
  },
  {
    name: 'fault tpmAttestationFailure with its HRESULT (§7.7)',
    scenario: () =>
      build({
        apps: [win32('a1')],
        mode: 'selfDeploying',
        faults: [{ kind: 'tpmAttestationFailure', hresult: 0x81039001 }],
      }),
    outcome: 'failed',
    phase: 'devicePreparation',
    kind: 'tpmAttestationFailure',
    appId: null,
    code: '0x81039001',
  },
  {
    name: 'a device whose TPM fails attestation (device.tpmAttestation)',
    scenario: () => {
      const s = build({ apps: [win32('a1')], mode: 'selfDeploying' });
      s.device.tpmAttestation = 'fails';
      return s;
    },
    outcome: 'failed',
    phase: 'devicePreparation',
    kind: 'tpmAttestationFailure',
    appId: null,
    code: '0x800705b4',
  },
  {
    name: "fault espProviderTimeout: the provider's own 15 minutes (§1.11)",
    scenario: () => build({ apps: [win32('a1')], faults: [{ kind: 'espProviderTimeout' }] }),
    outcome: 'failed',
    phase: 'devicePreparation',
    kind: 'espProviderTimeout',
    appId: null,
    code: '0x800705b4',
  },
  {
    name: 'fault resourceFails on a SCEP certificate',
    scenario: () =>
      build({
        apps: [win32('a1')],
        tenant: { certificateProfiles: [cert] },
        faults: [{ kind: 'resourceFails', resourceId: cert.id }],
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'resourceFailed',
    appId: null,
    code: '0x82b00006',
  },
  {
    name: 'a policy that fails (simulation.resources)',
    scenario: () =>
      build({
        apps: [win32('a1')],
        tenant: { policies: [edge] },
        resources: { [edge.id]: { applySeconds: 5, fails: true } },
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'resourceFailed',
    appId: null,
    code: '0x82b00006',
  },
  {
    name: 'fault resourceFails on a Wi-Fi profile',
    scenario: () =>
      build({
        apps: [win32('a1')],
        tenant: { networkProfiles: [wifi] },
        faults: [{ kind: 'resourceFails', resourceId: wifi.id }],
      }),
    outcome: 'failed',
    phase: 'deviceSetup',
    kind: 'resourceFailed',
    appId: null,
    code: '0x82b00006',
  },
  {
    name: 'fault networkOutage the ESP rides out: a slow download',
    scenario: () =>
      build({
        apps: [win32('a1'), win32('a2')],
        behaviour: { a2: { downloadMB: 120 } },
        faults: [{ kind: 'networkOutage', atSeconds: 60, forSeconds: 1200 }],
      }),
    outcome: 'succeeded',
    phase: 'deviceSetup',
    kind: 'slowDownload',
    appId: 'a1',
    code: null,
  },
  {
    name: 'fault networkOutage longer than the timer: a timeout while it downloads',
    scenario: () =>
      build({
        apps: [win32('a1')],
        faults: [{ kind: 'networkOutage', atSeconds: 30, forSeconds: 7200 }],
        profile: { installProgressTimeoutInMinutes: 30 },
      }),
    outcome: 'timedOut',
    phase: 'deviceSetup',
    kind: 'timeout',
    appId: 'a1',
    code: '0x800705b4',
  },
  // A timeout in each phase (§1.11).
  {
    name: "timeout in Device preparation (the timer shorter than the provider's wait)",
    scenario: () =>
      build({
        apps: [win32('a1')],
        faults: [{ kind: 'espProviderTimeout' }],
        profile: { installProgressTimeoutInMinutes: 10 },
      }),
    outcome: 'timedOut',
    phase: 'devicePreparation',
    kind: 'timeout',
    appId: null,
    code: '0x800705b4',
  },
  {
    name: 'timeout in Device setup while an app installs',
    scenario: () =>
      build({
        apps: [win32('a1'), win32('a2')],
        behaviour: { a2: { installSeconds: 99_999 } },
        profile: { installProgressTimeoutInMinutes: 20 },
      }),
    outcome: 'timedOut',
    phase: 'deviceSetup',
    kind: 'timeout',
    appId: 'a2',
    code: '0x800705b4',
  },
  {
    name: 'timeout in Account setup while a user app installs',
    scenario: () =>
      build({
        apps: [
          win32('d1'),
          makeApp({ id: 'u1', installContext: 'user', assignments: [required(groupTarget(USER_GROUP))] }),
        ],
        behaviour: { u1: { installSeconds: 99_999 } },
        profile: { installProgressTimeoutInMinutes: 20 },
      }),
    outcome: 'timedOut',
    phase: 'accountSetup',
    kind: 'timeout',
    appId: 'u1',
    code: '0x800705b4',
  },
  // Nothing wrong.
  {
    name: 'everything succeeds',
    scenario: () => build({ apps: [win32('a1'), win32('a2')] }),
    outcome: 'succeeded',
    phase: null,
    kind: 'none',
    appId: null,
    code: null,
  },
  {
    name: 'Try again after a failure, then success',
    scenario: () => build({ apps: [win32('a1')], behaviour: { a1: { exitCodes: [1603, 0] } } }),
    responses: ['tryAgain'],
    outcome: 'succeeded',
    phase: null,
    kind: 'none',
    appId: null,
    code: null,
  },
];

describe('diagnoseBundle names the cause the engine injected', () => {
  it.each(CASES)('$name', (c) => {
    const { diagnosis } = diagnoseScenario(c.scenario(), c.responses ?? []);
    expect({ outcome: diagnosis.outcome, phase: diagnosis.phase, ...diagnosis.cause }).toEqual({
      outcome: c.outcome,
      phase: c.phase,
      kind: c.kind,
      appId: c.appId,
      code: c.code,
    });
  });

  it('covers every cause kind the engine can produce, and every fault kind', () => {
    const kinds = new Set(CASES.map((c) => c.kind));
    for (const kind of [
      'appInstallFailed',
      'appRetryExhausted',
      'msiWin32Conflict',
      'timeout',
      'tpmAttestationFailure',
      'espProviderTimeout',
      'resourceFailed',
      'identifyingNeverEnds',
      'packagedReboot',
      'officeHang',
      'declaredReboot',
      'slowDownload',
      'none',
    ] satisfies CauseKind[]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    const faults = new Set(CASES.flatMap((c) => c.scenario().simulation.faults.map((f) => f.kind)));
    for (const kind of [
      'packagedReboot',
      'msiWin32Conflict',
      'declaredReboot',
      'identifyingNeverEnds',
      'tpmAttestationFailure',
      'officeHang',
      'networkOutage',
      'resourceFails',
      'espProviderTimeout',
    ] satisfies Fault['kind'][]) {
      expect(faults.has(kind), kind).toBe(true);
    }
  });

  it('says the ESP failed earlier when Try again later succeeded', () => {
    const c = CASES.find((x) => x.name.startsWith('Try again after a failure'))!;
    expect(diagnoseScenario(c.scenario(), c.responses).diagnosis.notes.join(' ')).toMatch(/failed once before/);
  });

  it("reads the same cause with or without the simulator's own files", () => {
    const scenario = CASES[0]!.scenario();
    const run = runHeadless(scenario).run;
    const files = bundleFiles(scenario, run, run.endT);
    const all = files.map((f) => ({
      name: f.name,
      data: typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content,
    }));
    expect(diagnoseBundle(all)).toEqual(diagnoseBundle(entriesOf(files)));
  });
});

describe('diagnoseBundle on every bundled scenario', () => {
  const expected: Record<string, [Diagnosis['outcome'], CauseKind, string | null, string | null]> = {
    'block-device-use-no.json': ['succeeded', 'none', null, null],
    'certificate-fails.json': ['failed', 'resourceFailed', null, '0x82b00006'],
    'declared-reboot-sign-in.json': ['succeeded', 'declaredReboot', 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01', '3010'],
    'default.json': ['succeeded', 'none', null, null],
    'entra-join-oobe.json': ['succeeded', 'none', null, null],
    'esp-not-shown.json': ['notShown', 'none', null, null],
    'esp-provider-timeout.json': ['failed', 'espProviderTimeout', null, '0x800705b4'],
    'hybrid-join.json': ['succeeded', 'none', null, null],
    'identifying-unlicensed-user.json': ['timedOut', 'identifyingNeverEnds', null, '0x800705b4'],
    'msi-win32-1618-conflict.json': ['failed', 'msiWin32Conflict', 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01', '1618'],
    'network-outage.json': ['succeeded', 'slowDownload', 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e03', null],
    'office-hang.json': ['timedOut', 'officeHang', 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e06', '0x800705b4'],
    'packaged-reboot-hang.json': ['timedOut', 'packagedReboot', 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e01', '0x800705b4'],
    'pre-provisioning-app-failure.json': ['failed', 'appInstallFailed', 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02', '1603'],
    'pre-provisioning-success.json': ['succeeded', 'none', null, null],
    'quality-updates.json': ['succeeded', 'none', null, null],
    'selected-blocking-apps.json': ['succeeded', 'none', null, null],
    'self-deploying-kiosk.json': ['succeeded', 'none', null, null],
    'self-deploying-tpm-failure.json': ['failed', 'tpmAttestationFailure', null, '0x800705b4'],
    'user-driven-app-fails.json': ['failed', 'appInstallFailed', 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02', '1603'],
  };

  it('knows what every bundled scenario shows', () => {
    expect(Object.keys(expected).sort()).toEqual(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
  });

  it.each(Object.entries(expected))('%s', async (name, [outcome, kind, appId, code]) => {
    const loaded = await loadScenarioFile(join(dir, name));
    if (loaded.kind !== 'valid') throw new Error(name);
    const { diagnosis } = diagnoseScenario(loaded.scenario);
    expect([diagnosis.outcome, diagnosis.cause.kind, diagnosis.cause.appId, diagnosis.cause.code]).toEqual([
      outcome,
      kind,
      appId,
      code,
    ]);
  });
});

describe('diagnoseBundle with what a real device may give it', () => {
  const failing = () => build({ apps: [win32('a1'), win32('a2')], behaviour: { a2: { exitCodes: [1603] } } });

  it('finds the files in folders and rotated IME logs by their names', () => {
    const scenario = failing();
    const run = runHeadless(scenario).run;
    const files = bundleFiles(scenario, run, run.endT).map((f) => ({
      ...f,
      name: f.name === 'AppWorkload.log' ? 'Logs/IME/AppWorkload-20260302-083000.log' : `Logs/${f.name}`,
    }));
    const d = diagnoseBundle(entriesOf(files));
    expect(d.cause).toEqual({ kind: 'appInstallFailed', appId: 'a2', code: '1603' });
    expectEvidenceInFiles(d, files);
    expect(d.evidence.some((e) => e.file === 'Logs/IME/AppWorkload-20260302-083000.log')).toBe(true);
  });

  it('without the IME logs and the event logs, still tells the failure from the registry, and says what it lacked', () => {
    const scenario = failing();
    const run = runHeadless(scenario).run;
    const files = bundleFiles(scenario, run, run.endT).filter((f) => f.name === 'MdmDiagReport_RegistryDump.reg');
    const d = diagnoseBundle(entriesOf(files), ['microsoft-windows-shell-core-operational.evtx is a binary event log']);
    expect(d.outcome).toBe('failed');
    expect(d.phase).toBe('deviceSetup');
    expect(d.cause).toEqual({ kind: 'appInstallFailed', appId: 'a2', code: '0x80070643' });
    expectEvidenceInFiles(d, files);
    const notes = d.notes.join('\n');
    expect(notes).toMatch(/binary event log/);
    expect(notes).toMatch(/no Intune Management Extension log/);
    expect(notes).toMatch(/no event log exported as text/);
  });

  it('never throws on files it cannot make sense of', () => {
    const junk = [
      { name: 'AppWorkload.log', data: new TextEncoder().encode('<![LOG[unterminated\r\nnot cmtrace\r\n') },
      { name: 'MdmDiagReport_RegistryDump.reg', data: new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x0d, 0x00]) },
      {
        name: 'microsoft-windows-shell-core-operational.txt',
        data: new TextEncoder().encode('Event[0]:\r\n  Date: x\r\n'),
      },
    ];
    const d = diagnoseBundle(junk);
    expect(d.cause.kind).toBe('unknown');
    expect(d.outcome).toBe('unknown');
    expect(d.steps.length).toBeGreaterThan(0);
  });
});
