import { useId, useRef } from 'react';
import type { HistoryOp } from '../../../check/history.ts';
import { useElementWidth } from '../../../components/useElementWidth.ts';
import { HistoryDiagram } from './HistoryDiagram.tsx';

interface Props {
  readonly history: readonly HistoryOp[];
  /** The chosen model's witness (history ids), marked on the diagram. */
  readonly witness: readonly number[];
  readonly title?: string;
}

/** The judged operations as a diagram of clients over time, the witness marked. */
export function RunHistory({ history, witness, title = 'The operations judged' }: Props) {
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
          <HistoryDiagram history={history} width={width} witness={new Set(witness)} title={title} />
          {witness.length > 0 && <p className="small">Marked: the operations named above; the others are dimmed.</p>}
        </div>
      )}
    </section>
  );
}
