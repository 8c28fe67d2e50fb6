import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes } from '../../../electron/core/scenario/decode';
import { importGraphExports, type GraphExportFile } from '../../../electron/core/scenario/graphImport';
import type { Scenario } from '../../../electron/core/scenario/model';
import { formatProblem, validateScenario } from '../../../electron/core/scenario/validate';

const realWorld = path.resolve(import.meta.dirname, '../../../../shared/fixtures/real-world');
// Real Intune exports kept beside the repository; a fresh clone has no ../shared, so those tests skip and say why.
const hasRealWorld = existsSync(realWorld);
if (!hasRealWorld) {
  console.warn(
    'skipped: graphImport.test.ts "importing the real-world Intune exports" — ../shared/fixtures/real-world is absent (a fresh clone has no ../shared)',
  );
}

function realWorldFiles(folder: 'esp-profiles' | 'apps'): GraphExportFile[] {
  // Called while the (skipped) suite is collected, so it must not throw when the folder is absent.
  if (!hasRealWorld) return [];
  return readdirSync(path.join(realWorld, folder))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: `${folder}/${f}`, text: decodeScenarioBytes(readFileSync(path.join(realWorld, folder, f))) }));
}

function imported(files: GraphExportFile[]): { scenario: Scenario; mapped: string[]; unmapped: string[] } {
  const result = importGraphExports(files);
  const validation = validateScenario(result.scenario);
  if (!validation.ok) throw new Error(validation.problems.map(formatProblem).join('\n'));
  return { scenario: validation.scenario, mapped: result.mapped, unmapped: result.unmapped };
}

const json = (name: string, value: unknown): GraphExportFile => ({ name, text: JSON.stringify(value, null, 2) });

const espProfile = (extra: Record<string, unknown> = {}) => ({
  '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
  id: 'esp-1',
  displayName: 'Autopilot ESP',
  priority: 1,
  showInstallationProgress: true,
  ...extra,
});

