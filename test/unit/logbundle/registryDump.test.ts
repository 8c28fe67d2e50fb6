/**
 * MdmDiagReport_RegistryDump.reg (§3.4, §4.3–4.7): it must open as a .reg file, and the values a
 * support engineer checks must be the ones this run had.
 */
import { describe, expect, it } from 'vitest';
import { viewAt } from '../../../electron/core/engine/simulate';
import type { EspProfile } from '../../../electron/core/scenario/model';
import type { RegFile } from './fixtures';
import {
  dwordOf,
  filesOf,
  findKey,
  parseReg,
  runOf,
  selfDeployingScenario,
  stringOf,
  successScenario,
  teamsFailsScenario,
  wallSecond,
} from './fixtures';

const REG = 'MdmDiagReport_RegistryDump.reg';
const EST = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\Autopilot\\EnrollmentStatusTracking';

function regOf(
  scenario: ReturnType<typeof teamsFailsScenario>,
  t?: number,
): { reg: RegFile; run: ReturnType<typeof runOf> } {
  const run = runOf(scenario);
  const content = filesOf(scenario, run, t ?? run.endT).get(REG);
  if (!(content instanceof Uint8Array)) throw new Error('the .reg file is not binary (UTF-16LE)');
  return { reg: parseReg(content), run };
}

/** §1.9 table, written out here independently: Reset 0x1, Try again 0x2, Continue anyway 0x4; 0 when not blocking. */
function expectedBits(profile: EspProfile): number {
  if (profile.blockDeviceSetupRetryByUser) return 0;
  return (
    0x2 | (profile.allowDeviceResetOnInstallFailure ? 0x1 : 0) | (profile.allowDeviceUseOnInstallFailure ? 0x4 : 0)
  );
}

