import { selectPending } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';

/**
 * While a long run is simulated in slices (store `pending`): how far it has got, and a way
 * to stop and keep what is shown. The page answers all the while.
 */
export function SimulatingBar() {
  const pending = useLab(selectPending);
  const store = useLabStoreApi();
  if (!pending) return null;
  const percent = Math.round(pending.progress * 100);
  return (
    <div className="simulating" role="status">
      <label>
        Simulating the run… <progress max={100} value={percent} aria-label="Simulating the run" /> {percent}%
      </label>
      <button type="button" className="quiet" onClick={() => store.getState().cancelPending()}>
        Stop
      </button>
    </div>
  );
}
