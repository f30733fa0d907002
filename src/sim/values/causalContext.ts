import type { NodeId } from '../ids.ts';
import { format as formatVV, type VersionVector } from './versionVector.ts';

/** One write event: the `counter`-th write coordinated by `node`. */
export interface Dot {
  readonly node: NodeId;
  readonly counter: number;
}

/**
 * A set of write events, stored as a version vector (every dot up to each entry) plus the
 * few dots that sit above a gap. The gap matters: when a node's 2nd write comes from a
 * client that never saw its 1st, "{F:2}" would claim the 1st was seen too and let a
 * later write silently replace it. Keeping (F,2) as a loose dot says exactly what was seen.
 * (This is the "dotted causal context" of the delta-CRDT literature.)
 */
export interface CausalContext {
  readonly vv: VersionVector;
  /** Dots not covered by `vv`, sorted by node then counter. */
  readonly dots: readonly Dot[];
}

export const EMPTY_CONTEXT: CausalContext = { vv: {}, dots: [] };

export function contains(ctx: CausalContext, dot: Dot): boolean {
  return (ctx.vv[dot.node] ?? 0) >= dot.counter || ctx.dots.some((d) => d.node === dot.node && d.counter === dot.counter);
}

/**
 * Everything in either context.
 *
 * @example union({ vv: { A: 1 }, dots: [] }, { vv: {}, dots: [{ node: 'A', counter: 2 }] }) // { vv: { A: 2 }, dots: [] }
 */
export function union(a: CausalContext, b: CausalContext): CausalContext {
  const vv: Record<string, number> = { ...a.vv };
  for (const [node, n] of Object.entries(b.vv)) vv[node] = Math.max(vv[node] ?? 0, n);
  return compact(vv, [...a.dots, ...b.dots]);
}

export function addDot(ctx: CausalContext, dot: Dot): CausalContext {
  return compact({ ...ctx.vv }, [...ctx.dots, dot]);
}

/** Fold loose dots that close a gap into the vector; drop those it already covers. */
function compact(vv: Record<string, number>, dots: Dot[]): CausalContext {
  const loose = [...dots].sort((x, y) => (x.node === y.node ? x.counter - y.counter : x.node < y.node ? -1 : 1));
  for (const d of loose) if (d.counter === (vv[d.node] ?? 0) + 1) vv[d.node] = d.counter;
  const out: Dot[] = [];
  for (const d of loose) {
    if (d.counter <= (vv[d.node] ?? 0)) continue;
    const prev = out[out.length - 1];
    if (!prev || prev.node !== d.node || prev.counter !== d.counter) out.push(d);
  }
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(vv).sort()) if (vv[k]! > 0) sorted[k] = vv[k]!;
  return { vv: sorted, dots: out };
}

export function equalContexts(a: CausalContext, b: CausalContext): boolean {
  return formatContext(a) === formatContext(b);
}

/** "{A:2, B:1}", with loose dots after a plus: "{A:2} + F:3". */
export function formatContext(ctx: CausalContext): string {
  const loose = ctx.dots.map((d) => `${d.node}:${d.counter}`).join(', ');
  return loose ? `${formatVV(ctx.vv)} + ${loose}` : formatVV(ctx.vv);
}
