import { isOpen, type HistoryOp, type ReadOp, type WriteOp } from './history.ts';
import type { Verdict, Witness } from './verdict.ts';

export const SESSION_GUARANTEES = ['read-your-writes', 'monotonic-reads', 'monotonic-writes', 'writes-follow-reads'] as const;
export type SessionGuarantee = (typeof SESSION_GUARANTEES)[number];

/** Above this many operations the causal order (n² bits) is not built, and the answer is unknown. */
export const SESSION_LIMIT = 6000;

/**
 * The four session guarantees, after Terry et al. (1994), restated as conditions on what
 * reads return, as Jepsen does (Terry et al. state them by what each server holds), judged as
 * the causal checker is (causal.ts): which write each read returned (readsFrom, or the
 * value where each is written once), a session's own order (one operation completed
 * before the next began), and causality co = (session order ∪ read-from)+.
 *
 * Each guarantee forbids a read returning a write that is overwritten along a particular
 * causal path, or returning nothing when such a path holds a write of its key:
 * - read-your-writes: the path is the reader's own earlier write;
 * - monotonic reads: an earlier read of the same session returned the newer write;
 * - monotonic writes: a later write of the older one's own session, of any key, is on the
 *   path (a comment seen without its author's earlier post: the post is missed); for two
 *   writes of one key, returning the older is missing the newer too;
 * - writes-follow-reads: the newer write was read in a session before that session made
 *   a write the reader causally follows (Carol sees Bob's "Yes!" without the "Lunch?" he
 *   read and answered).
 * Every such read is also one of causal consistency's bad patterns (WriteCORead or
 * WriteCOInitRead), so a causally consistent history keeps all four.
 *
 * A client with several operations in flight at once is split into sessions first
 * (splitSessions): operations that overlap have no order to keep.
 */
export function sessionGuarantees(ops: readonly HistoryOp[]): Record<SessionGuarantee, Verdict> {
  const all = (v: Verdict) => Object.fromEntries(SESSION_GUARANTEES.map((g) => [g, v])) as Record<SessionGuarantee, Verdict>;
  if (ops.length > SESSION_LIMIT) return all({ result: 'unknown', reason: `the history has more than ${SESSION_LIMIT.toLocaleString('en')} operations` });
  if (ops.some((o) => o.f === 'cas')) return all({ result: 'unknown', reason: 'the history has a compare-and-swap, and session guarantees are checked here for plain reads and writes only' });
  const source = readSources(ops);
  if (typeof source === 'string') return all({ result: 'unknown', reason: source });
  const sessions = splitSessions(ops);
  const co = causality(ops, sessions, source);
  const found: Partial<Record<SessionGuarantee, Witness>> = {};
  const note = (g: SessionGuarantee, key: string, witness: readonly HistoryOp[]) => {
    found[g] ??= { ops: [...new Set(witness.map((o) => o.id))], partial: [], key, pattern: g };
  };
  /** Whether read r, of w's key, returned something w overwrites: nothing, or a write causally before w. */
  const older = (r: ReadOp, w: WriteOp) => {
    const from = source.get(r);
    return from === null || (from !== undefined && from !== w && co.before(from, w));
  };
  const reads = ops.filter((o): o is ReadOp => o.f === 'read' && source.has(o));
  for (const lane of sessions) {
    for (const a of lane) {
      for (const b of lane) {
        if (!(a.ret < b.call)) continue;
        if (a.f === 'write' && b.f === 'read' && a.key === b.key && source.has(b) && older(b, a)) note('read-your-writes', a.key, [a, b]);
        if (a.f === 'read' && b.f === 'read' && a.key === b.key && source.has(a) && source.has(b)) {
          const u = source.get(a)!;
          if (u !== null && older(b, u)) note('monotonic-reads', a.key, [u, a, b]);
        }
        if (a.f === 'write' && b.f === 'write') {
          for (const r of reads) if (r.key === a.key && co.before(b, r) && (older(r, a) || (a.key === b.key && source.get(r) === a))) note('monotonic-writes', a.key, [a, b, r]);
        }
        if (a.f === 'read' && b.f === 'write' && source.get(a)) {
          const u = source.get(a)!;
          for (const r of reads) if (r.key === u.key && co.before(b, r) && older(r, u)) note('writes-follow-reads', u.key === b.key ? u.key : '', [u, a, b, r]);
        }
      }
    }
  }
  return Object.fromEntries(SESSION_GUARANTEES.map((g): [SessionGuarantee, Verdict] => [g, found[g] ? { result: 'violated', witness: found[g] } : { result: 'satisfied' }])) as Record<SessionGuarantee, Verdict>;
}

