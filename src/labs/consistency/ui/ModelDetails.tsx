import { useId } from 'react';
import type { HistoryOp } from '../../../check/history.ts';
import type { ModelId, ModelVerdict } from '../../../check/models.ts';
import { MODEL_NAMES } from '../../../content/modelNames.ts';
import type { Verdict } from '../../../check/verdict.ts';
import { AVAILABILITY_WORDS, CAUSAL_CONVERGENCE_WORDS, MODEL_WORDS } from '../../../content/spectrumWords.ts';
import { partialSentence, seconds, witnessSentence, type TimeWords } from '../../../content/witnessWords.ts';

interface Props {
  readonly model: ModelId;
  readonly verdict: ModelVerdict | null;
  readonly history: readonly HistoryOp[];
  /** How the history's times are read out: seconds (a run, the default) or lines (a log). */
  readonly time?: TimeWords;
  /** What is being judged, for the heading: "your run", "the pasted history". */
  readonly subject: string;
  /** Eventual consistency's own sentence (which replicas disagree, or why it is not judged). */
  readonly eventualDetail: string | null;
  /** Causal convergence's verdict, told beside causal's; null while checking. */
  readonly causalConvergence: Verdict | null;
}

/** The sessions lab's story where this model breaks and the module's fixes mend it. */
const STORY_OF: Partial<Record<ModelId, { readonly id: string; readonly title: string }>> = {
  'read-your-writes': { id: 'own-write', title: 'Where is my update?' },
  'monotonic-reads': { id: 'count-down', title: 'The count went down' },
  'monotonic-writes': { id: 'old-price', title: 'The price before its correction' },
  'writes-follow-reads': { id: 'reply-first', title: 'A reply before its question' },
  causal: { id: 'comment-first', title: 'A comment before its post' },
};

/** One model: its verdict on what is judged, with the witness in words; what it promises; what it costs in a partition; what gives it here. */
export function ModelDetails({ model, verdict, history, time = seconds, subject, eventualDetail, causalConvergence }: Props) {
  const id = useId();
  const words = MODEL_WORDS[model];
  const availability = AVAILABILITY_WORDS[words.availability];
  const sentence = verdict ? witnessSentence(model, verdict, history, time) : `${MODEL_NAMES[model]}: checking ${subject}…`;
  const partial = verdict ? partialSentence(model, verdict, history) : null;
  return (
    <section className="panel model-details" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{MODEL_NAMES[model]}</h3>
      <p className="verdict-sentence" role="status">
        {sentence}
        {model === 'eventual' && eventualDetail ? ` ${eventualDetail.charAt(0).toUpperCase()}${eventualDetail.slice(1)}.` : ''}
      </p>
      {partial && <p>{partial}</p>}
      <p>{words.definition}</p>
      <p>
        <strong>In a partition: {availability.label}.</strong> {availability.sentence}
      </p>
      <p>{words.inThisLab}</p>
      {STORY_OF[model] && (
        <p>
          <a href={`?lab=sessions&story=${STORY_OF[model].id}`}>See it broken, and each fix, in the sessions lab: “{STORY_OF[model].title}”</a>
        </p>
      )}
      {model === 'causal' && (
        <>
          <h4>{CAUSAL_CONVERGENCE_WORDS.name}</h4>
          <p className="verdict-sentence">
            {causalConvergence ? witnessSentence('causal', causalConvergence, history, time, CAUSAL_CONVERGENCE_WORDS.name) : `${CAUSAL_CONVERGENCE_WORDS.name}: checking ${subject}…`}
          </p>
          <p>{CAUSAL_CONVERGENCE_WORDS.definition}</p>
        </>
      )}
    </section>
  );
}
