import { safeText } from '../sim/safeText.ts';

/*
 * The address, read and written one way. Each parameter of each lab is declared once, as
 * a `Param` under its name in the address: its type, range, default and the sentence
 * for a bad value. The kinds are in paramKinds.ts (whole numbers, seeds, choices), the
 * run in urlCodec.ts, vectors in labs/conflicts/model/vv/vectorParam.ts. The declarations:
 *
 *   playground  playgroundParams.ts                      run
 *   quorum      quorumParams.ts                          run, n, w, r, seed
 *   conflicts   labs/conflicts/model/conflictsParams.ts  run, story, seed
 *               labs/conflicts/model/panelParams.ts      crdt, likes-cut, likes-seed,
 *                                                        likes-rate, likes-from,
 *                                                        likes-until, va, vb
 *
 * `readParams` reads a lab's declarations from `?…`; `writeParams` writes values back
 * through the same declarations, so whatever a learner sets reads back as it was. A value
 * that cannot be used gets one short, escaped sentence for the lab's notice bar, and the
 * lab carries on with the value that sentence names. Parameters a lab does not declare
 * are ignored on the way in and kept on the way out. `lab` itself is read by the page
 * shell (app/App.tsx) and written here (LAB_PARAM).
 *
 * Everything in src/embed/ except quorumParams.ts is in the chunk every lab loads first
 * (vite.config.ts): keep it small, and put what one lab needs beside that lab.
 */

/** What a declaration can look at: the values read before it (in declaration order), and which parameters the address gives. */
export interface ParamContext {
  readonly values: Readonly<Record<string, unknown>>;
  readonly given: ReadonlySet<string>;
}

/** A number, or one computed from the parameters read before it (w is at most n). */
export type Bound = number | ((read: ParamContext) => number);

/** A bad value can come with an offer: a value the lab could use instead if the learner agrees (a smaller run). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly value: T; readonly offer?: T };

/** One parameter: how its text is read and written, its default, and the sentence for a bad value. */
export interface Param<T> {
  /** For people and for the tests: int, choice, vector, run or text. */
  readonly type: 'int' | 'choice' | 'vector' | 'run' | 'text';
  /** The value when the address does not give one. `?x=` gives none, unless `emptyIsValue` (a vector: the empty one). */
  fallback(read: ParamContext): T;
  /**
   * The value a given text stands for, or the sentence saying why it cannot be used and
   * the value used instead. A sentence quotes the text only through `shown`.
   */
  parse(raw: string, name: string, read: ParamContext): Parsed<T>;
  /** The text `parse` reads back as the same value. */
  format(value: T): string;
  readonly emptyIsValue?: boolean;
  /** It only chooses how a run starts: beside a run read from the link it is not read, and writing a run drops it (RUN_SUPERSEDES). */
  readonly startsRun?: boolean;
  /** int: the range, inclusive. */
  readonly min?: Bound;
  readonly max?: Bound;
  /** choice: every value it can take. */
  readonly choices?: readonly T[];
}

