import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useLab, useLabController } from '../store/LabStoreContext.tsx';
import type { LabState } from '../store/labStore.ts';

const selectNothingScripted = (s: LabState) => s.run.scenario.script.length === 0;
import { formatSeconds } from './PlaybackBar.tsx';

/** At most one announcement this often, so a screen reader is not flooded. */
const ANNOUNCE_EVERY_MS = 1500;

/**
 * Tells what happens as the playhead passes it: a polite, throttled live region for screen
 * readers and a short visible log for everyone. The words come from the lab's narration
 * (controller/narration.ts), which follows the playhead without React; this view only
 * renders when something is told.
 */
export function Narrator({ firstMove }: { readonly firstMove?: string } = {}) {
  const { narration } = useLabController();
  const id = useId();
  const log = useSyncExternalStore(narration.subscribe, narration.lines);
  const [announcement, setAnnouncement] = useState('');
  const empty = useLab(selectNothingScripted);

  useEffect(() => {
    // Lines told before this view was there are not announced: they are in the log.
    narration.takeUntold();
    const timer = setInterval(() => {
      const lines = narration.takeUntold();
      if (lines.length === 0) return;
      // Each line as a sentence: some lines end in a full stop already.
      const latest = lines.slice(-2).map((l) => (/[.!?]$/.test(l.text) ? l.text : `${l.text}.`));
      setAnnouncement(lines.length > 2 ? `${latest.join(' ')} And ${lines.length - 2} more.` : latest.join(' '));
    }, ANNOUNCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [narration]);

  return (
    <section className="panel narrator" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>What just happened</h2>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {log.length === 0 ? (
        // Until something happens, what to do first: Play alone has nothing to show in an empty run.
        <p className={firstMove && empty ? 'first-move' : 'muted'}>{firstMove && empty ? firstMove : 'Events appear here as the run plays.'}</p>
      ) : (
        // Scrolls when long: focusable, so a keyboard can scroll it too.
        <ol className="log" tabIndex={0} aria-labelledby={`${id}-title`}>
          {log.map((l, i) => (
            <li key={`${l.at}-${i}`}>
              <span className="log-time">{formatSeconds(l.at)}</span> {l.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
