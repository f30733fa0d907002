import { describe, expect, it } from 'vitest';
import { MODELS } from '../check/spectrum.ts';
import { runCli } from './checkHistory.ts';

const GOOD = ['{:process 0, :type :invoke, :f :write, :value 3}', '{:process 0, :type :ok, :f :write, :value 3}', '{:process 1, :type :invoke, :f :read, :value nil}', '{:process 1, :type :ok, :f :read, :value 3}'].join('\n');
// Process 1 reads 3 once process 0's write of 3 has completed, then reads nothing: monotonic reads broken, so everything above it too.
const BAD = [GOOD, '{:process 1, :type :invoke, :f :read, :value nil}', '{:process 1, :type :ok, :f :read, :value nil}'].join('\n');

function cli(args: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(
    args,
    (f) => {
      if (!(f in files)) throw new Error('no such file');
      return files[f]!;
    },
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}

describe('npm run check-history', () => {
  it('prints one line a file with every model’s verdict and the time taken', () => {
    const { code, out, err } = cli(['good.edn', 'bad.edn'], { 'good.edn': GOOD, 'bad.edn': BAD });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toMatch(/^good\.edn {2}linearizable yes · sequential yes · causal yes · .* · eventual unknown {2}\([\d.]+ ms\)$/);
    expect(out[1]).toMatch(/^bad\.edn {2}linearizable no · sequential no · /);
  });

  it('with --json, one object a line: true, false or "unknown" per model', () => {
    const { code, out } = cli(['--json', 'bad.edn'], { 'bad.edn': BAD });
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!) as { file: string; models: Record<string, unknown>; ms: number };
    expect(Object.keys(report.models)).toEqual([...MODELS]);
    expect(report).toMatchObject({ file: 'bad.edn', models: { linearizable: false, 'monotonic-reads': false, 'read-your-writes': true, eventual: 'unknown' } });
    expect(typeof report.ms).toBe('number');
  });

  it('names a malformed line, carries on with the other files, and exits non-zero', () => {
    const { code, out, err } = cli(['broken.edn', 'missing.edn', 'good.edn'], { 'broken.edn': `${GOOD}\n{:process 2, :type :invoke`, 'good.edn': GOOD });
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^broken\.edn: line 5: /);
    expect(err[1]).toBe('missing.edn: cannot be read (no such file)');
    expect(out).toHaveLength(1);
  });

  it('explains itself when given no file', () => {
    const { code, err } = cli(['--json'], {});
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^usage: npm run check-history -- \[--json\] FILE\.\.\./);
  });
});