// Any declaration: `any` lets one record hold Params of different types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Params = Readonly<Record<string, Param<any>>>;
export type ValuesOf<P extends Params> = { -readonly [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** The longest piece of a learner's text a message quotes, in UTF-16 units (then "…"). */
export const MAX_SHOWN = 24;
/** The longest message a parameter gives. */
export const MAX_MESSAGE = 320;

/**
 * Seeds: one range for every lab and every seed parameter. It is the widest any part of
 * the lab accepted before (the quorum lab's, and the scenario schema's): every 32-bit
 * unsigned number, all of which the rng's seeding (`seed >>> 0`) tells apart. The
 * conflicts lab took 0 to 2^31 − 1 and the like counter 0 to 999,999,999.
 */
export const SEED_MAX = 0xffffffff;

/**
 * A learner's text as a message may quote it: at most MAX_SHOWN characters, then "…",
 * with control, format (bidi) and separator characters written as code points.
 *
 * @example shown('a\u202Eb') // 'aU+202Eb'
 * @example shown('x'.repeat(10_000)) // 'xxxxxxxxxxxxxxxxxxxxxxxx…'
 */
export function shown(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const piece = safeText(ch);
    if (out.length + piece.length > MAX_SHOWN) return `${out}…`;
    out += piece;
  }
  return out;
}

/** A message from elsewhere (the run's schema) made safe to show: escaped, and cut at `max` characters. */
export function capped(message: string, max = MAX_MESSAGE): string {
  const safe = safeText(message);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/**
 * Whether the address carries a shared run. A lab starts without one and opens the run
 * when its codec (urlCodec.ts, not on the first screen) has loaded.
 */
export function hasRunParam(search: string): boolean {
  return (new URLSearchParams(search).get('run') ?? '') !== '';
}

/** Whether the address names a parameter at all (a lesson in the playground: its panel loads only then). */
export function hasParam(search: string, name: string): boolean {
  return new URLSearchParams(search).has(name);
}

/** `?lab=`: written by every lab, read by the page shell. */
export const LAB_PARAM: Param<string> = { type: 'text', fallback: () => '', parse: (value) => ({ ok: true, value }), format: String };

export interface Reading<V> {
  readonly values: V;
  /** The parameters the address gives (a value, even a bad one). */
  readonly given: ReadonlySet<string>;
  /** One sentence per bad value, in declaration order: short, escaped, and saying what is used instead. */
  readonly problems: readonly string[];
  /** For some bad values, one the lab could use instead if the learner agrees (a run too big: a smaller one). */
  readonly offers: Partial<V>;
}

/**
 * Read a lab's parameters from a query string: each one's value, its default where the
 * address has none, and a sentence for each it could not use. Never throws; parameters
 * not declared are ignored. Once a run has been read (declared first, as `run` is),
 * parameters declared `startsRun` are not: the run holds what they would set.
 *
 * @example readParams({ n: intParam({ min: 1, max: 9, fallback: 3, what: 'replicas' }) }, '?n=12&x=1')
 * // { values: { n: 9 }, given: Set {'n'}, problems: ['n=12 is not possible: n is replicas, a whole number from 1 to 9; showing n=9.'] }
 */
export function readParams<P extends Params>(params: P, search: string): Reading<ValuesOf<P>> {
  const q = new URLSearchParams(search);
  const values: Record<string, unknown> = {};
  const given = new Set(Object.keys(params).filter((name) => q.has(name) && (q.get(name) !== '' || params[name]!.emptyIsValue)));
  const problems: string[] = [];
  const offers: Record<string, unknown> = {};
  let run = false;
  for (const [name, param] of Object.entries(params)) {
    const read = { values, given };
    const parsed: Parsed<unknown> = given.has(name) && !(run && param.startsRun) ? param.parse(q.get(name)!, name, read) : { ok: true, value: param.fallback(read) };
    values[name] = parsed.value;
    if (!parsed.ok) problems.push(capped(parsed.message));
    if (!parsed.ok && parsed.offer !== undefined) offers[name] = parsed.offer;
    run ||= param.type === 'run' && parsed.value !== null;
  }
  return { values: values as ValuesOf<P>, given, problems, offers: offers as Partial<ValuesOf<P>> };
}

/**
 * The query string with some parameters set, written through their declarations, and
 * some removed; the rest are kept. Values are escaped as little as a link allows, so
 * `va=Node1:2,Node2:0` stays readable.
 *
 * @example writeParams('?lab=quorum&seed=2', QUORUM_PARAMS, { n: 5 }, ['seed']) // '?lab=quorum&n=5'
 */
export function writeParams<P extends Params>(search: string, params: P, values: Partial<ValuesOf<P>>, remove: readonly string[] = []): string {
  const q = new URLSearchParams(search);
  for (const name of remove) q.delete(name);
  for (const name of Object.keys(values)) q.set(name, params[name]!.format(values[name]));
  const text = q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
  return text && `?${text}`;
}

/** `writeParams` on a whole address. */
export function writeAddress<P extends Params>(href: string, params: P, values: Partial<ValuesOf<P>>, remove: readonly string[] = []): string {
  const url = new URL(href);
  url.search = writeParams(url.search, params, values, remove);
  return url.href;
}
