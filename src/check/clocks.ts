import type { TraceEvent } from '../sim/trace.ts';

/**
 * A replica's clock offset in force at time t, from a run's events. Its own module, so
 * labs that explain a stamp need not load the carts.
 *
 * @example skewAt(sim.trace.events, 'A', 1200) // 2000 once A's clock runs 2 s fast
 */
export function skewAt(events: readonly TraceEvent[], node: string, t: number): number {
  let ms = 0;
  for (const e of events) if (e.type === 'skew' && e.node === node && e.at <= t) ms = e.ms;
  return ms;
}
