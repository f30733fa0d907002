import './presenter.css';
import { useEffect, useMemo, useState } from 'react';
import { bindings } from '../../components/shortcutTable.ts';
import { useShortcuts } from '../../components/useShortcuts.ts';
import { browserAddress } from '../../embed/address.ts';
import { speakerToken } from '../../embed/playlist.ts';
import { isShownState, openChannel, type ShownState, type SpeakerMessage } from './channel.ts';

/** The token of the projected window that opened this one, from this window's address. */
const token = speakerToken(browserAddress.read());

/** Tell the projected window: a message is on its way once posted, so the channel can close at once. */
function send(message: SpeakerMessage): void {
  if (token === null) return;
  const c = openChannel(token);
  c?.postMessage(message);
  c?.close();
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The speaker view: a second window for the presenter's own screen, with the talking point
 * of what is on show, what comes next, and a clock, kept in step with the projected window
 * over a BroadcastChannel. Its buttons and keys step the projected window.
 */
export default function SpeakerView() {
  const [shown, setShown] = useState<ShownState | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [started] = useState(() => Date.now());
  const missing = typeof BroadcastChannel === 'undefined';
  useEffect(() => {
    if (token === null) return;
    const c = openChannel(token);
    if (!c) return;
    c.onmessage = (e: MessageEvent) => {
      if (isShownState(e.data)) setShown(e.data);
    };
    c.postMessage({ type: 'hello' } satisfies SpeakerMessage);
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      window.clearInterval(timer);
      c.close();
    };
  }, []);
  const keys = useMemo(() => bindings({ next: () => send({ type: 'next' }), previous: () => send({ type: 'previous' }), blank: () => send({ type: 'blank' }) }), []);
  useShortcuts(keys);

  return (
    <main id="main" className="speaker-view">
      <h1>Speaker view</h1>
      {token === null ? (
        <p role="alert">Open the speaker view from the projected window, with its “Speaker view” button or the s key: that is how the two find each other.</p>
      ) : missing ? (
        <p role="alert">This browser cannot keep two windows in step (it has no BroadcastChannel): use the projected window’s own keys.</p>
      ) : shown === null ? (
        <p role="status">Waiting for the projected window: it must be open in presenter mode, in this browser.</p>
      ) : (
        <>
          <section aria-labelledby="speaker-now">
            <p className="speaker-position">
              {shown.position}
              {shown.blank && <strong> · The projected screen is blank (b shows it again)</strong>}
            </p>
            <h2 id="speaker-now">Now: {shown.title}</h2>
            <p className="speaker-point">{shown.point || 'No talking point for this one.'}</p>
          </section>
          <section aria-labelledby="speaker-next" className="speaker-next">
            <h2 id="speaker-next">Next: {shown.next ? shown.next.title : 'nothing: this is the last'}</h2>
            {shown.next?.point && <p>{shown.next.point}</p>}
          </section>
        </>
      )}
      <div className="button-row">
        <button type="button" onClick={() => send({ type: 'previous' })}>
          ← Previous
        </button>
        <button type="button" className="primary" onClick={() => send({ type: 'next' })}>
          Next →
        </button>
        <button type="button" onClick={() => send({ type: 'blank' })}>
          Blank or show the screen
        </button>
      </div>
      <p className="speaker-clock">
        <span role="timer" aria-label="Time since the speaker view opened">
          {clock(now - started)}
        </span>{' '}
        · {new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
      </p>
    </main>
  );
}
