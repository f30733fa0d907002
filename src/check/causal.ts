import { isOpen, type HistoryOp, type ReadOp, type Scalar, type WriteOp } from './history.ts';
import type { Verdict, Witness } from './verdict.ts';

/**
 * The bad patterns looked for: Bouajjani, Enea, Guerraoui and Hamza's (POPL 2017, Table 2),
 * and 'siblings', this checker's own, for a register read that returned several values.
 * Their CyclicHB and WriteHBInitRead characterise causal memory (CM), a third model, and
 * are not looked for here.
 */
export type CausalPattern = 'CyclicCO' | 'WriteCOInitRead' | 'ThinAirRead' | 'WriteCORead' | 'CyclicCF' | 'siblings';

export interface CausalOptions {
  /** Work out which write each read saw from the values even when every read names its writes. */
  readonly ignoreReadsFrom?: boolean;
}

export interface CausalVerdicts {
  readonly cc: Verdict;
  /** When satisfied, `order` is an arbitration: all operations counted, in one order extending causality that explains every read. */
  readonly ccv: Verdict;
}

/**
 * Causal consistency (CC) and causal convergence (CCv) of a key-value register history,
 * decided exactly, after Bouajjani, Enea, Guerraoui and Hamza, "On verifying causal
 * consistency" (POPL 2017).
 *
 * CC: every read returns the value of a write that is last, for its key, in some order of
 * the operations it causally follows, where causality co = (po ∪ wr)+: a process's own
 * earlier operations (po, by call order) and, through reads, the writes they read from (wr).
 * Different reads may order concurrent writes differently. CCv adds that they may not: one
 * order of all writes (an arbitration) must explain every read.
 *
 * Checking either is NP-complete in general, since which write a read saw must be guessed.
 * When it is known (each read names its writes, or each value is written once per key: the
 * paper's "differentiated" histories), the paper shows a history is CC exactly when it has
 * none of these bad patterns, and CCv when it also has no CyclicCF:
 *  - ThinAirRead: a read returns a value no write wrote;
 *  - CyclicCO: the causal order is cyclic (a read saw a write that causally follows it);
 *  - WriteCOInitRead: a read returns the initial value (nothing) though it causally follows a write of its key;
 *  - WriteCORead: a read returns w's value though it causally follows a write w' of its key that causally follows w (w overwritten);
 *  - CyclicCF: the causal order plus the conflict order is cyclic, where w' conflicts before w
 *    when a read causally follows w' yet returned w, so an arbitration must put w' before w.
 * A read answering several values (siblings) is not a register's answer: in no order of
 * writes is more than one of them the last, so it breaks CC too ('siblings').
 *
 * Open operations: an open write counts only if some read saw it (else it may never have
 * taken effect); an open read, or one whose answer is unknown, says nothing and is left out.
 * A compare-and-swap makes both verdicts unknown: the patterns are for reads and writes.
 *
 * Cost, for n operations by P processes of which W write: a topological sort, then vector
 * clocks over the W writing processes in O((n + |wr|)·W) time and n·W memory (a process's
 * operations before a given one form a prefix, so its clock entry says which). Each read's
 * latest causally preceding write per process comes by binary search, O(W log n); only
 * those give conflict edges (earlier ones follow by po), so at most one per read and
 * writing process, and CyclicCF is one more topological sort. O(n·W·log n) in all.
 *
 * @example causalConsistency(history.ops).ccv.result // 'satisfied' | 'violated' | 'unknown'
 */
