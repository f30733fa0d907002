import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEtcdLog } from './parseEtcdLog.ts';
import { MAX_HISTORY_OPS, parseHistory } from './parseHistory.ts';
import { parseJepsenEdn } from './parseJepsenEdn.ts';

const FIXTURES = new URL('../../../shared/fixtures/porcupine-etcd/', import.meta.url);

const EDN = ['{:process 0, :type :invoke, :f :write, :value 3}', '{:process 1, :type :invoke, :f :read, :value nil}', '{:process 0, :type :ok, :f :write, :value 3}', '{:process 1, :type :ok, :f :read, :value 3}'].join('\n');
const ETCD = ['INFO  jepsen.util - 0\t:invoke\t:write\t3', 'INFO  jepsen.util - 1\t:invoke\t:read\tnil', 'INFO  jepsen.util - 0\t:ok\t:write\t3', 'INFO  jepsen.util - 1\t:ok\t:read\t3'].join('\n');

describe('parseHistory: telling the formats apart', () => {
  it('reads a text whose first line is a map as a Jepsen EDN history', () => {
    const r = parseHistory(EDN);
    expect(r).toEqual({ ...parseJepsenEdn(EDN), format: 'edn' });
    expect(r.ok && r.ops.length).toBe(2);
  });

  it('reads a text whose first line starts with INFO as an etcd log', () => {
    const r = parseHistory(ETCD);
    expect(r).toEqual({ ...parseEtcdLog(ETCD), format: 'etcd' });
    // The same history in either format reads the same.
    const edn = parseJepsenEdn(EDN);
    expect(r.ok && r.ops).toEqual(edn.ok && edn.ops);
  });

  it('sniffs the first non-blank line, and keeps line numbers', () => {
    const r = parseHistory(`\n  \n${EDN}`);
    expect(r.format).toBe('edn');
    expect(r.ok && r.ops.map((o) => o.source)).toEqual([3, 4]);
    const bad = parseHistory(`\n\nINFO  jepsen.util - 0\t:invoke\t:write\t3\nINFO nonsense`);
    expect(bad).toMatchObject({ ok: false, line: 4, format: 'etcd' });
  });

  it('ignores a byte-order mark', () => {
    expect(parseHistory(`\uFEFF${EDN}`)).toEqual(parseHistory(EDN));
  });

  it('refuses a text in neither format, on its first line, naming both formats', () => {
    const r = parseHistory('time,process,op\n1,0,write');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(1);
    expect(r.error).toContain('Jepsen EDN history');
    expect(r.error).toContain('Jepsen etcd log');
    expect(r.format).toBeUndefined();
    expect(parseHistory('\n\nhello', 'run.csv')).toMatchObject({ ok: false, line: 3, error: expect.stringMatching(/^run\.csv begins with a line that is in neither format/) });
  });

  it('reads an empty text as an empty history, its format from the name when there is one', () => {
    expect(parseHistory('')).toEqual({ ok: true, ops: [] });
    expect(parseHistory('\n \n', 'etcd_095.log')).toEqual({ ok: true, ops: [], format: 'etcd' });
    expect(parseHistory('', 'history.edn')).toEqual({ ok: true, ops: [], format: 'edn' });
  });

  it('refuses mixed formats, naming the first line of the other one', () => {
    const ednThenEtcd = parseHistory(`${EDN}\nINFO  jepsen.util - 2\t:invoke\t:read\tnil`);
    expect(ednThenEtcd).toEqual({ ok: false, line: 5, error: 'it is a line of the etcd log format, in an EDN history: a history is in one format', format: 'edn' });
    const etcdThenEdn = parseHistory(`${ETCD}\n{:process 2, :type :invoke, :f :read, :value nil}`);
    expect(etcdThenEdn).toEqual({ ok: false, line: 5, error: 'it is an EDN map, in an etcd log: a history is in one format', format: 'etcd' });
  });

  it('passes a parser’s failure on, with the format', () => {
    const r = parseHistory(`${EDN}\n{:process 0, :type :ok, :f :write, :value 3}`);
    expect(r).toEqual({ ok: false, line: 5, error: 'process 0 completes an operation it never invoked', format: 'edn' });
  });
});

describe('parseHistory: the size bound', () => {
  /** n writes by n processes, never completed: one line, one operation. */
  const openWrites = (n: number) => Array.from({ length: n }, (_, p) => `{:process ${p}, :type :invoke, :f :write, :value ${p}}`).join('\n');

  it(`reads ${MAX_HISTORY_OPS} operations`, () => {
    const r = parseHistory(openWrites(MAX_HISTORY_OPS));
    expect(r.ok && r.ops.length).toBe(MAX_HISTORY_OPS);
  });

  it(`refuses more, naming the line that invokes operation ${MAX_HISTORY_OPS + 1}`, () => {
    const r = parseHistory(openWrites(MAX_HISTORY_OPS + 5));
    expect(r).toEqual({ ok: false, line: MAX_HISTORY_OPS + 1, error: 'the history has 20,005 operations, and this line invokes operation 20,001: the lab checks histories up to 20,000 operations', format: 'edn' });
  });

  it('counts operations, not lines: dropped failures and completions do not count', () => {
    const lines: string[] = [];
    for (let i = 0; i < MAX_HISTORY_OPS; i++) lines.push(`{:process 0, :type :invoke, :f :write, :value ${i}}`, `{:process 0, :type :ok, :f :write, :value ${i}}`);
    lines.push('{:process 0, :type :invoke, :f :write, :value -1}', '{:process 0, :type :fail, :f :write, :value -1}');
    const r = parseHistory(lines.join('\n'));
    expect(r.ok && r.ops.length).toBe(MAX_HISTORY_OPS);
    const over = parseHistory(`${lines.join('\n')}\n{:process 1, :type :invoke, :f :read}`);
    expect(over).toMatchObject({ ok: false, line: 2 * MAX_HISTORY_OPS + 3, format: 'edn' });
  });

  it('bounds etcd logs too', () => {
    const log = Array.from({ length: MAX_HISTORY_OPS + 1 }, (_, p) => `INFO  jepsen.util - ${p}\t:invoke\t:read\tnil`).join('\n');
    expect(parseHistory(log)).toMatchObject({ ok: false, line: MAX_HISTORY_OPS + 1, format: 'etcd', error: expect.stringContaining('the lab checks histories up to 20,000 operations') });
  });
});

describe('parseHistory: Porcupine’s etcd logs', () => {
  const present = existsSync(FIXTURES);
  it.skipIf(!present)('reads every etcd_*.log as parseEtcdLog does', () => {
    const files = readdirSync(FIXTURES).filter((f) => /^etcd_\d+\.log$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(new URL(file, FIXTURES), 'utf8');
      const r = parseHistory(text, file);
      expect(r.format, file).toBe('etcd');
      expect(r, file).toEqual({ ...parseEtcdLog(text), format: 'etcd' });
    }
  });
  it.skipIf(present)('skipped: ../shared/fixtures/porcupine-etcd is not beside this checkout', () => {
    expect(present).toBe(false);
  });
});

describe('parseHistory: properties', () => {
  it('never throws, whatever the text', () => {
    const starts = fc.constantFrom('', '{', 'INFO', '\n', '\uFEFF', ' {', 'INFO  jepsen.util - 0\t:invoke\t:read\tnil\n');
    fc.assert(
      fc.property(starts, fc.string({ unit: 'binary', maxLength: 200 }), fc.option(fc.string({ maxLength: 12 }), { nil: undefined }), (start, rest, name) => {
        const r = parseHistory(start + rest, name);
        expect(r.ok || (Number.isInteger(r.line) && r.line >= 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
