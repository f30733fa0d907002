import { mergedMeaning } from '../../../../content/vvWords.ts';
import { compare, entriesAhead, format, merge, type VersionVector } from '../../../../sim/values/versionVector.ts';

export type Verdict = 'a-dominates' | 'b-dominates' | 'equal' | 'concurrent';

/** One node's line of the comparison table. */
export interface EntryRow {
  readonly node: string;
  readonly a: number;
  readonly b: number;
  /** Whether the vector has no entry for this node (it counts as 0). */
  readonly aMissing: boolean;
  readonly bMissing: boolean;
  readonly merged: number;
  /** Which vector is larger here; these are the entries that decide the verdict. */
  readonly ahead: 'A' | 'B' | null;
}

export interface Explanation {
  readonly verdict: Verdict;
  /** "A dominates B", "B dominates A", "Equal", "Concurrent — a conflict". */
  readonly headline: string;
  /** Why, in a sentence or two that name the deciding entries. */
  readonly reason: string;
  readonly rows: readonly EntryRow[];
  readonly aAhead: readonly string[];
  readonly bAhead: readonly string[];
  /** The entry-wise maximum, with a zero kept for every node either vector names. */
  readonly merged: VersionVector;
  readonly mergedText: string;
  /**
   * For a conflict: the vector of a write made after reading both, at the first node
   * (merged plus one there). The merge itself is a context, not a version: settling the
   * conflict takes a new write, which dominates both.
   */
  readonly nextWrite: { readonly node: string; readonly vector: VersionVector; readonly text: string } | null;
  /** What the merged vector is, for this pair (a sentence to follow the vector). */
  readonly mergedMeaning: string;
}

const HEADLINES: Record<Verdict, string> = {
  'a-dominates': 'A dominates B',
  'b-dominates': 'B dominates A',
  equal: 'Equal',
  concurrent: 'Concurrent — a conflict',
};

/**
 * Compare A and B and say why, entry by entry. Built on `compare`, `entriesAhead` and
 * `merge`, so the words can never disagree with the order the simulator uses.
 *
 * @example explain({ Node1: 2, Node2: 0 }, { Node1: 1, Node2: 1 }).headline // 'Concurrent — a conflict'
 */
export function explain(a: VersionVector, b: VersionVector): Explanation {
  const order = compare(a, b);
  const verdict: Verdict = order === 'after' ? 'a-dominates' : order === 'before' ? 'b-dominates' : order;
  const aAhead = entriesAhead(a, b);
  const bAhead = entriesAhead(b, a);
  const nodes = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const m = merge(a, b);
  const merged: VersionVector = Object.fromEntries(nodes.map((n) => [n, m[n] ?? 0]));
  const rows = nodes.map((node): EntryRow => {
    const x = own(a, node);
    const y = own(b, node);
    return { node, a: x ?? 0, b: y ?? 0, aMissing: x === undefined, bMissing: y === undefined, merged: merged[node] ?? 0, ahead: aAhead.includes(node) ? 'A' : bAhead.includes(node) ? 'B' : null };
  });
  const mergedText = format(merged);
  const writer = nodes[0];
  const nextWrite = verdict === 'concurrent' && writer !== undefined ? nextAt(merged, writer) : null;
  return { verdict, headline: HEADLINES[verdict], reason: reasonFor(verdict, aAhead, bAhead), rows, aAhead, bAhead, merged, mergedText, nextWrite, mergedMeaning: mergedMeaning(verdict, nextWrite) };
}

/** The vector of a write taken at `node` by a client that has seen `seen`. */
function nextAt(seen: VersionVector, node: string) {
  const vector: VersionVector = { ...seen, [node]: (seen[node] ?? 0) + 1 };
  return { node, vector, text: format(vector) };
}

function reasonFor(verdict: Verdict, aAhead: readonly string[], bAhead: readonly string[]): string {
  switch (verdict) {
    case 'a-dominates':
      return `A is newer. A is ahead at ${list(aAhead)} and behind at no node, so A has seen every write B has seen, and more. A can safely replace B.`;
    case 'b-dominates':
      return `B is newer. B is ahead at ${list(bAhead)} and behind at no node, so B has seen every write A has seen, and more. B can safely replace A.`;
    case 'equal':
      return 'Every entry matches, so A and B stand for the same version. Neither dominates the other: dominating needs at least one larger entry.';
    case 'concurrent':
      return `A is ahead at ${list(aAhead)}, and B is ahead at ${list(bAhead)}: each has seen a write the other has not. Neither can replace the other, so a store has to keep both (as siblings) or merge them.`;
  }
}

/** "Node1", "Node1 and Node2", "A, B and C". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

function own(v: VersionVector, node: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(v, node) ? v[node] : undefined;
}
