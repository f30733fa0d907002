import type { Trace } from '../sim/trace.ts';

/**
 * The first moment after t at which something visible happens: a message sent, delivered
 * or dropped, an operation invoked or completed, or a fault. Infinity if none is known yet.
 */
export function nextEventAfter(trace: Trace, t: number): number {
  let best = Infinity;
  const consider = (x: number | null) => {
    if (x !== null && x > t && x < best) best = x;
  };
  for (const m of trace.messages) {
    if (m.sentAt > best) break;
    consider(m.sentAt);
    if (m.fate !== 'in-flight') consider(m.endAt);
  }
  for (const op of trace.ops) {
    consider(op.invokedAt);
    consider(op.completedAt);
  }
  for (const e of trace.events) consider(e.at);
  return best;
}
