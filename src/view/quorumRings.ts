import type { NodeId } from '../sim/ids.ts';
import type { OpRecord } from '../sim/trace.ts';

/** An operation as it stood at a moment: pending until it completed. */
interface OpAt {
  readonly op: OpRecord;
  readonly status: OpRecord['outcome'];
}

/** The quorums the picture rings: the last write and the last read of one key. */
export interface RingedQuorums {
  readonly key: string;
  readonly write: readonly NodeId[];
  readonly read: readonly NodeId[];
  /** Ringed replicas outside the key's own N: stand-ins of a sloppy quorum, which hold only hints. */
  readonly standIns: readonly NodeId[];
}

/**
 * The replicas that acknowledged the last successful write and answered the last
 * successful read *of the same key*: the key of the operation that finished last. Rings
 * of two different keys would show an overlap, or its absence, that means nothing.
 *
 * @example ringedQuorums(model.ops, (k) => sim.preferenceList(k)) // { key: 'x', write: ['A','B'], read: ['B','C'], standIns: [] }
 */
export function ringedQuorums(ops: readonly OpAt[], holders: (key: string) => readonly NodeId[] = () => []): RingedQuorums | null {
  let latest: OpRecord | null = null;
  for (const o of ops) if (o.status === 'ok' && (latest === null || o.op.completedAt! >= latest.completedAt!)) latest = o.op;
  if (latest === null) return null;
  const key = latest.key;
  const last = (kind: 'write' | 'read') => {
    let found: OpRecord | null = null;
    for (const o of ops) if (o.status === 'ok' && o.op.kind === kind && o.op.key === key && (found === null || o.op.completedAt! >= found.completedAt!)) found = o.op;
    return found?.quorum ?? [];
  };
  const write = last('write');
  const read = last('read');
  const home = holders(key);
  const standIns = home.length === 0 ? [] : [...new Set([...write, ...read])].filter((n) => !home.includes(n));
  return { key, write, read, standIns };
}
