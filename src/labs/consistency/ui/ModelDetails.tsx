import { useId } from 'react';
import type { HistoryOp } from '../../../check/history.ts';
import type { ModelId, ModelVerdict } from '../../../check/models.ts';
import { MODEL_NAMES } from '../../../content/modelNames.ts';
import { AVAILABILITY_WORDS, MODEL_WORDS } from '../../../content/spectrumWords.ts';
import { witnessSentence, type TimeWords } from '../../../content/witnessWords.ts';

interface Props {
  readonly model: ModelId;
  readonly verdict: ModelVerdict | null;
  readonly history: readonly HistoryOp[];
  readonly time: TimeWords;
  /** What is being judged, for the heading: "your run", "the pasted history". */
  readonly subject: string;
  /** Eventual consistency's own sentence (which replicas disagree, or why it is not judged). */
  readonly eventualDetail: string | null;
}

/** One model: its verdict on what is judged, with the witness in words; what it promises; what it costs in a partition; what gives it here. */
export function ModelDetails({ model, verdict, history, time, subject, eventualDetail }: Props) {
  const id = useId();
  const words = MODEL_WORDS[model];
  const availability = AVAILABILITY_WORDS[words.availability];
  const sentence = verdict ? witnessSentence(model, verdict, history, time) : `${MODEL_NAMES[model]}: checking ${subject}…`;
  return (
    <section className="panel model-details" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{MODEL_NAMES[model]}</h3>
      <p className="verdict-sentence" role="status">
        {sentence}
        {model === 'eventual' && eventualDetail ? ` ${eventualDetail.charAt(0).toUpperCase()}${eventualDetail.slice(1)}.` : ''}
      </p>
      <p>{words.definition}</p>
      <p>
        <strong>In a partition: {availability.label}.</strong> {availability.sentence}
      </p>
      <p>{words.inThisLab}</p>
    </section>
  );
}
