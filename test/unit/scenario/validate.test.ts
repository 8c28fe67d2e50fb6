import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes } from '../../../electron/core/scenario/decode';
import type { Scenario } from '../../../electron/core/scenario/model';
import {
  formatProblem,
  parseScenarioText,
  validateScenario,
  type ValidationResult,
} from '../../../electron/core/scenario/validate';

const realWorld = path.resolve(import.meta.dirname, '../../../../shared/fixtures/real-world');
// Real Intune exports kept beside the repository; a fresh clone has no ../shared, so those tests skip and say why.
const hasRealWorld = existsSync(realWorld);
if (!hasRealWorld) {
  console.warn(
    'skipped: validate.test.ts real-world export tests (3) — ../shared/fixtures/real-world is absent (a fresh clone has no ../shared)',
  );
}

type Json = Record<string, unknown>;

function minimal(extra: Json = {}): Json {
  return { schemaVersion: 1, name: 'Test', deployment: { mode: 'userDriven' }, ...extra };
}

function withTenant(tenant: Json, extra: Json = {}): Json {
  return minimal({ tenant, ...extra });
}

/** A valid scenario, with its warnings as the CLI prints them (`path: message`). */
function valid(input: unknown): { scenario: Scenario; warnings: string[] } {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(`expected valid, got:\n${result.problems.map(formatProblem).join('\n')}`);
  return { scenario: result.scenario, warnings: result.warnings.map(formatProblem) };
}

function problems(result: ValidationResult): string[] {
  if (result.ok) throw new Error('expected problems, but the scenario is valid');
  return result.problems.map(formatProblem);
}

const allDevices = { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } };

function win32(id: string, extra: Json = {}): Json {
  return { '@odata.type': '#microsoft.graph.win32LobApp', id, displayName: `App ${id}`, ...extra };
}

function profile(extra: Json = {}): Json {
  return {
    '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
    displayName: 'Autopilot ESP',
    priority: 1,
    showInstallationProgress: true,
    ...extra,
  };
}

