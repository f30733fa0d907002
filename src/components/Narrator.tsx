import { useEffect, useId, useRef, useState } from 'react';
import { staleCheckerFor } from '../check/staleReads.ts';
import type { LabState } from '../store/labStore.ts';
import { useLabStoreApi } from '../store/LabStoreContext.tsx';
import { clusterModel } from './clusterModel.ts';
import { narrate, type NarrationLine } from '../view/narration.ts';
import { formatSeconds } from './PlaybackBar.tsx';
import { lostWriteWords } from '../content/lostWriteWords.ts';

/** At most one announcement this often, so a screen reader is not flooded. */
const ANNOUNCE_EVERY_MS = 1500;
const LOG_LINES = 8;
const NONE: ReadonlySet<number> = new Set();
/** A disagreement is told once it has lasted this long (virtual ms). */
const LASTING_MS = 500;

/**
 * Tells what happens as the playhead passes it: a polite, throttled live region for screen
 * readers and a short visible log for everyone. Follows the playhead through
 * store.subscribe, not by re-rendering on every frame.
 */
/** The keys replicas disagree on ('' when they agree), or null before any replica holds data. */
function agreementOf(s: LabState): string | null {
  const model = clusterModel(s.run, s.time);
  const held = [...model.cells.values()].some((cells) => cells.some((c) => c.holds));
  return held ? model.divergentKeys.join(', ') : null;
}

export function Narrator() {
  const store = useLabStoreApi();
  const id = useId();
  const [log, setLog] = useState<NarrationLine[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<NarrationLine[]>([]);

  useEffect(() => {
    let last = store.getState().time;
    let lastRun = store.getState().run;
    let agreement = agreementOf(store.getState());
    // Every write briefly leaves replicas apart while it spreads; only a disagreement that
    // lasts is worth telling, and then its end.
    let apartSince = 0;
    let toldApart = false;
    // Each lost write is told once, when it is first known to be lost. Forking keeps the
    // past, so a write is known by what it was, not by which run holds it.
    const toldLost = new Set<string>();
    const tell = (lines: NarrationLine[]) => {
      if (lines.length === 0) return;
      pending.current.push(...lines);
      setLog((old) => [...old, ...lines].slice(-LOG_LINES));
    };
    const unsubscribe = store.subscribe((s) => {
      if (s.time !== last || s.run !== lastRun) {
        // Replicas coming to agree, or falling out, is the point of the lab: say so.
        const now = agreementOf(s);
        if (now && !agreement) apartSince = s.time;
        if (now && !toldApart && s.time - apartSince >= LASTING_MS) {
          tell([{ at: s.time, text: `Replicas disagree on ${now}` }]);
          toldApart = true;
        } else if (now === '' && toldApart) {
          tell([{ at: s.time, text: 'All replicas now agree' }]);
          toldApart = false;
        }
        agreement = now;
      }
      const moved = s.time !== last || s.run !== lastRun;
      const lines = narrateSpan(s);
      if (moved) lines.push(...lostLines(s));
      // A write found lost is told just after the line that said it was acknowledged.
      tell(lines.sort((a, b) => a.at - b.at));
    });
    /** What happened since the last moment told, in words. */
    const narrateSpan = (s: LabState): NarrationLine[] => {
      if (s.run !== lastRun) {
        // A new run (an action at the playhead forks one): narrate from just before now, so
        // the action itself is told.
        lastRun = s.run;
        last = s.time - 1e-6;
      } else if (s.time < last) {
        // A jump back: start narrating from here.
        last = s.time;
        return [];
      }
      if (s.time === last) return [];
      const trace = s.run.sim.trace;
      const from = last;
      last = s.time;
      if (narrate(trace, from, s.time, NONE).length === 0) return [];
      // Something happened: now work out which reads were stale, and tell it.
      const done = trace.ops.filter((o) => o.completedAt !== null && o.completedAt <= s.time);
      const isStale = staleCheckerFor(trace.ops, s.run.sim.strategy);
      const stale = new Set(done.filter(isStale).map((op) => op.id as number));
      const lost = new Set(clusterModel(s.run, s.time).lost.map((l) => l.write.id as number));
      return narrate(trace, from, s.time, stale, s.run.sim.strategy, lost);
    };
    /** Writes newly known to be lost: an older write winning is known when the write is acknowledged. */
    const lostLines = (s: LabState): NarrationLine[] => {
      const out: NarrationLine[] = [];
      for (const l of clusterModel(s.run, s.time).lost) {
        const w = l.write;
        const id = `${w.id}|${w.client}|${w.key}|${w.value}|${w.invokedAt}`;
        if (toldLost.has(id)) continue;
        toldLost.add(id);
        out.push({ at: l.cause === 'older-write-won' ? w.completedAt! : s.time, text: lostWriteWords(l, s.run.sim.trace, s.run.sim.strategy) });
      }
      return out;
    };
    const timer = setInterval(() => {
      const lines = pending.current;
      if (lines.length === 0) return;
      pending.current = [];
      const latest = lines.slice(-2).map((l) => l.text);
      setAnnouncement(lines.length > 2 ? `${latest.join('. ')}. And ${lines.length - 2} more.` : latest.join('. ') + '.');
    }, ANNOUNCE_EVERY_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [store]);

  return (
    <section className="panel narrator" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>What just happened</h2>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {log.length === 0 ? (
        <p className="muted">Events appear here as the run plays.</p>
      ) : (
        <ol className="log">
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
