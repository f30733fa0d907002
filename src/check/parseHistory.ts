import { parseEtcdLog } from './parseEtcdLog.ts';
import { parseJepsenEdn } from './parseJepsenEdn.ts';
import { type ParseResult, parseFailure } from './parseResult.ts';

/** The most operations a history may have: past that, checking it would hold the page too long. */
export const MAX_HISTORY_OPS = 20_000;

/** The formats parseHistory reads: Porcupine's etcd log, or Jepsen's EDN history. */
export type HistoryFormat = 'etcd' | 'edn';

/**
 * A test log in either format the lab reads, told apart by its first non-blank line: one
 * starting with `{` is a Jepsen EDN history (parseJepsenEdn), one starting with `INFO` an
 * etcd log (parseEtcdLog). Any other first line is an error naming both formats. A text
 * with no non-blank line is an empty history, its format taken from the name's ending
 * (`.edn`, `.log`) when there is one. The name (a file name) is only that tie-breaker and
 * a word in messages: the text decides the format.
 *
 * A history of more than MAX_HISTORY_OPS operations is refused, naming the line that
 * invokes the first operation past the bound.
 */
export function parseHistory(text: string, name?: string): ParseResult & { format?: HistoryFormat } {
  // A byte-order mark is not part of the first line; dropping it moves no line.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const first = firstLine(body);
  if (!first) {
    const format = name === undefined ? undefined : /\.edn$/i.test(name) ? 'edn' : /\.log$/i.test(name) ? 'etcd' : undefined;
    return format ? { ok: true, ops: [], format } : { ok: true, ops: [] };
  }
  const start = first.text.trimStart();
  const format: HistoryFormat | undefined = start.startsWith('{') ? 'edn' : start.startsWith('INFO') ? 'etcd' : undefined;
  if (!format) {
    const what = name === undefined ? 'it' : `${name} begins with a line that`;
    return parseFailure(first.line, `${what} is in neither format the lab reads: a Jepsen EDN history, one map a line ({:process 0, :type :invoke, :f :write, :value 3}), or a Jepsen etcd log (INFO jepsen.util - 0 :invoke :write 3)`);
  }
  const parsed = format === 'edn' ? parseJepsenEdn(body) : parseEtcdLog(body);
  if (!parsed.ok) {
    // parseEtcdLog knows one format only; say why its line did not fit when it is the other one.
    if (format === 'etcd' && lineAt(body, parsed.line).trimStart().startsWith('{')) {
      return { ...parseFailure(parsed.line, 'it is an EDN map, in an etcd log: a history is in one format'), format };
    }
    return { ...parsed, format };
  }
  if (parsed.ops.length > MAX_HISTORY_OPS) {
    // The line that invokes the first operation past the bound, in the order of the log.
    const sources = parsed.ops.map((op) => op.source).sort((a, b) => a - b);
    const line = sources[MAX_HISTORY_OPS]!;
    return {
      ...parseFailure(line, `the history has ${count(parsed.ops.length)} operations, and this line invokes operation ${count(MAX_HISTORY_OPS + 1)}: the lab checks histories up to ${count(MAX_HISTORY_OPS)} operations`),
      format,
    };
  }
  return { ...parsed, format };
}

/** The first line with something on it, and its 1-based number. */
function firstLine(text: string): { text: string; line: number } | undefined {
  let line = 1;
  let from = 0;
  while (from <= text.length) {
    const end = text.indexOf('\n', from);
    const stop = end === -1 ? text.length : end;
    const s = text.slice(from, stop);
    if (s.trim() !== '') return { text: s, line };
    if (end === -1) return undefined;
    from = end + 1;
    line++;
  }
  return undefined;
}

/** The text of a 1-based line. */
function lineAt(text: string, line: number): string {
  let from = 0;
  for (let i = 1; i < line; i++) {
    const end = text.indexOf('\n', from);
    if (end === -1) return '';
    from = end + 1;
  }
  const end = text.indexOf('\n', from);
  return text.slice(from, end === -1 ? text.length : end);
}

/** 20000 as "20,000". */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
