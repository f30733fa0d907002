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
  const log = trace.messages;
  // A message sent longer than the longest flight before t has ended by t.
  for (let i = log.firstSentAtOrAfter(t - log.longestFlight); i < log.length; i++) {
    const sent = log.sentAt(i);
    if (sent > best) break;
    consider(sent);
    if (!log.isInFlight(i)) consider(log.endAt(i));
  }
  for (const op of trace.ops) {
    consider(op.invokedAt);
    consider(op.completedAt);
  }
  for (const e of trace.events) consider(e.at);
  return best;
}
