import { useStore } from 'zustand';
import { ariaKeysOf } from '../../components/shortcutTable.ts';
import { presenterStore, selectOn } from '../../store/presenterStore.ts';

/** The button that turns presenter mode on, for the site's banner. */
export function PresenterToggle() {
  const on = useStore(presenterStore, selectOn);
  return (
    <button type="button" className="quiet presenter-toggle" aria-pressed={on} aria-keyshortcuts={ariaKeysOf('presenter')} onClick={() => presenterStore.setState((s) => ({ on: !s.on, blank: false }))}>
      Presenter mode
    </button>
  );
}