/**
 * A history's clients as sessions that wait for each answer: a client whose operations
 * overlap is split, each operation going to the first of its sessions whose last one has
 * completed (the lanes of an interval graph). A client that waits keeps one session.
 */
/**
 * The history with each session as a process of its own (a client with operations in
 * flight at once becomes several): what the causal checker, whose processes wait for each
 * answer, needs of a simulated run.
 */
export function bySession(ops: readonly HistoryOp[]): HistoryOp[] {
  return splitSessions(ops).flatMap((lane, i) => lane.map((o) => ({ ...o, process: `${o.process}\u0000${i}` })));
}

export function splitSessions(ops: readonly HistoryOp[]): HistoryOp[][] {
  const lanes = new Map<string, HistoryOp[][]>();
  for (const op of [...ops].sort((a, b) => a.call - b.call || a.id - b.id)) {
    const mine = lanes.get(op.process) ?? [];
    lanes.set(op.process, mine);
    const free = mine.find((lane) => lane[lane.length - 1]!.ret < op.call);
    if (free) free.push(op);
    else mine.push([op]);
  }
  return [...lanes.values()].flat();
}

/**
 * The write each completed read returned (null: nothing), from readsFrom where every read
 * has it, else from values written once per key; or why it cannot be known. A read of
 * several values (siblings) or of a value never written has no single source and is left
 * out here: the causal checker reports those.
 */
function readSources(ops: readonly HistoryOp[]): Map<ReadOp, WriteOp | null> | string {
  const byId = new Map(ops.map((o) => [o.id, o]));
  const writers = new Map<string, WriteOp[]>();
  for (const o of ops) if (o.f === 'write') writers.set(`${o.key}\u0000${typeof o.value}:${String(o.value)}`, [...(writers.get(`${o.key}\u0000${typeof o.value}:${String(o.value)}`) ?? []), o]);
  const reads = ops.filter((o): o is ReadOp => o.f === 'read' && !isOpen(o) && o.value !== undefined && !Array.isArray(o.value));
  const named = reads.every((r) => r.readsFrom !== undefined);
  const out = new Map<ReadOp, WriteOp | null>();
  for (const r of reads) {
    if (named) {
      const w = r.readsFrom!.length === 1 ? byId.get(r.readsFrom![0]!) : undefined;
      if (r.readsFrom!.length === 0) out.set(r, null);
      else if (w?.f === 'write') out.set(r, w);
      continue;
    }
    if (r.value === null) {
      out.set(r, null);
      continue;
    }
    const ws = writers.get(`${r.key}\u0000${typeof r.value}:${String(r.value)}`) ?? [];
    if (ws.length > 1) return `a value is written twice on key ${r.key}, so which write a read saw is not known`;
    if (ws.length === 1) out.set(r, ws[0]!);
  }
  return out;
}

/** co = (session order ∪ read-from)+, as one bitset of causal predecessors per operation. */
function causality(ops: readonly HistoryOp[], sessions: readonly HistoryOp[][], source: ReadonlyMap<ReadOp, WriteOp | null>) {
  const index = new Map(ops.map((o, i) => [o, i]));
  const n = ops.length;
  const words = (n + 31) >> 5;
  const preds: number[][] = ops.map(() => []);
  for (const lane of sessions) for (let i = 1; i < lane.length; i++) preds[index.get(lane[i]!)!]!.push(index.get(lane[i - 1]!)!);
  for (const [r, w] of source) if (w) preds[index.get(r)!]!.push(index.get(w)!);
  // Each operation's causal past: its predecessors and theirs, to a fixed point (a read may
  // name a write that comes later, so the graph need not be acyclic).
  const past = new Uint32Array(n * words);
  for (let changed = true; changed; ) {
    changed = false;
    for (let v = 0; v < n; v++) {
      for (const u of preds[v]!) {
        const before = past[v * words + (u >> 5)]!;
        past[v * words + (u >> 5)] = before | (1 << (u & 31));
        if (past[v * words + (u >> 5)] !== before) changed = true;
        for (let k = 0; k < words; k++) {
          // Unsigned, as the array holds it: with bit 31 set, `|` gives a negative number that never equals it, and the loop never ends.
          const merged = (past[v * words + k]! | past[u * words + k]!) >>> 0;
          if (merged !== past[v * words + k]) {
            past[v * words + k] = merged;
            changed = true;
          }
        }
      }
    }
  }
  return {
    /** Whether a causally precedes b. */
    before: (a: HistoryOp, b: HistoryOp) => {
      const u = index.get(a)!;
      return (past[index.get(b)! * words + (u >> 5)]! & (1 << (u & 31))) !== 0;
    },
  };
}
