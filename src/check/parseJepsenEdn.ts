import type { HistoryOp, Scalar } from './history.ts';
import { type ParseResult, parseFailure } from './parseResult.ts';
import { fail, MAX_EDN_DEPTH, NIL, print, readLine, type Edn, type EdnMap, type Read } from './ednReader.ts';

export { MAX_EDN_DEPTH };

/**
 * A Jepsen (Knossos) history, one EDN map a line, as Jepsen's `history.edn` has it:
 *
 *     {:process 0, :type :invoke, :f :write, :value 3}
 *     {:process 0, :type :ok, :f :write, :value 3}
 *
 * `:f` is `:read` (or `:get`), `:write` (or `:put`) or `:cas` with `:value [from to]`.
 * Values are integers, strings, keywords (`:a` reads as "a") or nil. An optional `:key`
 * (a string, keyword or integer) names the register of a key-value history; without one
 * the key is ''. `:time` (Jepsen's nanoseconds) gives call and ret when every client line
 * has it; otherwise they are line indices, as in parseEtcdLog. Other keys (`:index`,
 * `:error`, …) are ignored. Lines whose `:process` is a keyword (`:nemesis`) are not a
 * client's (Jepsen's `client-op?`: clients are integers) and are skipped.
 *
 * Jepsen's independent histories (`jepsen.independent`) lift a register test to many keys
 * by wrapping each value in a `[key value]` tuple: `{:f :write, :value [5 3]}`,
 * `{:f :read, :value [5 nil]}` then `[5 3]`, `{:f :cas, :value [5 [1 4]]}`. Jepsen's
 * tuples are MapEntry objects, but printed they are plain 2-vectors, so the reader tells
 * them apart by shape, which is unambiguous here because a register's values are
 * scalars: a write or read whose value is a 2-vector, a cas whose value is `[key [from
 * to]]`. A read is a tuple when its invocation's value is one (`[5 nil]`), and its
 * answer must then be one with the same key. Jepsen puts an untupled operation into
 * every key's subhistory, which one key per operation cannot express, so a history that
 * mixes tupled and untupled client operations is refused, as is a tuple with `:key`.
 *
 * Completions are read as Knossos reads them (knossos.history/complete): `:ok` completes
 * the operation, and a read's value comes from its `:ok`; `:fail` means the operation
 * definitely did not happen, so it is dropped; `:info` means its outcome is unknown, so it
 * stays open (ret Infinity): a write may have happened or not, a read's value is unknown
 * (undefined), a cas's `swapped` is undefined. An invocation never completed stays open
 * to the end. Two readings differ from parseEtcdLog's (Porcupine's):
 *
 * - A `:fail :cas` is dropped, where Porcupine keeps it as a completed compare-and-set
 *   that returned false. Knossos's contract is only that a failed operation had no
 *   effect; that the comparison saw another value is information Knossos throws away and
 *   Porcupine keeps (a false cas constrains the register at that moment). So Knossos's
 *   reading is weaker: it can call linearizable a history Porcupine's reading refutes,
 *   never the reverse. A `:fail :read` is dropped too (Porcupine: completed, value unknown).
 * - A read that returned nil reads "nothing there" (null), as the lab's History model
 *   and Porcupine have it. Knossos's register models treat a nil read as "we don't know
 *   what the read was" and let it match any value; an unknown read here comes only from
 *   `:info` or a missing completion.
 *
 * The values of `:info` and `:fail` completions are ignored (Jepsen often puts an error
 * there). An `:ok` write or cas must carry the value it was invoked with, if it carries one.
 *
 * Not supported, each with a sentence naming the line: list-append (`:f :append`: the
 * History model has no append yet), other `:f`s, a whole history as one vector or a map
 * spread over lines, and EDN beyond maps, vectors, keywords, strings, integers, nil and
 * booleans (no lists, sets, tags, symbols, characters, floats or comments). Commas are
 * whitespace. Never throws: reading is linear in the text, and nesting stops at
 * MAX_EDN_DEPTH.
 */
