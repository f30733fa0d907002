import { describe, expect, it } from 'vitest';
import type { Millis, NodeId, OpId } from '../sim/ids.ts';
import type { OpRecord } from '../sim/trace.ts';
import { ringedQuorums } from './quorumRings.ts';

function op(id: number, kind: 'write' | 'read', key: string, completedAt: number, quorum: string[], outcome: OpRecord['outcome'] = 'ok'): { op: OpRecord; status: OpRecord['outcome'] } {
  const record: OpRecord = {
    id: id as OpId,
    kind,
    client: 'c1' as NodeId,
    coordinator: 'A' as NodeId,
    key,
    value: kind === 'write' ? String(id) : null,
    invokedAt: (completedAt - 50) as Millis,
    completedAt: completedAt as Millis,
    outcome,
    reason: '',
    version: null,
    state: null,
    result: null,
    quorum: quorum as NodeId[],
  };
  return { op: record, status: outcome };
}

describe('ringedQuorums', () => {
  it('rings the last write and the last read of one key: the key that finished last', () => {
    const ops = [op(0, 'write', 'x', 100, ['A', 'B']), op(1, 'write', 'y', 200, ['C', 'D']), op(2, 'read', 'x', 300, ['B', 'E'])];
    // The last write overall is to y; the rings must not pair it with a read of x.
    expect(ringedQuorums(ops)).toEqual({ key: 'x', write: ['A', 'B'], read: ['B', 'E'], standIns: [] });
    // With x kept on A, B and C, E answered as a stand-in.
    expect(ringedQuorums(ops, () => ['A', 'B', 'C'] as NodeId[])?.standIns).toEqual(['E']);
  });

  it('leaves out failed and pending operations, and a key with no read yet has a write ring only', () => {
    const ops = [op(0, 'read', 'x', 100, ['A']), op(1, 'write', 'y', 200, ['C', 'D']), op(2, 'read', 'y', 300, ['E'], 'fail')];
    expect(ringedQuorums(ops)).toEqual({ key: 'y', write: ['C', 'D'], read: [], standIns: [] });
    expect(ringedQuorums([op(0, 'write', 'x', 100, ['A'], 'timeout')])).toBeNull();
  });
});
