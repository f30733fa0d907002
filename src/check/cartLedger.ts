import type { OpRecord } from '../sim/trace.ts';
import { parseCart, parseCartOp, type CartOp } from '../sim/values/cart.ts';
import { stampCompare, type LwwVersion } from '../sim/values/lww.ts';

/**
 * What became of each acknowledged change to a cart, judged against the cart the
 * replicas finally agree on. An add is *kept* if its item is there, *removed later* if a
 * later change (by when it was made) removed it, and otherwise *lost*. A remove is *kept*
 * if its item is gone, *added again later* if a later change re-added it, and otherwise
 * *undone*: the item came back.
 */
export type Outcome = 'kept' | 'removed-later' | 'added-later' | 'lost' | 'undone';

export interface LedgerRow {
  readonly op: OpRecord;
  readonly change: CartOp;
  readonly outcome: Outcome;
}

/** Acknowledged cart writes, in the order they were made. */
export function ackedChanges(ops: readonly OpRecord[]): OpRecord[] {
  return ops.filter((o) => o.kind === 'write' && o.outcome === 'ok' && o.value !== null).sort((a, b) => a.invokedAt - b.invokedAt || (a.id as number) - (b.id as number));
}

export function cartLedger(ops: readonly OpRecord[], final: readonly string[]): LedgerRow[] {
  const changes = ackedChanges(ops);
  const has = new Set(final);
  return changes.map((op, i) => {
    const change = parseCartOp(op.value!);
    const later = changes.slice(i + 1).map((o) => parseCartOp(o.value!)).filter((c) => c.item === change.item);
    let outcome: Outcome;
    if (change.type === 'add') outcome = has.has(change.item) ? 'kept' : later.some((c) => c.type === 'remove') ? 'removed-later' : 'lost';
    else outcome = !has.has(change.item) ? 'kept' : later.some((c) => c.type === 'add') ? 'added-later' : 'undone';
    return { op, change, outcome };
  });
}

/** Changes whose effect is gone although nothing the learner did later asked for that. */
export function isLoss(outcome: Outcome): boolean {
  return outcome === 'lost' || outcome === 'undone';
}

/**
 * Under last write wins, the write that replaced this one's effect: of the writes stamped
 * later whose cart disagrees with this change about its item, the earliest stamped. It
 * need not have been made later: a fast clock stamps an older write later.
 */
export function lwwOverwriter(ops: readonly OpRecord[], op: OpRecord): OpRecord | undefined {
  const mine = op.version as LwwVersion | null;
  if (!mine) return undefined;
  const change = parseCartOp(op.value!);
  let best: OpRecord | undefined;
  for (const other of ops) {
    const v = other.version as LwwVersion | null;
    if (other.kind !== 'write' || !v || stampCompare(v, mine) <= 0) continue;
    const holds = parseCart(v.value).includes(change.item);
    if (holds === (change.type === 'add')) continue;
    if (!best || stampCompare(v, best.version as LwwVersion) < 0) best = other;
  }
  return best;
}

/**
 * A 2P-Set fed the same acknowledged changes: it remembers every item ever removed, so
 * once the replicas agree it holds exactly the items added and never removed.
 */
export function twoPhaseSetFinal(ops: readonly OpRecord[]): string[] {
  const changes = ackedChanges(ops).map((o) => parseCartOp(o.value!));
  const removed = new Set(changes.filter((c) => c.type === 'remove').map((c) => c.item));
  return [...new Set(changes.filter((c) => c.type === 'add' && !removed.has(c.item)).map((c) => c.item))].sort();
}
