/**
 * One story in every file: the app that failed fails everywhere with the same exit code at the same
 * second, and the same scenario and seed always give the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { bundleFiles, logBundleFileName } from '../../../electron/core/logbundle/bundle';
import { diagnosticsView } from '../../../electron/core/diagnostics/diagnosticsView';
import { makeApp, DEVICE_GROUP, groupTarget, required } from '../helpers/scenarioFactory';
import {
  cmtraceSecond,
  filesOf,
  findKey,
  parseCmtrace,
  parseEventText,
  parseReg,
  dwordOf,
  runOf,
  successScenario,
  teamsFailsScenario,
  textOf,
  wallSecond,
} from './fixtures';

const SHELL_CORE = 'microsoft-windows-shell-core-operational.txt';
const DM_ADMIN = 'microsoft-windows-devicemanagement-enterprise-diagnostics-provider-admin.txt';

describe('the failed app fails in every file, with the same exit code and time', () => {
  const scenario = teamsFailsScenario();
  const run = runOf(scenario);
  const failed = run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'teams');
  if (!failed || failed.type !== 'appInstallCompleted') throw new Error('no failure in the fixture');
  const files = filesOf(scenario, run, run.endT);
  const when = wallSecond(failed.t);

  it('timeline.json', () => {
    const timeline = JSON.parse(textOf(files, 'timeline.json')) as {
      t: number;
      type: string;
      appId?: string;
      exitCode?: number;
    }[];
    const e = timeline.find((x) => x.type === 'appInstallCompleted' && x.appId === 'teams');
    expect(e).toMatchObject({ t: failed.t, exitCode: 1603, result: 'failed' });
  });

  it('AppWorkload.log', () => {
    const entry = parseCmtrace(textOf(files, 'AppWorkload.log')).entries.find((e) =>
      e.message.includes('lpExitCode: 1603 of app: teams'),
    );
    expect(entry && cmtraceSecond(entry)).toBe(when);
  });

  it('the Shell-Core event log (the ESP page) records the failure with the exit code', () => {
    const events = parseEventText(textOf(files, SHELL_CORE));
    const failure = events.find((e) => e.description.includes("'CommercialOOBE_ESPProgress_AppInstallFailed'"));
    expect(failure).toBeDefined();
    expect(failure!.fields.get('Event ID')).toBe('62407');
    expect(failure!.fields.get('Level')).toBe('Error');
    expect(failure!.fields.get('Date')!.slice(0, 19)).toBe(when);
    const value = /Value: '(.*)'\.$/.exec(failure!.description)![1]!;
    expect(JSON.parse(value)).toMatchObject({ appId: 'teams', exitCode: 1603, hresult: '0x80070643' });
  });

  it('the registry dump (InstallationState 4, EnforcementState 5000 with the HRESULT)', () => {
    const reg = parseReg(files.get('MdmDiagReport_RegistryDump.reg') as Uint8Array);
    const ime = findKey(reg, /IntuneManagementExtension\\Win32Apps\\0{8}-0{4}-0{4}-0{4}-0{12}\\teams_1$/);
    const enforcement = reg.keys.get(ime)!.get('EnforcementStateMessage');
    expect(enforcement?.type === 'sz' && JSON.parse(enforcement.value)).toMatchObject({
      EnforcementState: 5000,
      ErrorCode: 0x80070643 | 0,
    });
    expect(dwordOf(reg, findKey(reg, /Tracking\\Sidecar\\Win32App_teams_1$/), 'InstallationState')).toBe(4);
  });

  it('the diagnostics page and the HTML report', () => {
    const view = diagnosticsView(scenario, run, run.endT);
    const teams = view.appsAndPolicies.flatMap((c) => c.apps).find((a) => a.resourceName === 'Microsoft Teams');
    const install = teams?.events.find((e) => e.eventName === 'Install');
    expect(install?.status).toBe(1);
    expect(install?.details).toContain('Exit code 1603 (0x80070643)');
    expect(install?.finishTime).toBe('3/2/2026 8:' + when.slice(14, 16) + ':' + when.slice(17, 19) + ' AM');
    const html = textOf(files, 'MDMDiagHtmlReport.html');
    expect(html).toMatch(/<td>Microsoft Teams<\/td>.*<td>Error<\/td><td>1603<\/td>/);
  });

  it('readme.txt names the failed app and its exit code', () => {
    expect(textOf(files, 'readme.txt')).toMatch(
      /Failed app: +Microsoft Teams \(teams\) in Device setup: exit code 1603 \(0x80070643\)/,
    );
  });
});

it('an MSI that fails shows in the DeviceManagement admin log as event 1924 with its exit code', () => {
  const scenario = teamsFailsScenario();
  scenario.tenant.apps.push(
    makeApp({
      id: 'crm',
      displayName: 'CRM client',
      kind: 'msi',
      odataType: '#microsoft.graph.windowsMobileMSI',
      assignments: [required(groupTarget(DEVICE_GROUP))],
    }),
  );
  scenario.simulation.apps.teams = { installSeconds: 30, downloadMB: 10, exitCodes: [0] };
  scenario.simulation.apps.crm = { installSeconds: 30, downloadMB: 10, exitCodes: [1603] };
  const run = runOf(scenario);
  const failed = run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'crm')!;
  const events = parseEventText(textOf(filesOf(scenario, run, run.endT), DM_ADMIN));
  const failure = events.find((e) => e.fields.get('Event ID') === '1924');
  expect(failure?.fields.get('Level')).toBe('Error');
  expect(failure?.description).toContain('Exit code: (1603)');
  expect(failure?.description).toContain('Fatal error during installation.');
  expect(failure?.fields.get('Date')!.slice(0, 19)).toBe(wallSecond(failed.t));
  expect(events.some((e) => e.fields.get('Event ID') === '72')).toBe(true);
});

describe('same scenario and seed, same bundle', () => {
  it('every file is byte-identical between two runs', () => {
    const a = bundleFiles(teamsFailsScenario(), runOf(teamsFailsScenario()), 100);
    const b = bundleFiles(teamsFailsScenario(), runOf(teamsFailsScenario()), 100);
    expect(b.map((f) => f.name)).toEqual(a.map((f) => f.name));
    a.forEach((file, i) => expect(Buffer.from(b[i]!.content)).toEqual(Buffer.from(file.content)));
  });

  it('another seed gives the device other identifiers', () => {
    const one = teamsFailsScenario();
    const other = teamsFailsScenario({ seed: 8 });
    const id = (s: typeof one) => JSON.parse(textOf(filesOf(s, runOf(s), 0), 'MdmDiagLogMetadata.json')).EnrollmentId;
    expect(id(one)).not.toBe(id(other));
  });

  it('the files come in a stable order: readme first, the device files A–Z, then scenario and timeline', () => {
    const names = bundleFiles(successScenario(), runOf(successScenario()), 0).map((f) => f.name);
    expect(names[0]).toBe('readme.txt');
    expect(names.slice(-2)).toEqual(['scenario.json', 'timeline.json']);
    const device = names.slice(1, -2);
    expect(device).toEqual([...device].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
    expect(device).toContain('DeviceHash_SN-0001-TEST.csv');
    expect(device).toContain('microsoft-windows-user device registration-admin.txt');
    expect(device.filter((n) => n.endsWith('.txt') && n.startsWith('microsoft-windows-'))).toHaveLength(15);
  });
});

describe('the other files', () => {
  const scenario = successScenario();
  const run = runOf(scenario);
  const files = filesOf(scenario, run, run.endT);

  it('DeviceHash csv has the Autopilot header and one row with a base64 hash', () => {
    const [header, row, end] = textOf(files, 'DeviceHash_SN-0001-TEST.csv').split('\r\n');
    expect(header).toBe('Device Serial Number,Windows Product ID,Hardware Hash');
    const [serial, productId, hash] = row!.split(',');
    expect(serial).toBe('SN-0001-TEST');
    expect(productId).toBe('');
    expect(hash).toMatch(/^[A-Za-z0-9+/]{100,}={0,2}$/);
    expect(Buffer.from(hash!, 'base64').toString('base64')).toBe(hash);
    expect(end).toBe('');
  });

  it('AutopilotDDSZTDFile.json is the profile JSON with the tenant', () => {
    const profile = JSON.parse(textOf(files, 'AutopilotDDSZTDFile.json'));
    expect(profile).toMatchObject({
      CloudAssignedTenantId: scenario.tenant.id,
      DeploymentProfileName: 'AP-UserDriven',
    });
    expect(JSON.parse(profile.CloudAssignedAadServerData).ZeroTouchConfig.CloudAssignedTenantDomain).toBe(
      'contoso.onmicrosoft.com',
    );
  });

  it('MdmDiagLogMetadata.json lists every file of the bundle', () => {
    const metadata = JSON.parse(textOf(files, 'MdmDiagLogMetadata.json'));
    expect(metadata.Files).toEqual([...files.keys()]);
    expect(metadata.Areas).toEqual(['Autopilot']);
  });

  it('readme.txt says it is simulated and why the event logs are text', () => {
    const readme = textOf(files, 'readme.txt');
    expect(readme).toContain('SIMULATED');
    expect(readme).toMatch(/Event logs are TEXT, not \.evtx\. An \.evtx file is a binary, Windows-only format/);
    expect(readme).toContain("The app's own log is not included");
  });

  it('every event log parses as wevtutil text, oldest first', () => {
    for (const [name, content] of files) {
      if (!name.startsWith('microsoft-windows-')) continue;
      const events = parseEventText(typeof content === 'string' ? content : '');
      const dates = events.map((e) => e.fields.get('Date')!);
      expect(dates).toEqual([...dates].sort());
      events.forEach((e, i) => expect(e.index).toBe(i));
    }
  });

  it('setupact.log lines are "date, level [component] message"', () => {
    for (const line of textOf(files, 'setupact.log').split('\r\n').filter(Boolean)) {
      expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}, (Info|Warning|Error) +\[[^\]]+\] \S/);
    }
  });
});

describe('the archive name', () => {
  it('Windows 11 and Windows 10 write MDMDiagReport.zip; pre-provisioning AutopilotWhiteGloveLogs.zip', () => {
    expect(logBundleFileName(teamsFailsScenario())).toBe('MDMDiagReport.zip');
    expect(logBundleFileName(teamsFailsScenario({ windows: { release: '10' } }))).toBe('MDMDiagReport.zip');
    expect(logBundleFileName(teamsFailsScenario({ deployment: { mode: 'preProvisioning' } }))).toBe(
      'AutopilotWhiteGloveLogs.zip',
    );
  });
});

describe('every kind of deployment gives a complete bundle that parses, at any moment', () => {
  const variants: [string, ReturnType<typeof teamsFailsScenario>][] = [
    ['user-driven, hybrid join', teamsFailsScenario({ deployment: { join: 'hybrid' } })],
    ['pre-provisioning', teamsFailsScenario({ deployment: { mode: 'preProvisioning' }, users: [] })],
    ['self-deploying', teamsFailsScenario({ deployment: { mode: 'selfDeploying' }, users: [] })],
    [
      'Entra join in OOBE, not registered',
      teamsFailsScenario({ deployment: { mode: 'entraJoinOobe', autopilotRegistered: false } }),
    ],
    ['Windows 10', teamsFailsScenario({ windows: { release: '10' } })],
    ['ESP not shown (default profile only)', teamsFailsScenario({ tenant: { espProfiles: [] } })],
    [
      'TPM attestation fails',
      teamsFailsScenario({
        deployment: { mode: 'selfDeploying' },
        users: [],
        simulation: { faults: [{ kind: 'tpmAttestationFailure', hresult: 0x80280036 }] },
      }),
    ],
  ];
  for (const [label, scenario] of variants) {
    it(label, () => {
      const run = runOf(scenario);
      for (const t of [0, Math.floor(run.endT / 3), run.endT, run.endT + 3600]) {
        const files = filesOf(scenario, run, t);
        expect(files.size).toBe(28);
        for (const name of ['IntuneManagementExtension.log', 'AppWorkload.log', 'AgentExecutor.log']) {
          const { gaps } = parseCmtrace(textOf(files, name));
          expect(gaps.slice(1).every((g) => g === '\r\n')).toBe(true);
          expect(gaps[0]).toBe('');
        }
        expect(parseReg(files.get('MdmDiagReport_RegistryDump.reg') as Uint8Array).header).toBe(
          'Windows Registry Editor Version 5.00',
        );
        for (const [name, content] of files) {
          if (name.startsWith('microsoft-windows-')) parseEventText(content as string);
          if (name.endsWith('.json')) JSON.parse(textOf(files, name));
        }
        diagnosticsView(scenario, run, t);
      }
    });
  }

  it('when TPM attestation fails, the IME never started: its logs are empty and the readme says why', () => {
    const scenario = variants.find(([label]) => label === 'TPM attestation fails')![1];
    const run = runOf(scenario);
    const files = filesOf(scenario, run, run.endT);
    expect(textOf(files, 'IntuneManagementExtension.log')).toBe('');
    expect(textOf(files, 'readme.txt')).toContain(
      'The Intune Management Extension had not started by the collection time',
    );
    const events = parseEventText(
      textOf(files, 'microsoft-windows-moderndeployment-diagnostics-provider-autopilot.txt'),
    );
    expect(events.at(-1)).toMatchObject({
      description: 'AutopilotManager failed to set TPM identity confirmed. HRESULT=0x80280036.',
    });
    expect(events.at(-1)!.fields.get('Event ID')).toBe('171');
  });
});
