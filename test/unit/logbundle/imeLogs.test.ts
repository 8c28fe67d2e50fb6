/**
 * IME logs (§3.3): what a support engineer opens first. Every line must read in CMTrace, and the
 * messages must tell this run's story: phases, registration, downloads, exit codes, the failure.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/timeline';
import type { CmtraceEntry } from './fixtures';
import {
  START,
  cmtraceSecond,
  filesOf,
  parseCmtrace,
  runOf,
  successScenario,
  teamsFailsScenario,
  textOf,
  wallSecond,
} from './fixtures';

const IME_FILES = {
  'IntuneManagementExtension.log': 'IntuneManagementExtension',
  'AppWorkload.log': 'AppWorkload',
  'AgentExecutor.log': 'AgentExecutor',
} as const;

function completion(timeline: readonly TimelineEvent[], appId: string) {
  const e = timeline.find((x) => x.type === 'appInstallCompleted' && x.appId === appId);
  if (!e || e.type !== 'appInstallCompleted') throw new Error(`no completion for ${appId}`);
  return e;
}

describe('every IME log line reads in CMTrace', () => {
  for (const [label, scenario] of [
    ['a failed run', teamsFailsScenario()],
    ['a run through Account setup', successScenario()],
  ] as const) {
    const run = runOf(scenario);
    const files = filesOf(scenario, run, run.endT);
    for (const [name, component] of Object.entries(IME_FILES)) {
      it(`${name} in ${label}: only CMTrace entries, CRLF between them, valid times, numeric threads`, () => {
        const text = textOf(files, name);
        const { entries, gaps } = parseCmtrace(text);
        expect(entries.length).toBeGreaterThan(0);
        // Nothing but the line end between entries: no stray text a CMTrace reader would choke on.
        expect(gaps[0]).toBe('');
        for (const gap of gaps.slice(1)) expect(gap).toBe('\r\n');
        expect(text.endsWith('">\r\n')).toBe(true);
        let previous = '';
        for (const e of entries) {
          expect(e.component).toBe(component);
          expect(e.context).toBe('');
          expect(e.file).toBe('');
          expect(['1', '2', '3']).toContain(e.type);
          expect(e.thread).toMatch(/^\d+$/);
          expect(e.date, 'M-D-YYYY without zero padding').toMatch(/^[1-9]\d?-[1-9]\d?-\d{4}$/);
          expect(e.time, 'HH:mm:ss.fffffff').toMatch(/^\d{2}:\d{2}:\d{2}\.\d{7}$/);
          const second = cmtraceSecond(e);
          expect(second).not.toBeNull();
          const stamp = `${second}.${e.time.slice(9)}`;
          expect(stamp >= previous, 'lines are in time order').toBe(true);
          previous = stamp;
        }
      });
    }
  }

  it('has the same shape as the real IME 1.104 line quoted in the reference', () => {
    const real =
      '<![LOG[EMS Agent Started]LOG]!><time="15:09:33.9450446" date="2-4-2025" component="IntuneManagementExtension" context="" type="1" thread="14" file="">';
    const skeleton = (line: string) =>
      line
        .replace(/<!\[LOG\[[\s\S]*?\]LOG\]!>/, '<![LOG[*]LOG]!>')
        .replace(/time="[^"]*"/, 'time="*"')
        .replace(/date="[^"]*"/, 'date="*"')
        .replace(/type="\d"/, 'type="*"')
        .replace(/thread="\d+"/, 'thread="*"');
    const scenario = teamsFailsScenario();
    const run = runOf(scenario);
    const first = textOf(filesOf(scenario, run, run.endT), 'IntuneManagementExtension.log').split('\r\n')[0]!;
    expect(skeleton(first)).toBe(skeleton(real));
    expect(first.startsWith('<![LOG[EMS Agent Started]LOG]!>')).toBe(true);
  });
});

describe('the IME logs tell the story of the run', () => {
  const scenario = teamsFailsScenario();
  const run = runOf(scenario);
  const files = filesOf(scenario, run, run.endT);
  const workload = parseCmtrace(textOf(files, 'AppWorkload.log')).entries;
  const find = (pattern: RegExp): CmtraceEntry[] => workload.filter((e) => pattern.test(e.message));

  it('the failed app exits with the code and at the second the timeline says', () => {
    const failed = completion(run.timeline, 'teams');
    expect(failed.exitCode).toBe(1603);
    const unmapped = find(/^\[Win32App\] Admin did NOT set mapping for lpExitCode: 1603 of app: teams$/);
    expect(unmapped).toHaveLength(1);
    expect(cmtraceSecond(unmapped[0]!)).toBe(wallSecond(failed.t));
    const exit = find(/^\[Win32App\] lpExitCode 1603$/);
    expect(exit).toHaveLength(1);
    expect(cmtraceSecond(exit[0]!)).toBe(wallSecond(failed.t));
    expect(exit[0]!.thread).toBe(unmapped[0]!.thread);
    const defined = find(/^\[Win32App\] lpExitCode is defined as Failed$/);
    expect(defined[0]?.type).toBe('3');
    const error = find(/Updating ESP tracked install status from InProgress to Error for application teams/);
    expect(error).toHaveLength(1);
    expect(error[0]!.type).toBe('3');
  });

  it('the app that installed says lpExitCode 0, Success, Detected and Completed', () => {
    const ok = completion(run.timeline, 'vpn');
    const lines = workload.filter((e) => cmtraceSecond(e) === wallSecond(ok.t)).map((e) => e.message);
    expect(lines).toContain('[Win32App] lpExitCode 0');
    expect(lines).toContain('[Win32App] lpExitCode is defined as Success');
    expect(lines.some((m) => /policy with id: vpn .*detection state: Detected\./.test(m))).toBe(true);
    expect(lines).toContain(
      '[Win32App][EspManager] Updating ESP tracked install status from InProgress to Completed for application vpn with name: Contoso VPN',
    );
  });

  it('names the ESP phase and registers each tracked app', () => {
    expect(find(/^\[Win32App\] In EspPhase: DeviceSetup$/)).toHaveLength(1);
    expect(find(/In EspPhase: DeviceSetup\. App teams has been registered .* App name: Microsoft Teams$/)).toHaveLength(
      1,
    );
    expect(find(/In EspPhase: DeviceSetup\. App vpn has been registered .* App name: Contoso VPN$/)).toHaveLength(1);
  });

  it('reports Delivery Optimization download progress up to the full size', () => {
    const bytes = 48 * 1024 * 1024;
    const progress = find(
      /^\[StatusService\] Downloading app \(id = teams, name Microsoft Teams\) via DO, bytes \d+\/\d+ for user /,
    );
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[0]!.message).toContain(` bytes 0/${bytes} `);
    expect(progress[progress.length - 1]!.message).toContain(` bytes ${bytes}/${bytes} `);
  });

  it('stops at the collection time: collected mid-install, the failure is not there yet', () => {
    const started = run.timeline.find((e) => e.type === 'appInstallStarted' && e.appId === 'teams')!;
    const mid = filesOf(scenario, run, started.t + 10);
    const text = textOf(mid, 'AppWorkload.log');
    expect(text).toContain('Processing subgraph with app ids: teams');
    expect(text).not.toContain('lpExitCode 1603');
    for (const e of parseCmtrace(text).entries) expect(cmtraceSecond(e)! <= wallSecond(started.t + 10)).toBe(true);
  });
});

describe('the IME logs of a run that succeeds', () => {
  const scenario = successScenario();
  const run = runOf(scenario);
  const files = filesOf(scenario, run, run.endT);
  const workload = parseCmtrace(textOf(files, 'AppWorkload.log')).entries.map((e) => e.message);
  const ime = parseCmtrace(textOf(files, 'IntuneManagementExtension.log')).entries.map((e) => e.message);

  it('a 3010 is a soft reboot, a 1618 is retried and then succeeds', () => {
    expect(workload).toContain('[Win32App] lpExitCode 3010');
    expect(workload).toContain('[Win32App] lpExitCode is defined as SoftReboot');
    expect(workload).toContain('[Win32App] lpExitCode 1618');
    expect(workload).toContain('[Win32App] lpExitCode is defined as Retry');
    expect(
      workload.filter((m) => m === '[Win32App][V3Processor] Processing subgraph with app ids: retry'),
    ).toHaveLength(2);
  });

  it('the user part: AccountSetup phase, the user session, and the hand-off when the ESP ends', () => {
    expect(workload).toContain('[Win32App] In EspPhase: AccountSetup');
    expect(
      ime.some((m) =>
        /^\[Win32App\] \.{5} Completed user session 1, userId: user-adele, userSID: S-1-12-1-\d+-\d+-\d+-\d+ \.{5}$/.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(ime).toContain('ESP completed. Triggering immediate app workload check-in');
    expect(ime).toContain('[Win32App] CheckDeviceOnlyFromFirstSyncReg set skipUserStatusPage: False');
  });

  it('the MSI app is not in the IME logs (EnterpriseDesktopAppManagement installs it)', () => {
    expect(workload.some((m) => m.includes('id: msi '))).toBe(false);
  });

  it('AgentExecutor runs the detection script before and after each Win32 install', () => {
    const agent = parseCmtrace(textOf(files, 'AgentExecutor.log')).entries.map((e) => e.message);
    expect(agent.filter((m) => m.includes('DetectionScripts\\agent_1.ps1'))).toHaveLength(2);
    expect(agent).toContain('write output done. output = Detected, error = .');
  });
});

it('times come from the scenario start, not from the machine clock', () => {
  const scenario = teamsFailsScenario();
  const run = runOf(scenario);
  const first = parseCmtrace(textOf(filesOf(scenario, run, run.endT), 'IntuneManagementExtension.log')).entries[0]!;
  expect(first.date).toBe('3-2-2026');
  expect(cmtraceSecond(first)! >= START.slice(0, 19)).toBe(true);
});

it('a run that starts just before midnight rolls the date over with the time', () => {
  const scenario = teamsFailsScenario({ startTime: '2026-03-02T23:59:30.250Z' });
  const run = runOf(scenario);
  const entries = parseCmtrace(textOf(filesOf(scenario, run, run.endT), 'AppWorkload.log')).entries;
  const failed = run.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === 'teams')!;
  const exit = entries.find((e) => e.message === '[Win32App] lpExitCode 1603')!;
  const expected = new Date(Date.parse('2026-03-02T23:59:30.250Z') + failed.t * 1000);
  expect(exit.date).toBe(`${expected.getUTCMonth() + 1}-${expected.getUTCDate()}-${expected.getUTCFullYear()}`);
  expect(cmtraceSecond(exit)).toBe(expected.toISOString().slice(0, 19));
  expect(entries[0]!.date).toBe('3-2-2026');
  expect(exit.date).toBe('3-3-2026');
});
