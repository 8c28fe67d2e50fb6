/**
 * The ESP-duration histogram of a plan: one set of bins for `esp-sim plan`'s text histogram (electron/cli/plan.ts)
 * and the console's Timeout planner page, so the two always show the same bars.
 */
import type { PlanHistogram } from '../../../shared/planner';

/** The bins' width: the narrowest of these that cuts the span into at most 20 bins (240 beyond). */
function binWidthMinutes(spanMinutes: number): number {
  for (const width of [1, 2, 5, 10, 15, 30, 60, 120]) if (spanMinutes / width <= 20) return width;
  return 240;
}

/**
 * Bins every device's ESP duration (`durationsSeconds`: simulated seconds, any order) by whole minutes: bins of
 * `widthMinutes` starting at a multiple of it, from the bin holding the shortest duration to the one holding the
 * longest (empty bins between are kept, with 0 devices). A duration on a boundary goes to the bin it starts.
 * `timeoutBin` is the bin where `timeoutMinutes` falls, or null outside them. No durations: no bins.
 */
export function durationHistogram(durationsSeconds: ArrayLike<number>, timeoutMinutes: number): PlanHistogram {
  const all = Array.from(durationsSeconds, (s) => s / 60);
  if (all.length === 0) return { widthMinutes: 1, bins: [], timeoutBin: null };
  const lo = all.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = all.reduce((a, b) => Math.max(a, b), -Infinity);
  const width = binWidthMinutes(hi - lo);
  const first = Math.floor(lo / width) * width;
  const counts = new Array<number>(Math.floor((hi - first) / width) + 1).fill(0);
  for (const m of all) counts[Math.floor((m - first) / width)]!++;
  const bins = counts.map((devices, i) => ({
    fromMinutes: first + i * width,
    toMinutes: first + (i + 1) * width,
    devices,
  }));
  const at = bins.findIndex((b) => timeoutMinutes >= b.fromMinutes && timeoutMinutes < b.toMinutes);
  return { widthMinutes: width, bins, timeoutBin: at === -1 ? null : at };
}
