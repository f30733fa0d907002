import type { MessageId, NodeId, OpId } from '../sim/ids.ts';

/** What the pointer or focus is on, shared by every view so hovering one lights up the others. */
export type Highlight =
  | { readonly kind: 'node'; readonly id: NodeId }
  | { readonly kind: 'message'; readonly id: MessageId }
  | { readonly kind: 'op'; readonly id: OpId };

export function sameHighlight(a: Highlight | null, b: Highlight | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
}
