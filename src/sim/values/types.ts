import type { NodeId, OpId } from '../ids.ts';
import type { CausalContext } from './causalContext.ts';

/** What a coordinator knows when it turns a client's write into a new version. */
export interface WriteMeta {
  /** The coordinating node. */
  readonly node: NodeId;
  /** The coordinator's clock reading (virtual time plus its skew). */
  readonly clock: number;
  /** A per-(node, key) counter that only grows, even across crashes. */
  readonly counter: number;
  /** The causal context the client sent: what it had read, or null for a blind write. */
  readonly context: CausalContext | null;
  readonly op: OpId;
}

/**
 * A replicated value: how a key's value is stored, merged and read. The one interface for
 * it: the registers, the carts, the CRDTs and the like counter's naive total are all
 * strategies, used by the simulator and by the gallery alike. Every function is pure and returns new
 * objects, so states can be kept in the trace by reference. What a state or a write looks
 * like in words is the view's business (view/valueWords.ts).
 *
 * S is the state a replica keeps for a key; V identifies one write's version.
 */
export interface ValueStrategy<S, V> {
  readonly id: StrategyId;
  empty(): S;
  /**
   * The coordinator turns a write into a version, the state to send to replicas, and the
   * context the writer has seen once its write is done (what it read, plus this write).
   *
   * The carts, the CRDTs and the naive counter build the new state from `local`, the
   * coordinator's own copy, as a read-modify-write does. In this lab the coordinator is
   * whichever node the client chose, so these strategies are only correct when that node
   * holds the key (N = every replica, as in the labs that use them) and keeps what it has
   * acknowledged (a crash that loses writes can make a counter reuse its own count).
   * Dynamo forwards a write to a node of the key's preference list; Riak's and
   * Cassandra's counters are changed by a replica that holds them.
   */
  create(local: S, value: string, meta: WriteMeta): { version: V; delta: S; context: CausalContext | null };
  /** Combine two states. Commutative, associative and idempotent. */
  merge(a: S, b: S): S;
  equals(a: S, b: S): boolean;
  /** Whether `state` holds `version` or something that supersedes it. */
  covers(state: S, version: V): boolean;
  /**
   * The state holding this one version alone, for strategies whose versions are states of
   * one write (the registers): lets a checker ask whether one version outranks another.
   */
  versionState?(version: V): S;
  /** The values a read of this state returns: one, or several siblings, or none. */
  values(state: S): string[];
  /** The causal context handed to a client that read this state (null if not tracked). */
  context(state: S): CausalContext | null;
  /**
   * For a value whose state grows with its writes (siblings, a set's tags and tombstones):
   * the work, in the cost model's units (sim/cost.ts), of merging everything one replica of
   * a key receives when the key gets `writes` writes, `blind` of them without a context.
   * Absent: a state of bounded size, one unit a merge.
   */
  mergeWork?(writes: number, blind: number): number;
}

/**
 * The registers; the conflicts lab's three carts (whose writes are "+item" / "-item"); the
 * CRDTs (crdt/, whose writes are operations, ops.ts); and the like counter's naive total.
 */
export type StrategyId = 'lww' | 'mv' | 'cart-lww' | 'cart-mv' | 'cart-orset' | 'g-counter' | 'pn-counter' | 'g-set' | '2p-set' | 'or-set' | 'lww-counter';