describe('defaults a minimal scenario gets', () => {
  it('fills in the documented defaults for everything left out', () => {
    const { scenario, warnings } = valid({ schemaVersion: 1, deployment: { mode: 'userDriven' } });
    expect(warnings).toEqual([]);
    expect(scenario.seed).toBe(1);
    expect(scenario.startTime).toBe('2026-03-02T08:30:00Z');
    expect(scenario.windows).toEqual({ release: '11', build: '10.0.26100.2894' });
    expect(scenario.deployment).toEqual({ mode: 'userDriven', join: 'entra', autopilotRegistered: true });
    expect(scenario.device).toEqual({
      serialNumber: '5CG1234XYZ',
      manufacturer: 'Microsoft Corporation',
      model: 'Surface Laptop 5',
      osVersion: '10.0.26100.2894',
      operatingSystemSKU: 'Enterprise',
      deviceOwnership: 'corporate',
      enrollmentProfileName: '',
      groupIds: [],
      tpmAttestation: 'succeeds',
      locale: 'en-US',
    });
    expect(scenario.users).toEqual([]);
    expect(scenario.tenant.displayName).toBe('Contoso');
    expect(scenario.tenant.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(scenario.simulation).toEqual({
      apps: {},
      resources: {},
      qualityUpdates: { available: false, minutes: 25, restart: true },
      faults: [],
    });
  });

  it('gives a tenant without a default ESP profile the hidden default a new tenant has', () => {
    const { scenario } = valid(minimal());
    expect(scenario.tenant.espProfiles).toHaveLength(1);
    expect(scenario.tenant.espProfiles[0]).toMatchObject({
      id: `${scenario.tenant.id}_DefaultWindows10EnrollmentCompletionPageConfiguration`,
      displayName: 'All users and all devices',
      priority: 0,
      isDefault: true,
      showInstallationProgress: false,
      installProgressTimeoutInMinutes: 60,
      customErrorMessage: null,
      selectedMobileAppIds: [],
    });
  });

  it('uses the Windows 10 build for release 10, and the device reports that build', () => {
    const { scenario } = valid(minimal({ windows: { release: '10' } }));
    expect(scenario.windows.build).toBe('10.0.19045.5487');
    expect(scenario.device.osVersion).toBe('10.0.19045.5487');
  });

  it('treats an Entra join in OOBE as not Autopilot-registered unless the file says so', () => {
    expect(valid(minimal({ deployment: { mode: 'entraJoinOobe' } })).scenario.deployment.autopilotRegistered).toBe(
      false,
    );
    const registered = valid(minimal({ deployment: { mode: 'entraJoinOobe', autopilotRegistered: true } }));
    expect(registered.scenario.deployment.autopilotRegistered).toBe(true);
  });

  it('gives users an id and display name when only the sign-in name is written', () => {
    const { scenario } = valid(minimal({ users: [{ userPrincipalName: 'adele@contoso.com' }] }));
    expect(scenario.users[0]).toMatchObject({
      userPrincipalName: 'adele@contoso.com',
      displayName: 'adele',
      groupIds: [],
      intuneLicensed: true,
    });
    expect(scenario.users[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('mistakes in our own sections', () => {
  it('a scenario with a misspelled deployment mode names deployment.mode and lists the allowed modes', () => {
    expect(problems(validateScenario(minimal({ deployment: { mode: 'userdriven' } })))).toEqual([
      'deployment.mode: expected one of userDriven, selfDeploying, preProvisioning, entraJoinOobe',
    ]);
  });

  it('reports each unknown key with its full path', () => {
    const result = validateScenario(
      minimal({
        colour: 'blue',
        deployment: { mode: 'userDriven', joinType: 'entra' },
        users: [{ userPrincipalName: 'a@contoso.com', licensed: true }],
        tenant: { name: 'Contoso' },
        simulation: { qualityUpdates: { minutes: 25, reboot: true } },
      }),
    );
    expect(problems(result)).toEqual(
      expect.arrayContaining([
        'colour: unknown key',
        'deployment.joinType: unknown key',
        'users[0].licensed: unknown key',
        'tenant.name: unknown key',
        'simulation.qualityUpdates.reboot: unknown key',
      ]),
    );
  });

  it('requires schemaVersion 1 and says how to fix it', () => {
    expect(problems(validateScenario({ deployment: { mode: 'userDriven' } }))).toEqual([
      'schemaVersion: required: add "schemaVersion": 1',
    ]);
    expect(problems(validateScenario(minimal({ schemaVersion: 2 })))[0]).toMatch(/^schemaVersion: expected 1/);
  });

  it('refuses hybrid join with self-deploying mode at deployment.join', () => {
    expect(problems(validateScenario(minimal({ deployment: { mode: 'selfDeploying', join: 'hybrid' } })))).toEqual([
      'deployment.join: hybrid join works only with userDriven or preProvisioning (mode is selfDeploying)',
    ]);
    valid(minimal({ deployment: { mode: 'preProvisioning', join: 'hybrid' } }));
  });

  it('collects every problem in the file, not just the first', () => {
    const result = validateScenario({
      schemaVersion: 1,
      seed: 1.5,
      deployment: { mode: 'kiosk' },
      device: { tpmAttestation: 'flaky' },
      tenant: { apps: [win32('a1', { assignments: [{ intent: 'mandatory', ...allDevices }] })] },
      simulation: { apps: { a1: { installSeconds: 0 } } },
    });
    expect(problems(result)).toEqual([
      'seed: expected a whole number, got 1.5',
      'deployment.mode: expected one of userDriven, selfDeploying, preProvisioning, entraJoinOobe',
      'device.tpmAttestation: expected one of succeeds, fails',
      'tenant.apps[0].assignments[0].intent: expected one of required, available, uninstall, availableWithoutEnrollment',
      'simulation.apps.a1.installSeconds: must be more than 0',
    ]);
  });

  it('says a document that is not an object is not a scenario', () => {
    expect(problems(validateScenario([1, 2]))).toEqual(['(root): expected a JSON object (a scenario), got an array']);
  });

  it('refuses a start time without a time zone, so logs are the same on every machine', () => {
    expect(problems(validateScenario(minimal({ startTime: '2026-03-02T08:30:00' }))).join()).toContain('startTime:');
    valid(minimal({ startTime: '2026-03-02T09:30:00+01:00' }));
  });

  it('accepts a release written as a number', () => {
    expect(valid(minimal({ windows: { release: 10 } })).scenario.windows.release).toBe('10');
  });

  it('warns when the build belongs to the other Windows release', () => {
    const { warnings } = valid(minimal({ windows: { release: '11', build: '10.0.19045.5487' } }));
    expect(warnings).toEqual(['windows.build: 10.0.19045.5487 is a Windows 10 build, but release is "11"']);
  });
});

describe('JSON that does not parse', () => {
  it('reports a syntax error with its line and column', () => {
    const text = '{\n  "schemaVersion": 1,\n  "deployment": { "mode": "userDriven" }\n  "name": "x"\n}';
    expect(problems(parseScenarioText(text))).toEqual([
      '(root): not valid JSON: expected "," or "}" after a property value, found "\\"" at line 4, column 3',
    ]);
  });

  it('points at a trailing comma', () => {
    const text = '{\n  "schemaVersion": 1,\n  "deployment": { "mode": "userDriven", }\n}';
    expect(problems(parseScenarioText(text))).toEqual([
      '(root): not valid JSON: a trailing comma before "}" at line 3, column 39',
    ]);
  });

  it('says comments are not allowed (the spec shows JSONC, but files are JSON)', () => {
    expect(problems(parseScenarioText('{\n  // my scenario\n  "schemaVersion": 1\n}'))).toEqual([
      '(root): not valid JSON: comments are not allowed in JSON at line 2, column 3',
    ]);
  });

  it('says an empty file is empty', () => {
    expect(problems(parseScenarioText('  \n'))[0]).toContain('the file is empty');
  });

  it('ignores a BOM left at the start of the text', () => {
    expect(parseScenarioText('\uFEFF' + JSON.stringify(minimal())).ok).toBe(true);
  });
});

describe('ESP profiles as Intune stores them', () => {
  it.skipIf(!hasRealWorld)('an ESP profile pasted from a real export into a minimal scenario validates', () => {
    const text = decodeScenarioBytes(
      readFileSync(
        path.join(
          realWorld,
          'esp-profiles/OpenIntuneBaseline_0ba7175_DefaultWindows10EnrollmentCompletionPageConfiguration.utf16le.json',
        ),
      ),
    );
    const exported = JSON.parse(text) as Json;
    const { scenario, warnings } = valid(withTenant({ enrollmentStatusPageProfiles: [exported] }));
    expect(warnings).toEqual([]);
    // Its own default replaces the new-tenant one.
    expect(scenario.tenant.espProfiles).toHaveLength(1);
    expect(scenario.tenant.espProfiles[0]).toMatchObject({
      id: 'a96275a7-0fd0-4347-b416-284fe4cfb5bb_DefaultWindows10EnrollmentCompletionPageConfiguration',
      isDefault: true,
      priority: 0,
      showInstallationProgress: true,
      installProgressTimeoutInMinutes: 30,
      allowDeviceResetOnInstallFailure: true,
      customErrorMessage: 'Setup could not be completed. Please try again or contact your support person for help.',
      assignments: [{ target: { kind: 'allDevices' }, filterId: null, filterType: 'none', intent: null }],
    });
  });

  it.skipIf(!hasRealWorld)('reads a profile exported as a JSON string (PowerShell), with its group assignment', () => {
    const file = JSON.parse(
      readFileSync(
        path.join(realWorld, 'esp-profiles/andrew-s-taylor_public_baseline_elem49_ESP_AutoPilotEnrollment.json'),
        'utf8',
      ),
    ) as { value: unknown[] };
    const profileJson = file.value[0];
    expect(typeof profileJson).toBe('string');
    const assignment = file.value[4];
    const { scenario } = valid(
      withTenant(
        {
          enrollmentStatusPageProfiles: [
            profileJson,
            JSON.stringify({ ...profile({ priority: 2 }), assignments: [assignment] }),
          ],
        },
        { device: { groupIds: ['Autopilot-Devices'] } },
      ),
    );
    expect(scenario.tenant.espProfiles[0]).toMatchObject({
      displayName: 'AutoPilot Enrollment',
      priority: 1,
      installProgressTimeoutInMinutes: 120,
      customErrorMessage: 'Enter your custom error here',
      disableUserStatusTrackingAfterFirstUser: true,
    });
    expect(scenario.tenant.espProfiles[1]?.assignments).toEqual([
      { target: { kind: 'group', groupId: 'Autopilot-Devices' }, filterId: null, filterType: 'none', intent: null },
    ]);
  });

  it.skipIf(!hasRealWorld)('accepts the community template that has neither id nor priority', () => {
    const template = JSON.parse(
      readFileSync(
        path.join(realWorld, 'esp-profiles/jorgeasaurus_IntuneHydrationKit_Windows-ESP-Profile.template.json'),
        'utf8',
      ),
    ) as Json;
    const { scenario } = valid(withTenant({ enrollmentStatusPageProfiles: [template] }));
    const [imported, fallback] = scenario.tenant.espProfiles;
    expect(imported).toMatchObject({
      id: 'esp-profile-1',
      priority: 1,
      isDefault: false,
      allowNonBlockingAppInstallation: true,
    });
    expect(fallback?.isDefault).toBe(true);
  });

  it('takes Graph defaults for missing properties and nulls, and reads odd key casing', () => {
    const { scenario } = valid(
      withTenant(
        {
          enrollmentStatusPageProfiles: [
            {
              '@odata.context':
                'https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceEnrollmentConfigurations/$entity',
              Id: 'p1',
              DisplayName: 'Odd casing',
              Priority: 3,
              createdDateTime: '2024-01-01T00:00:00Z',
              ShowInstallationProgress: true,
              installProgressTimeoutInMinutes: null,
              customErrorMessage: null,
              selectedMobileAppIds: null,
              allowDeviceUseOnInstallFailure: null,
              Assignments: [{ Target: { '@ODATA.TYPE': '#microsoft.graph.groupAssignmentTarget', GroupId: 'g1' } }],
            },
          ],
        },
        { device: { groupIds: ['g1'] } },
      ),
    );
    expect(scenario.tenant.espProfiles[0]).toMatchObject({
      id: 'p1',
      displayName: 'Odd casing',
      priority: 3,
      showInstallationProgress: true,
      installProgressTimeoutInMinutes: 60,
      customErrorMessage: null,
      selectedMobileAppIds: [],
      allowDeviceUseOnInstallFailure: false,
      blockDeviceSetupRetryByUser: false,
      assignments: [{ target: { kind: 'group', groupId: 'g1' } }],
    });
  });

  it('shows Windows default text when the custom error message is empty or only spaces', () => {
    const { scenario } = valid(
      withTenant({
        enrollmentStatusPageProfiles: [
          profile({ id: 'a', customErrorMessage: '   ' }),
          profile({ id: 'b', priority: 2, customErrorMessage: '' }),
        ],
      }),
    );
    expect(scenario.tenant.espProfiles.map((p) => p.customErrorMessage)).toEqual([null, null, null]);
  });

  it('recognises the default profile by its type, its id or priority 0', () => {
    const byType = profile({
      priority: 5,
      deviceEnrollmentConfigurationType: 'defaultWindows10EnrollmentCompletionPageConfiguration',
    });
    const byId = profile({ priority: undefined, id: 'x_DefaultWindows10EnrollmentCompletionPageConfiguration' });
    const byPriority = profile({ priority: 0 });
    for (const p of [byType, byId, byPriority]) {
      const { scenario } = valid(withTenant({ enrollmentStatusPageProfiles: [p] }));
      expect(scenario.tenant.espProfiles).toHaveLength(1);
      expect(scenario.tenant.espProfiles[0]).toMatchObject({ isDefault: true, priority: 0 });
    }
  });

  it('refuses a second default profile', () => {
    expect(
      problems(
        validateScenario(
          withTenant({ enrollmentStatusPageProfiles: [profile({ priority: 0 }), profile({ priority: 0 })] }),
        ),
      )[0],
    ).toMatch(/^tenant\.enrollmentStatusPageProfiles\[1\]: a second default profile/);
  });

  it('gives profiles without a priority the next ones after the highest, and warns about shared priorities', () => {
    const { scenario, warnings } = valid(
      withTenant({
        enrollmentStatusPageProfiles: [
          profile({ id: 'a', priority: undefined }),
          profile({ id: 'b', priority: 4 }),
          profile({ id: 'c', priority: 4 }),
          profile({ id: 'd', priority: undefined }),
        ],
      }),
    );
    expect(scenario.tenant.espProfiles.map((p) => [p.id, p.priority])).toEqual([
      ['a', 5],
      ['b', 4],
      ['c', 4],
      ['d', 6],
      [`${scenario.tenant.id}_DefaultWindows10EnrollmentCompletionPageConfiguration`, 0],
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^tenant\.enrollmentStatusPageProfiles\[2\]\.priority: priority 4 is also \[1\]'s/),
    ]);
  });

  it('refuses something that is not an ESP profile in the ESP profile list', () => {
    const autopilotProfile = {
      '@odata.type': '#microsoft.graph.azureADWindowsAutopilotDeploymentProfile',
      displayName: 'AP',
    };
    expect(problems(validateScenario(withTenant({ enrollmentStatusPageProfiles: [autopilotProfile] })))).toEqual([
      'tenant.enrollmentStatusPageProfiles[0]["@odata.type"]: not an ESP profile: expected #microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
    ]);
  });

  it('accepts a whole Graph list response pasted as the profile list', () => {
    const { scenario } = valid(
      withTenant({ enrollmentStatusPageProfiles: { '@odata.context': 'x', value: [profile({ id: 'listed' })] } }),
    );
    expect(scenario.tenant.espProfiles[0]?.id).toBe('listed');
  });

  it('reports a JSON string that does not parse where it sits', () => {
    expect(problems(validateScenario(withTenant({ enrollmentStatusPageProfiles: ['{"displayName": '] })))[0]).toMatch(
      /^tenant\.enrollmentStatusPageProfiles\[0\]: a string that looks like embedded JSON but does not parse/,
    );
  });
});

describe("Intune's limits", () => {
  const profiles = (n: number, extra: (i: number) => Json = () => ({})) =>
    Array.from({ length: n }, (_, i) => profile({ id: `p${i}`, priority: i, ...extra(i) }));

  it('allows 51 ESP profiles (the default and 50) and refuses 52 at tenant.enrollmentStatusPageProfiles', () => {
    valid(withTenant({ enrollmentStatusPageProfiles: profiles(51) }));
    expect(problems(validateScenario(withTenant({ enrollmentStatusPageProfiles: profiles(52) })))).toEqual([
      'tenant.enrollmentStatusPageProfiles: at most 51 ESP profiles (the default + 50); found 52',
    ]);
  });

  it('refuses 51 custom profiles even when the default is left implicit', () => {
    const custom = Array.from({ length: 51 }, (_, i) => profile({ id: `p${i}`, priority: i + 1 }));
    expect(problems(validateScenario(withTenant({ enrollmentStatusPageProfiles: custom })))).toEqual([
      'tenant.enrollmentStatusPageProfiles: at most 50 ESP profiles besides the default; found 51',
    ]);
  });

  it('allows 100 selected blocking apps and refuses 101', () => {
    const apps = Array.from({ length: 101 }, (_, i) => win32(`app${i}`));
    const ids = apps.map((a) => a['id']);
    valid(withTenant({ apps, enrollmentStatusPageProfiles: [profile({ selectedMobileAppIds: ids.slice(0, 100) })] }));
    expect(
      problems(
        validateScenario(withTenant({ apps, enrollmentStatusPageProfiles: [profile({ selectedMobileAppIds: ids })] })),
      ),
    ).toEqual(['tenant.enrollmentStatusPageProfiles[0].selectedMobileAppIds: at most 100 blocking apps; found 101']);
  });

  it('names a selected blocking app that is not in tenant.apps', () => {
    expect(
      problems(
        validateScenario(
          withTenant({
            apps: [win32('a1')],
            enrollmentStatusPageProfiles: [profile({ selectedMobileAppIds: ['a1', 'a2'] })],
          }),
        ),
      ),
    ).toEqual(['tenant.enrollmentStatusPageProfiles[0].selectedMobileAppIds[1]: no app with id "a2" in tenant.apps']);
  });

  it('reads a timeout of 0 or none as 60 minutes and refuses negative ones or more than 1440', () => {
    const timeoutOf = (minutes: unknown) =>
      validateScenario(
        withTenant({ enrollmentStatusPageProfiles: [profile({ installProgressTimeoutInMinutes: minutes })] }),
      );
    const minutes = (r: ValidationResult) =>
      r.ok ? r.scenario.tenant.espProfiles[0]?.installProgressTimeoutInMinutes : undefined;
    expect(minutes(timeoutOf(0))).toBe(60);
    expect(minutes(timeoutOf(undefined))).toBe(60);
    expect(minutes(timeoutOf(1440))).toBe(1440);
    const message = 'expected 1 to 1440 minutes (0 or missing means 60)';
    expect(problems(timeoutOf(-1))).toEqual([
      `tenant.enrollmentStatusPageProfiles[0].installProgressTimeoutInMinutes: ${message}`,
    ]);
    expect(problems(timeoutOf(1441))).toEqual([
      `tenant.enrollmentStatusPageProfiles[0].installProgressTimeoutInMinutes: ${message}`,
    ]);
  });

  it('warns (does not refuse) about settings Intune greys out when "Block device use" is No', () => {
    const { warnings } = valid(
      withTenant({
        apps: [win32('a1')],
        enrollmentStatusPageProfiles: [
          profile({
            blockDeviceSetupRetryByUser: true,
            allowDeviceResetOnInstallFailure: true,
            allowDeviceUseOnInstallFailure: true,
            selectedMobileAppIds: ['a1'],
          }),
        ],
      }),
    );
    expect(warnings).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].allowDeviceResetOnInstallFailure: Intune greys this out when blockDeviceSetupRetryByUser is true ("Block device use" No)',
      'tenant.enrollmentStatusPageProfiles[0].allowDeviceUseOnInstallFailure: Intune greys this out when blockDeviceSetupRetryByUser is true ("Block device use" No)',
      'tenant.enrollmentStatusPageProfiles[0].selectedMobileAppIds: Intune greys this out when blockDeviceSetupRetryByUser is true ("Block device use" No)',
    ]);
  });
});

describe('apps', () => {
  it('an app assignment with an unknown intent names its exact path and lists the intents', () => {
    const apps = [
      win32('a0'),
      win32('a1'),
      win32('a2'),
      win32('a3', { assignments: [{ intent: 'mandatory', ...allDevices }] }),
    ];
    expect(problems(validateScenario(withTenant({ apps })))).toEqual([
      'tenant.apps[3].assignments[0].intent: expected one of required, available, uninstall, availableWithoutEnrollment',
    ]);
  });

  it('reads the kind and install context from the Graph type, as the ESP does', () => {
    const { scenario } = valid(
      withTenant({
        apps: [
          win32('win32System', { installExperience: { runAsAccount: 'system' } }),
          win32('win32User', { installExperience: { runAsAccount: 'user' } }),
          { '@odata.type': '#microsoft.graph.win32CatalogApp', id: 'catalog' },
          { '@odata.type': '#microsoft.graph.winGetApp', id: 'winget', installExperience: { runAsAccount: 'user' } },
          { '@odata.type': '#microsoft.graph.windowsMobileMSI', id: 'msiUser' },
          { '@odata.type': '#microsoft.graph.windowsMobileMSI', id: 'msiDevice', useDeviceContext: true },
          { '@odata.type': '#microsoft.graph.officeSuiteApp', id: 'office' },
          {
            '@odata.type': '#microsoft.graph.windowsUniversalAppX',
            id: 'appxDevice',
            assignments: [{ intent: 'required', ...allDevices, settings: { useDeviceContext: true } }],
          },
          { '@odata.type': '#microsoft.graph.windowsUniversalAppX', id: 'appxUser' },
          { '@odata.type': '#microsoft.graph.microsoftStoreForBusinessApp', id: 'storeBusiness' },
          { '@odata.type': '#microsoft.graph.windowsStoreApp', id: 'storeLink' },
          { '@odata.type': '#microsoft.graph.windowsMicrosoftEdgeApp', id: 'edge' },
        ],
      }),
    );
    expect(scenario.tenant.apps.map((a) => [a.id, a.kind, a.installContext])).toEqual([
      ['win32System', 'win32', 'device'],
      ['win32User', 'win32', 'user'],
      ['catalog', 'win32Catalog', 'device'],
      ['winget', 'winGet', 'user'],
      ['msiUser', 'msi', 'user'],
      ['msiDevice', 'msi', 'device'],
      ['office', 'office', 'device'],
      ['appxDevice', 'appx', 'device'],
      ['appxUser', 'appx', 'user'],
      ['storeBusiness', 'store', 'user'],
      ['storeLink', 'store', 'user'],
      ['edge', 'other', 'device'],
    ]);
  });

  it("gives Win32 apps without return codes Intune's defaults and keeps the ones given", () => {
    const { scenario } = valid(
      withTenant({
        apps: [
          win32('plain'),
          win32('custom', {
            returnCodes: [
              { returnCode: 0, type: 'success' },
              { returnCode: 42, type: 'softReboot' },
            ],
          }),
        ],
      }),
    );
    expect(scenario.tenant.apps[0]?.returnCodes).toEqual([
      { returnCode: 0, type: 'success' },
      { returnCode: 1707, type: 'success' },
      { returnCode: 3010, type: 'softReboot' },
      { returnCode: 1641, type: 'hardReboot' },
      { returnCode: 1618, type: 'retry' },
    ]);
    expect(scenario.tenant.apps[1]?.returnCodes).toEqual([
      { returnCode: 0, type: 'success' },
      { returnCode: 42, type: 'softReboot' },
    ]);
  });

  it('reads an app without @odata.type from its packageIdentifier and warns that it did', () => {
    const { scenario, warnings } = valid(
      withTenant({ apps: [{ id: 'photos', displayName: 'Photos', PackageIdentifier: '9WZDNCRFJBH4' }] }),
    );
    expect(scenario.tenant.apps[0]).toMatchObject({ kind: 'winGet', odataType: '#microsoft.graph.winGetApp' });
    expect(warnings).toEqual([
      'tenant.apps[0]["@odata.type"]: missing; read as #microsoft.graph.winGetApp from its packageIdentifier',
    ]);
  });

  it('keeps the intent and filter of each assignment', () => {
    const { scenario } = valid(
      withTenant({
        groups: [{ id: 'g1', displayName: 'Pilot' }],
        assignmentFilters: [{ id: 'f1', displayName: 'Surface', rule: '(device.model -eq "Surface Laptop 5")' }],
        apps: [
          win32('a1', {
            assignments: [
              {
                intent: 'required',
                target: {
                  '@odata.type': '#microsoft.graph.groupAssignmentTarget',
                  groupId: 'g1',
                  deviceAndAppManagementAssignmentFilterId: 'f1',
                  deviceAndAppManagementAssignmentFilterType: 'include',
                },
              },
              {
                intent: 'uninstall',
                target: { '@odata.type': '#microsoft.graph.exclusionGroupAssignmentTarget', groupId: 'g1' },
              },
              { intent: 'available', target: { '@odata.type': '#microsoft.graph.allLicensedUsersAssignmentTarget' } },
            ],
          }),
        ],
      }),
    );
    expect(scenario.tenant.apps[0]?.assignments).toEqual([
      { target: { kind: 'group', groupId: 'g1' }, filterId: 'f1', filterType: 'include', intent: 'required' },
      { target: { kind: 'exclusionGroup', groupId: 'g1' }, filterId: null, filterType: 'none', intent: 'uninstall' },
      { target: { kind: 'allLicensedUsers' }, filterId: null, filterType: 'none', intent: 'available' },
    ]);
  });

  it('refuses duplicate app ids', () => {
    expect(problems(validateScenario(withTenant({ apps: [win32('same'), win32('same')] })))).toEqual([
      'tenant.apps[1].id: duplicate app id "same" (also tenant.apps[0])',
    ]);
  });
});

describe('assignments, groups and filters', () => {
  const groupTarget = (groupId: string, filter?: Json) => ({
    target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId, ...filter },
  });

  it('refuses an assignment to a group nobody knows, and accepts one the device or a user is in', () => {
    expect(
      problems(
        validateScenario(
          withTenant({ enrollmentStatusPageProfiles: [profile({ assignments: [groupTarget('ghost')] })] }),
        ),
      ),
    ).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].assignments[0].target.groupId: no group "ghost" in tenant.groups, device.groupIds or any user\'s groupIds',
    ]);
    valid(
      withTenant(
        { enrollmentStatusPageProfiles: [profile({ assignments: [groupTarget('devices')] })] },
        { device: { groupIds: ['devices'] } },
      ),
    );
    valid(
      withTenant(
        { enrollmentStatusPageProfiles: [profile({ assignments: [groupTarget('people')] })] },
        { users: [{ userPrincipalName: 'a@contoso.com', groupIds: ['people'] }] },
      ),
    );
  });

  it('refuses an assignment filter id the tenant does not have', () => {
    const filter = {
      deviceAndAppManagementAssignmentFilterId: 'f9',
      deviceAndAppManagementAssignmentFilterType: 'include',
    };
    expect(
      problems(
        validateScenario(
          withTenant({
            groups: [{ id: 'g' }],
            enrollmentStatusPageProfiles: [profile({ assignments: [groupTarget('g', filter)] })],
          }),
        ),
      ),
    ).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].assignments[0].target.deviceAndAppManagementAssignmentFilterId: no filter "f9" in tenant.assignmentFilters',
    ]);
  });

  it('asks for include or exclude when a filter id is given without its type, and for the id when only the type is', () => {
    const result = validateScenario(
      withTenant({
        groups: [{ id: 'g' }],
        apps: [
          win32('a1', {
            assignments: [
              { intent: 'required', ...groupTarget('g', { deviceAndAppManagementAssignmentFilterId: 'f1' }) },
            ],
          }),
          win32('a2', {
            assignments: [
              { intent: 'required', ...groupTarget('g', { deviceAndAppManagementAssignmentFilterType: 'exclude' }) },
            ],
          }),
        ],
      }),
    );
    expect(problems(result)).toEqual([
      'tenant.apps[0].assignments[0].target.deviceAndAppManagementAssignmentFilterType: required when deviceAndAppManagementAssignmentFilterId is set: include or exclude',
      'tenant.apps[1].assignments[0].target.deviceAndAppManagementAssignmentFilterId: required when deviceAndAppManagementAssignmentFilterType is exclude',
    ]);
  });

  it('ignores a filter id whose type is none, as Graph does', () => {
    const { scenario } = valid(
      withTenant({
        enrollmentStatusPageProfiles: [
          profile({
            assignments: [
              {
                target: {
                  '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget',
                  deviceAndAppManagementAssignmentFilterId: '00000000-0000-0000-0000-000000000000',
                  deviceAndAppManagementAssignmentFilterType: 'none',
                },
              },
            ],
          }),
        ],
      }),
    );
    expect(scenario.tenant.espProfiles[0]?.assignments[0]).toMatchObject({ filterId: null, filterType: 'none' });
  });

  it('reports a filter rule on a property ESP profile filters cannot use at its rule', () => {
    const result = validateScenario(
      withTenant({ assignmentFilters: [{ id: 'f1', rule: '(device.deviceName -eq "PC-1")' }] }),
    );
    const [problem] = problems(result);
    expect(problem).toMatch(/^tenant\.assignmentFilters\[0\]\.rule: /);
    expect(problem).toContain('device.deviceName');
  });

  it('reports a filter rule that does not parse at its rule', () => {
    const [problem] = problems(
      validateScenario(withTenant({ assignmentFilters: [{ id: 'f1', rule: '(device.model -eq "x"' }] })),
    );
    expect(problem).toMatch(/^tenant\.assignmentFilters\[0\]\.rule: /);
  });

  it('refuses an unknown assignment target type, listing the four it knows', () => {
    const assignments = [
      { target: { '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget' } },
    ];
    expect(
      problems(validateScenario(withTenant({ enrollmentStatusPageProfiles: [profile({ assignments })] }))),
    ).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].assignments[0].target["@odata.type"]: expected one of #microsoft.graph.groupAssignmentTarget, #microsoft.graph.exclusionGroupAssignmentTarget, #microsoft.graph.allDevicesAssignmentTarget, #microsoft.graph.allLicensedUsersAssignmentTarget',
    ]);
  });
});

