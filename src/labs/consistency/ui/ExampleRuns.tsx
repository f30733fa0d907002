import { useEffect, useId, useRef, useState } from 'react';
import type { ModelId } from '../../../check/models.ts';
import { useElementWidth } from '../../../components/useElementWidth.ts';
import { MODEL_NAMES, VERDICT_WORDS } from '../../../content/modelNames.ts';
import { examplesFor, type SeparatingExample } from '../../../content/separatingExamples.ts';
import { useLabStoreApi } from '../../../store/LabStoreContext.tsx';
import type { JudgeResponse } from '../model/judgeMessages.ts';
import { HistoryDiagram } from './HistoryDiagram.tsx';
import { judge } from './judge.ts';

/** Each example is judged once a page, in the background, the first time it is shown. */
const judged = new Map<string, Promise<JudgeResponse>>();

function useExampleJudgement(example: SeparatingExample): JudgeResponse | null {
  const [response, setResponse] = useState<{ id: string; r: JudgeResponse } | null>(null);
  useEffect(() => {
    let live = true;
    let p = judged.get(example.id);
    if (!p) {
      p = judge({ kind: 'run', scenario: example.scenario });
      judged.set(example.id, p);
    }
    void p.then((r) => live && setResponse({ id: example.id, r }));
    return () => {
      live = false;
    };
  }, [example]);
  return response?.id === example.id ? response.r : null;
}

/**
 * Beside a model's definition, the runs that tell it from the models just below it on the
 * map (content/separatingExamples.ts): each drawn as a history with the operations that
 * break the model marked, with both verdicts as the checkers give them, its story, and a
 * button that loads it into the lab's cluster to replay and change.
 */
export function ExampleRuns({ model }: { readonly model: ModelId }) {
  const id = useId();
  const shown = examplesFor(model);
  if (shown.length === 0) return null;
  return (
    <section className="panel example-runs" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{shown.length === 1 ? 'An example' : 'Examples'}: what {MODEL_NAMES[model].toLowerCase()} rules out</h3>
      <div className="example-list">
        {shown.map(({ example, keeps }) => (
          <ExampleRun key={example.id} example={example} model={model} keeps={keeps} />
        ))}
      </div>
    </section>
  );
}

function ExampleRun({ example, model, keeps }: { readonly example: SeparatingExample; readonly model: ModelId; readonly keeps: readonly ModelId[] }) {
  const store = useLabStoreApi();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(280, useElementWidth(box, 420));
  const response = useExampleJudgement(example);
  const judgement = response?.ok ? response.judgement : null;
  const verdict = judgement?.verdicts[model];
  const witness = verdict?.result === 'violated' ? new Set(verdict.witness.ops) : new Set<number>();
  // The models the example keeps, then the one it breaks.
  const named: ModelId[] = [...keeps, model];
  return (
    <article className="example-run" aria-label={`Example: ${example.title}`}>
      <h4>{example.title}</h4>
      <ul className="verdict-chips" aria-label="What the checkers say of this run">
        {named.map((m) => {
          const s = judgement ? judgement.verdicts[m].result : 'pending';
          const words = VERDICT_WORDS[s];
          return (
            <li key={m} className={`chip v-${s}`}>
              <span aria-hidden="true">{words.icon}</span> {MODEL_NAMES[m]} {words.word}
            </li>
          );
        })}
      </ul>
      <div ref={box}>
        {judgement ? (
          <HistoryDiagram history={judgement.history} width={width} witness={witness} title={`Example: ${example.title}`} />
        ) : response && !response.ok ? (
          <p role="alert">This example could not be checked: {response.error}.</p>
        ) : (
          <p className="muted">Checking the example…</p>
        )}
      </div>
      <p>{example.story}</p>
      <button
        type="button"
        onClick={() =>
          store.getState().load(example.scenario, 0, { kind: 'info', text: `Example loaded: “${example.title}”. The map judges it; press Play below it to watch, and change it like any run.` })
        }
      >
        Replay “{example.title}” in the lab
      </button>
    </article>
  );
}
