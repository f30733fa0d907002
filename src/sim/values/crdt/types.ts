/*
 * Helpers the CRDTs share. Each CRDT in this folder is a ValueStrategy (../types.ts), the
 * one interface for a replicated value: the simulator, the conflicts lab's carts, the
 * like counter and the gallery all use the same objects. A write's value is an operation
 * (../ops.ts); `create` applies it at the coordinator and returns the whole new state as
 * the delta, so every message carries a state and every merge is a state merge.
 */

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