export function parseJepsenEdn(text: string): ParseResult {
  const lines = text.split(/\r?\n/);
  const open = new Map<string, Pending>();
  /** Operations in the order parseEtcdLog numbers them: as they complete, the open ones last. */
  const done: Proto[] = [];
  let lastTime: { time: number; line: number } | undefined;
  let everyTime = true;
  let tupled: number | undefined;
  let untupled: number | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const n = i + 1;
    const ev = readEvent(line, i);
    if (typeof ev === 'string') return parseFailure(n, ev);
    if (ev === null) continue;

    if (ev.time === undefined) everyTime = false;
    else {
      if (lastTime && ev.time < lastTime.time) return parseFailure(n, `its :time ${ev.time} is earlier than line ${lastTime.line}’s ${lastTime.time}: times must not go backwards`);
      lastTime = { time: ev.time, line: n };
    }

    if (ev.type === 'invoke') {
      if (ev.f === 'append') return parseFailure(n, 'list-append histories are not supported yet: the lab’s history model has reads, writes and compare-and-sets only');
      const prior = open.get(ev.process);
      if (prior) return parseFailure(n, `process ${ev.process} invokes again before its operation of line ${prior.ev.line} completed`);
      const arg = invocation(ev);
      if (!arg.ok) return parseFailure(n, arg.error);
      if (arg.value.tuple) {
        tupled ??= n;
        if (untupled !== undefined) return parseFailure(n, mixed(untupled));
      } else {
        untupled ??= n;
        if (tupled !== undefined) return parseFailure(n, mixed(tupled));
      }
      open.set(ev.process, { ev, arg: arg.value });
      continue;
    }

    const inv = open.get(ev.process);
    if (!inv) return parseFailure(n, `process ${ev.process} completes an operation it never invoked`);
    if (inv.ev.f !== ev.f) return parseFailure(n, `process ${ev.process} invoked :${inv.ev.fName} but completes :${ev.fName}`);
    if (ev.key !== undefined && ev.key !== inv.arg.key) return parseFailure(n, `process ${ev.process} invoked on key ${show(inv.arg.key)} but completes on key ${show(ev.key)}`);
    open.delete(ev.process);
    // A failed operation did not happen (Knossos): it is left out.
    if (ev.type === 'fail') continue;
    if (ev.type === 'info') {
      done.push({ inv, end: undefined });
      continue;
    }
    const result = completion(inv, ev);
    if (!result.ok) return parseFailure(n, result.error);
    done.push({ inv, end: { ev, value: result.value } });
  }
  // Operations never completed stay open to the end.
  for (const inv of open.values()) done.push({ inv, end: undefined });

  const at = (ev: Event) => (everyTime ? ev.time! : ev.index);
  const ops = done.map(({ inv, end }, id): HistoryOp => {
    const base = { id, process: inv.ev.process, key: inv.arg.key, call: at(inv.ev), ret: end ? at(end.ev) : Infinity, source: inv.ev.line };
    const a = inv.arg;
    if (a.f === 'write') return { ...base, f: 'write', value: a.value };
    if (a.f === 'cas') return { ...base, f: 'cas', expect: a.expect, value: a.value, swapped: end ? true : undefined };
    return { ...base, f: 'read', value: end ? end.value : undefined };
  });
  return { ok: true, ops };
}

/** One client line of the history. */
interface Event {
  /** 1-based. */
  readonly line: number;
  /** 0-based: the time when not every line has :time. */
  readonly index: number;
  readonly process: string;
  readonly type: 'invoke' | 'ok' | 'fail' | 'info';
  readonly f: 'read' | 'write' | 'cas' | 'append';
  /** As written (`get` for a read), for messages. */
  readonly fName: string;
  /** :key, when the line has one. */
  readonly key: string | undefined;
  /** :value; nil when absent, as Knossos reads a map without one. */
  readonly value: Edn;
  readonly hasValue: boolean;
  readonly time: number | undefined;
}

/** What an invocation asks, its key resolved from :key or an independent tuple. */
type Arg = { readonly key: string; readonly tuple: boolean } & (
  | { readonly f: 'read' }
  | { readonly f: 'write'; readonly value: Scalar | null }
  | { readonly f: 'cas'; readonly expect: Scalar | null; readonly value: Scalar | null }
);

interface Pending {
  readonly ev: Event;
  readonly arg: Arg;
}

interface Proto {
  readonly inv: Pending;
  /** The :ok completion and, for a read, its value; undefined while open. */
  readonly end: { readonly ev: Event; readonly value: Scalar | null } | undefined;
}

const TYPES = new Set(['invoke', 'ok', 'fail', 'info']);
const FS: Record<string, Event['f']> = { read: 'read', get: 'read', write: 'write', put: 'write', cas: 'cas', append: 'append' };

function mixed(other: number): string {
  return `this operation and line ${other}’s disagree on [key value] tuples: in an independent history every client operation’s value is a tuple (Jepsen would give an untupled operation to every key), so the two kinds cannot be mixed`;
}

function show(key: string): string {
  return JSON.stringify(key);
}

/** A client line's event, null for a line to skip (not a client's), or a sentence saying what is wrong. */
function readEvent(line: string, index: number): Event | null | string {
  const read = readLine(line);
  if (!read.ok) return read.error;
  const m = read.value;
  const process = get(m, 'process');
  if (process === undefined) return 'it has no :process';
  if (process.t === 'kw') return null;
  if (process.t !== 'int') return `its :process is ${print(process)}: a client is an integer, and keyword processes (like :nemesis) are skipped`;
  const type = get(m, 'type');
  if (type?.t !== 'kw' || !TYPES.has(type.v)) return `its :type is ${type ? print(type) : 'missing'}: it must be :invoke, :ok, :fail or :info`;
  const fv = get(m, 'f');
  if (fv?.t !== 'kw') return `its :f is ${fv ? print(fv) : 'missing'}: it must be a keyword such as :read, :write or :cas`;
  const f = Object.hasOwn(FS, fv.v) ? FS[fv.v] : undefined;
  if (f === undefined) return `:f :${fv.v} is not an operation on a register: the lab reads :read (:get), :write (:put) and :cas`;
  let key: string | undefined;
  const kv = get(m, 'key');
  if (kv !== undefined) {
    const k = keyOf(kv);
    if (!k.ok) return `its :key ${k.error}`;
    key = k.value;
  }
  let time: number | undefined;
  const tv = get(m, 'time');
  if (tv !== undefined) {
    if (tv.t !== 'int') return `its :time is ${print(tv)}: it must be an integer (Jepsen’s nanoseconds)`;
    time = tv.v;
  }
  const value = get(m, 'value');
  return { line: index + 1, index, process: String(process.v), type: type.v as Event['type'], f, fName: fv.v, key, value: value ?? NIL, hasValue: value !== undefined, time };
}

