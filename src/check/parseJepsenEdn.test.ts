import { describe, expect, it } from 'vitest';
import { parseEtcdLog } from './parseEtcdLog.ts';
import type { HistoryOp } from './history.ts';
import { MAX_EDN_DEPTH } from './parseJepsenEdn.ts';
import { failure, lines, ops } from './testing/edn.ts';

describe('parseJepsenEdn: operations', () => {
  it('reads a write, invoked then completed', () => {
    expect(ops(lines('{:process 0, :type :invoke, :f :write, :value 3}', '{:process 0, :type :ok, :f :write, :value 3}'))).toEqual([
      { id: 0, process: '0', key: '', call: 0, ret: 1, source: 1, f: 'write', value: 3 },
    ]);
  });

  it('takes a read’s value from its :ok, not its invocation', () => {
    expect(ops(lines('{:process 1, :type :invoke, :f :read, :value nil}', '{:process 1, :type :ok, :f :read, :value 3}'))).toEqual([
      { id: 0, process: '1', key: '', call: 0, ret: 1, source: 1, f: 'read', value: 3 },
    ]);
  });

  it('reads a compare-and-set [from to] that completed as one that swapped', () => {
    expect(ops(lines('{:process 2, :type :invoke, :f :cas, :value [1 4]}', '{:process 2, :type :ok, :f :cas, :value [1 4]}'))).toEqual([
      { id: 0, process: '2', key: '', call: 0, ret: 1, source: 1, f: 'cas', expect: 1, value: 4, swapped: true },
    ]);
  });

  it('reads :get as a read and :put as a write', () => {
    const got = ops(lines('{:process 0 :type :invoke :f :put :value 1}', '{:process 0 :type :ok :f :put :value 1}', '{:process 0 :type :invoke :f :get}', '{:process 0 :type :ok :f :get :value 1}'));
    expect(got.map((o) => [o.f, o.value])).toEqual([
      ['write', 1],
      ['read', 1],
    ]);
  });

  it('numbers operations as parseEtcdLog does: as they complete, the open ones last', () => {
    const got = ops(
      lines(
        '{:process 0, :type :invoke, :f :write, :value 1}',
        '{:process 1, :type :invoke, :f :write, :value 2}',
        '{:process 2, :type :invoke, :f :read, :value nil}',
        '{:process 1, :type :ok, :f :write, :value 2}',
        '{:process 2, :type :ok, :f :read, :value 2}',
      ),
    );
    expect(got.map((o) => [o.id, o.process, o.ret])).toEqual([
      [0, '1', 3],
      [1, '2', 4],
      [2, '0', Infinity],
    ]);
  });

  it('ignores keys it does not know, whatever their values', () => {
    const got = ops(lines('{:index 0, :process 0, :type :invoke, :f :write, :value 3, :extra {"a" [1 [2 :x]], :b true}}', '{:process 0, :type :ok, :f :write, :value 3, :error nil}'));
    expect(got).toEqual([{ id: 0, process: '0', key: '', call: 0, ret: 1, source: 1, f: 'write', value: 3 }]);
  });

  it('skips the nemesis and other keyword processes, as Jepsen’s client-op? does', () => {
    const got = ops(
      lines(
        '{:process :nemesis, :type :info, :f :start, :value nil}',
        '{:process 0, :type :invoke, :f :write, :value 3}',
        '{:process :nemesis, :type :info, :f :start, :value [:isolated {"n1" ["n2" "n3"]}]}',
        '{:process 0, :type :ok, :f :write, :value 3}',
      ),
    );
    // Times are still line indices of the whole log.
    expect(got.map((o) => [o.process, o.call, o.ret, o.source])).toEqual([['0', 1, 3, 2]]);
  });

  it('skips blank lines and reads CRLF line ends', () => {
    expect(ops('\r\n{:process 0, :type :invoke, :f :write, :value 3}\r\n\r\n{:process 0, :type :ok, :f :write, :value 3}\r\n').map((o) => [o.call, o.ret, o.source])).toEqual([[1, 3, 2]]);
  });

  it('reads an empty text as an empty history', () => {
    expect(ops('')).toEqual([]);
    expect(ops('\n  \n')).toEqual([]);
  });
});

