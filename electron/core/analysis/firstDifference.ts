/**
 * Two runs side by side (the operator console's Run view): the first simulated second at which they differ,
 * either on screen (the engine's views) or in the record (the first event that is not the same in both). Pure.
 */
import type { TimelineEvent } from '../../../shared/timeline';
import type { Run } from '../engine/run';
import { viewAt } from '../engine/simulate';

export interface FirstDifference {
  /** Simulated seconds from the start; null when the runs are the same throughout. */
  t: number | null;
  /** Whether the device screens differ at `t`. */
  screen: boolean;
  /** Index in each record of the first event that differs (null: the records agree up to `t`). */
  eventIndex: number | null;
}

function sameEvent(a: TimelineEvent | undefined, b: TimelineEvent | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The first moment where `a` and `b` differ, comparing what the screen shows and what the record says. */
export function firstDifference(a: Run, b: Run): FirstDifference {
  // The views change only at steps: checking every step time of either run finds the first screen difference.
  const times = [...new Set([...a.steps.map((s) => s.t), ...b.steps.map((s) => s.t)])].sort((x, y) => x - y);
  let screenAt: number | null = null;
  for (const t of times) {
    if (JSON.stringify(viewAt(a, t)) !== JSON.stringify(viewAt(b, t))) {
      screenAt = t;
      break;
    }
  }
  let eventIndex: number | null = null;
  let recordAt: number | null = null;
  const count = Math.max(a.timeline.length, b.timeline.length);
  for (let i = 0; i < count; i++) {
    const ea = a.timeline[i];
    const eb = b.timeline[i];
    if (!sameEvent(ea, eb)) {
      eventIndex = i;
      recordAt = Math.min(ea?.t ?? Infinity, eb?.t ?? Infinity);
      break;
    }
  }
  if (screenAt === null && recordAt === null) return { t: null, screen: false, eventIndex: null };
  const t = Math.min(screenAt ?? Infinity, recordAt ?? Infinity);
  return { t, screen: screenAt === t, eventIndex: recordAt === t ? eventIndex : null };
}
