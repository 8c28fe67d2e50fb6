/**
 * What IME writes for an app that installs but is not detected, and for a WinGet app (§5.3): the
 * AppWorkload log says what IME says, and the code is the one the ESP shows.
 */
import { describe, expect, it } from 'vitest';
import { filesOf, parseCmtrace, runOf, teamsFailsScenario, textOf } from './fixtures';

const linesOf = (scenario: ReturnType<typeof teamsFailsScenario>) => {
  const run = runOf(scenario);
  return parseCmtrace(textOf(filesOf(scenario, run, run.endT), 'AppWorkload.log')).entries.map((e) => e.message);
};

describe('detection and WinGet lines in AppWorkload.log', () => {
  it('installed but not detected: the exit code is a success, the detection state NotDetected, the error 0x87d1041c', () => {
    const scenario = teamsFailsScenario();
    scenario.simulation.apps.teams = { installSeconds: 90, downloadMB: 48, exitCodes: [0], detected: false };
    const lines = linesOf(scenario);
    expect(lines).toContain('[Win32App] lpExitCode is defined as Success');
    expect(lines).toContain(
      '[Win32App][DetectionActionHandler] Detection for policy with id: teams resulted in action status: Success and detection state: NotDetected.',
    );
    expect(lines.some((l) => l.includes('"ErrorCode":{"NewValue":-2016345060'))).toBe(true);
  });

  it('a WinGet app has no lpExitCode mapping lines: the WinGet executor reports the result', () => {
    const scenario = teamsFailsScenario();
    scenario.tenant.apps = scenario.tenant.apps.map((a) => (a.id === 'teams' ? { ...a, kind: 'winGet' as const } : a));
    const lines = linesOf(scenario);
    const teams = lines.filter((l) => l.includes('teams'));
    expect(teams.some((l) => l.includes('lpExitCode'))).toBe(false);
    expect(lines).toContain(
      '[Win32App][WinGetApp][WinGetAppExecutionExecutor] Completed execution for app with id: teams. Result: Failed, error code: 0x80070643',
    );
  });
});
