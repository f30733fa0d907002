import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HistoryOp, Scalar } from './history.ts';
import { linearizable } from './linearizability.ts';
import { parseEtcdLog } from './parseEtcdLog.ts';
import { sequentiallyConsistent } from './sequential.ts';

const FIXTURES = new URL('../../../shared/fixtures/porcupine-etcd/', import.meta.url);

/** [process, 'w'|'r', key, value, call, ret] */
function h(...rows: [string, 'w' | 'r', string, Scalar | null, number, number][]): HistoryOp[] {
  return rows.map(([process, f, key, value, call, ret], id) => (f === 'w' ? { id, process, key, f: 'write', value, call, ret, source: id } : { id, process, key, f: 'read', value, call, ret, source: id }));
}

describe('sequential consistency', () => {
  it('allows a read to miss a write that completed earlier in real time, which linearizability does not', () => {
    // b's read starts after a's write completed, yet sees nothing: b's read may be ordered first.
    const ops = h(['a', 'w', 'x', 1, 0, 1], ['b', 'r', 'x', null, 5, 6]);
    expect(sequentiallyConsistent(ops).result).toBe('satisfied');
    expect(linearizable(ops).result).toBe('violated');
  });

  it('keeps each process’s own order: a process cannot read its own write and then miss it', () => {
    const ops = h(['a', 'w', 'x', 1, 0, 1], ['a', 'r', 'x', 1, 2, 3], ['a', 'r', 'x', null, 4, 5]);
    const v = sequentiallyConsistent(ops);
    expect(v.result).toBe('violated');
    // Smallest: its write and the later read that missed it (the first read is not needed).
    expect(v.result === 'violated' && [...v.witness.ops].sort()).toEqual([0, 2]);
  });

  it('is not local: two keys each fine alone, impossible together (Dekker’s pattern)', () => {
    // a writes x then reads y as unset; b writes y then reads x as unset. Each key alone is
    // fine; as a whole, whichever write comes first in one order, the other process's read sees it.
    const ops = h(['a', 'w', 'x', 1, 0, 1], ['a', 'r', 'y', null, 2, 3], ['b', 'w', 'y', 1, 0, 1], ['b', 'r', 'x', null, 2, 3]);
    expect(sequentiallyConsistent(ops.filter((o) => o.key === 'x')).result).toBe('satisfied');
    expect(sequentiallyConsistent(ops.filter((o) => o.key === 'y')).result).toBe('satisfied');
    const v = sequentiallyConsistent(ops);
    expect(v.result).toBe('violated');
    expect(v.result === 'violated' && v.witness.key).toBe('');
  });

  it('lets an open write take effect or not, in its process’s place', () => {
    const open: HistoryOp = { id: 0, process: 'a', key: 'x', f: 'write', value: 1, call: 0, ret: Infinity, source: 0 };
    const reads = (v: Scalar | null): HistoryOp => ({ id: 1, process: 'b', key: 'x', f: 'read', value: v, call: 10, ret: 11, source: 1 });
    expect(sequentiallyConsistent([open, reads(1)]).result).toBe('satisfied');
    expect(sequentiallyConsistent([open, reads(null)]).result).toBe('satisfied');
  });

  it('says “unknown” past its budget', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`p${i}`, 'w', 'x', i, 0, 1] as [string, 'w', string, number, number, number]);
    expect(sequentiallyConsistent(h(...rows, ['z', 'r', 'x', 42, 2, 3]), 20).result).toBe('unknown');
  });
});

describe('sequential consistency: Porcupine’s etcd histories', () => {
  const present = existsSync(new URL('VERDICTS.csv', FIXTURES));
  it.skipIf(!present)('decides all but at most 2 of the 102 logs within its budget, and holds on every linearizable one', () => {
    const rows = readFileSync(new URL('VERDICTS.csv', FIXTURES), 'utf8').trim().split('\n').slice(1).filter((r) => /,(true|false)$/.test(r));
    expect(rows).toHaveLength(102);
    const undecided: string[] = [];
    for (const row of rows) {
      const [file, verdict] = row.split(',');
      const parsed = parseEtcdLog(readFileSync(new URL(file!, FIXTURES), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
      const v = sequentiallyConsistent(parsed.ops, undefined, false);
      if (v.result === 'unknown') undecided.push(file!);
      // Linearizable implies sequential: a linearizable log is never judged otherwise.
      if (verdict === 'true') expect(v.result, file).not.toBe('violated');
    }
    // Before reads were placed without branching, 31 were undecided; the budget counts steps, so this does not depend on the machine.
    expect(undecided.length, undecided.join(', ')).toBeLessThanOrEqual(2);
  });
  it.skipIf(present)('skipped: ../shared/fixtures/porcupine-etcd is not beside this checkout', () => {
    expect(present).toBe(false);
  });
});
