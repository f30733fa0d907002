import { describeOp, type HistoryOp } from '../../../check/history.ts';

export interface HistoryBar {
  readonly id: number;
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  /** Never answered: drawn to the right edge, dashed. */
  readonly open: boolean;
  readonly label: string;
  readonly description: string;
  readonly inWitness: boolean;
  /** Its place (1, 2, …) in the longest order a search found, or 0. */
  readonly rank: number;
}

export interface HistoryGeometry {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly { readonly process: string; readonly y: number }[];
  readonly bars: readonly HistoryBar[];
  readonly left: number;
  readonly right: number;
}

const LANE = 34;
const TOP = 14;

/** A short label for a bar: "w x=1", "r x=2", "r x=∅", "cas 1→2". */
export function shortLabel(op: HistoryOp): string {
  const key = op.key === '' ? '' : `${op.key}`;
  const show = (v: unknown) => (v === null ? '∅' : Array.isArray(v) ? v.join('|') : v === undefined ? '?' : String(v));
  if (op.f === 'write') return `w ${key}${key ? '=' : ''}${show(op.value)}`;
  if (op.f === 'read') return `r ${key}${key ? '=' : ''}${show(op.value)}`;
  return `cas ${key} ${show(op.expect)}→${show(op.value)}`;
}

/**
 * A history laid out as a space-time diagram of its client operations: one lane per
 * process, each operation a bar from its call to its return (open ones run to the edge).
 * The time axis spans the history; `left` leaves room for the lane names. `order` numbers
 * the operations of a search's longest partial order.
 */
export function historyGeometry(history: readonly HistoryOp[], width: number, witness: ReadonlySet<number> = new Set(), order: readonly number[] = []): HistoryGeometry {
  const rankOf = new Map(order.map((id, i) => [id, i + 1]));
  const processes = [...new Set(history.map((o) => o.process))];
  const lanes = processes.map((process, i) => ({ process, y: TOP + i * LANE + LANE / 2 }));
  const yOf = new Map(lanes.map((l) => [l.process, l.y]));
  const left = 56;
  const right = Math.max(left + 40, width - 10);
  const finite = history.flatMap((o) => (o.ret === Infinity ? [o.call] : [o.call, o.ret]));
  const t0 = finite.length > 0 ? Math.min(...finite) : 0;
  const t1 = finite.length > 0 ? Math.max(...finite) : 1;
  const x = (t: number) => left + ((t - t0) / Math.max(1e-9, t1 - t0)) * (right - left - 12);
  const bars = history.map((op) => {
    const open = op.ret === Infinity;
    return { id: op.id, x1: x(op.call), x2: open ? right : Math.max(x(op.ret), x(op.call) + 3), y: yOf.get(op.process)!, open, label: shortLabel(op), description: describeOp(op), inWitness: witness.has(op.id), rank: rankOf.get(op.id) ?? 0 };
  });
  return { width, height: TOP * 2 + lanes.length * LANE, lanes, bars, left, right };
}
