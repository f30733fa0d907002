/**
 * What the conflicts lab says about version vectors, causal contexts and siblings, in one
 * place to check against the code that does it: `sim/values/causalContext.ts` (a context
 * is a version vector plus the writes above a gap), `sim/values/mv.ts` (a sibling is
 * replaced exactly when another's writer had seen it) and the simulator's client
 * sessions (`remember` in `sim/simulation.ts`: a client keeps the union of every read's
 * context and every write's, and sends it with its next write unless the write is blind).
 */

/** How to read a version such as `{A:2} + F:4`: `formatContext(historyOf(sibling))`. */
export const VERSION_NOTATION = {
  summary: 'How to read a version such as {A:2} + F:4',
  paragraphs: [
    'A version is written as the set of writes it includes: the write that made it, and every write its writer had seen. {A:2, B:1} is a plain version vector: A’s first two writes and B’s first.',
    'A write above a gap is listed on its own, after a plus. {A:2} + F:4 includes A’s first two writes and F’s fourth, but not F’s first three; usually F:4 is the version’s own write, made by a client that had not seen F’s earlier ones (a blind write, say). So each version carries a version vector plus the writes above a gap. Written {A:2, F:4}, it would claim F’s first three had been seen, and a write made after reading this version would replace them unseen.',
  ],
} as const;

/** The sibling demo's opening: what a client sends with its write, and what that replaces. */
export const SIBLING_DEMO_INTRO =
  'Two replicas hold one key as a multi-value register, and a client works at each. A client remembers everything it has read and written at its replica (its session’s causal context) and sends all of it with each write; the write replaces exactly the versions that context covers. Writes that did not see each other both survive a sync, as siblings, and a read returns them all.';

/** "Where the examples come from": the module's story, step by step. */
export const MODULE_STORY: readonly string[] = [
  'A key starts at {Node1:1, Node2:0}: one write, made at Node1, that both replicas hold.',
  'Node1 accepts a new write: {Node1:2, Node2:0}.',
  'Node2 accepts a write before it hears of Node1’s: {Node1:1, Node2:1}. These two versions are example 1.',
  'Their merge, {Node1:2, Node2:1}, is not a new version: it is what a client has seen once it has read both. A write that client then makes at Node1 is a new version, {Node1:3, Node2:1}, which dominates both.',
];

/** After the merged vector in the comparer: what that vector is, for this verdict. */
export function mergedMeaning(verdict: 'a-dominates' | 'b-dominates' | 'equal' | 'concurrent', next: { node: string; text: string } | null): string {
  switch (verdict) {
    case 'a-dominates':
      return 'That is A’s vector again: A had already seen everything B had.';
    case 'b-dominates':
      return 'That is B’s vector again: B had already seen everything A had.';
    case 'equal':
      return 'It is the same vector as A and B.';
    case 'concurrent': {
      const example = next ? ` (a write at ${next.node} gets ${next.text})` : '';
      return `It is not a version but what a client has seen after reading both A and B. A write made with that context is a new version: its vector is the merge plus one at the node that takes the write${example}, and it dominates both A and B. (That is so when that node has taken no write the client has not seen; otherwise the new write is listed above a gap.)`;
    }
  }
}

/** The siblings cart, in "How each cart merges". */
export const SIBLINGS_CART_HOW =
  'Each version carries a version vector plus the writes above a gap: its own write and every write its writer had seen. Versions that did not see each other are both kept, as siblings; the app reads them all and shows their union, and its next change is made to that union and written with the context it read, which replaces them. Nothing added is lost, but a union cannot tell “removed” from “never there”, so a removal can be undone by a sibling that still holds the item.';
