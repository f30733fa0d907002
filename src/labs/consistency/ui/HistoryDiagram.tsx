import { useId } from 'react';
import type { HistoryOp } from '../../../check/history.ts';
import { historyGeometry } from '../model/historyGeometry.ts';

interface Props {
  readonly history: readonly HistoryOp[];
  readonly width: number;
  /** Operations to bring forward (a witness); the rest are dimmed while any is. */
  readonly witness?: ReadonlySet<number>;
  /** The longest order a search found (history ids): its operations are numbered. */
  readonly order?: readonly number[];
  readonly title: string;
}

/**
 * A history as a space-time diagram of client operations: a lane per client, a bar per
 * operation from its start to its end, labelled with what it wrote or read. The witness of
 * a broken model is drawn bold and the rest dimmed; the list below names the witness in
 * words, so nothing rests on colour alone.
 */
export function HistoryDiagram({ history, width, witness, order = [], title }: Props) {
  const id = useId();
  const g = historyGeometry(history, width, witness, order);
  const anyWitness = witness !== undefined && witness.size > 0;
  return (
    <figure className="history-diagram">
      <svg role="img" aria-labelledby={`${id}-t`} viewBox={`0 0 ${g.width} ${g.height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{`${title}: ${history.length} operation${history.length === 1 ? '' : 's'} by ${g.lanes.length} client${g.lanes.length === 1 ? '' : 's'}${anyWitness ? `, ${witness.size} of them marked` : ''}${order.length > 0 ? `, ${order.length} numbered in the longest order found` : ''}`}</title>
        {g.lanes.map((l) => (
          <g key={l.process}>
            <line x1={g.left} x2={g.right} y1={l.y} y2={l.y} className="hd-lane" />
            <text x={g.left - 6} y={l.y + 4} textAnchor="end" className="hd-name">
              {l.process}
            </text>
          </g>
        ))}
        {g.bars.map((b) => (
          <g key={b.id} className={`hd-op${b.inWitness ? ' hd-witness' : anyWitness ? ' hd-dim' : ''}${b.open ? ' hd-open' : ''}`}>
            <rect x={b.x1} y={b.y - 9} width={Math.max(3, b.x2 - b.x1)} height={18} rx={3} />
            <text x={b.x1 + 4} y={b.y + 4}>
              {b.label}
            </text>
            {b.rank > 0 && (
              <g className="hd-rank">
                <circle cx={b.x1} cy={b.y - 10} r={7} />
                <text x={b.x1} y={b.y - 6.5} textAnchor="middle">
                  {b.rank}
                </text>
              </g>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