export function causalConsistency(ops: readonly HistoryOp[], options: CausalOptions = {}): CausalVerdicts {
  const both = (v: Verdict): CausalVerdicts => ({ cc: v, ccv: v });
  const unknown = (reason: string) => both({ result: 'unknown', reason });
  if (ops.some((o) => o.f === 'cas')) return unknown('the history has a compare-and-swap, and causal consistency is checked here for plain reads and writes only');

  const byId = new Map(ops.map((o) => [o.id, o]));
  const wrote = new Map<string, Map<Scalar | null, WriteOp[]>>();
  for (const o of ops) {
    if (o.f !== 'write') continue;
    const onKey = wrote.get(o.key) ?? new Map<Scalar | null, WriteOp[]>();
    wrote.set(o.key, onKey);
    const same = onKey.get(o.value);
    if (same) same.push(o);
    else onKey.set(o.value, [o]);
  }
  const reads = ops.filter((o): o is ReadOp => o.f === 'read' && !isOpen(o) && o.value !== undefined);
  const named = !options.ignoreReadsFrom && reads.every((r) => r.readsFrom !== undefined);

  // Which write each read saw (null: the initial value), and the patterns a read shows alone.
  const source = new Map<ReadOp, WriteOp | null>();
  let thinAir: Witness | undefined, siblings: Witness | undefined, doubt: string | undefined;
  for (const r of reads) {
    const values = r.value === null ? [] : [...new Set(Array.isArray(r.value) ? r.value : [r.value as Scalar])];
    const onKey = wrote.get(r.key);
    if (values.some((v) => !onKey?.has(v))) {
      thinAir ??= witness([r], 'ThinAirRead');
      continue;
    }
    let from: WriteOp[];
    if (named) {
      const found = [...new Set(r.readsFrom)].map((id) => byId.get(id));
      from = found.filter((w): w is WriteOp => w?.f === 'write' && w.key === r.key);
      const gave = new Set(from.map((w) => w.value).filter((v) => v !== null));
      if (from.length < found.length || gave.size !== values.length || values.some((v) => !gave.has(v))) {
        doubt ??= `read ${r.id} names as its writes operations that are not writes of ${r.key} or did not write what it returned`;
        continue;
      }
    } else {
      const writers = values.map((v) => onKey!.get(v)!);
      if (writers.some((ws) => ws.length > 1)) doubt ??= `a value is written twice on key ${r.key}, so which write a read saw is not known`;
      if (values.length === 0 && onKey?.has(null)) doubt ??= `a write on key ${r.key} stores nothing, so a read of nothing may have seen it or the initial state`;
      from = writers.map((ws) => ws[0]!);
    }
    if (from.length > 1) siblings ??= witness([...from, r], 'siblings');
    else source.set(r, from[0] ?? null);
  }
  if (thinAir) return both({ result: 'violated', witness: thinAir });
  if (siblings) return both({ result: 'violated', witness: siblings });
  if (doubt) return unknown(doubt);

  const g = graph(ops, source);
  const shown = (nodes: readonly number[], pattern: CausalPattern): Verdict => ({ result: 'violated', witness: witness(nodes.map((v) => g.ops[v]!), pattern) });
  const co = topo(g, false);
  if (co.rest) return both(shown(shortCycle(g, co.rest, false), 'CyclicCO'));

  const past = causalPast(g, co.order);
  let initRead: number[] | undefined, coRead: number[] | undefined;
  for (let r = 0; r < g.ops.length; r++) {
    if (g.ops[r]!.f !== 'read') continue;
    const w = g.src[r]!;
    const front = past.frontier(r);
    if (w < 0) {
      if (front.length > 0) initRead ??= showPath(g, front[0]!, r, false);
      continue;
    }
    for (const w2 of front) {
      // w2 causally before w: any arbitration extending co already puts w2 first.
      if (w2 === w || past.follows(w2, w)) continue;
      if (past.follows(w, w2)) coRead ??= [...showPath(g, w, w2, false), ...showPath(g, w2, r, false)];
      else {
        // w2 conflicts before w: r causally follows w2 yet saw w, so w must be arbitrated after w2.
        g.cfOut[w2]!.push({ to: w, read: r });
        g.cfIn[w]!.push(w2);
      }
    }
  }
  if (initRead) return both(shown(initRead, 'WriteCOInitRead'));
  if (coRead) return both(shown(coRead, 'WriteCORead'));
  const arb = topo(g, true);
  if (arb.rest) return { cc: { result: 'satisfied' }, ccv: shown(shortCycle(g, arb.rest, true), 'CyclicCF') };
  return { cc: { result: 'satisfied' }, ccv: { result: 'satisfied', order: arb.order.map((v) => g.ops[v]!.id) } };
}

function witness(ops: readonly HistoryOp[], pattern: CausalPattern): Witness {
  const ids = [...new Set(ops.map((o) => o.id))];
  const keys = new Set(ops.map((o) => o.key));
  return { ops: ids, partial: [], key: keys.size === 1 ? [...keys][0]! : '', pattern };
}

