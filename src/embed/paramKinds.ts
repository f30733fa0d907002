import { SEED_MAX, shown, type Bound, type Param, type ParamContext } from './params.ts';

/*
 * The kinds of parameter a lab declares (params.ts says how they are read and written):
 * whole numbers, seeds among them, and choices from a list. Vectors are the conflicts
 * lab's (labs/conflicts/model/vv/vectorParam.ts); the run is urlCodec.ts's.
 */

const at = (b: Bound, read: ParamContext) => (typeof b === 'number' ? b : b(read));

/**
 * A whole number in a range, which may depend on parameters before it. Outside the range
 * or not whole, it becomes the nearest one that fits, as the quorum lab always did; with
 * `exact` (seeds, where no seed is nearer a run than another) the default is used.
 *
 * @example intParam({ min: 1, max: 9, fallback: 3, what: 'the number of replicas per key' })
 */
export function intParam(o: { min: Bound; max: Bound; fallback: Bound; what: string | ((read: ParamContext) => string); exact?: boolean }): Param<number> {
  const fit = (v: number, read: ParamContext) => Math.min(at(o.max, read), Math.max(at(o.min, read), v));
  return {
    type: 'int',
    min: o.min,
    max: o.max,
    fallback: (read) => fit(at(o.fallback, read), read),
    parse(raw, name, read) {
      const v = Number(raw.trim());
      const used = Number.isFinite(v) && !o.exact ? fit(Math.round(v), read) : fit(at(o.fallback, read), read);
      if (Number.isInteger(v) && fit(v, read) === v) return { ok: true, value: v };
      const range = `a whole number from ${at(o.min, read)} to ${at(o.max, read)}`;
      const what = typeof o.what === 'string' ? o.what : o.what(read);
      const why = o.exact ? `is not ${range}` : `is ${Number.isFinite(v) ? 'not possible' : 'not a number'}: ${name} is ${what}, ${range}`;
      return { ok: false, value: used, message: `${name}=${shown(raw)} ${why}; showing ${name}=${used}.` };
    },
    format: String,
  };
}

/** A seed: from 0 to SEED_MAX, whole. */
export function seedParam(fallback = 1): Param<number> {
  return intParam({ min: 0, max: SEED_MAX, fallback, what: 'a seed', exact: true });
}

/**
 * One of a list. `spell` is how each is written in the address; `fold` what two spellings
 * must share to match (exact, unless given); `bad` the sentence for anything else, given
 * the text as `shown` quotes it and the value used instead.
 */
export function choiceParam<T>(o: { choices: readonly T[]; fallback: T; spell?: (value: T) => string; fold?: (text: string) => string; bad: (quoted: string, used: T) => string }): Param<T> {
  const spell = o.spell ?? String;
  const fold = o.fold ?? ((t: string) => t);
  return {
    type: 'choice',
    choices: o.choices,
    fallback: () => o.fallback,
    parse(raw) {
      const i = o.choices.findIndex((c) => fold(spell(c)) === fold(raw));
      return i < 0 ? { ok: false, value: o.fallback, message: o.bad(shown(raw), o.fallback) } : { ok: true, value: o.choices[i]! };
    },
    format: spell,
  };
}

