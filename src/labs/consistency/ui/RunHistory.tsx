import { useId, useRef } from 'react';
import type { HistoryOp } from '../../../check/history.ts';
import type { ModelId, ModelVerdict } from '../../../check/models.ts';
import { useElementWidth } from '../../../components/useElementWidth.ts';
import { HistoryDiagram } from './HistoryDiagram.tsx';

interface Props {
  readonly history: readonly HistoryOp[];
  /** The chosen model and its verdict: a broken one's witness is marked, and a search's longest order numbered. */
  readonly model: ModelId;
  readonly verdict: ModelVerdict | null;
  readonly title?: string;
}

/** The judged operations as a diagram of clients over time, the witness marked. */
export function RunHistory({ history, model, verdict, title = 'The operations judged' }: Props) {
  const broken = verdict?.result === 'violated' ? verdict : null;
  const witness = broken ? broken.witness.ops : [];
  // The order belongs to the chosen model's own search, not to a model it was inferred from.
  const order = broken && !broken.by && (model === 'linearizable' || model === 'sequential') ? broken.witness.partial : [];
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const width = Math.max(300, useElementWidth(box, 800));
  return (
    <section className="run-history" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{title}</h3>
      {history.length === 0 ? (
        <p className="muted">No reads or writes yet.</p>
      ) : (
        <div ref={box}>
          <HistoryDiagram history={history} width={width} witness={new Set(witness)} order={order} title={title} />
          {witness.length > 0 && <p className="small">Marked: the operations named above; the others are dimmed.{order.length > 0 ? ' Numbered: the longest order the search found.' : ''}</p>}
        </div>
      )}
    </section>
  );
}
