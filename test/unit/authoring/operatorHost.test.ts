/**
 * The operator console's host (electron/core/authoring/operatorHost.ts) over a real library folder and a real
 * session: opening runs a scenario (waiting for the device screen), an edit is kept as a draft and, when valid,
 * runs at once with its Explain, and Intune exports go through the same importer as `esp-sim import`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorAnswers, OperatorRequest, OperatorResult } from '../../../shared/contract';
import { createOperatorHost, type OperatorHost } from '../../../electron/core/authoring/operatorHost';
import { silentLogger } from '../../../electron/core/logging/logger';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import { Session } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';

const root = join(import.meta.dirname, '..', '..', '..');
const realWorld = resolve(root, '..', 'shared', 'fixtures', 'real-world');
const hasRealWorld = existsSync(realWorld);
if (!hasRealWorld) {
  console.warn(
    'skipped: operatorHost.test.ts "imports the real-world Intune exports" — ../shared/fixtures/real-world is absent (a fresh clone has no ../shared)',
  );
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

async function setup(): Promise<{ host: OperatorHost; session: Session; folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'esp-operator-'));
  const loaded = await loadScenarioFile(join(root, 'resources', 'scenarios', 'default.json'));
  if (loaded.kind !== 'valid') throw new Error('the bundled default does not load');
  const session = new Session({ scenario: loaded.scenario, clock: new ManualClock(), autoStart: false });
  const host = createOperatorHost({
    session,
    logger: silentLogger,
    libraryFolder: folder,
    resourcesDir: join(root, 'resources'),
    startupFile: null,
  });
  cleanup.push(() => {
    session.dispose();
    rmSync(folder, { recursive: true, force: true });
  });
  return { host, session, folder };
}

async function ask<K extends OperatorRequest['type']>(
  host: OperatorHost,
  request: Extract<OperatorRequest, { type: K }>,
): Promise<OperatorAnswers[K]> {
  const result = (await host.handle(request)) as OperatorResult<OperatorAnswers[K]>;
  if (!result.ok) throw new Error(`${request.type}: ${result.error} ${(result.problems ?? []).join('; ')}`);
  return result.value;
}

function upload(path: string): { name: string; base64: string } {
  return { name: path.split('/').pop()!, base64: readFileSync(path).toString('base64') };
}

describe('the operator host', () => {
  it('starts on the bundled default and opens another entry, which waits for the device screen', async () => {
    const { host, session } = await setup();
    expect((await ask(host, { type: 'listLibrary' })).openId).toBe('bundled:default');
    const opened = await ask(host, { type: 'openEntry', id: 'bundled:user-driven-app-fails' });
    expect(opened).toMatchObject({ running: true, state: { openId: 'bundled:user-driven-app-fails' } });
    expect(session.scenario.name).toBe('User-driven: Teams fails with 1603');
    expect(session.snapshot().clock).toMatchObject({ waitingToStart: true, elapsedSeconds: 0 });
  });

  it('keeps an edit as a draft, runs it at the same moment when valid, and explains it', async () => {
    const { host, session, folder } = await setup();
    const copy = await ask(host, { type: 'duplicateEntry', id: 'bundled:user-driven-app-fails', name: 'Pilot' });
    session.handle({ type: 'start' });
    session.handle({ type: 'seek', seconds: 100 });
    session.handle({ type: 'pause' });
    const document = structuredClone(copy.document) as {
      tenant: { enrollmentStatusPageProfiles: Record<string, unknown>[] };
    };
    const profile = document.tenant.enrollmentStatusPageProfiles.find((p) => p['priority'] === 1)!;
    profile['customErrorMessage'] = 'Call the service desk on 555-0100.';
    const preview = await ask(host, { type: 'previewEdit', id: copy.entry.id, document });
    expect(preview).toMatchObject({
      problems: [],
      applied: true,
      explain: { errorMessage: 'Call the service desk on 555-0100.' },
    });
    expect(session.snapshot().clock.elapsedSeconds).toBe(100);
    expect(readdirSync(folder).sort()).toEqual(['pilot.draft.json', 'pilot.json']);

    // An invalid edit is kept too, but the device screen keeps the last valid one.
    const broken = { ...document, deployment: { mode: 'typo' } };
    const refused = await ask(host, { type: 'previewEdit', id: copy.entry.id, document: broken });
    expect(refused).toMatchObject({
      applied: false,
      explain: null,
      problems: [expect.stringContaining('deployment.mode')],
    });
    expect(session.scenario.deployment.mode).toBe('userDriven');
    expect((await ask(host, { type: 'readEntry', id: copy.entry.id })).draft?.document).toEqual(broken);
  });

  it('refuses to edit a bundled scenario', async () => {
    const { host } = await setup();
    const result = await host.handle({ type: 'previewEdit', id: 'bundled:default', document: {} });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('duplicate it to edit') });
  });

  it("tells the run in people's words and explains it", async () => {
    const { host } = await setup();
    const record = await ask(host, { type: 'runRecord' });
    const texts = record.timeline.map((l) => l.text);
    expect(texts[0]).toMatch(/^ESP profile "Contoso Autopilot ESP" applies \(assigned to the device\)/);
    expect(texts).toContain('The desktop appears');
    expect(texts.some((t) => /appInstall|profileResolved/.test(t))).toBe(false);
    expect(record.explain.profile.candidates.map((c) => c.displayName)).toEqual([
      'Contoso Autopilot ESP',
      'All users and all devices',
    ]);
    expect(record.explain.errorActions.map((a) => a.label)).toEqual(['Reset device', 'Try again', 'View diagnostics']);
  });

  it('imports Intune exports, reports what was and was not mapped, and opens the result', async () => {
    const { host, session } = await setup();
    const profile = {
      '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
      id: 'esp-1',
      displayName: 'Imported ESP',
      priority: 1,
      showInstallationProgress: true,
      assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
    };
    const ios = { '@odata.type': '#microsoft.graph.iosVppApp', id: 'ios-1', displayName: 'An iPhone app' };
    const file = (name: string, value: unknown) => ({
      name,
      base64: Buffer.from(JSON.stringify(value)).toString('base64'),
    });
    const report = await ask(host, { type: 'importIntune', files: [file('esp.json', profile), file('ios.json', ios)] });
    expect(report.id).toBe('user:imported-from-intune-exports');
    expect(report.mapped).toEqual(expect.arrayContaining([expect.stringContaining('Imported ESP')]));
    expect(report.unmapped).toEqual([expect.stringContaining('ios.json')]);
    expect(report.state.openId).toBe(report.id);
    expect(session.scenario.tenant.espProfiles.some((p) => p.displayName === 'Imported ESP')).toBe(true);
  });

  it.skipIf(!hasRealWorld)('imports the real-world Intune exports (../shared/fixtures/real-world)', async () => {
    const { host, session } = await setup();
    const files = ['esp-profiles', 'apps'].flatMap((folder) =>
      readdirSync(join(realWorld, folder))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => upload(join(realWorld, folder, f))),
    );
    const report = await ask(host, { type: 'importIntune', files });
    expect(report.problems).toEqual([]);
    expect(report.id).not.toBeNull();
    // Every ESP profile of the exports is mapped, the UTF-16LE one included.
    expect(report.mapped.filter((m) => /ESP|Enrollment|Default/i.test(m)).length).toBeGreaterThanOrEqual(3);
    expect(report.unmapped.length).toBeGreaterThan(0);
    expect(session.scenario.tenant.espProfiles.length).toBeGreaterThanOrEqual(3);
    const explained = await ask(host, { type: 'runRecord' });
    expect(explained.explain.profile.candidates.length).toBe(session.scenario.tenant.espProfiles.length);
  });
});