describe('parseJepsenEdn: completions, read as Knossos reads them', () => {
  it(':fail means it did not happen: a failed write, read or compare-and-set is dropped', () => {
    const got = ops(
      lines(
        '{:process 0, :type :invoke, :f :write, :value 3}',
        '{:process 0, :type :fail, :f :write, :value 3}',
        '{:process 1, :type :invoke, :f :read, :value nil}',
        '{:process 1, :type :fail, :f :read, :value nil, :error :timeout}',
        '{:process 2, :type :invoke, :f :cas, :value [1 4]}',
        '{:process 2, :type :fail, :f :cas, :value [1 4]}',
      ),
    );
    expect(got).toEqual([]);
  });

  it('a :fail compare-and-set is dropped, where parseEtcdLog (Porcupine) keeps it as one that did not swap', () => {
    const edn = ops(lines('{:process 2, :type :invoke, :f :cas, :value [1 4]}', '{:process 2, :type :fail, :f :cas, :value [1 4]}'));
    const etcd = parseEtcdLog(lines('INFO  jepsen.util - 2\t:invoke\t:cas\t[1 4]', 'INFO  jepsen.util - 2\t:fail\t:cas\t[1 4]'));
    expect(edn).toEqual([]);
    expect(etcd.ok && etcd.ops.map((o) => o.f === 'cas' && o.swapped)).toEqual([false]);
  });

  it(':info leaves the operation open: a write may have happened, a read’s value and a cas’s outcome are unknown', () => {
    const got = ops(
      lines(
        '{:process 0, :type :invoke, :f :write, :value 3}',
        '{:process 1, :type :invoke, :f :read, :value nil}',
        '{:process 2, :type :invoke, :f :cas, :value [1 4]}',
        '{:process 0, :type :info, :f :write, :value 3, :error :timeout}',
        '{:process 1, :type :info, :f :read, :value nil}',
        '{:process 2, :type :info, :f :cas, :value :timed-out}',
      ),
    );
    expect(got).toEqual([
      { id: 0, process: '0', key: '', call: 0, ret: Infinity, source: 1, f: 'write', value: 3 },
      { id: 1, process: '1', key: '', call: 1, ret: Infinity, source: 2, f: 'read', value: undefined },
      { id: 2, process: '2', key: '', call: 2, ret: Infinity, source: 3, f: 'cas', expect: 1, value: 4, swapped: undefined },
    ]);
  });

  it('after an :info the process may invoke again', () => {
    const got = ops(
      lines(
        '{:process 0, :type :invoke, :f :write, :value 3}',
        '{:process 0, :type :info, :f :write, :value 3}',
        '{:process 0, :type :invoke, :f :write, :value 4}',
        '{:process 0, :type :ok, :f :write, :value 4}',
      ),
    );
    expect(got.map((o) => [o.value, o.ret])).toEqual([
      [3, Infinity],
      [4, 3],
    ]);
  });

  it('an operation never completed stays open to the end', () => {
    expect(ops('{:process 0, :type :invoke, :f :read, :value nil}')).toEqual([{ id: 0, process: '0', key: '', call: 0, ret: Infinity, source: 1, f: 'read', value: undefined }]);
  });

  it('a read of nil is a read of nothing there (null), not Knossos’s “any value”', () => {
    expect(ops(lines('{:process 0, :type :invoke, :f :read}', '{:process 0, :type :ok, :f :read, :value nil}'))[0]!.value).toBeNull();
    // A completion without :value reads as nil, as Knossos reads it.
    expect(ops(lines('{:process 0, :type :invoke, :f :read}', '{:process 0, :type :ok, :f :read}'))[0]!.value).toBeNull();
  });

  it('an :ok write or cas must carry the value it was invoked with, if it carries one', () => {
    expect(failure(lines('{:process 0, :type :invoke, :f :write, :value 3}', '{:process 0, :type :ok, :f :write, :value 4}'))).toEqual([2, 'the write of line 1 completes with 4, not the value it was invoked with']);
    expect(failure(lines('{:process 0, :type :invoke, :f :cas, :value [1 2]}', '{:process 0, :type :ok, :f :cas, :value [1 3]}'))).toEqual([2, 'the compare-and-set of line 1 completes with [1 3], not the value it was invoked with']);
    expect(ops(lines('{:process 0, :type :invoke, :f :write, :value 3}', '{:process 0, :type :ok, :f :write}'))[0]!.value).toBe(3);
  });
});

