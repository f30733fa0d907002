import type { HistoryOp } from '../history.ts';
import { parseJepsenEdn } from '../parseJepsenEdn.ts';

/* Helpers for the EDN parser's tests. Test-only code. */

export function ops(text: string): HistoryOp[] {
  const r = parseJepsenEdn(text);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.error}`);
  return r.ops;
}

/** The failure, as [line, error], or the ops when it parsed. */
export function failure(text: string): [number, string] | HistoryOp[] {
  const r = parseJepsenEdn(text);
  return r.ok ? r.ops : [r.line, r.error];
}

export const lines = (...ls: string[]) => ls.join('\n');
