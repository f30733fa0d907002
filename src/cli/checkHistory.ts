import { parseHistory } from '../check/parseHistory.ts';
import { checkSpectrum, MODELS, type ModelId } from '../check/spectrum.ts';

/** One file's report: each model's verdict (true, false or "unknown"), and the time taken. */
export interface FileReport {
  readonly file: string;
  readonly models: Readonly<Record<ModelId, boolean | 'unknown'>>;
  readonly ms: number;
}

export type FileResult = { readonly ok: true; readonly report: FileReport } | { readonly ok: false; readonly file: string; readonly error: string };

/**
 * Check one history file against every model of the map: what `npm run check-history`
 * does for each file it is given. Eventual consistency needs the replicas, which a history
 * does not have, so it is always "unknown" here.
 */
export function checkHistoryText(file: string, text: string, now: () => number = () => performance.now()): FileResult {
  const parsed = parseHistory(text, file);
  if (!parsed.ok) return { ok: false, file, error: `line ${parsed.line}: ${parsed.error}` };
  const start = now();
  // Verdicts only: the command prints no witnesses, and shrinking them is most of the time on a broken history.
  const { verdicts } = checkSpectrum(parsed.ops, undefined, { witnesses: false });
  const ms = now() - start;
  const models = Object.fromEntries(MODELS.map((m) => [m, verdicts[m].result === 'unknown' ? 'unknown' : verdicts[m].result === 'satisfied'])) as Record<ModelId, boolean | 'unknown'>;
  return { ok: true, report: { file, models, ms: Math.round(ms * 10) / 10 } };
}

/** A report as one line of text: "etcd_002.log  linearizable yes · sequential yes · … (12.3 ms)". */
export function reportLine(r: FileReport): string {
  const word = (v: boolean | 'unknown') => (v === 'unknown' ? 'unknown' : v ? 'yes' : 'no');
  return `${r.file}  ${MODELS.map((m) => `${m} ${word(r.models[m])}`).join(' · ')}  (${r.ms} ms)`;
}

/**
 * The command: arguments are files, and `--json` for one JSON object a line. Returns the
 * exit code: 0, or 1 if any file could not be read or parsed (each is named, with the line).
 */
export function runCli(args: readonly string[], read: (file: string) => string, out: (line: string) => void, err: (line: string) => void): number {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) {
    err('usage: npm run check-history -- [--json] FILE...  (Jepsen EDN history lines, or Porcupine etcd logs)');
    return 2;
  }
  let code = 0;
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      err(`${file}: cannot be read (${(e as Error).message})`);
      code = 1;
      continue;
    }
    const result = checkHistoryText(file, text);
    if (!result.ok) {
      err(`${result.file}: ${result.error}`);
      code = 1;
      continue;
    }
    out(json ? JSON.stringify(result.report) : reportLine(result.report));
  }
  return code;
}