/**
 * The operations that count, as nodes: each process's in call order, processes one after
 * another, so a node's po successor is the next node when it has the same process.
 */
interface Graph {
  readonly ops: readonly HistoryOp[];
  readonly proc: Int32Array;
  /** The first node of this node's process. */
  readonly first: Int32Array;
  /** For a read, the node of the write it saw, or -1 for the initial value; -1 for a write. */
  readonly src: Int32Array;
  readonly readers: readonly number[][];
  /** Conflict edges, added once the causal order is known: to a write, and the read that forces it. */
  readonly cfOut: { to: number; read: number }[][];
  readonly cfIn: number[][];
}

function graph(ops: readonly HistoryOp[], source: ReadonlyMap<ReadOp, WriteOp | null>): Graph {
  const seen = new Set(source.values());
  const nodes = [...ops.filter((o) => o.f === 'write' && (!isOpen(o) || seen.has(o))), ...source.keys()];
  const procOf = new Map<string, number>();
  for (const o of ops) if (!procOf.has(o.process)) procOf.set(o.process, procOf.size);
  nodes.sort((a, b) => procOf.get(a.process)! - procOf.get(b.process)! || a.call - b.call || a.id - b.id);
  const n = nodes.length;
  const index = new Map(nodes.map((o, i) => [o, i]));
  const proc = Int32Array.from(nodes, (o) => procOf.get(o.process)!);
  const first = new Int32Array(n);
  for (let v = 1; v < n; v++) first[v] = proc[v] === proc[v - 1] ? first[v - 1]! : v;
  const src = new Int32Array(n).fill(-1);
  const readers = nodes.map((): number[] => []);
  nodes.forEach((o, v) => {
    const w = o.f === 'read' ? source.get(o) : null;
    if (w) readers[(src[v] = index.get(w)!)]!.push(v);
  });
  return { ops: nodes, proc, first, src, readers, cfOut: nodes.map(() => []), cfIn: nodes.map(() => []) };
}

const PO = -1;
const WR = -2;

/** Each edge out of u: po and wr, and conflict edges if asked; the tag is PO, WR, or the read behind a conflict edge. */
function edgesOut(g: Graph, u: number, withCF: boolean, f: (v: number, tag: number) => void): void {
  if (u + 1 < g.ops.length && g.proc[u + 1] === g.proc[u]) f(u + 1, PO);
  for (const r of g.readers[u]!) f(r, WR);
  if (withCF) for (const e of g.cfOut[u]!) f(e.to, e.read);
}

/** Kahn's topological sort; `rest` marks what it could not order (the causal order is cyclic), null if nothing. */
function topo(g: Graph, withCF: boolean): { order: number[]; rest: Uint8Array | null } {
  const n = g.ops.length;
  const waiting = Int32Array.from(g.ops, (_, v) => (v > g.first[v]! ? 1 : 0) + (g.src[v]! >= 0 ? 1 : 0) + (withCF ? g.cfIn[v]!.length : 0));
  const ready = [...waiting.keys()].filter((v) => waiting[v] === 0);
  const order: number[] = [];
  for (let u = ready.pop(); u !== undefined; u = ready.pop()) {
    order.push(u);
    edgesOut(g, u, withCF, (v) => {
      if (--waiting[v]! === 0) ready.push(v);
    });
  }
  return { order, rest: order.length === n ? null : Uint8Array.from(waiting, (w) => (w > 0 ? 1 : 0)) };
}

/**
 * A cycle among what the topological sort left, shown with few operations. Every node left
 * has a predecessor also left, so walking back from any comes round to a node on a cycle;
 * the shortest cycle through each of a few of that cycle's nodes is tried, the smallest kept.
 */
function shortCycle(g: Graph, rest: Uint8Array, withCF: boolean): number[] {
  const at = new Map<number, number>();
  const walk: number[] = [];
  let v = rest.indexOf(1);
  while (!at.has(v)) {
    at.set(v, walk.length);
    walk.push(v);
    const preds = [v > g.first[v]! ? v - 1 : -1, g.src[v]!, ...(withCF ? g.cfIn[v]! : [])];
    v = preds.find((p) => p >= 0 && rest[p] === 1)!;
  }
  let best: number[] = [];
  for (const s of walk.slice(at.get(v)).slice(0, 16)) {
    const cycle = showPath(g, s, s, withCF, rest);
    if (best.length === 0 || (cycle.length > 0 && cycle.length < best.length)) best = cycle;
  }
  return best;
}

