import type { HistoryOp, Scalar } from './history.ts';
import { type ParseResult, parseFailure } from './parseResult.ts';

const LINE = /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s*(.*?)\s*$/;

interface Pending {
  readonly process: string;
  readonly f: 'read' | 'write' | 'cas';
  readonly arg: string;
  readonly line: number;
  readonly call: number;
}

/**
 * Jepsen's etcd log, as Porcupine's test data has it (`../shared/fixtures/porcupine-etcd`):
 * one single compare-and-set register, one event a line,
 * `INFO  jepsen.util - <process> :<invoke|ok|fail|info> :<read|write|cas> <nil|n|[from to]>`.
 * Read as Porcupine reads it: a `:fail` compare-and-set completed and did not swap; a
 * `:fail` read timed out, so its answer is unknown; an `:info` completion (a timeout)
 * leaves the operation open to the end; a `:fail` write did not happen. Times are line numbers. Blank lines are skipped;
 * any other line that does not fit is an error naming it.
 */
export function parseEtcdLog(text: string): ParseResult {
  const ops: HistoryOp[] = [];
  const open = new Map<string, Pending>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const m = LINE.exec(line);
    if (!m) return parseFailure(i + 1, 'it is not an event of the etcd log format (INFO jepsen.util - <process> :<type> :<f> <value>)');
    const [, process, type, f, arg] = m as unknown as [string, string, string, Pending['f'], string];
    if (type === 'invoke') {
      if (open.has(process)) return parseFailure(i + 1, `process ${process} invokes again before its last operation completed`);
      open.set(process, { process, f, arg, line: i + 1, call: i });
      continue;
    }
    const inv = open.get(process);
    if (!inv) return parseFailure(i + 1, `process ${process} completes an operation it never invoked`);
    if (inv.f !== f) return parseFailure(i + 1, `process ${process} invoked :${inv.f} but completes :${f}`);
    open.delete(process);
    if (type === 'info') {
      const op = toOp(inv, ops.length, Infinity, undefined);
      if (typeof op === 'string') return parseFailure(inv.line, op);
      ops.push(op);
      continue;
    }
    // A failed write did not happen (Jepsen's :fail): it is left out.
    if (type === 'fail' && f === 'write') continue;
    const op = toOp(inv, ops.length, i, { type, arg });
    if (typeof op === 'string') return parseFailure(i + 1, op);
    ops.push(op);
  }
  // Operations never completed stay open to the end.
  for (const inv of open.values()) {
    const op = toOp(inv, ops.length, Infinity, undefined);
    if (typeof op === 'string') return parseFailure(inv.line, op);
    ops.push(op);
  }
  return { ok: true, ops };
}

function scalar(s: string): Scalar | null | string[] {
  if (s === 'nil') return null;
  if (/^-?\d+$/.test(s)) return Number(s);
  return [s];
}

/** The operation, or a sentence saying what is wrong with its value. */
function toOp(inv: Pending, id: number, ret: number, done: { type: string; arg: string } | undefined): HistoryOp | string {
  const base = { id, process: inv.process, key: '', call: inv.call, ret, source: inv.line };
  if (inv.f === 'read') {
    if (!done || done.type === 'fail') return { ...base, f: 'read', value: undefined, ret: done ? ret : Infinity };
    const v = scalar(done.arg);
    if (Array.isArray(v)) return `a read returns nil or a number, not “${done.arg}”`;
    return { ...base, f: 'read', value: v };
  }
  if (inv.f === 'write') {
    const v = scalar(inv.arg);
    if (Array.isArray(v)) return `a write writes a number, not “${inv.arg}”`;
    return { ...base, f: 'write', value: v };
  }
  const pair = /^\[\s*(-?\d+|nil)\s+(-?\d+|nil)\s*\]$/.exec(inv.arg);
  if (!pair) return `a compare-and-set takes [from to], not “${inv.arg}”`;
  const expect = scalar(pair[1]!) as Scalar | null;
  const value = scalar(pair[2]!) as Scalar | null;
  return { ...base, f: 'cas', expect, value, swapped: done ? done.type === 'ok' : undefined };
}
