import type { OpRecord } from '../sim/trace.ts';
import type { HistoryOp } from './history.ts';

/** The value strategies whose runs are register histories the consistency checkers judge. */
export const REGISTER_STRATEGIES: ReadonlySet<string> = new Set(['lww', 'mv']);

/**
 * A run's operations as a history (history.ts), up to time t: what each client asked and
 * what it was told, as the client saw it. A write not acknowledged by t (failed, timed
 * out, or still waiting) is open: in this store a write the coordinator gave up on may
 * still have reached replicas, so it may have taken effect, late, or never. A read not
 * answered by t told the client nothing and is left out. Each read knows exactly which
 * writes it returned: the simulator's versions name the operation that made them.
 *
 * Only registers (last write wins, siblings) are histories of reads and writes; a cart or
 * a counter's operations are not, and give null.
 */
export function historyFromRun(ops: readonly OpRecord[], strategyId: string, t = Infinity): HistoryOp[] | null {
  if (!REGISTER_STRATEGIES.has(strategyId)) return null;
  const out: HistoryOp[] = [];
  const idOf = new Map<number, number>();
  for (const op of ops) {
    if (op.invokedAt > t) break;
    const done = op.outcome === 'ok' && op.completedAt !== null && op.completedAt <= t;
    const base = { id: out.length, process: op.client, key: op.key, call: op.invokedAt, ret: done ? op.completedAt! : Infinity, source: op.id };
    if (op.kind === 'write') {
      idOf.set(op.id, out.length);
      out.push({ ...base, f: 'write', value: op.value });
    } else if (done) {
      const values = op.result ?? [];
      out.push({ ...base, f: 'read', value: values.length === 0 ? null : values.length === 1 ? values[0]! : values, readsFrom: writesIn(op.state, strategyId) });
    }
  }
  // A read names writes by the simulator's ids; the history's ids are positions.
  return out.map((o) => (o.f === 'read' && o.readsFrom ? { ...o, readsFrom: o.readsFrom.map((w) => idOf.get(w) ?? -1).filter((w) => w >= 0) } : o));
}

/** The operations whose writes a register's state holds: one for last write wins, each sibling's otherwise. */
function writesIn(state: unknown, strategyId: string): number[] {
  if (state === null || state === undefined) return [];
  if (strategyId === 'lww') return [(state as { op: number }).op];
  return (state as readonly { op: number }[]).map((s) => s.op);
}