describe('parseJepsenEdn: pairing invocations and completions', () => {
  it('refuses a process that invokes twice before completing', () => {
    expect(failure(lines('{:process 0, :type :invoke, :f :write, :value 1}', '{:process 0, :type :invoke, :f :write, :value 2}'))).toEqual([2, 'process 0 invokes again before its operation of line 1 completed']);
  });

  it('refuses a completion without an invocation', () => {
    expect(failure(lines('{:process 0, :type :invoke, :f :write, :value 1}', '{:process 0, :type :ok, :f :write, :value 1}', '{:process 0, :type :ok, :f :write, :value 1}'))).toEqual([3, 'process 0 completes an operation it never invoked']);
    expect(failure('{:process 5, :type :info, :f :read, :value nil}')).toEqual([1, 'process 5 completes an operation it never invoked']);
  });

  it('refuses a completion of another :f', () => {
    expect(failure(lines('{:process 0, :type :invoke, :f :write, :value 1}', '{:process 0, :type :ok, :f :read, :value 1}'))).toEqual([2, 'process 0 invoked :write but completes :read']);
  });

  it('refuses list-append histories, naming the line, rather than guess', () => {
    const r = failure(lines('{:process 0, :type :invoke, :f :write, :value 1}', '{:process 1, :type :invoke, :f :append, :value [:x 1]}'));
    expect(r).toEqual([2, expect.stringContaining('list-append histories are not supported yet')]);
  });
});

describe('parseJepsenEdn: keys', () => {
  it('reads :key as a string, a keyword or an integer', () => {
    const got = ops(
      lines(
        '{:process 0, :type :invoke, :f :write, :key "x", :value 1}',
        '{:process 1, :type :invoke, :f :write, :key :y, :value 2}',
        '{:process 2, :type :invoke, :f :write, :key 5, :value 3}',
        '{:process 0, :type :ok, :f :write, :key "x", :value 1}',
        '{:process 1, :type :ok, :f :write, :key :y, :value 2}',
        '{:process 2, :type :ok, :f :write, :key 5, :value 3}',
      ),
    );
    expect(got.map((o) => o.key)).toEqual(['x', 'y', '5']);
  });

  it('a completion may leave :key out, but may not name another key', () => {
    expect(ops(lines('{:process 0, :type :invoke, :f :read, :key "x"}', '{:process 0, :type :ok, :f :read, :value 1}'))[0]!.key).toBe('x');
    expect(failure(lines('{:process 0, :type :invoke, :f :read, :key "x"}', '{:process 0, :type :ok, :f :read, :key "y", :value 1}'))).toEqual([2, 'process 0 invoked on key "x" but completes on key "y"']);
  });

  it('refuses a key that is not a string, keyword or integer', () => {
    expect(failure('{:process 0, :type :invoke, :f :read, :key nil}')).toEqual([1, 'its :key is nil: a key is a string, a keyword or an integer']);
  });
});

