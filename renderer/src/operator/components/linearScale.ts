/**
 * The one scale the console's charts use: a straight map from a domain of numbers (seconds) to a range of pixels.
 *
 * Not d3-scale (which @visx/scale wraps): its linear scale brings d3-interpolate, d3-color, d3-format, d3-array and
 * d3-time for ticks, colour interpolation and number formats no chart here draws, about 10 KB of gzipped JavaScript
 * in the console's chunk (bench/renderer) for what is one line of arithmetic. The charts still draw with
 * @visx/shape, which takes numbers, not a scale.
 */

/** Maps a number of the domain to the range, as a function. */
export type LinearScale = (value: number) => number;

/**
 * `[d0, d1]` onto `[r0, r1]`, unclamped and unrounded: d3's `scaleLinear().domain(domain).range(range)`, including
 * its answer for an empty domain (`d0 === d1`: the middle of the range) and its interpolation, so values are the same
 * to the last bit.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (value) => {
    const t = span ? (value - d0) / span : 0.5;
    return r0 * (1 - t) + r1 * t;
  };
}
