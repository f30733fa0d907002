import type { VersionVector } from '../../../../sim/values/versionVector.ts';
import { MAX_ENTRIES, countProblem, nameProblem, type VectorEntry } from './vectorParam.ts';

export type Side = 'A' | 'B';

/** One editable entry. The count stays text while it is typed, so "" and "1e" can be shown and refused. */
export interface Row {
  readonly id: number;
  readonly node: string;
  readonly count: string;
}

export interface ComparerState {
  readonly A: readonly Row[];
  readonly B: readonly Row[];
  /** Row ids are never reused, so React keys and focus stay with their row. */
  readonly nextId: number;
  /** The row just added, whose name field should take focus. */
  readonly added: number | null;
}

export type ComparerAction =
  | { readonly type: 'load'; readonly a: readonly VectorEntry[]; readonly b: readonly VectorEntry[] }
  | { readonly type: 'add'; readonly side: Side }
  | { readonly type: 'remove'; readonly side: Side; readonly id: number }
  | { readonly type: 'name'; readonly side: Side; readonly id: number; readonly node: string }
  | { readonly type: 'count'; readonly side: Side; readonly id: number; readonly count: string };

export function initComparer(a: readonly VectorEntry[], b: readonly VectorEntry[]): ComparerState {
  return comparerReducer({ A: [], B: [], nextId: 1, added: null }, { type: 'load', a, b });
}

export function comparerReducer(state: ComparerState, action: ComparerAction): ComparerState {
  switch (action.type) {
    case 'load': {
      let id = state.nextId;
      const rows = (list: readonly VectorEntry[]) => list.map((e) => ({ id: id++, node: e.node, count: String(e.count) }));
      const A = rows(action.a);
      const B = rows(action.b);
      return { A, B, nextId: id, added: null };
    }
    case 'add': {
      const rows = state[action.side];
      if (rows.length >= MAX_ENTRIES) return state;
      const row: Row = { id: state.nextId, node: freeName(rows), count: '0' };
      return { ...state, [action.side]: [...rows, row], nextId: state.nextId + 1, added: row.id };
    }
    case 'remove':
      return { ...state, [action.side]: state[action.side].filter((r) => r.id !== action.id), added: null };
    case 'name':
      return edit(state, action.side, action.id, { node: action.node });
    case 'count':
      return edit(state, action.side, action.id, { count: action.count });
  }
}

function edit(state: ComparerState, side: Side, id: number, change: Partial<Row>): ComparerState {
  return { ...state, [side]: state[side].map((r) => (r.id === id ? { ...r, ...change } : r)), added: null };
}

/** The first of Node1, Node2, … that the rows do not use yet. */
export function freeName(rows: readonly Row[]): string {
  for (let i = 1; ; i++) if (!rows.some((r) => r.node.trim() === `Node${i}`)) return `Node${i}`;
}

export interface ReadRows {
  /** The vector, or null while any row has a problem. */
  readonly vector: VersionVector | null;
  /** Problems by row id, each a phrase to show beside its field. */
  readonly problems: ReadonlyMap<number, string>;
}

/**
 * The vector the rows spell, or what stops them spelling one: a bad name, a bad count,
 * a node named twice.
 *
 * @example readRows([{ id: 1, node: 'Node1', count: '2' }]).vector // { Node1: 2 }
 */
export function readRows(rows: readonly Row[]): ReadRows {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  const out: Record<string, number> = {};
  for (const r of rows) {
    const node = r.node.trim();
    const badName = nameProblem(node);
    const badCount = countProblem(r.count);
    if (badName) problems.set(r.id, `The node name ${badName}.`);
    else if (seen.has(node)) problems.set(r.id, `${node} is already in this vector.`);
    else if (badCount) problems.set(r.id, `The count ${badCount}; use a whole number from 0 to 1,000,000,000.`);
    else out[node] = Number(r.count.trim());
    seen.add(node);
  }
  return { vector: problems.size === 0 ? out : null, problems };
}

/** The rows as entries, for a link or a test; rows with problems are left out. */
export function rowsToEntries(rows: readonly Row[]): VectorEntry[] {
  const { problems } = readRows(rows);
  return rows.filter((r) => !problems.has(r.id)).map((r) => ({ node: r.node.trim(), count: Number(r.count.trim()) }));
}
