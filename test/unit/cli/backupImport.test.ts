/**
 * The CI check of docs/cli.md ("Tenant checks in CI"): an Intune backup folder, as IntuneBackupAndRestore or
 * IntuneManagement lays it out (small made-up trees), through `esp-sim import`, then `esp-sim run --expect`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { assignmentsFileId } from '../../../electron/core/scenario/graphImport';

const scratch = mkdtempSync(join(tmpdir(), 'esp-backup-import-'));
const VPN = '9b1f4a6e-2c3d-4e5f-8a9b-0c1d2e3f4a01';
const TEAMS = '9b1f4a6e-2c3d-4e5f-8a9b-0c1d2e3f4a02';
const PROFILE = '6d2e8f10-1a2b-4c3d-9e8f-7a6b5c4d3e2f_Windows10EnrollmentCompletionPageConfiguration';
const DEVICES = '0a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';

const target = (groupId: string) => ({ '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId });
const app = (id: string, displayName: string) => ({
  '@odata.type': '#microsoft.graph.win32LobApp',
  id,
  displayName,
  publisher: 'Contoso',
  installExperience: { runAsAccount: 'system', deviceRestartBehavior: 'basedOnReturnCode' },
  largeIcon: { type: 'image/png', value: 'iVBORw0KGgo=' },
});
const profile = {
  '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
  id: PROFILE,
  displayName: 'Autopilot ESP',
  priority: 1,
  deviceEnrollmentConfigurationType: 'windows10EnrollmentCompletionPageConfiguration',
  showInstallationProgress: true,
  installProgressTimeoutInMinutes: 60,
  allowDeviceResetOnInstallFailure: true,
  selectedMobileAppIds: [VPN],
};

/** Writes a tree of JSON files; `utf16` files as Windows PowerShell 5.1's Out-File does (UTF-16LE, BOM). */
function tree(name: string, files: Record<string, unknown>, utf16: string[] = []): string {
  const dir = join(scratch, name);
  for (const [path, value] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    const text = JSON.stringify(value, null, 4);
    writeFileSync(file, utf16.includes(path) ? Buffer.from(`\ufeff${text}`, 'utf16le') : text);
  }
  return dir;
}

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const CHECKS = [
  'outcome=succeeded',
  `tracked=${VPN}`,
  `notTracked=${TEAMS}`,
  'profile=Autopilot ESP',
  'phase.deviceSetup=succeeded',
  'maxMinutes=45',
];
const expectations = (list: string[]) => list.flatMap((e) => ['--expect', e]);