describe('parseJepsenEdn: Jepsen’s independent [key value] tuples', () => {
  it('reads the key from the tuple of a write, a read and a compare-and-set', () => {
    const got = ops(
      lines(
        '{:process 0, :type :invoke, :f :write, :value [5 3]}',
        '{:process 1, :type :invoke, :f :read, :value [5 nil]}',
        '{:process 2, :type :invoke, :f :cas, :value [6 [1 4]]}',
        '{:process 0, :type :ok, :f :write, :value [5 3]}',
        '{:process 1, :type :ok, :f :read, :value [5 3]}',
        '{:process 2, :type :ok, :f :cas, :value [6 [1 4]]}',
      ),
    );
    expect(got).toEqual([
      { id: 0, process: '0', key: '5', call: 0, ret: 3, source: 1, f: 'write', value: 3 },
      { id: 1, process: '1', key: '5', call: 1, ret: 4, source: 2, f: 'read', value: 3 },
      { id: 2, process: '2', key: '6', call: 2, ret: 5, source: 3, f: 'cas', expect: 1, value: 4, swapped: true },
    ]);
  });

  it('a plain [from to] compare-and-set is not a tuple', () => {
    expect(ops('{:process 0, :type :invoke, :f :cas, :value [1 4]}')[0]).toMatchObject({ key: '', expect: 1, value: 4 });
  });

  it('refuses a history that mixes tupled and untupled operations (Jepsen would give the untupled one to every key)', () => {
    const r = failure(lines('{:process 0, :type :invoke, :f :write, :value [5 3]}', '{:process 1, :type :invoke, :f :write, :value 3}'));
    expect(r).toEqual([2, expect.stringContaining('line 1’s disagree on [key value] tuples')]);
    expect(failure(lines('{:process 0, :type :invoke, :f :cas, :value [1 4]}', '{:process 1, :type :invoke, :f :cas, :value [5 [1 4]]}'))).toEqual([2, expect.stringContaining('cannot be mixed')]);
  });

  it('refuses a tuple together with :key', () => {
    expect(failure('{:process 0, :type :invoke, :f :write, :key "x", :value [5 3]}')).toEqual([1, 'it has both :key and a [key value] tuple [5 3]: give the key one way']);
  });

  it('refuses a tupled read answered for another key, or untupled', () => {
    expect(failure(lines('{:process 0, :type :invoke, :f :read, :value [5 nil]}', '{:process 0, :type :ok, :f :read, :value [6 1]}'))).toEqual([2, 'the read of line 1 was of key "5", but this returns [6 1]']);
    expect(failure(lines('{:process 0, :type :invoke, :f :read, :value [5 nil]}', '{:process 0, :type :ok, :f :read, :value 1}'))).toEqual([2, 'the read of line 1 was invoked with a [key value] tuple, so it returns one, not 1']);
  });

  it('refuses an untupled read that returns a tuple: that would be guessing', () => {
    expect(failure(lines('{:process 0, :type :invoke, :f :read, :value nil}', '{:process 0, :type :ok, :f :read, :value [5 1]}'))).toEqual([2, expect.stringContaining('was invoked with no tuple on line 1')]);
  });
});

describe('parseJepsenEdn: :time', () => {
  it('gives call and ret from :time when every client line has it', () => {
    const got = ops(
      lines(
        '{:process 0, :type :invoke, :f :write, :value 3, :time 1000}',
        '{:process :nemesis, :type :info, :f :start, :value nil}',
        '{:process 1, :type :invoke, :f :read, :value nil, :time 1500}',
        '{:process 0, :type :ok, :f :write, :value 3, :time 2500}',
        '{:process 1, :type :ok, :f :read, :value 3, :time 2500}',
      ),
    );
    expect(got.map((o) => [o.call, o.ret, o.source])).toEqual([
      [1000, 2500, 1],
      [1500, 2500, 3],
    ]);
  });

  it('uses line indices when a line lacks :time', () => {
    const got = ops(lines('{:process 0, :type :invoke, :f :write, :value 3, :time 1000}', '{:process 0, :type :ok, :f :write, :value 3}'));
    expect(got.map((o) => [o.call, o.ret])).toEqual([[0, 1]]);
  });

  it('refuses times that go backwards, or are not integers', () => {
    expect(failure(lines('{:process 0, :type :invoke, :f :write, :value 3, :time 1000}', '{:process 0, :type :ok, :f :write, :value 3, :time 999}'))).toEqual([2, 'its :time 999 is earlier than line 1’s 1000: times must not go backwards']);
    expect(failure('{:process 0, :type :invoke, :f :write, :value 3, :time "soon"}')).toEqual([1, 'its :time is "soon": it must be an integer (Jepsen’s nanoseconds)']);
  });
});

