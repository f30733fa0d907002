import { useId, useState } from 'react';
import type { ModelId } from '../../../check/models.ts';
import { lines, type TimeWords } from '../../../content/witnessWords.ts';
import { safeText } from '../../../sim/safeText.ts';
import type { JudgeResponse } from '../model/judgeMessages.ts';
import { judge } from './judge.ts';
import { ModelDetails } from './ModelDetails.tsx';
import { RunHistory } from './RunHistory.tsx';
import { SpectrumMap } from './SpectrumMap.tsx';

/** The largest history file read: the checkers take histories up to 20,000 operations. */
const MAX_BYTES = 4_000_000;

const EXAMPLE = [
  '{:process 0, :type :invoke, :f :write, :value 1}',
  '{:process 0, :type :ok, :f :write, :value 1}',
  '{:process 1, :type :invoke, :f :read, :value nil}',
  '{:process 1, :type :ok, :f :read, :value 1}',
  '{:process 2, :type :invoke, :f :read, :value nil}',
  '{:process 2, :type :ok, :f :read, :value nil}',
].join('\n');

/**
 * Check a history from a test tool: Jepsen/Knossos EDN lines (`{:process 0, :type :invoke,
 * :f :write, :value 3}`, with `:key` for several keys) or Porcupine's etcd logs, pasted
 * or opened. Parsed and judged in the background, drawn as clients over time, with the
 * same map and witnesses as a run.
 */
export function ImportPanel() {
  const id = useId();
  const [text, setText] = useState('');
  const [name, setName] = useState('the pasted history');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<JudgeResponse | null>(null);
  const [model, setModel] = useState<ModelId>('linearizable');

  async function check(source: string, label: string) {
    setBusy(true);
    setResult(await judge({ kind: 'history', text: source, name: label }));
    setBusy(false);
  }

  async function open(file: File) {
    const label = safeText(file.name).slice(0, 80);
    if (file.size > MAX_BYTES) {
      setResult({ id: -1, ok: false, error: `“${label}” is ${Math.round(file.size / 1000)} kB; the lab checks histories up to 20,000 operations (a few MB)` });
      return;
    }
    const source = await file.text();
    setText(source);
    setName(`“${label}”`);
    await check(source, label);
  }

  const judgement = result?.ok ? result.judgement : null;
  // Logs without times are timed by line; a history with :time keeps its own clock.
  const time: TimeWords = judgement && judgement.history.every((o) => o.call < 1e6) ? lines : (t) => `time ${t}`;
  const verdict = judgement?.verdicts[model] ?? null;
  return (
    <section className="panel import" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Check a history from a test tool</h2>
      <p>
        Paste a Jepsen or Knossos history (one <code>{'{:process …, :type …, :f …, :value …}'}</code> map a line, with <code>:key</code> for several keys) or a
        Porcupine etcd log, or open one. It is checked against the same models as your run.
      </p>
      <label htmlFor={`${id}-text`}>History lines</label>
      <textarea id={`${id}-text`} rows={6} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} placeholder={EXAMPLE} />
      <div className="row">
        <button type="button" disabled={busy || text.trim() === ''} onClick={() => void check(text, name === 'the pasted history' ? 'the pasted history' : name)}>
          {busy ? 'Checking…' : 'Check the history'}
        </button>
        <button
          type="button"
          onClick={() => {
            setText(EXAMPLE);
            setName('the example history');
          }}
        >
          Paste an example
        </button>
        <label className="file">
          Open a history file <input type="file" accept=".edn,.log,.txt,text/plain" onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        </label>
      </div>
      {result && !result.ok && (
        <p role="alert" className="error">
          {name} could not be checked: {safeText(result.error).slice(0, 300)}.
        </p>
      )}
      {judgement && (
        <div className="spectrum-grid">
          <SpectrumMap verdicts={judgement.verdicts} selected={model} onSelect={setModel} />
          <ModelDetails model={model} verdict={verdict} history={judgement.history} time={time} subject={name} eventualDetail={null} causalConvergence={judgement.causalConvergence} />
          <RunHistory history={judgement.history} model={model} verdict={verdict} title="The history checked" />
        </div>
      )}
    </section>
  );
}
