/**
 * A state-based CRDT: replicas update their own state locally and exchange whole states;
 * merge is commutative, associative and idempotent, so every replica that has seen the
 * same updates holds the same state, whatever the order and however often they arrived.
 *
 * `Op` is what a client asks for at one replica; `tag` is unique to that one update
 * (the replica's id and its own counter), for the CRDTs that need to tell updates apart.
 */
export interface Crdt<S, Op, V> {
  readonly id: CrdtId;
  readonly name: string;
  empty(): S;
  apply(state: S, op: Op, replica: string, tag: string): S;
  merge(a: S, b: S): S;
  equals(a: S, b: S): boolean;
  value(state: S): V;
  /** The state's insides in one line: per-replica counts, tags, tombstones. */
  describe(state: S): string;
}

export type CrdtId = 'g-counter' | 'pn-counter' | 'g-set' | '2p-set' | 'or-set';

/** Keys of a record, sorted, for stable output. */
export function sortedKeys(r: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(r).sort();
}

/** The union of two sorted string lists, sorted and without repeats. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
