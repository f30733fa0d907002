import type { OpId } from '../ids.ts';
import { EMPTY_CONTEXT, addDot, contains, union, type CausalContext, type Dot } from './causalContext.ts';
import type { ValueStrategy } from './types.ts';

/**
 * A multi-value register with version vectors. Concurrent writes are all kept, as
 * siblings, until a write that has seen them replaces them.
 *
 * Each sibling carries a *dot* — (node, counter), the one event that created it — and
 * the context its writer had read. A sibling is superseded exactly when another
 * sibling's context contains its dot. Deciding by dot, not by comparing whole vectors,
 * keeps two blind writes through the same coordinator concurrent, as they really are;
 * whole per-node vectors would wrongly order them (this is the "dotted version vector"
 * of Preguiça et al., which Riak adopted for the same reason). The version shown for a
 * sibling is its context with its dot added.
 */
export interface Sibling {
  readonly value: string;
  readonly dot: Dot;
  readonly context: CausalContext;
  readonly op: OpId;
}

/** Siblings sorted by dot, so equal states have one spelling. */
export type MvState = readonly Sibling[];

/** Everything a sibling's writer had seen, and the sibling itself. */
export function historyOf(s: Sibling): CausalContext {
  return addDot(s.context, s.dot);
}

/** Whether `s` is superseded by `by`: whether by's writer had seen s. */
export function supersededBy(s: Sibling, by: Sibling): boolean {
  return contains(by.context, s.dot);
}

function sameDot(a: Dot, b: Dot): boolean {
  return a.node === b.node && a.counter === b.counter;
}

function dotOrder(a: Sibling, b: Sibling): number {
  if (a.dot.node !== b.dot.node) return a.dot.node < b.dot.node ? -1 : 1;
  return a.dot.counter - b.dot.counter;
}

/** Keep the siblings no other sibling supersedes; one copy per dot; sorted. */
function normalise(all: readonly Sibling[]): MvState {
  const unique: Sibling[] = [];
  for (const s of all) if (!unique.some((u) => sameDot(u.dot, s.dot))) unique.push(s);
  return unique.filter((s) => !unique.some((o) => o !== s && supersededBy(s, o))).sort(dotOrder);
}

export const mv: ValueStrategy<MvState, Sibling> = {
  id: 'mv',
  // Siblings pile up with blind writes (and a few concurrent ones); a merge compares them pairwise.
  mergeWork: (writes, blind) => writes + (blind + 2) ** 3 / 3,
  empty: () => [],
  create(local, value, meta) {
    const version: Sibling = {
      value,
      dot: { node: meta.node, counter: meta.counter },
      context: meta.context ?? EMPTY_CONTEXT,
      op: meta.op,
    };
    return { version, delta: normalise([...local, version]), context: historyOf(version) };
  },
  merge(a, b) {
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    return normalise([...a, ...b]);
  },
  equals(a, b) {
    return a.length === b.length && a.every((s, i) => sameDot(s.dot, b[i]!.dot));
  },
  covers(state, version) {
    return state.some((s) => sameDot(s.dot, version.dot) || supersededBy(version, s));
  },
  versionState: (version) => [version],
  values: (state) => state.map((s) => s.value),
  context: (state) => state.reduce<CausalContext>((acc, s) => union(acc, historyOf(s)), EMPTY_CONTEXT),
};
