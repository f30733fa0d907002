import { IMPLIES, type ModelId, type ModelVerdict } from '../../../check/models.ts';
import { MODEL_NAMES, VERDICT_WORDS } from '../../../content/modelNames.ts';

/** Where each model sits: row (strongest at the top) and column, in a 6-column grid. */
const PLACE: Record<ModelId, { readonly row: number; readonly col: number; readonly span: number }> = {
  linearizable: { row: 0, col: 1, span: 4 },
  sequential: { row: 1, col: 1, span: 4 },
  causal: { row: 2, col: 1, span: 4 },
  pram: { row: 3, col: 0, span: 4 },
  'writes-follow-reads': { row: 3, col: 4, span: 2 },
  'read-your-writes': { row: 4, col: 0, span: 2 },
  'monotonic-reads': { row: 4, col: 2, span: 2 },
  'monotonic-writes': { row: 4, col: 4, span: 2 },
  eventual: { row: 5, col: 0, span: 6 },
};

const ROWS = 6;

interface Props {
  /** Null while the run is being checked. */
  readonly verdicts: Readonly<Record<ModelId, ModelVerdict>> | null;
  readonly selected: ModelId;
  readonly onSelect: (m: ModelId) => void;
}

function state(v: ModelVerdict | undefined): keyof typeof VERDICT_WORDS {
  return v ? v.result : 'pending';
}

/**
 * The consistency models as a hierarchy: each arrow runs from a model to one it implies.
 * Each model is a button showing its verdict on the run with an icon and a word (and a
 * colour); choosing it shows its details. Eventual consistency sits apart, below: it is
 * about replicas converging, not about what reads return.
 */
export function SpectrumMap({ verdicts, selected, onSelect }: Props) {
  const centre = (m: ModelId) => ({ x: ((PLACE[m].col + PLACE[m].span / 2) / 6) * 100, y: ((PLACE[m].row + 0.5) / ROWS) * 100 });
  return (
    <div className="spectrum-map">
      <svg className="spectrum-arrows" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
        {IMPLIES.map(([from, to]) => {
          const a = centre(from);
          const b = centre(to);
          return <line key={`${from}-${to}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
        })}
      </svg>
      {(Object.keys(PLACE) as ModelId[]).map((m) => {
        const v = verdicts?.[m];
        const s = state(v);
        const words = VERDICT_WORDS[s];
        return (
          <button
            key={m}
            type="button"
            className={`spectrum-model v-${s}${m === selected ? ' selected' : ''}${m === 'eventual' ? ' apart' : ''}`}
            style={{ gridRow: PLACE[m].row + 1, gridColumn: `${PLACE[m].col + 1} / span ${PLACE[m].span}` }}
            aria-pressed={m === selected}
            onClick={() => onSelect(m)}
          >
            <span className="model-name">{MODEL_NAMES[m]}</span>
            <span className="model-verdict">
              <span aria-hidden="true">{words.icon}</span> {words.word}
            </span>
          </button>
        );
      })}
    </div>
  );
}
