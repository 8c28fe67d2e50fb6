/**
 * The ESP-duration histogram's bins (electron/core/planner/histogram.ts), which `esp-sim plan`'s text histogram and
 * the console's Timeout planner page both draw.
 */
import { describe, expect, it } from 'vitest';
import { durationHistogram } from '../../../electron/core/planner/histogram';

const minutes = (...m: number[]) => m.map((x) => x * 60);

describe('the ESP-duration histogram', () => {
  it('cuts a short spread into one-minute bins from the shortest ESP to the longest, empty bins kept', () => {
    const h = durationHistogram(minutes(6.2, 6.9, 7.5, 9.1), 60);
    expect(h.widthMinutes).toBe(1);
    expect(h.bins).toEqual([
      { fromMinutes: 6, toMinutes: 7, devices: 2 },
      { fromMinutes: 7, toMinutes: 8, devices: 1 },
      { fromMinutes: 8, toMinutes: 9, devices: 0 },
      { fromMinutes: 9, toMinutes: 10, devices: 1 },
    ]);
    expect(h.timeoutBin).toBeNull();
  });

  it('widens the bins so a long spread stays at 20 bins or fewer, starting on a multiple of the width', () => {
    const h = durationHistogram(minutes(3, 50, 97), 45);
    expect(h.widthMinutes).toBe(5);
    expect(h.bins[0]!.fromMinutes).toBe(0);
    expect(h.bins.at(-1)!.toMinutes).toBe(100);
    expect(h.bins.length).toBeLessThanOrEqual(20);
    expect(h.bins.reduce((n, b) => n + b.devices, 0)).toBe(3);
    expect(h.bins.every((b) => b.toMinutes - b.fromMinutes === 5)).toBe(true);
    expect(durationHistogram(minutes(0, 3000), 60).widthMinutes).toBe(240);
  });

  it('puts a duration on a boundary in the bin it starts, and marks the bin the timeout falls in', () => {
    const h = durationHistogram(minutes(9, 10, 10, 11.5), 10);
    expect(h.bins).toEqual([
      { fromMinutes: 9, toMinutes: 10, devices: 1 },
      { fromMinutes: 10, toMinutes: 11, devices: 2 },
      { fromMinutes: 11, toMinutes: 12, devices: 1 },
    ]);
    expect(h.timeoutBin).toBe(1);
    expect(durationHistogram(minutes(9, 11.5), 12).timeoutBin).toBeNull();
  });

  it('has one bin when every device took as long, and none without devices', () => {
    expect(durationHistogram(minutes(15.1, 15.1, 15.1), 60).bins).toEqual([
      { fromMinutes: 15, toMinutes: 16, devices: 3 },
    ]);
    expect(durationHistogram([], 60)).toEqual({ widthMinutes: 1, bins: [], timeoutBin: null });
  });
});
