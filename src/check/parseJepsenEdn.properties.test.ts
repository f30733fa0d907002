import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryOp, Scalar } from './history.ts';
import { parseEtcdLog } from './parseEtcdLog.ts';
import { parseJepsenEdn } from './parseJepsenEdn.ts';
import type { ParseResult } from './parseResult.ts';

/* The EDN parser against Porcupine's logs rewritten as EDN, and its fast-check properties. */

const FIXTURES = new URL('../../../shared/fixtures/porcupine-etcd/', import.meta.url);

function etcdToEdn(log: string): string {
  return log
    .split('\n')
    .map((line) => {
      const m = /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(\w+)\s+:(\w+)\s*(.*?)\s*$/.exec(line);
      return m ? `{:process ${m[1]}, :type :${m[2]}, :f :${m[3]}, :value ${m[4] || 'nil'}}` : line;
    })
    .join('\n');
}

describe('parseJepsenEdn: Porcupine’s etcd logs, rewritten as EDN', () => {
  const present = existsSync(FIXTURES);
  it.skipIf(!present)('reads each as parseEtcdLog does, save the :fail compare-and-sets that Knossos drops', () => {
    const files = readdirSync(FIXTURES).filter((f) => /^etcd_\d+\.log$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    let dropped = 0;
    for (const file of files) {
      const log = readFileSync(new URL(file, FIXTURES), 'utf8');
      const etcd = parseEtcdLog(log);
      const edn = parseJepsenEdn(etcdToEdn(log));
      expect(etcd.ok && edn.ok, file).toBe(true);
      if (!etcd.ok || !edn.ok) continue;
      // A :fail cas is, for Porcupine, one that completed and did not swap; a :fail read, one whose answer is unknown.
      const failedInEtcd = (o: HistoryOp) => (o.f === 'cas' && o.swapped === false) || (o.f === 'read' && o.value === undefined && o.ret !== Infinity);
      const kept = etcd.ops.filter((o) => !failedInEtcd(o));
      dropped += etcd.ops.length - kept.length;
      const noId = (os: HistoryOp[]) => os.map(({ id: _id, ...rest }) => rest).sort((a, b) => a.source - b.source);
      expect(noId(edn.ops), file).toEqual(noId(kept));
    }
    expect(dropped).toBeGreaterThan(1000);
  });
  it.skipIf(present)('skipped: ../shared/fixtures/porcupine-etcd is not beside this checkout', () => {
    expect(present).toBe(false);
  });
});

// ——— Properties ———

/** Strings that look like EDN histories, so the reader’s deeper paths are reached, not just its first check. */
const ednSoup = fc
  .array(fc.constantFrom('{', '}', '[', ']', '(', '"', '\\', '\\u', '\\n', ' ', ',', '\n', ':', '#', ';', ':process', ' 0', ' -1', ' 99999999999999999999', ':type', ':invoke', ':ok', ':fail', ':info', ':f', ':read', ':write', ':cas', ':append', ':value', ':key', ':time', 'nil', 'true', ':nemesis', '1.5', 'INFO'), { maxLength: 60 })
  .map((parts) => parts.join(''));

function wellFormed(r: ParseResult, text: string): boolean {
  if (r.ok) return r.ops.every((o, i) => o.id === i);
  return Number.isInteger(r.line) && r.line >= 1 && r.line <= text.split(/\r?\n/).length && r.error.length > 0;
}

describe('parseJepsenEdn: properties', () => {
  it('never throws, and names a line of the text when it fails', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), ednSoup), (text) => {
        expect(wellFormed(parseJepsenEdn(text), text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what a history printed to EDN lines says', () => {
    // Checked that it can fail, by breaking the parser on purpose and restoring it:
    // - completions timed by their line index even when every line has :time (in
    //   parseJepsenEdn, `at` returning ev.index unless ev.type is 'invoke'): it failed
    //   on the first run and shrank to an invoke and an :ok read, both at :time 0, whose
    //   ret came back 1 instead of 0;
    // - keywords read without their first letter (token.slice(2) for token.slice(1)): it
    //   failed on the first run, every line then lacking :process, and shrank to the
    //   smallest history, one read.
    fc.assert(
      fc.property(printedHistory, ({ text, expected }) => {
        expect(parseJepsenEdn(text)).toEqual({ ok: true, ops: expected });
      }),
      { numRuns: 500 },
    );
  });

  it('prints histories worth reading back: long ones, open ones, keyed, tupled and timed ones', () => {
    const samples = fc.sample(printedHistory, { numRuns: 300, seed: 7 });
    const some = (p: (s: (typeof samples)[number]) => boolean) => samples.filter(p).length;
    expect(some((s) => s.expected.length >= 10)).toBeGreaterThan(30);
    expect(some((s) => s.expected.some((o) => o.f === 'read' && o.value === undefined))).toBeGreaterThan(30);
    expect(some((s) => s.expected.some((o) => o.f === 'cas' && o.swapped === true))).toBeGreaterThan(30);
    expect(some((s) => s.text.includes(':fail'))).toBeGreaterThan(30);
    expect(some((s) => s.text.includes(':time'))).toBeGreaterThan(30);
    expect(some((s) => s.text.includes(':key'))).toBeGreaterThan(30);
    expect(some((s) => /:value \[-?\d+ \[/.test(s.text))).toBeGreaterThan(10);
    expect(some((s) => /:process [4-9]/.test(s.text))).toBeGreaterThan(10);
  });
});

/** An operation before the parser numbers it (Omit, distributed over the union). */
type Unnumbered = HistoryOp extends infer O ? (O extends HistoryOp ? Omit<O, 'id'> : never) : never;

type Val = { readonly kind: 'int'; readonly v: number } | { readonly kind: 'str'; readonly v: string } | { readonly kind: 'kw'; readonly v: string } | { readonly kind: 'nil' };

/** String units including the ones a printer must escape, and lone surrogates. */
const unit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u2028', '\ud800', '\udfff', ',', '{', ']'));
const keywordName = fc.stringMatching(/^[a-z][a-z0-9*!?-]{0,6}(\/[a-z]{1,3})?$/);
const val: fc.Arbitrary<Val> = fc.oneof(
  fc.oneof(fc.integer(), fc.maxSafeInteger()).map((v) => ({ kind: 'int' as const, v })),
  fc.string({ unit, maxLength: 8 }).map((v) => ({ kind: 'str' as const, v })),
  keywordName.map((v) => ({ kind: 'kw' as const, v })),
  fc.constant({ kind: 'nil' as const }),
);
const keyVal: fc.Arbitrary<Val> = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((v) => ({ kind: 'int' as const, v })),
  fc.constantFrom('x', 'y', 'k 1').map((v) => ({ kind: 'str' as const, v })),
  fc.constantFrom('x', 'z').map((v) => ({ kind: 'kw' as const, v })),
);

function edn(v: Val): string {
  return v.kind === 'int' ? String(v.v) : v.kind === 'str' ? JSON.stringify(v.v) : v.kind === 'kw' ? `:${v.v}` : 'nil';
}
function scalar(v: Val): Scalar | null {
  return v.kind === 'nil' ? null : v.v;
}

type Spec = ({ f: 'read'; answer: Val } | { f: 'write'; value: Val } | { f: 'cas'; from: Val; to: Val }) & { end: 'ok' | 'fail' | 'info' | 'never'; key: Val; alias: boolean };
const spec: fc.Arbitrary<Spec> = fc
  .record({ end: fc.constantFrom('ok', 'ok', 'fail', 'info', 'never'), key: keyVal, alias: fc.boolean(), a: val, b: val, f: fc.constantFrom('read', 'write', 'cas') })
  .map(({ end, key, alias, a, b, f }) => (f === 'read' ? { f, answer: a, end, key, alias } : f === 'write' ? { f, value: a, end, key, alias } : { f, from: a, to: b, end, key, alias }));
const step = fc.oneof(fc.record({ kind: fc.constant('invoke' as const), slot: fc.nat(3), spec }), fc.record({ kind: fc.constant('complete' as const), slot: fc.nat(3) }));

/**
 * A history of 0–4 concurrent clients, printed as EDN lines, and the operations it
 * should read as. Steps invoke on a client slot (completing what it had running first)
 * or complete what a slot has running; a client whose operation never completes is
 * abandoned and its slot taken by a fresh process, as Jepsen does. Keys are absent, on
 * :key, or in independent tuples; every line has :time or none does; nemesis and blank
 * lines are sprinkled in.
 */
const printedHistory = fc
  .record({
    steps: fc.array(step, { maxLength: 50, size: 'max' }),
    keys: fc.constantFrom('none', 'key', 'tuple'),
    timed: fc.boolean(),
    start: fc.nat(1e12),
    gaps: fc.array(fc.nat(1000), { minLength: 100, maxLength: 100 }),
    noise: fc.array(fc.constantFrom('', '', '', 'blank', 'nemesis'), { minLength: 100, maxLength: 100 }),
  })
  .map(({ steps, keys, timed, start, gaps, noise }) => {
    const out: string[] = [];
    const expected: Unnumbered[] = [];
    const running = new Map<number, { process: number; spec: Spec; index: number }>();
    const processOf = [0, 1, 2, 3];
    let time = start;
    let events = 0;
    const emit = (process: number, type: string, s: Spec, value: string): number => {
      const extra = noise[events % noise.length];
      if (extra === 'blank') out.push('');
      if (extra === 'nemesis') out.push(`{:process :nemesis, :type :info, :f :kill, :value {"n1" [:killed]}}`);
      time += gaps[events % gaps.length]!;
      events++;
      const f = s.f === 'read' ? (s.alias ? ':get' : ':read') : s.f === 'write' ? (s.alias ? ':put' : ':write') : ':cas';
      const v = keys === 'tuple' ? `[${edn(s.key)} ${value}]` : value;
      const fields = [`:process ${process}`, `:type :${type}`, `:f ${f}`, `:value ${v}`];
      if (keys === 'key') fields.push(`:key ${edn(s.key)}`);
      if (timed) fields.push(`:time ${time}`);
      if (s.alias) fields.reverse();
      out.push(`{${fields.join(', ')}}`);
      return timed ? time : out.length - 1;
    };
    const argOf = (s: Spec) => (s.f === 'read' ? 'nil' : s.f === 'write' ? edn(s.value) : `[${edn(s.from)} ${edn(s.to)}]`);
    const opOf = (s: Spec, process: number, call: number, source: number, ret: number): Unnumbered => {
      const base = { process: String(process), key: keys === 'none' ? '' : String(scalar(s.key)), call, ret, source };
      if (s.f === 'write') return { ...base, f: 'write', value: scalar(s.value) };
      if (s.f === 'cas') return { ...base, f: 'cas', expect: scalar(s.from), value: scalar(s.to), swapped: ret === Infinity ? undefined : true };
      return { ...base, f: 'read', value: ret === Infinity ? undefined : scalar(s.answer) };
    };
    const calls = new Map<number, { call: number; source: number }>();
    const complete = (slot: number) => {
      const r = running.get(slot);
      if (!r || r.spec.end === 'never') return;
      running.delete(slot);
      const s = r.spec;
      const answer = s.end === 'ok' && s.f === 'read' ? edn(s.answer) : s.end === 'info' ? ':timed-out' : argOf(s);
      const at = emit(r.process, s.end, s, answer);
      const { call, source } = calls.get(r.index)!;
      if (s.end !== 'fail') expected.push(opOf(s, r.process, call, source, s.end === 'ok' ? at : Infinity));
    };
    const never: Unnumbered[] = [];
    steps.forEach((st, index) => {
      if (st.kind === 'complete') return complete(st.slot);
      const r = running.get(st.slot);
      if (r?.spec.end === 'never') {
        // Abandoned: it stays open, and the slot gets a fresh process.
        const { call, source } = calls.get(r.index)!;
        never.push(opOf(r.spec, r.process, call, source, Infinity));
        running.delete(st.slot);
        processOf[st.slot]! += 4;
      } else complete(st.slot);
      const process = processOf[st.slot]!;
      const call = emit(process, 'invoke', st.spec, argOf(st.spec));
      calls.set(index, { call, source: out.length });
      running.set(st.slot, { process, spec: st.spec, index });
    });
    for (const slot of [...running.keys()]) complete(slot);
    // What never completed: abandoned ones and those still running, in the order they were invoked.
    for (const r of running.values()) {
      const { call, source } = calls.get(r.index)!;
      never.push(opOf(r.spec, r.process, call, source, Infinity));
    }
    never.sort((a, b) => a.source - b.source);
    return { text: out.join('\n'), expected: [...expected, ...never].map((o, id) => ({ id, ...o }) as HistoryOp) };
  });
