import type { OpRecord, TraceEvent } from '../sim/trace.ts';
import { parseCart, parseCartOp, type CartOp, type CartStrategyId, type OrSetVersion } from '../sim/values/cart.ts';
import type { OrSetState } from '../sim/values/crdt/orSet.ts';
import { stampCompare, type LwwVersion } from '../sim/values/lww.ts';
import { skewAt } from './clocks.ts';

/**
 * What became of each acknowledged change to a cart, each change judged on its own:
 *
 * - *kept*: its effect is there (an add's item, a remove's absence) until the learner's
 *   next change to the same item, or to the end;
 * - *removed-later* / *added-later*: it held until a later change undid it, as asked;
 * - *lost* (an add) / *undone* (a remove): its effect was wiped out although nothing the
 *   learner did later asked for that;
 * - *add-wins* (OR-Set only): a remove deleted every tag it had seen, but an add it had
 *   not seen keeps the item: the OR-Set's rule, not an accident.
 *
 * How "its effect is there" is judged depends on the cart:
 *
 * - last write wins: writes form one chain ordered by stamp, and every replica ends on
 *   the highest. A change is judged on the cart of the last write stamped before the next
 *   change to its item (stamped after it), or on the final cart if there is none.
 * - OR-Set: an add is its tag, which is either still live or was deleted by a remove that
 *   saw it; a remove deleted exactly the tags it saw, for good.
 * - siblings merged by union: judged on the final cart, with "later" meaning made later.
 */
export type Outcome = 'kept' | 'removed-later' | 'added-later' | 'lost' | 'undone' | 'add-wins';

export interface LedgerRow {
  readonly op: OpRecord;
  readonly change: CartOp;
  readonly outcome: Outcome;
}

/** Acknowledged writes to `key`, in the order they were made. */
export function ackedChanges(ops: readonly OpRecord[], key: string): OpRecord[] {
  return ops
    .filter((o) => o.kind === 'write' && o.key === key && o.outcome === 'ok' && o.value !== null)
    .sort((a, b) => a.invokedAt - b.invokedAt || (a.id as number) - (b.id as number));
}

/**
 * The ledger of one cart's run. `final` is the cart the replicas agree on at the end, and
 * `finalState` the strategy's state behind it (the OR-Set needs its tags).
 */
export function cartLedger(ops: readonly OpRecord[], key: string, strategy: CartStrategyId, final: readonly string[], finalState: unknown): LedgerRow[] {
  const changes = ackedChanges(ops, key);
  return changes.map((op, i) => {
    const change = parseCartOp(op.value!);
    const later = changes.slice(i + 1).filter((o) => parseCartOp(o.value!).item === change.item);
    let outcome: Outcome;
    if (strategy === 'cart-lww') outcome = judgeLww(ops, key, op, change, later, final);
    else if (strategy === 'cart-orset') outcome = judgeOrSet(changes, op, change, finalState as OrSetState);
    else outcome = judgeOnFinal(change, later, final);
    return { op, change, outcome };
  });
}

function judgeOnFinal(change: CartOp, later: readonly OpRecord[], final: readonly string[]): Outcome {
  const has = final.includes(change.item);
  const laterTypes = later.map((o) => parseCartOp(o.value!).type);
  if (change.type === 'add') return has ? 'kept' : laterTypes.includes('remove') ? 'removed-later' : 'lost';
  return !has ? 'kept' : laterTypes.includes('add') ? 'added-later' : 'undone';
}

function judgeLww(ops: readonly OpRecord[], key: string, op: OpRecord, change: CartOp, later: readonly OpRecord[], final: readonly string[]): Outcome {
  const mine = op.version as LwwVersion;
  const next = later.find((o) => o.version !== null && stampCompare(o.version as LwwVersion, mine) > 0);
  const cart = next ? cartBefore(ops, key, next.version as LwwVersion) : final;
  const has = cart.includes(change.item);
  const nextType = next ? parseCartOp(next.value!).type : null;
  if (change.type === 'add') return !has ? 'lost' : nextType === 'remove' ? 'removed-later' : 'kept';
  return has ? 'undone' : nextType === 'add' ? 'added-later' : 'kept';
}

/** Under last write wins, the cart of the highest-stamped write to `key` below `stamp`. */
function cartBefore(ops: readonly OpRecord[], key: string, stamp: LwwVersion): string[] {
  let best: LwwVersion | null = null;
  for (const o of ops) {
    const v = o.version as LwwVersion | null;
    if (o.kind !== 'write' || o.key !== key || !v || stampCompare(v, stamp) >= 0) continue;
    if (!best || stampCompare(v, best) > 0) best = v;
  }
  return best ? parseCart(best.value) : [];
}