describe('policies, certificates and network profiles', () => {
  it('reads their kinds and turns simulation.policies into resource behaviour', () => {
    const { scenario } = valid(
      withTenant(
        {
          policies: [
            { id: 'edge', displayName: 'Edge', kind: 'edgeBrowser', assignments: [allDevices] },
            { id: 'misc' },
          ],
          certificateProfiles: [{ id: 'root', kind: 'trustedRoot' }],
          networkProfiles: [{ id: 'wifi', kind: 'wifi', assignments: [] }],
        },
        { simulation: { policies: { edge: { applySeconds: 5 }, wifi: { fails: true } } } },
      ),
    );
    expect(scenario.tenant.policies.map((p) => [p.id, p.kind])).toEqual([
      ['edge', 'edgeBrowser'],
      ['misc', 'other'],
    ]);
    expect(scenario.tenant.certificateProfiles[0]).toEqual({
      id: 'root',
      displayName: 'root',
      kind: 'trustedRoot',
      assignments: [],
    });
    expect(scenario.simulation.resources).toEqual({
      edge: { applySeconds: 5, fails: false },
      wifi: { applySeconds: null, fails: true },
    });
  });

  it('refuses an unknown certificate kind and an id shared between a policy and a profile', () => {
    const result = validateScenario(
      withTenant({
        policies: [{ id: 'x' }],
        certificateProfiles: [{ id: 'c', kind: 'smime' }],
        networkProfiles: [{ id: 'x', kind: 'vpn' }],
      }),
    );
    expect(problems(result)).toEqual(['tenant.certificateProfiles[0].kind: expected one of scep, pkcs, trustedRoot']);
    expect(
      problems(validateScenario(withTenant({ policies: [{ id: 'x' }], networkProfiles: [{ id: 'x', kind: 'vpn' }] }))),
    ).toEqual(['tenant.networkProfiles[0].id: duplicate policy or profile id "x" (also tenant.policies[0])']);
  });
});

