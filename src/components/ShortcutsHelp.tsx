import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { stageRun, stageVersion, subscribeStage } from '../controller/stage.ts';
import { SHORTCUTS, type ShortcutScope } from './shortcutTable.ts';

let opener: (() => void) | null = null;

/** Open the page's list of shortcuts (the playback bar's "Keyboard shortcuts" button, and ?). */
export function openShortcutsHelp(): void {
  opener?.();
}

const HEADINGS: Readonly<Record<ShortcutScope, string>> = { run: 'The run', page: 'Anywhere', presenter: 'In presenter mode' };

/**
 * Every shortcut of the page in view, from the one table (shortcutTable.ts): the run's
 * where the lab has a run, the page's, and the presenter's. One dialog for the page,
 * rendered by the shell; closed by its button or Escape (a native dialog).
 */
export function ShortcutsHelp() {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // Read when it opens: which lab is in view decides what is listed.
  const [, setOpened] = useState(0);
  useSyncExternalStore(subscribeStage, stageVersion);
  useEffect(() => {
    opener = () => {
      setOpened((n) => n + 1);
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    return () => {
      opener = null;
    };
  }, []);
  const hasRun = stageRun() !== null;
  const scopes: readonly ShortcutScope[] = hasRun ? ['run', 'page', 'presenter'] : ['page', 'presenter'];
  return (
    <dialog ref={dialog} className="shortcuts-help" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Keyboard shortcuts</h2>
      {scopes.map((scope) => (
        <section key={scope} aria-labelledby={`${id}-${scope}`}>
          <h3 id={`${id}-${scope}`}>{HEADINGS[scope]}</h3>
          <dl>
            {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
              <div key={s.action} className="shortcut-row">
                <dt>
                  <kbd>{s.shown}</kbd>
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="small">They do nothing while you type in a field. Space presses a focused button; the arrow keys move a focused slider or choice.</p>
      {/* A button, not a dialog form: a sandboxed frame without allow-forms blocks form submissions. */}
      <button type="button" className="primary" onClick={(e) => e.currentTarget.closest('dialog')?.close()}>
        Close
      </button>
    </dialog>
  );
}
