import { clockTime } from '../content/budgetWords.ts';
import { selectPending, selectTime } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';

/**
 * While a long run is simulated in slices (store `pending`): what it is working out, how
 * far it has got, what is shown meanwhile, and a way to stop and keep it. It floats over
 * the stage's top edge, so nothing below it moves (a learner may be dragging the timeline),
 * and only its first sentence is announced: the percentage is not a live region.
 */
export function SimulatingBar() {
  const pending = useLab(selectPending);
  const time = useLab(selectTime);
  const store = useLabStoreApi();
  return (
    <div className="simulating-anchor">
      <p className="visually-hidden" role="status">
        {pending ? `Working out the run at ${clockTime(pending.time)}; the picture shows ${clockTime(time)} until then.` : ''}
      </p>
      {pending && (
        <div className="simulating">
          <span>
            Working out {clockTime(pending.time)}, showing {clockTime(time)} until then
          </span>
          <progress max={100} value={Math.round(pending.progress * 100)} aria-label="Working out the run" />
          <button type="button" className="quiet" onClick={() => store.getState().cancelPending()}>
            Stop
          </button>
        </div>
      )}
    </div>
  );
}