describe('simulated behaviour', () => {
  const tenant = {
    apps: [win32('a1'), { '@odata.type': '#microsoft.graph.officeSuiteApp', id: 'm365' }],
    policies: [{ id: 'p1' }],
  };

  it('turns exitCode into a list of exit codes per attempt, defaulting to success', () => {
    const { scenario } = valid(
      withTenant(tenant, {
        simulation: { apps: { a1: { installSeconds: 240, downloadMB: 80, exitCode: 1603 }, m365: {} } },
      }),
    );
    expect(scenario.simulation.apps).toEqual({
      a1: { installSeconds: 240, downloadMB: 80, exitCodes: [1603] },
      m365: { installSeconds: null, downloadMB: null, exitCodes: [0] },
    });
  });

  it('refuses exitCode and exitCodes together, and an empty exitCodes', () => {
    expect(
      problems(
        validateScenario(withTenant(tenant, { simulation: { apps: { a1: { exitCode: 0, exitCodes: [1618, 0] } } } })),
      ),
    ).toEqual(['simulation.apps.a1.exitCodes: give exitCode or exitCodes, not both']);
    expect(problems(validateScenario(withTenant(tenant, { simulation: { apps: { a1: { exitCodes: [] } } } })))).toEqual(
      ['simulation.apps.a1.exitCodes: must have at least 1 item'],
    );
  });

  it('refuses behaviour for apps and policies the tenant does not have', () => {
    const result = validateScenario(
      withTenant(tenant, {
        simulation: { apps: { 'no-such-app': { installSeconds: 5 } }, policies: { nope: { applySeconds: 1 } } },
      }),
    );
    expect(problems(result)).toEqual([
      'simulation.apps["no-such-app"]: no app with id "no-such-app" in tenant.apps',
      'simulation.policies.nope: no policy, certificate or network profile with id "nope" in tenant.policies, tenant.certificateProfiles or tenant.networkProfiles',
    ]);
  });

  it('reads faults, with HRESULTs written in hex or as numbers', () => {
    const { scenario } = valid(
      withTenant(tenant, {
        simulation: {
          faults: [
            { kind: 'packagedReboot', appId: 'a1' },
            { kind: 'officeHang', appId: 'm365' },
            { kind: 'tpmAttestationFailure', hresult: '0x81039023' },
            { kind: 'tpmAttestationFailure', hresult: -2130472959 },
            { kind: 'tpmAttestationFailure' },
            { kind: 'networkOutage', atSeconds: 60, forSeconds: 120 },
            { kind: 'resourceFails', resourceId: 'p1' },
            { kind: 'identifyingNeverEnds' },
            { kind: 'espProviderTimeout' },
          ],
        },
      }),
    );
    expect(scenario.simulation.faults).toEqual([
      { kind: 'packagedReboot', appId: 'a1' },
      { kind: 'officeHang', appId: 'm365' },
      { kind: 'tpmAttestationFailure', hresult: 0x81039023 },
      { kind: 'tpmAttestationFailure', hresult: 0x81039001 },
      { kind: 'tpmAttestationFailure', hresult: 0x81039001 },
      { kind: 'networkOutage', atSeconds: 60, forSeconds: 120 },
      { kind: 'resourceFails', resourceId: 'p1' },
      { kind: 'identifyingNeverEnds' },
      { kind: 'espProviderTimeout' },
    ]);
  });

  it('refuses faults that point at apps or policies the tenant does not have, or of an unknown kind', () => {
    const result = validateScenario(
      withTenant(tenant, {
        simulation: {
          faults: [
            { kind: 'packagedReboot', appId: 'ghost' },
            { kind: 'resourceFails', resourceId: 'ghost' },
            { kind: 'bluescreen' },
            { kind: 'declaredReboot', appId: 'a1', when: 'now' },
          ],
        },
      }),
    );
    expect(problems(result)).toEqual([
      'simulation.faults[2].kind: expected one of packagedReboot, msiWin32Conflict, declaredReboot, officeHang, identifyingNeverEnds, tpmAttestationFailure, networkOutage, resourceFails, espProviderTimeout',
      'simulation.faults[3].when: unknown key',
    ]);
    const references = validateScenario(
      withTenant(tenant, {
        simulation: {
          faults: [
            { kind: 'packagedReboot', appId: 'ghost' },
            { kind: 'resourceFails', resourceId: 'ghost' },
          ],
        },
      }),
    );
    expect(problems(references)).toEqual([
      'simulation.faults[0].appId: no app with id "ghost" in tenant.apps',
      'simulation.faults[1].resourceId: no policy, certificate or network profile with id "ghost" in tenant.policies, tenant.certificateProfiles or tenant.networkProfiles',
    ]);
  });

  it('warns when an Office hang is put on an app that is not Microsoft 365 Apps', () => {
    const { warnings } = valid(withTenant(tenant, { simulation: { faults: [{ kind: 'officeHang', appId: 'a1' }] } }));
    expect(warnings).toEqual(['simulation.faults[0].appId: "App a1" is not a Microsoft 365 Apps (officeSuiteApp) app']);
  });
});

describe('durations that would break the simulated clock', () => {
  it('refuses an install time beyond a week and names the field', () => {
    const result = validateScenario({
      schemaVersion: 1,
      deployment: { mode: 'userDriven' },
      tenant: {
        apps: [{ '@odata.type': '#microsoft.graph.win32LobApp', id: 'a1', displayName: 'A', assignments: [] }],
      },
      simulation: { apps: { a1: { installSeconds: 1e300 } } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map(formatProblem)).toContain(
        'simulation.apps.a1.installSeconds: at most 604800 seconds (a week)',
      );
  });
});
