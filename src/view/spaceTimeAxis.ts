import type { TimeScale } from './timeScale.ts';
import type { NodeId } from '../sim/ids.ts';

/** Space around the plot: lane labels on the left, the time axis below. */
export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** The size of a space-time diagram for a given width, so text stays readable at any width. */
export interface SpaceTimeLayout {
  readonly width: number;
  readonly height: number;
  /** Base font size in px of the viewBox. */
  readonly fontSize: number;
  /** Vertical distance between two lanes. */
  readonly laneGap: number;
  readonly margin: Margin;
}

export interface AxisTick {
  readonly t: number;
  readonly x: number;
  readonly label: string;
}

/** Which part of the playhead's window lies behind it: the diagram scrolls with the playhead. */
export const PAST_SHARE = 0.75;

/**
 * The time window shown around the playhead: three quarters behind it, one quarter ahead.
 *
 * @example spaceTimeWindow(2000, 2000) // { t0: 500, t1: 2500 }
 */
export function spaceTimeWindow(time: number, windowMs: number): { t0: number; t1: number } {
  const span = Math.max(1, windowMs);
  return { t0: time - span * PAST_SHARE, t1: time + span * (1 - PAST_SHARE) };
}

/**
 * How big to draw the diagram and its text. The SVG scales through its viewBox, so the
 * font grows with the width it is drawn for: 12 px at a phone's 360 px, 20 px on a
 * 1920 px projector. The left margin fits the longest lane name.
 *
 * @example spaceTimeLayout(360, ['A', 'B', 'C', 'c1']).fontSize // 12
 */
export function spaceTimeLayout(width: number, nodes: readonly NodeId[], rootFontPx = 16): SpaceTimeLayout {
  // Grows with the diagram's width, but never smaller than the page's own small print:
  // on a projector the page's root font is larger, and so is the diagram's.
  const fontSize = Math.round(Math.min(20, Math.max(12, rootFontPx * 0.75, width / 85)));
  const longest = nodes.reduce((n, id) => Math.max(n, id.length), 1);
  const laneGap = fontSize * 3.2;
  const margin: Margin = {
    top: fontSize * 0.8,
    right: fontSize,
    bottom: fontSize * 2.8,
    left: fontSize * (longest * 0.65 + 1.4),
  };
  const height = Math.round(margin.top + margin.bottom + laneGap * Math.max(1, nodes.length));
  return { width, height, fontSize, laneGap, margin };
}

/**
 * Ticks for the time axis, labelled in seconds with as many decimals as the step needs.
 * Times before the run started (the window reaches below 0 at the beginning) get no tick.
 *
 * @example timeTicks(timeScale([0, 2000], [0, 400]), 4).map((t) => t.label) // ['0.0 s', '0.5 s', …]
 */
export function timeTicks(x: TimeScale, count: number): AxisTick[] {
  const all = x.ticks(Math.max(2, count));
  const step = all.length > 1 ? all[1]! - all[0]! : 1000;
  const decimals = decimalsFor(step);
  return all.filter((t) => t >= 0).map((t) => ({ t, x: x(t), label: formatSeconds(t, decimals) }));
}

/** Decimals needed to write multiples of `stepMs` in seconds: 500 ms → 1, 20 ms → 2. */
export function decimalsFor(stepMs: number): number {
  if (!(stepMs > 0)) return 1;
  return Math.min(3, Math.max(0, Math.ceil(-Math.log10(stepMs / 1000) - 1e-9)));
}

/**
 * Milliseconds of virtual time written in seconds.
 *
 * @example formatSeconds(1234) // '1.2 s'
 */
export function formatSeconds(ms: number, decimals = 1): string {
  const s = (ms / 1000).toFixed(decimals);
  return `${s === `-${(0).toFixed(decimals)}` ? s.slice(1) : s} s`;
}
