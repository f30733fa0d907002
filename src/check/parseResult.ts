import type { HistoryOp } from './history.ts';

/** A parsed history, or the line that could not be read and why. */
export type ParseResult = { readonly ok: true; readonly ops: HistoryOp[] } | { readonly ok: false; readonly line: number; readonly error: string };

export function parseFailure(line: number, error: string): ParseResult {
  return { ok: false, line, error };
}