describe('parseJepsenEdn: values', () => {
  const written = (v: string) => {
    const got = failure(`{:process 0, :type :invoke, :f :write, :value ${v}}`);
    return Array.isArray(got) && typeof got[0] === 'number' ? got : (got as HistoryOp[])[0]!.value;
  };

  it('reads integers, strings, keywords and nil', () => {
    expect(written('-42')).toBe(-42);
    expect(written('+7')).toBe(7);
    expect(written('"a b"')).toBe('a b');
    expect(written(':a')).toBe('a');
    expect(written(':ns/a-b?')).toBe('ns/a-b?');
    expect(written('nil')).toBeNull();
  });

  it('resolves string escapes', () => {
    expect(written(String.raw`"q\"b\\n\n t\t u\u00e9 \r\b\f"`)).toBe('q"b\\n\n t\t u\u00e9 \r\b\f');
    expect(written('"a,b [c] {d}"')).toBe('a,b [c] {d}');
  });

  it('refuses values a register does not hold, and EDN beyond its subset, naming the line', () => {
    expect(written('true')).toEqual([1, 'a write writes an integer, a string, a keyword or nil, not true (an independent history’s tuple is [key value])']);
    expect(written('1.5')).toEqual([1, '“1.5” at column 47 is not an integer: the reader takes whole numbers only']);
    expect(written('99999999999999999999')).toEqual([1, 'the integer 99999999999999999999 at column 47 is too large to hold exactly']);
    expect(written('(1 2)')).toEqual([1, expect.stringContaining('lists (…) are not in the EDN this reader accepts')]);
    expect(written('#{1 2}')).toEqual([1, expect.stringContaining('sets, tags and other #-forms')]);
    expect(written('foo')).toEqual([1, expect.stringContaining('“foo” at column 47 is a symbol')]);
    expect(written('\\a')).toEqual([1, expect.stringContaining('characters (\\c) are not in the EDN')]);
    expect(written('[1 2 3]')).toEqual([1, expect.stringContaining('a write writes an integer, a string, a keyword or nil, not [1 2 3]')]);
  });
});

