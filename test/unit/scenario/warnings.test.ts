/**
 * Misspelled settings are never silent: a key Graph does not have on an ESP profile, an app, an assignment or
 * another tenant object is a warning naming the property it probably meant, while the OData noise of real
 * Intune exports stays quiet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { silentLogger } from '../../../electron/core/logging/logger';
import { decodeScenarioBytes } from '../../../electron/core/scenario/decode';
import { openScenario } from '../../../electron/core/scenario/library';
import { unwrapEmbeddedJson } from '../../../electron/core/scenario/schemaTools';
import { formatProblem, validateScenario } from '../../../electron/core/scenario/validate';
import { Session } from '../../../electron/core/session/session';

const root = path.resolve(import.meta.dirname, '../../..');
const realWorld = path.resolve(root, '../shared/fixtures/real-world');
// Real Intune exports kept beside the repository; a fresh clone has no ../shared, so those tests skip and say why.
const hasRealWorld = existsSync(realWorld);
if (!hasRealWorld) {
  console.warn(
    'skipped: warnings.test.ts real-world export tests — ../shared/fixtures/real-world is absent (a fresh clone has no ../shared)',
  );
}

type Json = Record<string, unknown>;

const allDevices = { target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } };

function scenarioWith(tenant: Json, extra: Json = {}): Json {
  return { schemaVersion: 1, name: 'Test', deployment: { mode: 'userDriven' }, tenant, ...extra };
}

function profile(extra: Json = {}): Json {
  return {
    '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
    id: 'p1',
    displayName: 'Autopilot ESP',
    priority: 1,
    showInstallationProgress: true,
    assignments: [allDevices],
    ...extra,
  };
}

function win32(id: string, extra: Json = {}): Json {
  return { '@odata.type': '#microsoft.graph.win32LobApp', id, displayName: `App ${id}`, ...extra };
}

/** The warnings of a scenario that must still be valid, as `esp-sim validate` prints them. */
function warningsOf(input: Json): string[] {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(`expected valid, got:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.warnings.map(formatProblem);
}

describe('misspelled settings', () => {
  it('a misspelled profile setting warns and names the Graph property it probably meant', () => {
    const input = scenarioWith({
      enrollmentStatusPageProfiles: [profile({ installProgressTimeoutInMinute: 5 })],
    });
    expect(warningsOf(input)).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].installProgressTimeoutInMinute: unknown property (did you mean installProgressTimeoutInMinutes?)',
    ]);
    // The run uses Graph's default, not the 5 minutes the author meant: exactly why it must not be silent.
    const result = validateScenario(input);
    expect(result.ok && result.scenario.tenant.espProfiles[0]?.installProgressTimeoutInMinutes).toBe(60);
  });

  it('a misspelled custom error message warns instead of silently showing the default text', () => {
    const input = scenarioWith({
      enrollmentStatusPageProfiles: [profile({ customErrorMesage: 'Call the service desk on 555-0100.' })],
    });
    expect(warningsOf(input)).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].customErrorMesage: unknown property (did you mean customErrorMessage?)',
    ]);
  });

  it('a misspelled blocking-app list warns instead of silently blocking on every app', () => {
    const input = scenarioWith({
      apps: [win32('a1', { assignments: [{ intent: 'required', ...allDevices }] })],
      enrollmentStatusPageProfiles: [profile({ selectedMobileAppId: ['a1'] })],
    });
    expect(warningsOf(input)).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].selectedMobileAppId: unknown property (did you mean selectedMobileAppIds?)',
    ]);
  });

  it('warns about misspellings in apps, their assignments, targets and settings, with each full path', () => {
    const input = scenarioWith({
      apps: [
        win32('a1', {
          instalExperience: { runAsAccount: 'user' },
          assignments: [
            {
              intent: 'required',
              target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget', groupID: 'x', grupId: 'y' },
              settings: { '@odata.type': '#microsoft.graph.win32LobAppAssignmentSettings', useDeviceContex: true },
            },
          ],
        }),
      ],
    });
    expect(warningsOf(input)).toEqual([
      'tenant.apps[0].assignments[0].target.grupId: unknown property (did you mean groupId?)',
      'tenant.apps[0].assignments[0].settings.useDeviceContex: unknown property (did you mean useDeviceContext?)',
      'tenant.apps[0].instalExperience: unknown property (did you mean installExperience?)',
    ]);
  });

  it('warns about misspellings in filters, groups and policies too', () => {
    const input = scenarioWith({
      groups: [{ id: 'g1', dispalyName: 'Pilot' }],
      assignmentFilters: [{ id: 'f1', rule: '(device.model -eq "x")', platfrom: 'windows10AndLater' }],
      policies: [{ id: 'edge', kind: 'edgeBrowser', asignments: [] }],
    });
    expect(warningsOf(input)).toEqual([
      'tenant.groups[0].dispalyName: unknown property (did you mean displayName?)',
      'tenant.assignmentFilters[0].platfrom: unknown property (did you mean platform?)',
      'tenant.policies[0].asignments: unknown property (did you mean assignments?)',
    ]);
  });

  it('names no property when none is close, and still says the key is ignored', () => {
    expect(warningsOf(scenarioWith({ enrollmentStatusPageProfiles: [profile({ colour: 'blue' })] }))).toEqual([
      'tenant.enrollmentStatusPageProfiles[0].colour: unknown property, ignored (not a Graph property of an ESP profile)',
    ]);
  });

  it('still warns about a misspelling when the same object has a problem, so the cause shows beside the effect', () => {
    const result = validateScenario(
      scenarioWith({
        groups: [{ id: 'g1' }],
        apps: [
          win32('a1', {
            assignments: [
              {
                intent: 'required',
                target: {
                  '@odata.type': '#microsoft.graph.groupAssignmentTarget',
                  groupId: 'g1',
                  deviceAndAppManagementAssignmentFilterId: 'f1',
                  deviceAndAppManagementAssignmentFilterTyp: 'include',
                },
              },
            ],
          }),
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const target = 'tenant.apps[0].assignments[0].target';
    expect(result.problems.map(formatProblem)).toEqual([
      `${target}.deviceAndAppManagementAssignmentFilterType: required when deviceAndAppManagementAssignmentFilterId is set: include or exclude`,
    ]);
    expect(result.warnings.map(formatProblem)).toEqual([
      `${target}.deviceAndAppManagementAssignmentFilterTyp: unknown property (did you mean deviceAndAppManagementAssignmentFilterType?)`,
    ]);
  });

  it('keeps refusing a misspelt key in our own sections, and suggests the right one when it is close', () => {
    const result = validateScenario({ schemaVersion: 1, deployment: { mdoe: 'userDriven' } });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'deployment.mode: expected one of userDriven, selfDeploying, preProvisioning, entraJoinOobe',
      'deployment.mdoe: unknown key (did you mean mode?)',
    ]);
  });
});

describe('what stays quiet', () => {
  it('known Graph properties the simulator ignores, OData annotations and odd casing give no warning', () => {
    const input = scenarioWith({
      enrollmentStatusPageProfiles: [
        profile({
          '@odata.context':
            'https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceEnrollmentConfigurations/$entity',
          '@odata.id': 'deviceManagement/deviceEnrollmentConfigurations(p1)',
          description: 'Pilot devices',
          createdDateTime: '2024-01-01T00:00:00Z',
          'createdDateTime@odata.type': '#DateTimeOffset',
          lastModifiedDateTime: '2024-02-01T00:00:00Z',
          roleScopeTagIds: ['0'],
          version: 3,
          deviceEnrollmentConfigurationType: 'windows10EnrollmentCompletionPageConfiguration',
          'assignments@odata.navigationLink': 'https://graph.microsoft.com/beta/...',
          '#microsoft.graph.assign': {
            title: 'microsoft.graph.assign',
            target: 'https://graph.microsoft.com/beta/...',
          },
          ShowInstallationProgress: true,
        }),
      ],
      apps: [
        win32('a1', {
          publisher: 'Contoso',
          largeIcon: null,
          isAssigned: true,
          installCommandLine: 'setup.exe /quiet',
          detectionRules: [],
          installExperience: { runAsAccount: 'system', deviceRestartBehavior: 'allow', maxRunTimeInMinutes: 60 },
          returnCodes: [{ '@odata.type': '#microsoft.graph.win32LobAppReturnCode', returnCode: 0, type: 'success' }],
          assignments: [
            {
              id: 'a1_1_0',
              source: 'direct',
              sourceId: null,
              intent: 'required',
              target: { ...allDevices.target, deviceAndAppManagementAssignmentFilterType: 'none' },
              settings: { notifications: 'showAll', restartSettings: null, installTimeSettings: null },
            },
          ],
        }),
        // An app of a type the simulator does not model keeps its own properties unjudged.
        { '@odata.type': '#microsoft.graph.iosVppApp', id: 'ios', vppTokenId: 't', bundleId: 'com.contoso' },
      ],
      // A device configuration pasted from Graph carries settings the simulator does not model.
      policies: [{ '@odata.type': '#microsoft.graph.windows10GeneralConfiguration', id: 'p', passwordRequired: true }],
    });
    expect(warningsOf(input)).toEqual([]);
  });

  it('the bundled scenarios have no warnings', () => {
    const dir = path.join(root, 'resources', 'scenarios');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const result = validateScenario(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      expect(result.warnings.map(formatProblem), file).toEqual([]);
    }
  });
});

/** Graph objects in an export file, however it holds them (list response, PowerShell tuple, JSON in strings). */
function graphObjectsIn(value: unknown): Json[] {
  const unwrapped = unwrapEmbeddedJson(value);
  const resolved = unwrapped.ok ? unwrapped.value : value;
  if (Array.isArray(resolved)) return resolved.flatMap(graphObjectsIn);
  if (typeof resolved !== 'object' || resolved === null) return [];
  const obj = resolved as Json;
  if (Array.isArray(obj['value'])) return graphObjectsIn(obj['value']);
  return typeof obj['displayName'] === 'string' ? [obj] : [];
}

describe.skipIf(!hasRealWorld)('real Intune exports', () => {
  const exportsIn = (folder: string) =>
    readdirSync(path.join(realWorld, folder)).map((name) => ({
      name,
      objects: graphObjectsIn(JSON.parse(decodeScenarioBytes(readFileSync(path.join(realWorld, folder, name))))),
    }));

  it('real ESP profile exports give no warning for their OData noise', () => {
    for (const { name, objects } of exportsIn('esp-profiles')) {
      const profiles = objects.map((o, i) => ({ id: `p${i}`, priority: i + 1, ...o }));
      expect(profiles.length, name).toBeGreaterThan(0);
      expect(warningsOf(scenarioWith({ enrollmentStatusPageProfiles: profiles.slice(0, 1) })), name).toEqual([]);
    }
  });

  it('real app exports give no warning for their OData noise', () => {
    for (const { name, objects } of exportsIn('apps')) {
      const apps = objects.map((o, i) => ({ id: `app${i}`, ...o }));
      const unknown = warningsOf(scenarioWith({ apps })).filter((w) => w.includes('unknown property'));
      expect(unknown, name).toEqual([]);
    }
  });
});

describe('where warnings show', () => {
  let dir = '';
  let file = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'esp-sim-warnings-'));
    file = path.join(dir, 'misspelt.json');
    await writeFile(
      file,
      JSON.stringify(scenarioWith({ enrollmentStatusPageProfiles: [profile({ customErrorMesage: 'x' })] }), null, 2),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const expected =
    'tenant.enrollmentStatusPageProfiles[0].customErrorMesage: unknown property (did you mean customErrorMessage?)';

  it('esp-sim validate prints each warning on stderr and still exits 0', async () => {
    let out = '';
    let err = '';
    const code = await runCli(['validate', file], { out: (t) => (out += t), err: (t) => (err += t) });
    expect({ code, out, err }).toEqual({ code: 0, out: 'valid\n', err: `warning: ${expected}\n` });
  });

  it('the app and the preview get the warnings for the banner, and the snapshot carries them', async () => {
    const opened = await openScenario(file, path.join(root, 'resources'), silentLogger);
    expect(opened).toMatchObject({ problem: null, warnings: [expected] });
    const session = new Session({ scenario: opened.scenario, scenarioWarnings: opened.warnings, autoStart: false });
    try {
      expect(session.snapshot().scenarioWarnings).toEqual([expected]);
    } finally {
      session.dispose();
    }
  });
});
