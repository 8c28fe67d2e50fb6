/**
 * Training through the operator console's host: a round on a bundled scenario and on a seeded random fault, the
 * name hidden from the snapshot until the answer, the grade and debrief, results kept per trainee beside the
 * library folder, the CSV export, and the screenshot-safe names switch.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperatorAnswers, OperatorRequest, OperatorResult } from '../../../shared/contract';
import { createOperatorHost, type OperatorHost } from '../../../electron/core/authoring/operatorHost';
import { silentLogger } from '../../../electron/core/logging/logger';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import { Session, TRAINING_NAME } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';

const root = join(import.meta.dirname, '..', '..', '..');
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const done of cleanup.splice(0)) done();
});

async function setup(): Promise<{ host: OperatorHost; session: Session; home: string }> {
  const home = mkdtempSync(join(tmpdir(), 'esp-training-host-'));
  const loaded = await loadScenarioFile(join(root, 'resources', 'scenarios', 'default.json'));
  if (loaded.kind !== 'valid') throw new Error('the bundled default does not load');
  const session = new Session({ scenario: loaded.scenario, clock: new ManualClock(), autoStart: false });
  const host = createOperatorHost({
    session,
    logger: silentLogger,
    libraryFolder: join(home, 'scenarios'),
    resourcesDir: join(root, 'resources'),
    startupFile: null,
  });
  cleanup.push(() => {
    session.dispose();
    rmSync(home, { recursive: true, force: true });
  });
  return { host, session, home };
}

async function ask<K extends OperatorRequest['type']>(
  host: OperatorHost,
  request: Extract<OperatorRequest, { type: K }>,
): Promise<OperatorAnswers[K]> {
  const result = (await host.handle(request)) as OperatorResult<OperatorAnswers[K]>;
  if (!result.ok) throw new Error(`${request.type}: ${result.error}`);
  return result.value;
}

describe('training through the operator host', () => {
  it('plays a round on a bundled scenario: hidden name, grade, debrief, results, CSV', async () => {
    const { host, session, home } = await setup();
    const round = await ask(host, {
      type: 'startTraining',
      source: { kind: 'entry', id: 'bundled:user-driven-app-fails' },
      difficulty: 'hard',
    });
    expect(round.apps.map((a) => a.name)).toContain('Microsoft Teams');
    expect(session.snapshot().scenario.name).toBe(TRAINING_NAME);
    const teams = round.apps.find((a) => a.name === 'Microsoft Teams')!.id;
    const debrief = await ask(host, {
      type: 'answerTraining',
      trainee: 'Ada',
      answer: { cause: 'appInstallFailed', appId: teams, code: '1603', nextAction: 'fixApp' },
    });
    expect(debrief.grade.score).toBe(4);
    expect(debrief.scenario).toBe('User-driven: Teams fails with 1603');
    expect(debrief.truth.evidence.length).toBeGreaterThan(0);
    expect(debrief.coaching.some((n) => n.state === 'errorScreen')).toBe(true);
    expect(session.snapshot().scenario.name).toBe('User-driven: Teams fails with 1603');
    expect(existsSync(join(home, 'training', 'ada.json'))).toBe(true);
    const csv = await ask(host, { type: 'trainingResultsCsv', trainee: 'Ada' });
    expect(csv.fileName).toBe('training-ada.csv');
    expect(csv.text.split('\r\n').filter((l) => l !== '')).toHaveLength(2);
  });

  it('picks the same random fault for the same seed, never a scenario where nothing goes wrong', async () => {
    const { host, session } = await setup();
    await ask(host, { type: 'startTraining', source: { kind: 'randomFault', seed: 5 }, difficulty: 'easy' });
    const first = session.scenario.name;
    const debrief = await ask(host, {
      type: 'answerTraining',
      trainee: 'Bob',
      answer: { cause: null, appId: null, code: '', nextAction: null },
    });
    expect(debrief.truth.cause).not.toBe('none');
    expect(debrief.grade.score).toBe(0);
    await ask(host, { type: 'startTraining', source: { kind: 'randomFault', seed: 5 }, difficulty: 'easy' });
    expect(session.scenario.name).toBe(first);
  });

  it('ends the round when the operator opens another scenario', async () => {
    const { host, session } = await setup();
    await ask(host, {
      type: 'startTraining',
      source: { kind: 'entry', id: 'bundled:office-hang' },
      difficulty: 'easy',
    });
    expect(session.snapshot().scenario.name).toBe(TRAINING_NAME);
    await ask(host, { type: 'openEntry', id: 'bundled:default' });
    expect(session.snapshot().scenario.name).not.toBe(TRAINING_NAME);
  });

  it('refuses an answer without a round', async () => {
    const { host } = await setup();
    const result = await host.handle({
      type: 'answerTraining',
      trainee: 'Ada',
      answer: { cause: null, appId: null, code: '', nextAction: null },
    });
    expect(result.ok).toBe(false);
  });

  it('turns screenshot-safe names on and off', async () => {
    const { host, session } = await setup();
    expect(await ask(host, { type: 'setSafeNames', on: null })).toEqual({ on: false });
    expect(await ask(host, { type: 'setSafeNames', on: true })).toEqual({ on: true });
    expect(session.scenario.users[0]!.userPrincipalName).toMatch(/^user1@/);
    expect(await ask(host, { type: 'setSafeNames', on: false })).toEqual({ on: false });
    expect(session.scenario.users[0]!.userPrincipalName).toBe('adele@contoso.com');
  });
});
