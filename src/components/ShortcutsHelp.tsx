import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { selectAsked, shortcutsHelpAsked } from './openShortcutsHelp.ts';
import { stageRun, stageVersion, subscribeStage } from '../controller/stage.ts';
import { SHORTCUTS, type ShortcutScope } from './shortcutTable.ts';
import { SHORTCUT_WORDS } from './shortcutWords.ts';

const HEADINGS: Readonly<Record<ShortcutScope, string>> = { run: 'The run', page: 'Anywhere', presenter: 'In presenter mode' };

/**
 * Every shortcut of the page in view, from the one table (shortcutTable.ts): the run's
 * where the lab has a run, the page's, and the presenter's. One dialog for the page,
 * rendered by the shell; closed by its button or Escape (a native dialog).
 */
export default function ShortcutsHelp() {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened each time it is asked for (openShortcutsHelp.ts), the first time as soon as it has loaded.
  const asked = useStore(shortcutsHelpAsked, selectAsked);
  useSyncExternalStore(subscribeStage, stageVersion);
  useEffect(() => {
    if (asked === 0 || dialog.current?.open) return;
    dialog.current?.showModal();
    // From its title, not its Close button at the foot: the list is read from the top.
    heading.current?.focus();
  }, [asked]);
  const hasRun = stageRun() !== null;
  const scopes: readonly ShortcutScope[] = hasRun ? ['run', 'page', 'presenter'] : ['page', 'presenter'];
  return (
    <dialog ref={dialog} className="shortcuts-help" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`} ref={heading} tabIndex={-1}>
        Keyboard shortcuts
      </h2>
      {scopes.map((scope) => (
        <section key={scope} aria-labelledby={`${id}-${scope}`}>
          <h3 id={`${id}-${scope}`}>{HEADINGS[scope]}</h3>
          <dl>
            {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
              <div key={s.action} className="shortcut-row">
                <dt>
                  <kbd>{SHORTCUT_WORDS[s.action].shown}</kbd>
                </dt>
                <dd>{SHORTCUT_WORDS[s.action].does}</dd>
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
