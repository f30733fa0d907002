import { useStore } from 'zustand';
import { ariaKeysOf } from '../../components/shortcutTable.ts';
import { presenterStore, selectOn, togglePresenter } from '../../store/presenterStore.ts';

/** The button that turns presenter mode on, for the site's banner. */
export function PresenterToggle() {
  const on = useStore(presenterStore, selectOn);
  return (
    <button type="button" className="quiet presenter-toggle" aria-pressed={on} aria-keyshortcuts={ariaKeysOf('presenter')} onClick={togglePresenter}>
      Presenter mode
    </button>
  );
}
