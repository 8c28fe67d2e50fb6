/**
 * The admins' field reports kept beside the project (../shared/fixtures/field), each with the right
 * result and its source in that folder's README. A fresh clone has no ../shared: the tests skip and say so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import { runReport } from '../../../electron/cli/report';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { UserAction } from '../../../shared/actions';
import { bundleFiles } from '../../../electron/core/logbundle/bundle';

const dir = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'field');
const present = existsSync(dir);
if (!present) console.warn(`skipped: fieldReports.test.ts: ${dir} is absent (a fresh clone has no ../shared)`);

async function run(file: string, responses: UserAction[] = []) {
  const loaded = await loadScenarioFile(join(dir, file));
  if (loaded.kind !== 'valid') throw new Error(`${file}: ${JSON.stringify(loaded)}`);
  const result = runHeadless(loaded.scenario, responses);
  if (!result.ok) throw new Error(result.error);
  return { scenario: loaded.scenario, run: result.run, report: runReport(loaded.scenario, result.run) };
}

describe.skipIf(!present)('field reports replayed (../shared/fixtures/field/README.md)', () => {
  it('a Win32 app that exits 1 shows 0x80070001 on the Apps row, and Account setup Previous step failed (halfoncloud.com Part 8; §1.4)', async () => {
    const { report } = await run('failed-app-code.json');
    expect(report.outcome).toBe('failed');
    const apps = report.phases.deviceSetup.items.find((i) => i.id === 'apps')!;
    expect(apps.text).toContain('0x80070001');
    expect(apps.text).not.toMatch(/of \d+ installed/);
    expect(report.phases.accountSetup.status).toBe('previousStepFailed');
  });

  it('Continue anyway after a Device setup failure goes on to Account setup, which installs the user app (Niehaus 2020)', async () => {
    const { report } = await run('continue-anyway-device-failure.json', ['continueAnyway']);
    expect(report.phases.accountSetup.status).toBe('succeeded');
    const userApp = 'a2000000-0000-4000-8000-000000000009';
    const done = report.timeline.find((e) => e.type === 'appInstallCompleted' && e.appId === userApp);
    expect(done).toMatchObject({ phase: 'accountSetup', result: 'success' });
    expect(report.deferredApps).not.toContain(userApp);
  });

  it('a SkipUserStatusPage custom OMA-URI skips Account setup; the registry dump shows 0xffffffff (OpenIntuneBaseline; §1.12)', async () => {
    const { scenario, run: r, report } = await run('skip-user-status-page-omauri.json');
    expect(report.espShown.user).toBe(false);
    expect(report.phases.accountSetup.status).toBe('notRun');
    const files = bundleFiles(scenario, r, r.endT);
    const reg = files.find((f) => f.name.endsWith('RegistryDump.reg'))!;
    const text = Buffer.isBuffer(reg.content) ? reg.content.toString('utf16le') : String(reg.content);
    expect(text).toMatch(/"SkipUserStatusPage"=dword:ffffffff/);
  });
});
