import type { NodeId } from '../sim/ids.ts';
import type { Trace } from '../sim/trace.ts';

export interface SessionTokens {
  readonly client: NodeId;
  /** The replica a sticky client uses now: its first, or where it failed over to (null before it has sent anything). */
  readonly home: NodeId | null;
  /** Its acknowledged writes and what it read, latest per key, as "x = 1". */
  readonly wrote: readonly string[];
  readonly read: readonly string[];
}

/** Each client's session as of `t`, read from the trace: what it wrote and read, answered by then, and the replica it keeps to. */
export function tokensAt(trace: Trace, clients: readonly NodeId[], t: number): SessionTokens[] {
  return clients.map((client) => {
    const done = trace.ops.filter((o) => o.client === client && o.outcome === 'ok' && o.completedAt !== null && o.completedAt <= t);
    const latest = (kind: 'write' | 'read') => {
      const byKey = new Map<string, string>();
      for (const o of done) if (o.kind === kind) byKey.set(o.key, kind === 'write' ? `${o.key} = ${o.value}` : `${o.key} = ${o.result && o.result.length > 0 ? o.result.join(' | ') : 'nothing'}`);
      return [...byKey.values()];
    };
    const first = trace.ops.find((o) => o.client === client && o.invokedAt <= t);
    let home: NodeId | null = first ? first.coordinator : null;
    for (const e of trace.events) if (e.type === 'failover' && e.client === client && e.at <= t) home = e.to;
    return { client, home, wrote: latest('write'), read: latest('read') };
  });
}

/** What replicas hold back at `t`, in words: reads waiting for a session, writes waiting for their dependencies. */
export function heldAt(trace: Trace, t: number): { readonly node: NodeId; readonly op: number; readonly text: string }[] {
  return trace.waits
    .filter((w) => w.from <= t && (w.until === null || w.until > t))
    .map((w) => {
      const op = trace.ops[w.op]!;
      const text =
        w.kind === 'read'
          ? `${w.node} holds ${op.client}’s read of ${w.key} until it has what ${op.client} has already seen.`
          : `${w.node} holds ${op.client}’s write ${w.key} = ${op.value} until it has what that write depends on.`;
      return { node: w.node, op: w.op, text };
    });
}

/** The line under a replica in the picture: how many reads and writes it holds back at `t` ('' for none). */
export function heldNote(trace: Trace, node: NodeId, t: number): string {
  let reads = 0;
  let writes = 0;
  for (const w of trace.waits) {
    if (w.node !== node || w.from > t || (w.until !== null && w.until <= t)) continue;
    if (w.kind === 'read') reads++;
    else writes++;
  }
  const parts = [writes > 0 ? `${writes} write${writes === 1 ? '' : 's'} held back` : '', reads > 0 ? `${reads} read${reads === 1 ? '' : 's'} waiting` : ''].filter(Boolean);
  return parts.join(', ');
}