function judgeOrSet(changes: readonly OpRecord[], op: OpRecord, change: CartOp, state: OrSetState | null): Outcome {
  const version = op.version as OrSetVersion;
  const live = new Set((state?.entries ?? []).filter((e) => e.item === change.item).map((e) => e.tag));
  if (version.type === 'add') return live.has(version.tag) ? 'kept' : 'removed-later';
  // A remove always deletes what it saw. Adds of the item made before it that it did not
  // see, and that no earlier remove had deleted, were concurrent with it: they survive it.
  const observed = new Set(version.observed);
  const deletedBefore = new Set(
    changes.filter((o) => o.invokedAt < op.invokedAt && (o.version as OrSetVersion).type === 'remove').flatMap((o) => (o.version as { observed: readonly string[] }).observed),
  );
  const unseen = changes.filter((o) => {
    const v = o.version as OrSetVersion;
    return o !== op && o.invokedAt <= op.invokedAt && v.type === 'add' && v.item === change.item && !observed.has(v.tag) && !deletedBefore.has(v.tag);
  });
  if (unseen.length > 0) return 'add-wins';
  return live.size > 0 ? 'added-later' : 'kept';
}

const ledgers = new WeakMap<object, LedgerRow[]>();

/**
 * The ledger of one cart run (an outcome of analysis/carts.ts runCarts), worked out once.
 *
 * @example ledgerOf(runCarts(scenario, 'cart')[0]).map((r) => r.outcome)
 */
export function ledgerOf(o: { readonly sim: { readonly trace: { readonly ops: readonly OpRecord[] } }; readonly key: string; readonly strategy: CartStrategyId; readonly final: readonly string[]; readonly finalState: unknown }): LedgerRow[] {
  let rows = ledgers.get(o);
  if (!rows) ledgers.set(o, (rows = cartLedger(o.sim.trace.ops, o.key, o.strategy, o.final, o.finalState)));
  return rows;
}

/** Changes whose effect is gone although nothing the learner did later asked for that. */
export function isLoss(outcome: Outcome): boolean {
  return outcome === 'lost' || outcome === 'undone';
}

/**
 * Under last write wins, the write that replaced this one's effect: of the writes to the
 * same key stamped later whose cart disagrees with this change about its item, the
 * earliest stamped. It need not have been made later: a fast clock, or a slower hop to
 * its replica, stamps an older write later.
 */
export function lwwOverwriter(ops: readonly OpRecord[], op: OpRecord): OpRecord | undefined {
  const mine = op.version as LwwVersion | null;
  if (!mine) return undefined;
  const change = parseCartOp(op.value!);
  let best: OpRecord | undefined;
  for (const other of ops) {
    const v = other.version as LwwVersion | null;
    if (other.kind !== 'write' || other.key !== op.key || !v || stampCompare(v, mine) <= 0) continue;
    const holds = parseCart(v.value).includes(change.item);
    if (holds === (change.type === 'add')) continue;
    if (!best || stampCompare(v, best.version as LwwVersion) < 0) best = other;
  }
  return best;
}

/**
 * Why a write made earlier carries the later stamp: its replica's clock ran further
 * ahead than the other's, or (same clocks) it simply reached its replica later.
 */
export function stampedLaterBecause(events: readonly TraceEvent[], earlier: OpRecord, later: OpRecord): 'clocks' | 'slower-hop' {
  const a = earlier.version as LwwVersion;
  const b = later.version as LwwVersion;
  return skewAt(events, a.node, earlier.invokedAt) > skewAt(events, b.node, later.invokedAt) ? 'clocks' : 'slower-hop';
}

/** A clock's offset in words: "is right", "runs 1.5 s fast", "runs 2 s slow". */
export function clockWords(ms: number): string {
  if (ms === 0) return 'is right';
  return `runs ${Math.abs(ms) / 1000} s ${ms > 0 ? 'fast' : 'slow'}`;
}

/**
 * A 2P-Set fed the same acknowledged changes, once its replicas agree: every item added,
 * minus every item a replica removed after seeing it added (a 2P-Set ignores the removal
 * of an item it has not seen; once removed, an item never comes back). Whether the
 * removing replica had seen the item is read off the OR-Set run of the same script: its
 * remove saw at least one tag exactly then.
 */
export function twoPhaseSetFinal(orSetOps: readonly OpRecord[], key: string): { final: string[]; ignoredRemoves: ReadonlySet<OpRecord> } {
  const changes = ackedChanges(orSetOps, key);
  const ignoredRemoves = new Set(changes.filter((o) => (o.version as OrSetVersion).type === 'remove' && (o.version as { observed: readonly string[] }).observed.length === 0));
  const removed = new Set(changes.filter((o) => (o.version as OrSetVersion).type === 'remove' && !ignoredRemoves.has(o)).map((o) => (o.version as OrSetVersion).item));
  const added = changes.filter((o) => (o.version as OrSetVersion).type === 'add').map((o) => (o.version as OrSetVersion).item);
  return { final: [...new Set(added.filter((item) => !removed.has(item)))].sort(), ignoredRemoves };
}
