/** Coaching notes: every state has words (docs/coaching.md), and the time comes from the run itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import { COACHING, coachingNote, coachingNotes } from '../../../electron/core/training/coaching';

const root = join(import.meta.dirname, '..', '..', '..');

async function runOf(file: string) {
  const loaded = await loadScenarioFile(join(root, 'resources', 'scenarios', file));
  if (loaded.kind !== 'valid') throw new Error(file);
  const result = runHeadless(loaded.scenario, []);
  if (!result.ok) throw new Error(result.error);
  return result.run;
}

describe('coachingNote', () => {
  it('measures each phase and screen from the run', async () => {
    const run = await runOf('default.json');
    const setup = coachingNote('deviceSetup', run);
    expect(setup.seconds).toBeGreaterThan(0);
    expect(setup.seconds).toBeLessThanOrEqual(run.endT);
    expect(coachingNote('errorScreen', run).seconds).toBeNull();
    expect(coachingNotes(run).map((n) => n.state)).toContain('desktop');
  });

  it('notes the error screen of a failing run', async () => {
    const run = await runOf('user-driven-app-fails.json');
    const note = coachingNote('errorScreen', run);
    expect(note.seconds).not.toBeNull();
    expect(note.whenToAct).toMatch(/collect logs/i);
  });

  it('has a row in docs/coaching.md for every state', () => {
    const doc = readFileSync(join(root, 'docs', 'coaching.md'), 'utf8');
    const cells = doc.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
    for (const words of Object.values(COACHING)) {
      const row = cells.find((c) => c[1] === words.title);
      expect(row, words.title).toBeDefined();
      expect(row![2]).toBe(words.whenToAct);
      expect(row![3]).toBe(words.tellUser);
    }
  });
});
