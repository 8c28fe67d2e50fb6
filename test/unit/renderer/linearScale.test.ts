/**
 * The console charts' linear scale gives what d3-scale's scaleLinear (which @visx/scale wrapped) gave, to the bit.
 * d3-scale is here only because @visx/shape depends on it; the renderer no longer imports it.
 */
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearScale } from '../../../renderer/src/operator/components/linearScale';

describe('linearScale', () => {
  it.each([
    [
      [0, 5423],
      [0, 720],
    ],
    [
      [0, 1],
      [0, 160],
    ],
    [
      [10, 70],
      [200, 20],
    ],
    [
      [5, 5],
      [0, 100],
    ],
  ] as [number, number][][])('domain %j onto range %j, as d3', (domain, range) => {
    const ours = linearScale(domain as [number, number], range as [number, number]);
    const d3 = scaleLinear().domain(domain!).range(range!);
    for (const value of [-3, 0, 0.1, 1, 5, 7, 63.3, 100, 1234, 5423, 9000]) expect(ours(value)).toBe(d3(value));
  });
});
