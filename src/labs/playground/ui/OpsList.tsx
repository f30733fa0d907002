import { useId } from 'react';
import { selectHighlight, selectRun } from '../../../store/labStore.ts';
import { useLab, useLabStoreApi } from '../../../store/LabStoreContext.tsx';
import { describeInvoke, describeOutcome } from '../../../view/narration.ts';
import { valueWords } from '../../../view/valueWords.ts';
import { useMoment } from '../../../components/useMoment.ts';

/** The newest operations shown; a busy workload would otherwise make a list of hundreds. */
const SHOWN_OPS = 40;

const STATUS_WORDS = { pending: 'waiting', ok: 'done', fail: 'failed', timeout: 'timed out' } as const;

/** The learner's operations as they stood at the playhead, newest first. */
export function OpsList() {
  const store = useLabStoreApi();
  const model = useMoment();
  const highlight = useLab(selectHighlight);
  const run = useLab(selectRun);
  const id = useId();
  const ops = model.ops.slice(-SHOWN_OPS).reverse();
  const earlier = model.ops.length - ops.length;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Operations</h2>
      {ops.length === 0 ? (
        <p className="muted">None yet. Write a value to start.</p>
      ) : (
        <ol className="ops" reversed>
          {ops.map(({ op, status }) => {
            const mark = model.markOf(op);
            const lit = highlight?.kind === 'op' && highlight.id === op.id;
            return (
              <li key={op.id} className={`op ${status}${mark ? ` ${mark}` : ''}${lit ? ' lit' : ''}`} onPointerEnter={() => store.getState().setHighlight({ kind: 'op', id: op.id })} onPointerLeave={() => store.getState().setHighlight(null)}>
                <button type="button" className="link-button" onClick={() => store.getState().select({ kind: 'op', id: op.id })}>
                  <span className={`status-tag ${status}`}>{mark ?? STATUS_WORDS[status]}</span> {status === 'pending' ? describeInvoke(op, valueWords(run.sim.strategy.id)) : describeOutcome(op, mark, valueWords(run.sim.strategy.id))}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {earlier > 0 && <p className="small muted">…and {earlier} earlier operation{earlier === 1 ? '' : 's'}.</p>}
    </section>
  );
}
