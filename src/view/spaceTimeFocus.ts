import type { MessageId, NodeId, OpId } from '../sim/ids.ts';
import type { Highlight } from './highlight.ts';
import type { SpaceTimeGeometry } from './spaceTime.ts';

/** What a highlight lights up in the space-time diagram; everything else is dimmed. */
export interface SpaceTimeFocus {
  readonly messages: ReadonlySet<MessageId>;
  readonly ops: ReadonlySet<OpId>;
  readonly nodes: ReadonlySet<NodeId>;
}

/**
 * The items a highlight concerns. A message brings its operation and its two lanes; an
 * operation brings its messages and its client's lane; a node brings its lane, the
 * messages it sent or received and the operations it started or coordinated.
 * Null when nothing is highlighted, or when what is highlighted is not in the window (a
 * message that has scrolled out, an operation hovered in another view): dimming the whole
 * diagram for something it does not show would only hide what it does.
 *
 * @example spaceTimeFocus({ kind: 'op', id: 0 }, g).messages // the ids of op 0's messages
 */
export function spaceTimeFocus(h: Highlight | null, g: SpaceTimeGeometry): SpaceTimeFocus | null {
  if (h === null) return null;
  const messages = new Set<MessageId>();
  const ops = new Set<OpId>();
  const nodes = new Set<NodeId>();
  switch (h.kind) {
    case 'message': {
      messages.add(h.id);
      const m = g.messages.find((s) => s.id === h.id);
      if (!m) return null;
      nodes.add(m.from).add(m.to);
      if (m.op !== null) ops.add(m.op);
      break;
    }
    case 'op': {
      const op = g.ops.find((o) => o.id === h.id);
      if (!op) return null;
      ops.add(h.id);
      nodes.add(op.client);
      for (const m of g.messages) if (m.op === h.id) messages.add(m.id);
      break;
    }
    case 'node':
      if (!g.lanes.some((l) => l.node === h.id)) return null;
      nodes.add(h.id);
      for (const m of g.messages) if (m.from === h.id || m.to === h.id) messages.add(m.id);
      for (const o of g.ops) if (o.client === h.id || o.coordinator === h.id) ops.add(o.id);
      break;
  }
  return { messages, ops, nodes };
}

/**
 * What a set of marked operations lights up (a model's witness, in the consistency lab):
 * the operations, their messages and their clients' lanes. Null when none of them is in
 * the window, for the reason spaceTimeFocus gives.
 */
export function markedFocus(marked: ReadonlySet<OpId>, g: SpaceTimeGeometry): SpaceTimeFocus | null {
  const ops = new Set<OpId>();
  const nodes = new Set<NodeId>();
  for (const o of g.ops) {
    if (!marked.has(o.id)) continue;
    ops.add(o.id);
    nodes.add(o.client);
  }
  if (ops.size === 0) return null;
  const messages = new Set<MessageId>();
  for (const m of g.messages) if (m.op !== null && ops.has(m.op)) messages.add(m.id);
  return { messages, ops, nodes };
}
