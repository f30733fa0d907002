/**
 * A history: what clients asked of a store and what it answered, with when. The one input
 * of the consistency checkers (linearizability.ts and the rest), whether it comes from a
 * run of the simulator (fromTrace.ts) or from a test tool's log (history/parse*.ts).
 *
 * Values are strings or numbers; null is "nothing there" (a read of a key never written,
 * Jepsen's nil). Times are in any unit that orders them (ms for the simulator, the line
 * number for a log without times).
 */
export type Scalar = string | number;

interface OpBase {
  /** Its index in the history. */
  readonly id: number;
  /** Who issued it: a client, a Jepsen process. One process's operations never overlap. */
  readonly process: string;
  /** The key; one register's history uses one key for all. */
  readonly key: string;
  /** When it was invoked. */
  readonly call: number;
  /**
   * When it completed, or Infinity: an open operation (no answer, a timeout, Jepsen's
   * :info) may have taken effect at any moment after its call, or never.
   */
  readonly ret: number;
  /** Where it came from, for pointing back: the simulator's operation id, or a log's line number. */
  readonly source: number;
}

export interface WriteOp extends OpBase {
  readonly f: 'write';
  readonly value: Scalar | null;
}

export interface ReadOp extends OpBase {
  readonly f: 'read';
  /**
   * What it returned: one value, null for nothing, several when the store answered with
   * siblings (a multi-value register), or undefined when the answer is not known.
   */
  readonly value: Scalar | null | readonly Scalar[] | undefined;
  /**
   * The writes (history ids) whose values it returned, when that is known exactly (the
   * simulator's versions name their write). Empty: it returned nothing.
   */
  readonly readsFrom?: readonly number[];
}

export interface CasOp extends OpBase {
  readonly f: 'cas';
  readonly expect: Scalar | null;
  readonly value: Scalar | null;
  /** Whether it swapped (known only once it completed). */
  readonly swapped: boolean | undefined;
}

export type HistoryOp = WriteOp | ReadOp | CasOp;

export interface History {
  readonly ops: readonly HistoryOp[];
  /** Where it came from, in a few words ("this run", "etcd_002.log"). */
  readonly name: string;
}

export function isOpen(op: HistoryOp): boolean {
  return op.ret === Infinity;
}

/** Operations by key, each key's in history order. */
export function byKey(ops: readonly HistoryOp[]): Map<string, HistoryOp[]> {
  const out = new Map<string, HistoryOp[]>();
  for (const op of ops) {
    const list = out.get(op.key);
    if (list) list.push(op);
    else out.set(op.key, [op]);
  }
  return out;
}

/** An operation in words, for a witness: "c2 read x = 1", "c1 wrote x = 2", "p3 cas x 1→4 (swapped)". */
export function describeOp(op: HistoryOp): string {
  const key = op.key === '' ? '' : ` ${op.key}`;
  const show = (v: Scalar | null) => (v === null ? 'nothing' : String(v));
  switch (op.f) {
    case 'write':
      return `${op.process} wrote${key} = ${show(op.value)}${isOpen(op) ? ' (never confirmed)' : ''}`;
    case 'read': {
      const v = op.value;
      const got = v === undefined ? 'an unknown value' : Array.isArray(v) ? `${v.map(String).join(' and ')} at once` : show(v as Scalar | null);
      return `${op.process} read${key}${v === undefined || Array.isArray(v) ? ': ' : ' = '}${got}`;
    }
    case 'cas':
      return `${op.process} swapped${key} ${show(op.expect)} → ${show(op.value)}${op.swapped === undefined ? ' (outcome unknown)' : op.swapped ? '' : ' (refused: not equal)'}`;
  }
}