describe('importing an Intune backup folder and checking it', () => {
  it('names IntuneBackupAndRestore assignments files after their object', () => {
    expect(assignmentsFileId(`backup/Client Apps/Assignments/${VPN} - Contoso VPN.json`)).toBe(VPN);
    expect(assignmentsFileId(`C:\\backup\\Client Apps\\Assignments\\${VPN} - Contoso - VPN.json`)).toBe(VPN);
    expect(assignmentsFileId(`backup/Client Apps/${VPN} - Contoso VPN.json`)).toBeNull();
    expect(assignmentsFileId('backup/Assignments/readme.json')).toBeNull();
  });

  it('IntuneBackupAndRestore: assignments in files of their own, under Assignments/, are joined to their app', async () => {
    const dir = tree(
      'ibar',
      {
        'Client Apps/win32LobApp_Contoso VPN.json': app(VPN, 'Contoso VPN'),
        'Client Apps/win32LobApp_Microsoft Teams.json': app(TEAMS, 'Microsoft Teams'),
        // Two assignments: a list. One assignment: PowerShell writes the lone object.
        [`Client Apps/Assignments/${VPN} - Contoso VPN.json`]: [
          { id: `${VPN}_0_0`, intent: 'required', target: target(DEVICES) },
          {
            id: `${VPN}_1_0`,
            intent: 'available',
            target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' },
          },
        ],
        [`Client Apps/Assignments/${TEAMS} - Microsoft Teams.json`]: {
          id: `${TEAMS}_0_0`,
          intent: 'available',
          target: target(DEVICES),
        },
        'Device Enrollment Configurations/Autopilot ESP.json': profile,
        // IntuneBackupAndRestore backs up no ESP profile assignments; added by hand in the same layout.
        [`Device Enrollment Configurations/Assignments/${PROFILE} - Autopilot ESP.json`]: [
          { id: `${PROFILE}_${DEVICES}`, target: target(DEVICES) },
        ],
        'Device Configurations/Wi-Fi.json': {
          '@odata.type': '#microsoft.graph.windowsWifiConfiguration',
          id: '5c4b3a29-1807-4f6e-9d5c-4b3a29180700',
          displayName: 'Wi-Fi',
        },
      },
      ['Client Apps/win32LobApp_Contoso VPN.json', `Client Apps/Assignments/${VPN} - Contoso VPN.json`],
    );
    const out = join(scratch, 'ibar.json');
    const imported = await cli('import', dir, '--out', out);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('app "Contoso VPN" (#microsoft.graph.win32LobApp, 2 assignments)');
    expect(imported.out).toContain('app "Microsoft Teams" (#microsoft.graph.win32LobApp, 1 assignment)');
    expect(imported.out).toContain('ESP profile "Autopilot ESP" (priority 1, 1 assignment)');
    expect(imported.err).not.toMatch(/found without the profile or app/);
    expect(imported.err).toMatch(/Wi-Fi\.json: #microsoft\.graph\.windowsWifiConfiguration "Wi-Fi" — /);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.tenant.apps[0].assignments[0].intent).toBe('required');

    const checked = await cli('run', out, ...expectations(CHECKS));
    expect(checked).toMatchObject({ code: 0, err: 'all 6 expectations hold\n' });
    const failing = await cli('run', out, ...expectations(['outcome=succeeded', `tracked=${TEAMS}`]));
    expect(failing.code).toBe(3);
    expect(failing.err).toBe(
      `expectation failed: tracked=${TEAMS}: expected tracked in some phase, got not tracked in any phase\n`,
    );
  });

  it('IntuneBackupAndRestore without the profile assignments: the profile applies to nobody, and the check says so', async () => {
    const dir = tree('ibar-plain', {
      'Client Apps/win32LobApp_Contoso VPN.json': app(VPN, 'Contoso VPN'),
      [`Client Apps/Assignments/${VPN} - Contoso VPN.json`]: { intent: 'required', target: target(DEVICES) },
      'Device Enrollment Configurations/Autopilot ESP.json': profile,
    });
    const out = join(scratch, 'ibar-plain.json');
    expect((await cli('import', dir, '--out', out)).code).toBe(0);
    const checked = await cli('run', out, '--expect', 'profile=Autopilot ESP');
    expect(checked.code).toBe(3);
    expect(checked.err).toMatch(
      /^expectation failed: profile=Autopilot ESP: expected profile Autopilot ESP, got "All users and all devices"/,
    );
  });

  it('IntuneManagement: one folder per object type, assignments inside each object, a migration table', async () => {
    const dir = tree('intunemanagement', {
      'Applications/Contoso VPN.json': {
        ...app(VPN, 'Contoso VPN'),
        assignments: [{ intent: 'required', target: target(DEVICES) }],
      },
      'Applications/Microsoft Teams.json': {
        ...app(TEAMS, 'Microsoft Teams'),
        assignments: [{ intent: 'required', target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
      },
      'EnrollmentStatusPage/Autopilot ESP.json': {
        ...profile,
        assignments: [{ id: `${PROFILE}_${DEVICES}`, source: 'direct', target: target(DEVICES) }],
      },
      'Groups/Autopilot devices.json': {
        id: DEVICES,
        displayName: 'Autopilot devices',
        securityEnabled: true,
        groupTypes: ['DynamicMembership'],
        membershipRule: '(device.devicePhysicalIDs -any (_ -contains "[ZTDId]"))',
      },
      'MigrationTable.json': {
        TenantId: '1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b',
        Organization: 'Contoso',
        Objects: [{ Id: DEVICES, DisplayName: 'Autopilot devices', Type: 'Group' }],
      },
    });
    const out = join(scratch, 'intunemanagement.json');
    const imported = await cli('import', dir, '--out', out);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('group "Autopilot devices"');
    // Teams is required for all devices but not in the profile's blocking list: installed after the ESP.
    const checked = await cli('run', out, ...expectations([...CHECKS, `deferred=${TEAMS}`]));
    expect(checked).toMatchObject({ code: 0, err: 'all 7 expectations hold\n' });
  });
});