describe('the registry dump opens as a .reg file', () => {
  it('is UTF-16LE with a BOM, the regedit header, CRLF, bracketed keys and parseable values', () => {
    const { reg } = regOf(teamsFailsScenario());
    expect(reg.header).toBe('Windows Registry Editor Version 5.00');
    expect(reg.order.length).toBeGreaterThan(10);
    for (const key of reg.order) expect(key.startsWith('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\')).toBe(true);
  });

  it('JSON values survive the string escaping (AutopilotSettings parses back)', () => {
    const { reg } = regOf(teamsFailsScenario());
    const json = stringOf(
      reg,
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Provisioning\\AutopilotSettings',
      'DeviceSetupCategory.Status',
    );
    expect(() => JSON.parse(json!)).not.toThrow();
  });

  it('a custom error message with quotes, backslashes and a line break still parses', () => {
    const scenario = teamsFailsScenario();
    scenario.tenant.espProfiles[0]!.customErrorMessage = 'Call "IT" on C:\\help\nor 555-0100';
    const { reg } = regOf(scenario);
    const firstSync = findKey(reg, /\\Enrollments\\\{[0-9A-F-]+\}\\FirstSync$/);
    const value = reg.keys.get(firstSync)!.get('CustomErrorText');
    // regedit writes a REG_SZ with a line break as hex(1): UTF-16LE bytes with a final NUL.
    expect(value?.type).toBe('hex');
    if (value?.type !== 'hex') return;
    expect(value.kind).toBe('1');
    const text = new TextDecoder('utf-16le').decode(new Uint8Array(value.bytes));
    expect(text).toBe('Call "IT" on C:\\help\nor 555-0100\0');
  });
});

describe('FirstSync holds the profile this device received', () => {
  it('BlockInStatusPage, SyncFailureTimeout and the skip flags agree with the profile and the run', () => {
    const scenario = teamsFailsScenario();
    const { reg } = regOf(scenario);
    const profile = scenario.tenant.espProfiles.find((p) => p.id === 'esp-1')!;
    const key = findKey(reg, /\\Enrollments\\\{[0-9A-F-]+\}\\FirstSync$/);
    expect(dwordOf(reg, key, 'BlockInStatusPage')).toBe(expectedBits(profile));
    expect(dwordOf(reg, key, 'BlockInStatusPage')).toBe(0x3);
    expect(dwordOf(reg, key, 'SyncFailureTimeout')).toBe(45);
    expect(dwordOf(reg, key, 'SkipDeviceStatusPage')).toBe(0);
    expect(dwordOf(reg, key, 'SkipUserStatusPage')).toBe(0);
    expect(dwordOf(reg, key, 'AllowCollectLogsButton')).toBe(1);
    expect(dwordOf(reg, key, 'WasDeviceSuccessfullyProvisioned')).toBe(0);
    expect(dwordOf(reg, key, 'IsSyncDone')).toBe(0);
    expect(stringOf(reg, key, 'ExpectedPolicies')).toContain('EntDMID');
  });

  it('Block device use = No writes BlockInStatusPage 0', () => {
    const scenario = teamsFailsScenario();
    scenario.tenant.espProfiles[0]!.blockDeviceSetupRetryByUser = true;
    const { reg } = regOf(scenario);
    expect(dwordOf(reg, findKey(reg, /\\FirstSync$/), 'BlockInStatusPage')).toBe(0);
  });

  it('self-deploying has no user page: SkipUserStatusPage is 0xffffffff, and no user subtree', () => {
    const { reg } = regOf(selfDeployingScenario());
    expect(dwordOf(reg, findKey(reg, /\\FirstSync$/), 'SkipUserStatusPage')).toBe(0xffffffff);
    expect(reg.order.some((k) => k.includes('S-1-12-1-'))).toBe(false);
  });

  it('a finished run: IsSyncDone 1, WasDeviceSuccessfullyProvisioned 1, and a per-user FirstSync', () => {
    const { reg } = regOf(successScenario());
    const device = findKey(reg, /\\FirstSync$/);
    expect(dwordOf(reg, device, 'IsSyncDone')).toBe(1);
    expect(dwordOf(reg, device, 'WasDeviceSuccessfullyProvisioned')).toBe(1);
    const user = findKey(reg, /\\FirstSync\\S-1-12-1-\d+-\d+-\d+-\d+$/);
    expect(dwordOf(reg, user, 'IsSyncDone')).toBe(1);
    expect(stringOf(reg, device, 'ExpectedMSIAppPackages')).toMatch(
      /EnterpriseDesktopAppManagement\/MSI\/\{[0-9A-F-]+\}\/DownloadInstall;1$/,
    );
  });
});

describe('EnrollmentStatusTracking agrees with the run', () => {
  it('the failed app is InstallationState 4 (Error), the installed one 3', () => {
    const { reg } = regOf(teamsFailsScenario());
    const tracking = `${EST}\\Device\\Setup\\Apps\\Tracking\\Sidecar`;
    expect(dwordOf(reg, `${tracking}\\Win32App_teams_1`, 'InstallationState')).toBe(4);
    expect(dwordOf(reg, `${tracking}\\Win32App_vpn_1`, 'InstallationState')).toBe(3);
    expect(dwordOf(reg, `${EST}\\Device\\Setup\\Apps\\PolicyProviders\\Sidecar`, 'TrackingPoliciesCreated')).toBe(1);
    expect(dwordOf(reg, `${EST}\\Device\\DevicePreparation\\PolicyProviders\\Sidecar`, 'InstallationState')).toBe(3);
  });

  it('collected while Teams installs, it is InstallationState 2 (InProgress)', () => {
    const scenario = teamsFailsScenario();
    const run = runOf(scenario);
    const started = run.timeline.find((e) => e.type === 'appInstallStarted' && e.appId === 'teams')!;
    const { reg } = regOf(scenario, started.t + 5);
    expect(dwordOf(reg, `${EST}\\Device\\Setup\\Apps\\Tracking\\Sidecar\\Win32App_teams_1`, 'InstallationState')).toBe(
      2,
    );
  });

  it('the user SID subtree exists only once Device setup has succeeded', () => {
    expect(regOf(teamsFailsScenario()).reg.order.some((k) => /EnrollmentStatusTracking\\S-1-12-1-/.test(k))).toBe(
      false,
    );
    const { reg } = regOf(successScenario());
    const userApp = findKey(
      reg,
      /EnrollmentStatusTracking\\S-1-12-1-[\d-]+\\Setup\\Apps\\Tracking\\Sidecar\\Win32App_notes_1$/,
    );
    expect(dwordOf(reg, userApp, 'InstallationState')).toBe(3);
  });

  it('a 3010 app records RebootRequired 2 (SoftReboot)', () => {
    const { reg } = regOf(successScenario());
    expect(dwordOf(reg, `${EST}\\Device\\Setup\\Apps\\Tracking\\Sidecar\\Win32App_agent_1`, 'RebootRequired')).toBe(2);
  });

  it('ESPTrackingInfo\\Diagnostics: timestamp-named values, the last one 4 at the failure time', () => {
    const scenario = teamsFailsScenario();
    const { reg, run } = regOf(scenario);
    const failed = run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'teams')!;
    const values = reg.keys.get(`${EST}\\ESPTrackingInfo\\Diagnostics\\Sidecar\\Win32App_teams_1`)!;
    const names = [...values.keys()];
    for (const name of names) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const last = names[names.length - 1]!;
    expect(last.slice(0, 19)).toBe(wallSecond(failed.t));
    expect(values.get(last)).toEqual({ type: 'dword', value: 4 });
    const policy = findKey(reg, /ESPTrackingInfo\\Diagnostics\\ExpectedPolicies\\.*EntDMID$/);
    expect([...reg.keys.get(policy)!.values()].map((v) => (v.type === 'dword' ? v.value : -1))).toEqual([0, 1]);
  });
});

describe('AutopilotSettings holds what the screen showed at the collection time', () => {
  for (const when of ['at the error screen', 'half-way through'] as const) {
    it(`category and sub-item texts equal the screen ${when}`, () => {
      const scenario = teamsFailsScenario();
      const run = runOf(scenario);
      const t = when === 'at the error screen' ? run.endT : Math.floor(run.endT / 2);
      const { reg } = regOf(scenario, t);
      const view = viewAt(run, t);
      const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Provisioning\\AutopilotSettings';
      const ids = {
        devicePreparation: 'DevicePreparation',
        deviceSetup: 'DeviceSetup',
        accountSetup: 'AccountSetup',
      } as const;
      for (const phase of view.phases) {
        const json = JSON.parse(stringOf(reg, key, `${ids[phase.id]}Category.Status`)!) as Record<string, unknown>;
        expect(json.categoryStatusText).toBe(phase.statusText);
        const subTexts = Object.entries(json)
          .filter(([k]) => k.startsWith(`${ids[phase.id]}.`))
          .map(([, v]) => (v as { subcategoryStatusText: string }).subcategoryStatusText);
        expect(subTexts).toEqual(phase.items.map((i) => i.text));
      }
      if (t === run.endT) {
        const device = JSON.parse(stringOf(reg, key, 'DeviceSetupCategory.Status')!) as Record<
          string,
          { subcategoryState?: string }
        > & { categoryState: string };
        expect(device.categoryState).toBe('failed');
        expect(device['DeviceSetup.AppsSubcategory']?.subcategoryState).toBe('failed');
        const account = JSON.parse(stringOf(reg, key, 'AccountSetupCategory.Status')!) as { categoryState: string };
        expect(account.categoryState).toBe('failedFromPreviousCategory');
      }
    });
  }
});

describe('Provisioning\\Diagnostics\\Autopilot', () => {
  it('names the tenant, the Autopilot profile and the OOBE configuration', () => {
    const scenario = teamsFailsScenario();
    const { reg } = regOf(scenario);
    const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Provisioning\\Diagnostics\\Autopilot';
    expect(stringOf(reg, key, 'CloudAssignedTenantId')).toBe(scenario.tenant.id);
    expect(stringOf(reg, key, 'CloudAssignedTenantDomain')).toBe('contoso.onmicrosoft.com');
    expect(stringOf(reg, key, 'DeploymentProfileName')).toBe(scenario.device.enrollmentProfileName);
    expect(dwordOf(reg, key, 'IsAutopilotDisabled')).toBe(0);
    expect(dwordOf(reg, key, 'CloudAssignedDomainJoinMethod')).toBe(0);
    const oobe = dwordOf(reg, key, 'CloudAssignedOobeConfig')!;
    expect(oobe & 16, 'SkipEula').toBe(16);
    expect(oobe & 32, 'no TPM attestation in user-driven mode').toBe(0);
  });

  it('self-deploying requires TPM attestation (bit 32)', () => {
    const { reg } = regOf(selfDeployingScenario());
    const oobe = dwordOf(
      reg,
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Provisioning\\Diagnostics\\Autopilot',
      'CloudAssignedOobeConfig',
    )!;
    expect(oobe & 32).toBe(32);
  });
});