/** What the invocation asks, or a sentence saying what is wrong with its value. */
function invocation(ev: Event): Read<Arg> {
  const v = ev.value;
  const tuple = v.t === 'vec' && v.items.length === 2 && (ev.f !== 'cas' || v.items[1]!.t === 'vec');
  if (tuple && ev.key !== undefined) return fail(`it has both :key and a [key value] tuple ${print(v)}: give the key one way`);
  let key = ev.key ?? '';
  let arg = v;
  if (tuple) {
    const [k, inner] = (v as Extract<Edn, { t: 'vec' }>).items as [Edn, Edn];
    const kk = keyOf(k);
    if (!kk.ok) return fail(`the key of its tuple ${print(v)} ${kk.error}`);
    key = kk.value;
    arg = inner;
  }
  if (ev.f === 'read') return { ok: true, value: { f: 'read', key, tuple } };
  if (ev.f === 'write') {
    const s = scalarOf(arg);
    if (!s.ok) return fail(`a write writes an integer, a string, a keyword or nil, not ${print(arg)}${tuple ? '' : ' (an independent history’s tuple is [key value])'}`);
    return { ok: true, value: { f: 'write', key, tuple, value: s.value } };
  }
  const from = arg.t === 'vec' && arg.items.length === 2 ? scalarOf(arg.items[0]!) : undefined;
  const to = arg.t === 'vec' && arg.items.length === 2 ? scalarOf(arg.items[1]!) : undefined;
  if (!from?.ok || !to?.ok) return fail(`a compare-and-set takes [from to] (or [key [from to]] in an independent history), not ${print(v)}`);
  return { ok: true, value: { f: 'cas', key, tuple, expect: from.value, value: to.value } };
}

/** An :ok completion's value for the operation (a read's answer), or what is wrong with it. */
function completion(inv: Pending, ev: Event): Read<Scalar | null> {
  const a = inv.arg;
  if (a.f === 'read') {
    const v = ev.value;
    const isTuple = v.t === 'vec' && v.items.length === 2;
    if (a.tuple) {
      if (!isTuple) return fail(`the read of line ${inv.ev.line} was invoked with a [key value] tuple, so it returns one, not ${print(v)}`);
      const [k, inner] = v.items as [Edn, Edn];
      const kk = keyOf(k);
      if (!kk.ok || kk.value !== a.key) return fail(`the read of line ${inv.ev.line} was of key ${show(a.key)}, but this returns ${print(v)}`);
      const s = scalarOf(inner);
      return s.ok ? s : fail(`a read returns an integer, a string, a keyword or nil, not ${print(inner)}`);
    }
    const s = scalarOf(v);
    if (s.ok) return s;
    if (isTuple) return fail(`this read returns the [key value] tuple ${print(v)}, but was invoked with no tuple on line ${inv.ev.line} (an independent history’s reads are invoked with [key nil])`);
    return fail(`a read returns an integer, a string, a keyword or nil, not ${print(v)}`);
  }
  if (!ev.hasValue) return { ok: true, value: null };
  const again = invocation({ ...ev, key: ev.key ?? (a.tuple ? undefined : a.key) });
  if (!again.ok || JSON.stringify(again.value) !== JSON.stringify(a)) return fail(`the ${a.f === 'cas' ? 'compare-and-set' : 'write'} of line ${inv.ev.line} completes with ${print(ev.value)}, not the value it was invoked with`);
  return { ok: true, value: null };
}


function scalarOf(v: Edn): Read<Scalar | null> {
  switch (v.t) {
    case 'nil':
      return { ok: true, value: null };
    case 'int':
    case 'str':
    case 'kw':
      return { ok: true, value: v.v };
    default:
      return fail(`is ${print(v)}`);
  }
}

function keyOf(v: Edn): Read<string> {
  if (v.t === 'str' || v.t === 'kw') return { ok: true, value: v.v };
  if (v.t === 'int') return { ok: true, value: String(v.v) };
  return fail(`is ${print(v)}: a key is a string, a keyword or an integer`);
}

function get(m: EdnMap, name: string): Edn | undefined {
  for (const [k, v] of m.entries) if (k.t === 'kw' && k.v === name) return v;
  return undefined;
}

/** A value as EDN, cut short for a message. */
