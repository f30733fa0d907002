import { useId, useRef, useState } from 'react';
import { fullLabHref } from '../embed/shell.ts';
import { SNIPPET_KINDS, snippetFor, type SnippetKind } from '../embed/snippets.ts';
import './embedDialog.css';

export interface EmbedButtonProps {
  /** The lab's title as the page shows it ("Quorum lab"); the frame's title is "Eventual Consistency Lab: " and this. */
  readonly labTitle: string;
  /** Where the README's "Sharing and embedding" section is published, if it is; without it the section is named, not linked. */
  readonly readmeHref?: string;
}

const COPIED = 'Copied. Paste it into your page.';
export const COPY_BY_HAND = 'Copy it with Ctrl+C (or ⌘C)';

/**
 * "Embed this": a button that opens a dialog with a snippet to paste into a docs page,
 * for the lab and run as they are when it opens (plain HTML, Docusaurus, MkDocs or
 * Starlight; embed/snippets.ts makes them). A native modal dialog: Escape or Close shuts
 * it and focus goes back to the button. No <form>: a sandboxed frame without allow-forms
 * blocks form submissions.
 */
export function EmbedButton({ labTitle, readmeHref }: EmbedButtonProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // The address is read when the dialog opens, so the snippet holds the run as it is then.
  const [href, setHref] = useState<string | null>(null);
  const [kind, setKind] = useState<SnippetKind>('html');
  const [status, setStatus] = useState('');
  // One part for a plain page; a page part and a configuration part for a docs generator, each copied on its own.
  const parts = href === null ? [] : snippetFor(kind, href, `Eventual Consistency Lab: ${labTitle}`).parts;

  const open = () => {
    setHref(fullLabHref());
    setStatus('');
    const d = dialog.current;
    if (!d || d.open) return;
    d.showModal();
    d.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  };

  const choose = (next: SnippetKind) => {
    setKind(next);
    setStatus('');
  };

  const copy = async (i: number) => {
    try {
      if (typeof navigator.clipboard?.writeText !== 'function') throw new Error('No clipboard here.');
      await navigator.clipboard.writeText(parts[i]!.code);
      setStatus(parts.length > 1 ? `Copied. Paste it into ${parts[i]!.where}.` : COPIED);
    } catch {
      // Refused (a frame without clipboard-write, an insecure page): select it for the keyboard.
      const area = document.getElementById(`${id}-code-${i}`) as HTMLTextAreaElement | null;
      area?.focus();
      area?.select();
      setStatus(COPY_BY_HAND);
    }
  };

  return (
    <>
      <button type="button" onClick={open}>
        Embed this
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`}>
        <h2 id={`${id}-title`}>Embed this lab</h2>
        <p id={`${id}-what`}>The snippet holds this lab and its run as they are now; change the run later and make a new one.</p>
        <fieldset className="embed-kinds">
          <legend>Where your page is made</legend>
          {SNIPPET_KINDS.map((k) => (
            <label key={k.kind}>
              <input type="radio" name={`${id}-kind`} value={k.kind} checked={kind === k.kind} onChange={() => choose(k.kind)} />
              {k.label}
            </label>
          ))}
        </fieldset>
        <p id={`${id}-where`} className="small muted">
          {kind === 'html'
            ? 'Paste it where the lab should appear. The script sizes the frame to the lab; include it once a page.'
            : 'The first part goes in your page where the lab should appear; the second, once, in the site’s configuration.'}
        </p>
        {parts.map((part, i) => {
          const name = parts.length > 1 ? `For ${part.where}` : 'Snippet to paste';
          return (
            <div key={`${kind}-${i}`} className="embed-part">
              <label className="embed-snippet" htmlFor={`${id}-code-${i}`}>
                {name}
              </label>
              <textarea id={`${id}-code-${i}`} readOnly value={part.code} rows={part.code.split('\n').length + 1} spellCheck={false} wrap="off" aria-describedby={`${id}-where`} />
              <button type="button" className={i === 0 ? 'primary' : undefined} onClick={() => void copy(i)} aria-label={parts.length > 1 ? `Copy: ${name}` : undefined}>
                Copy
              </button>
            </div>
          );
        })}
        <p role="status" className="small">
          {status}
        </p>
        <p className="small">
          To start, stop or load runs from your page, or hear what the learner did, see the{' '}
          <a href="./host-demo.html" target="_blank" rel="noopener">
            host demo page
          </a>{' '}
          and the README’s section{' '}
          {readmeHref ? <a href={readmeHref}>Sharing and embedding</a> : '“Sharing and embedding”'}.
        </p>
        <div className="button-row">
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
