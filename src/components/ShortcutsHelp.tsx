import { useId, type Ref } from 'react';

/**
 * The keyboard shortcuts of a lab's own clock, in one dialog: opened by the "Keyboard
 * shortcuts" button or the ? key, closed by its button or Escape (a native dialog).
 */
export function ShortcutsHelp({ ref }: { readonly ref: Ref<HTMLDialogElement> }) {
  const id = useId();
  return (
    <dialog ref={ref} className="shortcuts-help" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Keyboard shortcuts</h2>
      <dl>
        <dt>
          <kbd>k</kbd> or <kbd>Space</kbd>
        </dt>
        <dd>Play or pause</dd>
        <dt>
          <kbd>.</kbd>
        </dt>
        <dd>Step to the next event (over any quiet stretch)</dd>
        <dt>
          <kbd>Shift</kbd>+<kbd>R</kbd>
        </dt>
        <dd>Reset the run</dd>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>This list</dd>
      </dl>
      <p className="small">They do nothing while you type in a field. Space presses a focused button instead.</p>
      {/* A button, not a dialog form: a sandboxed frame without allow-forms blocks form submissions. */}
      <button type="button" className="primary" onClick={(e) => e.currentTarget.closest('dialog')?.close()}>
        Close
      </button>
    </dialog>
  );
}
