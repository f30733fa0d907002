import type { Trace } from '../sim/trace.ts';

export interface WriteBackWaits {
  /** Reads answered. */
  readonly reads: number;
  /** Of those, reads that sent a write-back and waited for its acknowledgements. */
  readonly waited: number;
  /** Their mean extra time, from sending the write-back to answering the client, in ms. */
  readonly meanWaitMs: number;
}

/**
 * What reads that write back paid for it, read off the trace exactly: a read whose answer
 * W replicas already held answers at once; one that sent write-backs answered only when
 * enough were acknowledged, and the time between is its cost.
 */
export function writeBackWaits(trace: Trace): WriteBackWaits {
  const log = trace.messages;
  const sentBack = new Map<number, number>();
  const answered = new Map<number, number>();
  for (let i = 0; i < log.length; i++) {
    const op = log.op(i);
    if (op === null) continue;
    const kind = log.kind(i);
    if (kind === 'write-back' && !sentBack.has(op)) sentBack.set(op, log.sentAt(i));
    if (kind === 'read-reply') answered.set(op, log.sentAt(i));
  }
  const reads = trace.ops.filter((o) => o.kind === 'read' && o.outcome === 'ok');
  const waits = reads.flatMap((o) => {
    const from = sentBack.get(o.id);
    const to = answered.get(o.id);
    return from !== undefined && to !== undefined && to > from ? [to - from] : [];
  });
  return { reads: reads.length, waited: waits.length, meanWaitMs: waits.length === 0 ? 0 : waits.reduce((a, b) => a + b, 0) / waits.length };
}
