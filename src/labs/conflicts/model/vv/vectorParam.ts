import { shown, type Param } from '../../../../embed/params.ts';
import type { VersionVector } from '../../../../sim/values/versionVector.ts';

/** One entry of a version vector as a learner writes it: a node and how many of its writes were seen. */
export interface VectorEntry {
  readonly node: string;
  readonly count: number;
}

export const MAX_ENTRIES = 12;
export const MAX_NAME_LENGTH = 24;
export const MAX_COUNT = 1_000_000_000;
/** Longer than any 12 valid entries could be; refused before it is split. */
const MAX_PARAM_LENGTH = MAX_ENTRIES * (MAX_NAME_LENGTH + 12);

/** The module's examples, in its order: [A, B]. */
export const MODULE_EXAMPLES: readonly (readonly [VectorEntry[], VectorEntry[]])[] = [
  [entries({ Node1: 2, Node2: 0 }), entries({ Node1: 1, Node2: 1 })],
  [entries({ Node1: 2, Node2: 0 }), entries({ Node1: 1, Node2: 0 })],
  [entries({ Node1: 2, Node2: 1 }), entries({ Node1: 1, Node2: 2 })],
  [entries({ Node1: 2, Node2: 1 }), entries({ Node1: 1, Node2: 1 })],
];

/** Entries from a plain object, in its key order: `entries({ Node1: 2 })` is `[{ node: 'Node1', count: 2 }]`. */
export function entries(v: Readonly<Record<string, number>>): VectorEntry[] {
  return Object.keys(v).map((node) => ({ node, count: v[node]! }));
}

/** The vector the entries spell; zeros are kept, so a table can show them. */
export function toVector(list: readonly VectorEntry[]): VersionVector {
  return Object.fromEntries(list.map((e) => [e.node, e.count]));
}

/**
 * Why a node name cannot be used, or null when it can. Names are short and plain, so
 * they read well in "{Node1:2, Node2:0}", cannot reverse or hide the text around them,
 * and cannot collide with the built-in properties of a JavaScript object.
 *
 * @example nameProblem('Node1') // null
 * @example nameProblem('a:b')   // 'may use only letters A–Z, digits, "_", "-" and "."'
 */
export function nameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if ([...name].length > MAX_NAME_LENGTH) return `is longer than ${MAX_NAME_LENGTH} characters`;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return 'may use only letters A–Z, digits, "_", "-" and "."';
  if (name === '__proto__' || name in Object.prototype) return 'is a reserved word';
  return null;
}

/** Why a count (as typed) cannot be used, or null when it can. */
export function countProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'is empty';
  if (/^-\s*\d/.test(t)) return 'is negative';
  if (!/^\d+$/.test(t)) return 'is not a whole number';
  if (Number(t) > MAX_COUNT) return `is larger than ${MAX_COUNT.toLocaleString('en')}`;
  return null;
}

export type ParseResult = { readonly ok: true; readonly entries: VectorEntry[] } | { readonly ok: false; readonly problem: string };

/**
 * Read one vector written as in the address: `Node1:2,Node2:0`. An empty text is the
 * empty vector (every entry 0). The problem, if any, is one sentence naming the parameter.
 *
 * @example parseVectorParam('va', 'Node1:2,Node2:0') // { ok: true, entries: [{ node: 'Node1', count: 2 }, { node: 'Node2', count: 0 }] }
 */
export function parseVectorParam(param: string, raw: string): ParseResult {
  const fail = (problem: string): ParseResult => ({ ok: false, problem: `${param}: ${problem}.` });
  if (raw.length > MAX_PARAM_LENGTH) return fail(`the value is ${raw.length} characters long, too long for ${MAX_ENTRIES} entries`);
  if (raw.trim() === '') return { ok: true, entries: [] };
  const parts = raw.split(',');
  if (parts.length > MAX_ENTRIES) return fail(`${parts.length} entries is too many; a vector here has at most ${MAX_ENTRIES}`);
  const out: VectorEntry[] = [];
  for (const part of parts) {
    const quoted = quote(part);
    const colon = part.indexOf(':');
    if (part.trim() === '') return fail('there is an empty entry (two commas in a row, or one at the end)');
    if (colon < 0) return fail(`the entry ${quoted} has no colon; write each entry as node:count, like Node1:2`);
    const node = part.slice(0, colon).trim();
    const count = part.slice(colon + 1);
    const badName = nameProblem(node);
    if (badName) return fail(`the node name in ${quoted} ${badName}`);
    const badCount = countProblem(count);
    if (badCount) return fail(`the count in ${quoted} ${badCount}; a count is a whole number from 0 to ${MAX_COUNT.toLocaleString('en')}`);
    if (out.some((e) => e.node === node)) return fail(`node ${node} appears twice`);
    out.push({ node, count: Number(count.trim()) });
  }
  return { ok: true, entries: out };
}

/** The address spelling of a vector: `Node1:2,Node2:0`. parseVectorParam reads it back. */
export function formatVectorParam(list: readonly VectorEntry[]): string {
  return list.map((e) => `${e.node}:${e.count}`).join(',');
}

/**
 * `va=` or `vb=`: a vector for the comparer, declared for the lab's address
 * (panelParams.ts). Not given: `example`, or the empty vector when the other one is
 * given (a link may name just one). Refused: `example`, and the sentence says so.
 *
 * @example readParams({ va: vectorParam('vb', A) }, '?va=A:1').values.va // [{ node: 'A', count: 1 }]
 */
export function vectorParam(other: string, example: readonly VectorEntry[]): Param<VectorEntry[]> {
  return {
    type: 'vector',
    emptyIsValue: true,
    fallback: (read) => (read.given.has(other) ? [] : [...example]),
    parse(raw, name) {
      const r = parseVectorParam(name, raw);
      if (r.ok) return { ok: true, value: r.entries };
      return { ok: false, value: [...example], message: `${r.problem} Showing the module's first example instead: ${formatVectorParam(example) || 'no entries'}.` };
    },
    format: formatVectorParam,
  };
}

function quote(text: string): string {
  return `"${shown(text)}"`;
}
