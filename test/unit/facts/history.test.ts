/** What the bundle reads from the timeline: a failed row's HRESULT comes from the event, never the screen text. */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../shared/timeline';
import type { Run } from '../../../electron/core/engine/simulate';
import { runFacts } from '../../../electron/core/facts/history';
import { runOf, teamsFailsScenario } from '../logbundle/fixtures';

const scenario = teamsFailsScenario({
  deployment: { mode: 'selfDeploying' },
  users: [],
  simulation: { faults: [{ kind: 'tpmAttestationFailure', hresult: 0x80280036 }] },
});
const run = runOf(scenario);

function failedItems(timeline: readonly TimelineEvent[]) {
  const changed: Run = { ...run, timeline };
  return runFacts(scenario, changed, run.endT).items.filter((i) => i.status === 'failed');
}

const isFailedRow = (e: TimelineEvent): boolean => e.type === 'itemChanged' && e.status === 'failed';

describe('the HRESULT of a failed row', () => {
  it('is the one the engine recorded on the itemChanged event', () => {
    const event = run.timeline.find(isFailedRow);
    expect(event).toMatchObject({ hresult: '0x80280036' });
    expect(failedItems(run.timeline).map((i) => i.hresult)).toEqual([0x80280036]);
  });

  it('does not depend on the row text', () => {
    const timeline = run.timeline.map((e) => (isFailedRow(e) ? { ...e, text: 'Échec : 0x80280036 (localised)' } : e));
    expect(failedItems(timeline).map((i) => i.hresult)).toEqual([0x80280036]);
  });

  it('is absent when the event carries none, whatever the text says', () => {
    const timeline = run.timeline.map((e) => {
      if (!isFailedRow(e) || e.type !== 'itemChanged') return e;
      const without = { ...e, text: 'Failed: 0x80280036' };
      delete without.hresult;
      return without;
    });
    expect(failedItems(timeline).map((i) => i.hresult)).toEqual([null]);
  });
});