describe.skipIf(!hasRealWorld)('importing the real-world Intune exports', () => {
  const everyFile = [...realWorldFiles('esp-profiles'), ...realWorldFiles('apps')];

  it.each(everyFile.map((f) => [f.name, f] as const))(
    'accepts %s and builds a valid scenario from it',
    (name, file) => {
      const { mapped, unmapped } = imported([file]);
      expect(mapped.length + unmapped.length).toBeGreaterThan(0);
      // Every line says which file it is about, and nothing needs fixing by hand.
      for (const line of [...mapped, ...unmapped])
        expect(line.startsWith(`${name}: `) || line.startsWith('group ')).toBe(true);
      for (const line of unmapped) expect(line).toMatch(/^.+: .+ — .+$/);
      expect(unmapped.filter((l) => l.startsWith('imported scenario:'))).toEqual([]);
    },
  );

  it('imports every ESP profile file as an ESP profile, the UTF-16LE one included', () => {
    for (const file of realWorldFiles('esp-profiles')) {
      const { scenario, mapped } = imported([file]);
      expect(mapped.filter((l) => l.includes('ESP profile'))).toHaveLength(1);
      expect(scenario.tenant.espProfiles.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('imports every app file except the dependency response, which it names as not mapped', () => {
    const { scenario, unmapped } = imported(realWorldFiles('apps'));
    expect(scenario.tenant.apps.map((a) => [a.displayName, a.kind])).toEqual([
      ['Company Portal', 'winGet'],
      ['Microsoft Photos', 'winGet'],
      ['Company Portal', 'winGet'],
      ['Intune App w/t Dependency', 'win32'],
    ]);
    expect(unmapped).toEqual([
      expect.stringMatching(
        /^apps\/microsoft_testbase_IntunePackage_README_mobileAppDependency_relationships_response\.json: #microsoft\.graph\.mobileAppDependency .* — an app relationship/,
      ),
    ]);
  });

  it('combines all the exports into one tenant with a single default profile', () => {
    const { scenario, unmapped } = imported(everyFile);
    const defaults = scenario.tenant.espProfiles.filter((p) => p.isDefault);
    expect(defaults).toHaveLength(1);
    // The first default met is kept, and its tenant id becomes the scenario's.
    expect(defaults[0]?.id).toBe(
      'a96275a7-0fd0-4347-b416-284fe4cfb5bb_DefaultWindows10EnrollmentCompletionPageConfiguration',
    );
    expect(scenario.tenant.id).toBe('a96275a7-0fd0-4347-b416-284fe4cfb5bb');
    expect(unmapped).toContainEqual(
      expect.stringMatching(
        /^esp-profiles\/andrew-s-taylor_public_baseline_elem68_DefaultESP\.json: .* — a second default profile/,
      ),
    );
  });

  it('keeps the id and assignment a PowerShell export writes beside the profile, and puts the device in its group', () => {
    const [file] = realWorldFiles('esp-profiles').filter((f) => f.name.includes('elem49'));
    const { scenario } = imported([file!]);
    const profile = scenario.tenant.espProfiles.find((p) => !p.isDefault);
    expect(profile).toMatchObject({
      id: '811802c7-212e-4dc6-b1e8-d89d1803df68_Windows10EnrollmentCompletionPageConfiguration',
      displayName: 'AutoPilot Enrollment',
      priority: 1,
      installProgressTimeoutInMinutes: 120,
      assignments: [{ target: { kind: 'group', groupId: 'Autopilot-Devices' } }],
    });
    expect(scenario.tenant.groups).toEqual([{ id: 'Autopilot-Devices', displayName: 'Autopilot-Devices' }]);
    expect(scenario.device.groupIds).toEqual(['Autopilot-Devices']);
    expect(scenario.users[0]?.groupIds).toEqual([]);
  });

  it('puts the user, not the device, in a group named for users', () => {
    const [file] = realWorldFiles('apps').filter((f) => f.name.includes('elem60'));
    const { scenario } = imported([file!]);
    expect(scenario.tenant.apps[0]).toMatchObject({
      id: '06b53dec-9804-465f-8591-b6ead8ffe39e',
      kind: 'winGet',
      installContext: 'user',
      assignments: [{ target: { kind: 'group', groupId: 'Intune-Users' }, intent: 'required' }],
    });
    expect(scenario.users[0]).toMatchObject({ groupIds: ['Intune-Users'], intuneLicensed: true });
    expect(scenario.device.groupIds).toEqual([]);
  });

  it('reads an app exported without @odata.type from its packageIdentifier and says so', () => {
    const [file] = realWorldFiles('apps').filter((f) => f.name.includes('Microsoft_Photos'));
    const { scenario, mapped } = imported([file!]);
    expect(scenario.tenant.apps[0]?.odataType).toBe('#microsoft.graph.winGetApp');
    expect(mapped[0]).toContain(
      'no @odata.type in the export; read as #microsoft.graph.winGetApp from its packageIdentifier',
    );
  });

  it('does not carry base64 icons into the scenario', () => {
    const [file] = realWorldFiles('apps').filter((f) => f.name.includes('elem60'));
    expect(JSON.stringify(importGraphExports([file!]).scenario)).not.toContain('iVBORw0KGgo');
  });
});

describe('what the importer reports it could not use', () => {
  it('names a file that is not JSON, with the line and column', () => {
    const result = importGraphExports([{ name: 'broken.json', text: '{\n  "value": [\n}' }]);
    expect(result.mapped).toEqual([]);
    expect(result.unmapped).toEqual([
      expect.stringMatching(/^broken\.json: the file — not valid JSON: .* at line 3, column 1$/),
    ]);
    expect(validateScenario(result.scenario).ok).toBe(true);
  });

  it('names a file with nothing it recognises', () => {
    const result = importGraphExports([json('other.json', { hello: 'world', list: [1, 2] })]);
    expect(result.unmapped).toEqual([
      'other.json: the file — nothing in it looks like an ESP profile, Windows app, assignment filter or group',
    ]);
  });

  it('skips apps for other platforms and enrollment configurations that are not ESP profiles', () => {
    const result = importGraphExports([
      json('list.json', {
        value: [
          { '@odata.type': '#microsoft.graph.iosStoreApp', id: 'ios', displayName: 'Teams for iPhone' },
          {
            '@odata.type': '#microsoft.graph.deviceEnrollmentLimitConfiguration',
            id: 'lim',
            displayName: 'Limit',
            deviceEnrollmentConfigurationType: 'limit',
          },
          {
            '@odata.type': '#microsoft.graph.azureADWindowsAutopilotDeploymentProfile',
            id: 'ap',
            displayName: 'AP profile',
          },
        ],
      }),
    ]);
    expect(result.mapped).toEqual([]);
    expect(result.unmapped).toEqual([
      'list.json: #microsoft.graph.iosStoreApp "Teams for iPhone" — not a Windows app, so the ESP never installs it',
      expect.stringMatching(
        /^list\.json: #microsoft\.graph\.deviceEnrollmentLimitConfiguration "Limit" — an enrollment configuration that is not an ESP profile/,
      ),
      'list.json: #microsoft.graph.azureADWindowsAutopilotDeploymentProfile "AP profile" — an Autopilot deployment profile; set deployment.mode in the scenario to match it',
    ]);
  });

  it('drops an assignment it cannot read and keeps the app', () => {
    const app = {
      '@odata.type': '#microsoft.graph.win32LobApp',
      id: 'app-1',
      displayName: 'Contoso VPN',
      assignments: [
        { intent: 'required', target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
        {
          intent: 'required',
          target: {
            '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget',
            collectionId: 'SMS00001',
          },
        },
      ],
    };
    const { scenario, unmapped } = imported([json('vpn.json', app)]);
    expect(scenario.tenant.apps[0]?.assignments).toHaveLength(1);
    expect(unmapped).toEqual([
      expect.stringMatching(
        /^vpn\.json: assignment 2 of app "Contoso VPN" — target\["@odata\.type"\]: expected one of /,
      ),
    ]);
  });

  it('imports filters and groups from list responses and keeps filtered assignments that point at them', () => {
    const files = [
      json('filters.json', {
        '@odata.context': 'https://graph.microsoft.com/beta/$metadata#deviceManagement/assignmentFilters',
        value: [
          {
            '@odata.type': '#microsoft.graph.deviceAndAppManagementAssignmentFilter',
            id: 'f-surface',
            displayName: 'Surface',
            platform: 'windows10AndLater',
            rule: '(device.model -startsWith "Surface")',
          },
          {
            id: 'f-name',
            displayName: 'By name',
            platform: 'windows10AndLater',
            rule: '(device.deviceName -eq "PC-1")',
          },
          { id: 'f-ios', displayName: 'iPads', platform: 'iOS', rule: '(device.model -eq "iPad")' },
        ],
      }),
      json('groups.json', {
        value: [{ id: '1b2c', displayName: 'Pilot devices', securityEnabled: true, groupTypes: [] }],
      }),
      json(
        'profile.json',
        espProfile({
          assignments: [
            {
              target: {
                '@odata.type': '#microsoft.graph.groupAssignmentTarget',
                groupId: '1b2c',
                deviceAndAppManagementAssignmentFilterId: 'f-surface',
                deviceAndAppManagementAssignmentFilterType: 'include',
              },
            },
          ],
        }),
      ),
    ];
    const { scenario, mapped, unmapped } = imported(files);
    expect(scenario.tenant.assignmentFilters.map((f) => f.id)).toEqual(['f-surface']);
    expect(scenario.tenant.groups).toEqual([{ id: '1b2c', displayName: 'Pilot devices' }]);
    expect(scenario.device.groupIds).toEqual(['1b2c']);
    expect(scenario.tenant.espProfiles[0]?.assignments[0]).toMatchObject({
      filterId: 'f-surface',
      filterType: 'include',
    });
    expect(mapped).toContain('groups.json: group "Pilot devices"');
    expect(unmapped).toEqual([
      expect.stringMatching(/^filters\.json: assignment filter "By name" — device\.deviceName is not supported/),
      'filters.json: assignment filter "iPads" — platform iOS; Windows uses windows10AndLater filters',
    ]);
  });

  it('imports an assignment whose filter is missing without the filter, and says so', () => {
    const profile = espProfile({
      assignments: [
        {
          target: {
            '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget',
            deviceAndAppManagementAssignmentFilterId: 'f-gone',
            deviceAndAppManagementAssignmentFilterType: 'exclude',
          },
        },
      ],
    });
    const { scenario, unmapped } = imported([json('profile.json', profile)]);
    expect(scenario.tenant.espProfiles[0]?.assignments[0]).toMatchObject({
      target: { kind: 'allDevices' },
      filterId: null,
      filterType: 'none',
    });
    expect(unmapped).toEqual([
      expect.stringMatching(
        /^profile\.json: the exclude filter on an assignment of ESP profile "Autopilot ESP" — filter f-gone is not in the exports/,
      ),
    ]);
  });

  it('keeps a profile blocking on selected apps when those apps were not exported, with placeholders', () => {
    const { scenario, unmapped } = imported([json('profile.json', espProfile({ selectedMobileAppIds: ['app-x'] }))]);
    expect(scenario.tenant.espProfiles[0]?.selectedMobileAppIds).toEqual(['app-x']);
    expect(scenario.tenant.apps).toMatchObject([{ id: 'app-x', kind: 'win32', assignments: [] }]);
    expect(unmapped).toEqual([
      'profile.json: blocking app app-x of ESP profile "Autopilot ESP" — not in the exports; added a placeholder Win32 app with no assignments',
    ]);
  });

  it('gives a clashing priority the next free one and reports an object exported twice once', () => {
    const files = [
      json('a.json', espProfile({ id: 'a', displayName: 'A', priority: 1 })),
      json('b.json', espProfile({ id: 'b', displayName: 'B', priority: 1 })),
      json('a-again.json', espProfile({ id: 'a', displayName: 'A', priority: 1 })),
    ];
    const { scenario, mapped, unmapped } = imported(files);
    expect(scenario.tenant.espProfiles.filter((p) => !p.isDefault).map((p) => [p.id, p.priority])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(mapped).toContain(
      'b.json: ESP profile "B" (priority 2, 0 assignments; priority 1 was already taken; given 2)',
    );
    expect(unmapped).toEqual(['a-again.json: ESP profile "A" — same id as ESP profile "A" in a.json; kept that one']);
  });

  it('does not put the device or user in a group that assignments only exclude', () => {
    const app = {
      '@odata.type': '#microsoft.graph.winGetApp',
      id: 'w',
      displayName: 'Tool',
      packageIdentifier: 'X',
      assignments: [
        { intent: 'required', target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
        {
          intent: 'required',
          target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'Excluded users' },
        },
      ],
    };
    const { scenario } = imported([json('app.json', app)]);
    expect(scenario.tenant.groups.map((g) => g.id)).toEqual(['Excluded users']);
    expect(scenario.users[0]?.groupIds).toEqual([]);
    expect(scenario.device.groupIds).toEqual([]);
  });
});
