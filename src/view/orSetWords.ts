import type { OrSetState } from '../sim/values/crdt/orSet.ts';

/** An OR-Set's tagged entries and tombstones: "{TV#p2} tombstones {p1}" (the cart and the gallery say it the same way). */
export function describeOrSet(state: OrSetState): string {
  return `{${state.entries.map((e) => `${e.item}#${e.tag}`).join(', ')}} tombstones {${state.tombstones.join(', ')}}`;
}