/**
 * The path from `from` to `to` (a cycle when they are the same) with the fewest read-from and
 * conflict edges (a 0-1 breadth-first search: po steps are free), as the operations that
 * show it: its ends, each read-from edge's write and read, and for a conflict edge w' → w
 * the path by which the read that returned w causally follows w'. Po steps between them
 * need no showing. Empty if there is no such path (never asked for here).
 */
function showPath(g: Graph, from: number, to: number, withCF: boolean, allowed?: Uint8Array): number[] {
  const n = g.ops.length;
  const dist = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const tag = new Int32Array(n);
  const done = new Uint8Array(n);
  let [level, here, later]: [number, number[], number[]] = [0, [], []];
  const relax = (u: number, du: number) =>
    edgesOut(g, u, withCF, (v, t) => {
      const d = du + (t === PO ? 0 : 1);
      if ((allowed && allowed[v] !== 1) || d >= dist[v]!) return;
      dist[v] = d;
      parent[v] = u;
      tag[v] = t;
      (d === level ? here : later).push(v);
    });
  if (from === to) relax(from, 0);
  else {
    dist[from] = 0;
    here.push(from);
  }
  for (;;) {
    const u = here.pop();
    if (u === undefined) {
      if (later.length === 0) return [];
      [here, later, level] = [later, [], level + 1];
      continue;
    }
    if (done[u]) continue;
    done[u] = 1;
    if (u === to) break;
    relax(u, dist[u]!);
  }
  const chain = [to];
  let v = to;
  do chain.push((v = parent[v]!));
  while (v !== from);
  chain.reverse();
  const out = [from];
  for (let i = 1; i < chain.length; i++) {
    const [a, b, t] = [chain[i - 1]!, chain[i]!, tag[chain[i]!]!];
    if (t === WR) out.push(a, b);
    else if (t !== PO) out.push(a, ...showPath(g, a, t, false), t, b);
  }
  out.push(to);
  return [...new Set(out)];
}

/**
 * The causal past of each node, as a vector clock over the processes that write: entry c
 * of v's clock counts the operations of writing process c that v causally follows or is.
 */
function causalPast(g: Graph, order: readonly number[]) {
  const n = g.ops.length;
  const col = new Map<number, number>();
  const colFirst: number[] = [];
  const byKey = new Map<string, Map<number, number[]>>();
  for (let v = 0; v < n; v++) {
    const o = g.ops[v]!;
    if (o.f !== 'write') continue;
    if (!col.has(g.proc[v]!)) col.set(g.proc[v]!, colFirst.push(g.first[v]!) - 1);
    const lists = byKey.get(o.key) ?? new Map<number, number[]>();
    byKey.set(o.key, lists);
    const c = col.get(g.proc[v]!)!;
    const list = lists.get(c);
    if (list) list.push(v);
    else lists.set(c, [v]);
  }
  const W = colFirst.length;
  const clock = new Int32Array(n * W);
  for (const v of order) {
    const row = v * W;
    if (v > g.first[v]!) clock.copyWithin(row, row - W, row);
    const s = g.src[v]!;
    if (s >= 0) for (let c = 0; c < W; c++) clock[row + c] = Math.max(clock[row + c]!, clock[s * W + c]!);
    const c = col.get(g.proc[v]!);
    if (c !== undefined) clock[row + c] = v - g.first[v]! + 1;
  }
  return {
    /** Whether v causally follows (or is) the write w. */
    follows: (w: number, v: number) => clock[v * W + col.get(g.proc[w]!)!]! > w - g.first[w]!,
    /** The latest write of r's key, per process, that the read r causally follows. */
    frontier(r: number): number[] {
      const out: number[] = [];
      for (const [c, writes] of byKey.get(g.ops[r]!.key) ?? []) {
        const limit = colFirst[c]! + clock[r * W + c]!;
        let [lo, hi] = [0, writes.length];
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (writes[mid]! < limit) lo = mid + 1;
          else hi = mid;
        }
        if (lo > 0) out.push(writes[lo - 1]!);
      }
      return out;
    },
  };
}
