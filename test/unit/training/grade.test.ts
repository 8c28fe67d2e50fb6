/**
 * Training mode: gradeAnswer for every cause kind, the ground truth of the bundled fault scenarios (diagnoseBundle
 * of each run's own bundle), the seeded random fault, results per trainee and the CSV export.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import { RIGHT_ACTIONS, gradeAnswer, normaliseCode } from '../../../electron/core/training/grade';
import { appendResult, readResults, resultsCsv } from '../../../electron/core/training/results';
import { pickRandomFault, trainingTruth } from '../../../electron/core/training/truth';
import type { TrainingAnswer, TrainingResult, TrainingTruth } from '../../../shared/training';
import { CAUSE_CHOICES, NEXT_ACTIONS } from '../../../shared/training';

const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');

function truthOf(kind: TrainingTruth['cause'], appId: string | null, code: string | null): TrainingTruth {
  return { cause: kind, appId, appName: appId, code, summary: 'x.', evidence: [], steps: [] };
}

function rightAnswer(truth: TrainingTruth): TrainingAnswer {
  return {
    cause: truth.cause === 'unknown' ? null : truth.cause,
    appId: truth.appId,
    code: truth.code ?? '',
    nextAction: RIGHT_ACTIONS[truth.cause][0] ?? null,
  };
}

describe('gradeAnswer', () => {
  for (const { kind } of CAUSE_CHOICES) {
    const hasApp = [
      'appInstallFailed',
      'appRetryExhausted',
      'msiWin32Conflict',
      'packagedReboot',
      'officeHang',
    ].includes(kind);
    const truth = truthOf(kind, hasApp ? 'app-1' : null, kind === 'appInstallFailed' ? '1603' : null);
    it(`${kind}: a right answer scores full marks, at both difficulties`, () => {
      expect(RIGHT_ACTIONS[kind].length).toBeGreaterThan(0);
      const easy = gradeAnswer(truth, rightAnswer(truth), 'easy');
      expect(easy.outOf).toBe(2);
      expect(easy.score).toBe(2);
      const hard = gradeAnswer(truth, rightAnswer(truth), 'hard');
      expect(hard.outOf).toBe(4);
      expect(hard.score).toBe(4);
    });
    it(`${kind}: a wrong cause, app, code and action score nothing, and say what was right`, () => {
      const other = CAUSE_CHOICES.find((c) => c.kind !== kind)!.kind;
      const wrongAction = NEXT_ACTIONS.find((a) => !RIGHT_ACTIONS[kind].includes(a.id))!.id;
      const grade = gradeAnswer(truth, { cause: other, appId: 'nope', code: '42', nextAction: wrongAction }, 'hard');
      expect(grade.score).toBe(0);
      expect(grade.parts.find((p) => p.part === 'cause')!.expected).toBe(
        CAUSE_CHOICES.find((c) => c.kind === kind)!.label,
      );
    });
  }

  it('takes an exit code and its HRESULT as one answer', () => {
    expect(normaliseCode('1603')).toBe(normaliseCode('0x80070643'));
    expect(normaliseCode('0x800705B4')).toBe(normaliseCode('800705b4'));
    expect(normaliseCode('banana')).toBeNull();
    const truth = truthOf('appInstallFailed', 'a', '1603');
    expect(gradeAnswer(truth, { ...rightAnswer(truth), code: '0x80070643' }, 'hard').score).toBe(4);
  });
});

describe('the ground truth of the bundled fault scenarios', () => {
  const expected: Record<string, string> = {
    'user-driven-app-fails.json': 'appInstallFailed',
    'msi-win32-1618-conflict.json': 'msiWin32Conflict',
    'self-deploying-tpm-failure.json': 'tpmAttestationFailure',
    'esp-provider-timeout.json': 'espProviderTimeout',
    'certificate-fails.json': 'resourceFailed',
    'identifying-unlicensed-user.json': 'identifyingNeverEnds',
    'packaged-reboot-hang.json': 'packagedReboot',
    'office-hang.json': 'officeHang',
    'declared-reboot-sign-in.json': 'declaredReboot',
    'network-outage.json': 'slowDownload',
    'default.json': 'none',
  };
  for (const [file, kind] of Object.entries(expected)) {
    it(`${file}: ${kind}, with evidence and steps, and its right answer scores full marks`, async () => {
      const loaded = await loadScenarioFile(join(dir, file));
      if (loaded.kind !== 'valid') throw new Error(file);
      const result = runHeadless(loaded.scenario, []);
      if (!result.ok) throw new Error(result.error);
      const truth = trainingTruth(loaded.scenario, result.run);
      expect(truth.cause).toBe(kind);
      expect(truth.steps.length).toBeGreaterThan(0);
      if (kind !== 'none') expect(truth.evidence.length).toBeGreaterThan(0);
      expect(gradeAnswer(truth, rightAnswer(truth), 'hard').score).toBe(4);
    });
  }
});

describe('a random fault', () => {
  it('is the same for the same seed, and varies with the seed', () => {
    const list = readdirSync(dir).sort();
    expect(pickRandomFault(list, 12)).toBe(pickRandomFault(list, 12));
    const picks = new Set(Array.from({ length: 40 }, (_, i) => pickRandomFault(list, i)));
    expect(picks.size).toBeGreaterThan(3);
  });
});

describe('results per trainee', () => {
  const folder = mkdtempSync(join(tmpdir(), 'esp-training-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const round = (trainee: string, score: number): TrainingResult => ({
    at: '2026-03-02T08:30:00.000Z',
    trainee,
    scenario: 'Teams, "1603"',
    difficulty: 'hard',
    score,
    outOf: 4,
    cause: 'An app failed to install',
    answeredCause: '=cmd',
  });

  it('keeps one JSON file per trainee and exports CSV', async () => {
    await appendResult(folder, round('Ada Lovelace', 3));
    await appendResult(folder, round('Ada Lovelace', 4));
    await appendResult(folder, round('Bob', 1));
    expect(readdirSync(folder).sort()).toEqual(['ada-lovelace.json', 'bob.json']);
    const ada = await readResults(folder, 'Ada Lovelace');
    expect(ada.map((r) => r.score)).toEqual([3, 4]);
    expect(JSON.parse(readFileSync(join(folder, 'bob.json'), 'utf8')).results).toHaveLength(1);
    const csv = resultsCsv(ada);
    expect(csv.split('\r\n')[0]).toBe('at,trainee,scenario,difficulty,score,outOf,cause,answeredCause');
    expect(csv).toContain('"Teams, ""1603"""');
    expect(csv).toContain("'=cmd");
  });
});