describe('parseJepsenEdn: malformed lines, each named by its number', () => {
  const ok = '{:process 0, :type :invoke, :f :write, :value 3}';
  const at3 = (bad: string) => failure(lines(ok, '', bad));

  it('names the line that is not a map, or has more than one', () => {
    expect(at3('[:process 0]')).toEqual([3, expect.stringContaining('it is not an EDN map')]);
    expect(at3(':process 0')).toEqual([3, expect.stringContaining('it is not an EDN map')]);
    expect(at3('{:process 1, :type :invoke, :f :write, :value 3} {:process 2}')).toEqual([3, 'there is more after the map, at column 50: a Jepsen history has one map a line']);
    expect(at3('INFO  jepsen.util - 0\t:invoke\t:read\tnil')).toEqual([3, 'it is a line of the etcd log format, in an EDN history: a history is in one format']);
  });

  it('names maps and vectors left open, closed wrongly or half filled', () => {
    expect(at3('{:process 1, :type :invoke')).toEqual([3, 'the map opened at column 1 is never closed (a history has one map a line)']);
    expect(at3('{:process 1, :value [1 2}')).toEqual([3, '“}” at column 25 does not close the vector opened at column 21']);
    expect(at3('{:process 1, :type}')).toEqual([3, 'the map opened at column 1 has a key without a value']);
    expect(at3('{:process 1, :process 2}')).toEqual([3, 'the map opened at column 1 has the key :process twice']);
  });

  it('names an unterminated string and a bad escape', () => {
    expect(at3('{:process 1, :type :invoke, :f :write, :value "abc}')).toEqual([3, 'the string opened at column 47 is never closed (strings do not span lines)']);
    expect(at3('{:process 1, :type :invoke, :f :write, :value "abc\\')).toEqual([3, 'the string opened at column 47 is never closed (strings do not span lines)']);
    expect(at3('{:process 1, :type :invoke, :f :write, :value "a\\qb"}')).toEqual([3, expect.stringContaining('the escape \\q at column 49 is not one EDN strings have')]);
    expect(at3('{:process 1, :type :invoke, :f :write, :value "a\\u00zz"}')).toEqual([3, expect.stringContaining('the escape \\u without four hex digits at column 49')]);
  });

  it('names a missing or wrong :process, :type or :f', () => {
    expect(at3('{:type :invoke, :f :write, :value 3}')).toEqual([3, 'it has no :process']);
    expect(at3('{:process "p1", :type :invoke, :f :write, :value 3}')).toEqual([3, 'its :process is "p1": a client is an integer, and keyword processes (like :nemesis) are skipped']);
    expect(at3('{:process 1, :type :done, :f :write, :value 3}')).toEqual([3, 'its :type is :done: it must be :invoke, :ok, :fail or :info']);
    expect(at3('{:process 1, :f :write, :value 3}')).toEqual([3, 'its :type is missing: it must be :invoke, :ok, :fail or :info']);
    expect(at3('{:process 1, :type :invoke, :f "write", :value 3}')).toEqual([3, 'its :f is "write": it must be a keyword such as :read, :write or :cas']);
    expect(at3('{:process 1, :type :invoke, :f :txn, :value [[:r 1 nil]]}')).toEqual([3, ':f :txn is not an operation on a register: the lab reads :read (:get), :write (:put) and :cas']);
    expect(at3('{:process 1, :type :invoke, :f :constructor, :value 3}')).toEqual([3, ':f :constructor is not an operation on a register: the lab reads :read (:get), :write (:put) and :cas']);
    expect(at3('{:process 1, :type :invoke, :f :cas, :value 3}')).toEqual([3, 'a compare-and-set takes [from to] (or [key [from to]] in an independent history), not 3']);
  });

  it(`stops at ${MAX_EDN_DEPTH} levels of nesting, and says so`, () => {
    // The line's map is one level: 31 vectors inside it are the most allowed.
    const nested = (n: number) => `{:process 0, :type :invoke, :f :write, :value 3, :deep ${'['.repeat(n)}${']'.repeat(n)}}`;
    expect(failure(nested(MAX_EDN_DEPTH - 1))).toHaveLength(1);
    expect(failure(nested(MAX_EDN_DEPTH))).toEqual([1, `vectors and maps nest more than ${MAX_EDN_DEPTH} deep at column ${56 + MAX_EDN_DEPTH - 1}: the reader stops there`]);
  });

  it('reads hostile lines of 2 MB quickly, and does not hang or throw', () => {
    const mb2 = 2 * 1024 * 1024;
    const started = process.hrtime.bigint();
    expect(failure('{:deep ' + '['.repeat(mb2))).toEqual([1, expect.stringContaining(`nest more than ${MAX_EDN_DEPTH} deep`)]);
    expect(failure('{:process 0, :value "' + 'x'.repeat(mb2))).toEqual([1, 'the string opened at column 21 is never closed (strings do not span lines)']);
    expect(failure('{:process 0, :value "' + '\\"'.repeat(mb2 / 2))).toEqual([1, 'the string opened at column 21 is never closed (strings do not span lines)']);
    expect(failure('{' + ':a '.repeat(mb2 / 3))).toEqual([1, expect.stringContaining('never closed')]);
    expect(failure('{' + '[] '.repeat(699_050) + '}')).toEqual([1, 'it has no :process']);
    expect(failure('{:' + 'k'.repeat(mb2) + ' 1}')).toEqual([1, 'it has no :process']);
    const long = ops(`{:process 0, :type :invoke, :f :write, :value "${'y'.repeat(mb2)}"}`);
    expect((long[0]!.value as string).length).toBe(mb2);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // Linear: about half a second on a laptop; the bound leaves room for a loaded machine.
    expect(ms).toBeLessThan(5000);
  }, 15_000);
});

// ——— Porcupine’s etcd logs, rewritten as EDN ———

/** An etcd log line as the EDN map Jepsen would have written: its values are EDN already (nil, n, [a b], :timed-out). */
