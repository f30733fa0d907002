import { ticks } from 'd3-array';

/** A linear map from time to x, with d3's nice ticks. */
export interface TimeScale {
  (t: number): number;
  ticks(count: number): number[];
}

/**
 * d3-scale's scaleLinear, cut down to what a time axis needs. scaleLinear brings in
 * d3-interpolate and d3-color (about 6 kB gzipped) to interpolate colours and strings we
 * never use, which pushed an embedded lab over its size budget; d3-array still picks the
 * ticks.
 *
 * @example timeScale([0, 2000], [0, 400])(500) // 100
 */
export function timeScale([t0, t1]: readonly [number, number], [x0, x1]: readonly [number, number]): TimeScale {
  const k = t1 === t0 ? 0 : (x1 - x0) / (t1 - t0);
  const scale = ((t: number) => x0 + (t - t0) * k) as TimeScale;
  scale.ticks = (count) => ticks(t0, t1, count);
  return scale;
}
