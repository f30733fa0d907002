import type { OpRecord } from '../sim/trace.ts';
import type { ValueStrategy } from '../sim/values/types.ts';

export interface StaleRead {
  readonly read: OpRecord;
  /** Writes acknowledged before the read began that the read neither returned nor saw superseded. */
  readonly missed: OpRecord[];
}

/**
 * Reads that missed a write acknowledged before they began. "Missed" is judged by the
 * key's own order: under last-write-wins a read that returns a higher stamp has not missed
 * a lower one, even if the lower one came later in real time (that is a lost write, not a
 * stale read; see lostWrites).
 *
 * @example staleReads(sim.trace.ops, sim.strategy).length // 0 with W + R > N and no faults
 */
export function staleReads(ops: readonly OpRecord[], strategy: ValueStrategy<unknown, unknown>): StaleRead[] {
  const acked = ops.filter((o) => o.kind === 'write' && o.outcome === 'ok' && o.version !== null).sort((a, b) => a.completedAt! - b.completedAt!);
  const out: StaleRead[] = [];
  for (const read of ops) {
    if (read.kind !== 'read' || read.outcome !== 'ok') continue;
    const missed = acked.filter((w) => w.key === read.key && w.completedAt! < read.invokedAt && !strategy.covers(read.state, w.version));
    if (missed.length > 0) out.push({ read, missed });
  }
  return out;
}

/**
 * Whether one completed read is stale, judged as staleReads does, remembered per read: a
 * read's verdict cannot change once it has completed (every write acknowledged before it
 * began is already in the history), so views that ask every frame pay for each read once.
 * One checker per run.
 *
 * @example const stale = staleChecker(sim.trace.ops, sim.strategy); stale(read) // true or false
 */
export function staleChecker(ops: readonly OpRecord[], strategy: ValueStrategy<unknown, unknown>): (read: OpRecord) => boolean {
  const known = new Map<OpRecord, boolean>();
  // Each key's writes in the order they were invoked (the order of `ops`), indexed as the
  // list grows: a read need only look at its own key's writes invoked before it began,
  // since a write that completed before the read began was invoked before it too.
  const writesOf = new Map<string, OpRecord[]>();
  let indexed = 0;
  return (read) => {
    if (read.kind !== 'read' || read.outcome !== 'ok') return false;
    let verdict = known.get(read);
    if (verdict === undefined) {
      for (; indexed < ops.length; indexed++) {
        const op = ops[indexed]!;
        if (op.kind !== 'write') continue;
        const list = writesOf.get(op.key);
        if (list) list.push(op);
        else writesOf.set(op.key, [op]);
      }
      const writes = writesOf.get(read.key) ?? [];
      let lo = 0;
      let hi = writes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (writes[mid]!.invokedAt < read.invokedAt) lo = mid + 1;
        else hi = mid;
      }
      verdict = false;
      // Newest first: a stale read is usually stale against a recent write.
      for (let i = lo - 1; i >= 0 && !verdict; i--) {
        const w = writes[i]!;
        verdict = w.outcome === 'ok' && w.version !== null && w.completedAt! < read.invokedAt && !strategy.covers(read.state, w.version);
      }
      known.set(read, verdict);
    }
    return verdict;
  };
}

const checkers = new WeakMap<readonly OpRecord[], (read: OpRecord) => boolean>();

/** The one staleChecker for a run's operation list (a run has one list and one strategy). */
export function staleCheckerFor(ops: readonly OpRecord[], strategy: ValueStrategy<unknown, unknown>): (read: OpRecord) => boolean {
  let checker = checkers.get(ops);
  if (!checker) checkers.set(ops, (checker = staleChecker(ops, strategy)));
  return checker;
}
