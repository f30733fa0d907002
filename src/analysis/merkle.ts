/**
 * Merkle-tree comparison of two replicas' copies of a key range, as anti-entropy does it
 * (Dynamo §4.7; Cassandra's repair builds one tree per range the same way): each leaf
 * hashes the keys whose hash falls in its bucket (in this lab, hash modulo the number of
 * leaves; Dynamo and Cassandra give each leaf a contiguous slice of the token range), each parent hashes its two
 * children, and two replicas compare from the root down, opening only the subtrees whose
 * hashes differ. What they then exchange is the keys of the differing leaves, not the
 * whole state. Pure: the replication lab draws the two trees and the bytes saved from it.
 *
 * Hashes here are 64 bits (two 32-bit FNV-1a hashes with different seeds). Two different
 * copies of a leaf could hash the same and be missed: if the halves behaved like
 * independent random hashes, about once in 2^64. FNV-1a is weaker than that (its halves
 * are correlated, and it is easy to collide on purpose); good enough for a lab, where
 * real systems use stronger hashes.
 */

/** A replica's copy of the range: each key's value, as text (a version's digest will do). */
export type Copy = ReadonlyMap<string, string>;

export interface MerkleTree {
  /** The tree's levels, root first: level d has 2^d hashes. */
  readonly levels: readonly (readonly string[])[];
  /** Which leaf each key falls in. */
  readonly leafOf: (key: string) => number;
}

export interface Comparison {
  /** Keys whose values differ, or that one copy lacks, sorted. */
  readonly differing: readonly string[];
  /** Tree nodes found different, as "level:index", root first: what the lab highlights. */
  readonly differentNodes: readonly string[];
  /** Hashes the two sides sent each other on the way down. */
  readonly hashesSent: number;
  /** Bytes sent: the hashes, then every key and value of the differing leaves, both ways. */
  readonly bytesSent: number;
  /** Bytes it would take to send one copy whole, both ways, for comparison. */
  readonly wholeStateBytes: number;
}

const HASH_BYTES = 8;

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 64-bit hash of text, as 16 hex digits. */
export function hash64(text: string): string {
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(text, 0x01234567).toString(16).padStart(8, '0');
}

const bytesOf = (text: string) => new TextEncoder().encode(text).length;

/** Build the tree of a copy with 2^depth leaves (depth 0 to 12). */
export function buildTree(copy: Copy, depth: number): MerkleTree {
  if (!Number.isInteger(depth) || depth < 0 || depth > 12) throw new RangeError(`depth ${depth} is not a whole number from 0 to 12`);
  const width = 2 ** depth;
  const leafOf = (key: string) => parseInt(hash64(key).slice(0, 8), 16) % width;
  const buckets: string[][] = Array.from({ length: width }, () => []);
  for (const key of [...copy.keys()].sort()) buckets[leafOf(key)]!.push(`${JSON.stringify(key)}=${JSON.stringify(copy.get(key))}`);
  const levels: string[][] = [buckets.map((b) => hash64(b.join('\n')))];
  while (levels[0]!.length > 1) {
    const below = levels[0]!;
    levels.unshift(Array.from({ length: below.length / 2 }, (_, i) => hash64(below[2 * i]! + below[2 * i + 1]!)));
  }
  return { levels, leafOf };
}

/**
 * Compare two copies as two replicas would: root first, opening only differing subtrees,
 * then exchanging the keys of the differing leaves.
 *
 * @example compare(new Map([['x', '1']]), new Map([['x', '2']]), 2).differing // ['x']
 */
export function compare(a: Copy, b: Copy, depth: number): Comparison {
  const ta = buildTree(a, depth);
  const tb = buildTree(b, depth);
  const differentNodes: string[] = [];
  let hashesSent = 0;
  // Breadth first, as the two sides exchange a level at a time.
  let frontier = [0];
  const leaves: number[] = [];
  for (let level = 0; level <= depth; level++) {
    const next: number[] = [];
    for (const i of frontier) {
      hashesSent += 2;
      if (ta.levels[level]![i] === tb.levels[level]![i]) continue;
      differentNodes.push(`${level}:${i}`);
      if (level === depth) leaves.push(i);
      else next.push(2 * i, 2 * i + 1);
    }
    frontier = next;
  }
  const open = new Set(leaves);
  let leafBytes = 0;
  const differing = new Set<string>();
  for (const [copy, other] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const [key, value] of copy) {
      if (!open.has(ta.leafOf(key))) continue;
      leafBytes += bytesOf(key) + bytesOf(value);
      if (other.get(key) !== value) differing.add(key);
    }
  }
  let whole = 0;
  for (const copy of [a, b]) for (const [key, value] of copy) whole += bytesOf(key) + bytesOf(value);
  return { differing: [...differing].sort(), differentNodes, hashesSent, bytesSent: hashesSent * HASH_BYTES + leafBytes, wholeStateBytes: whole };
}
