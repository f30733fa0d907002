import { loadLostWriteWords, lostWriteWordsIfLoaded, type LostWriteWords } from './lostWords.ts';
import type { LabState, LabStore } from '../store/labStore.ts';
import { narrate, type NarrationLine } from '../view/narration.ts';
import { valueWords } from '../view/valueWords.ts';

/** A disagreement is told once it has lasted this long (virtual ms). */
export const LASTING_MS = 500;
const NONE: ReadonlySet<number> = new Set();

/**
 * What the lab tells as the playhead passes: operations, faults, lasting disagreements and
 * their end, and lost writes, once each. Framework-free: it follows the store through
 * `store.subscribe`, keeps the newest lines, and lets a view (or a test) read them.
 */
export interface Narration {
  /** The newest lines told, oldest first (at most `keep`). */
  lines(): readonly NarrationLine[];
  /** Lines told since the last call, for a live region to announce. */
  takeUntold(): NarrationLine[];
  /** Called whenever lines are told. */
  subscribe(listener: () => void): () => void;
  /** Start following the store (again); `stop` lets go of it. Both are idempotent. */
  start(): void;
  stop(): void;
}

/** The keys replicas disagree on ('' when they agree), or null before any replica holds data. */
function agreementOf(s: LabState): string | null {
  const model = s.run.at(s.time);
  const held = [...model.cells.values()].some((cells) => cells.some((c) => c.holds));
  return held ? model.divergentKeys.join(', ') : null;
}

/**
 * @example
 * const narration = createNarration(store); narration.start();
 * store.getState().act({ type: 'crash', node: 'A' });
 * narration.lines().at(-1)?.text // 'A crashed'
 */
export function createNarration(store: LabStore, keep = 8, words: LostWriteWords | null = null): Narration {
  let log: NarrationLine[] = [];
  let untold: NarrationLine[] = [];
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;
  // Each lost write is told once, when it is first known to be lost. Forking keeps the
  // past, so a write is known by what it was, not by which run holds it.
  const toldLost = new Set<string>();
  let last = 0;
  let lastRun: LabState['run'] | null = null;
  let loads = store.getState().loads;
  // What was told at the playhead's instant: a new run forked there narrates that instant
  // again, and what the learner did a moment ago at the same playhead is not news.
  let instant = { at: NaN, told: new Set<string>() };
  let agreement: string | null = null;
  // Every write briefly leaves replicas apart while it spreads; only a disagreement that
  // lasts is worth telling, and then its end.
  let apartSince = 0;
  let toldApart = false;
  // Lost writes wait here while their words load.
  let waiting = false;

  const tell = (all: NarrationLine[]) => {
    const lines = all.filter((l) => !(l.at === instant.at && instant.told.has(l.text)));
    for (const l of lines) {
      if (l.at !== instant.at) instant = { at: l.at, told: new Set() };
      instant.told.add(l.text);
    }
    if (lines.length === 0) return;
    log = [...log, ...lines].slice(-keep);
    untold.push(...lines);
    for (const l of listeners) l();
  };

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
    // Something happened: the moment already knows which reads were stale and which writes lost.
    const moment = s.run.at(s.time);
    return narrate(trace, from, s.time, moment.staleIds, valueWords(s.run.sim.strategy.id), new Set(moment.lost.map((l) => l.write.id as number)));
  };

  /** Writes newly known to be lost: an older write winning is known when the write is acknowledged. */
  const lostLines = (s: LabState): NarrationLine[] => {
    // The words load on demand (controller/lostWords.ts); until they have, nothing is
    // marked told, and `start` tells what waited once they arrive.
    const lostWriteWords = words ?? lostWriteWordsIfLoaded();
    if (!lostWriteWords) {
      waiting = true;
      return [];
    }
    const out: NarrationLine[] = [];
    for (const l of s.run.at(s.time).lost) {
      const w = l.write;
      const id = `${w.id}|${w.client}|${w.key}|${w.value}|${w.invokedAt}`;
      if (toldLost.has(id)) continue;
      toldLost.add(id);
      out.push({ at: l.cause === 'older-write-won' ? w.completedAt! : s.time, text: lostWriteWords(l, s.run.sim.trace, valueWords(s.run.sim.strategy.id)) });
    }
    return out;
  };

  const onChange = (s: LabState) => {
    if (s.loads !== loads) {
      // A whole new run (a story, a demo, a link, a reset): its story starts here, alone.
      loads = s.loads;
      log = [];
      untold = [];
      toldLost.clear();
      instant = { at: NaN, told: new Set() };
      lastRun = s.run;
      last = s.time;
      agreement = agreementOf(s);
      apartSince = s.time;
      toldApart = false;
      for (const l of listeners) l();
      return;
    }
    const moved = s.time !== last || s.run !== lastRun;
    if (moved) {
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
    const lines = narrateSpan(s);
    if (moved) lines.push(...lostLines(s));
    // A write found lost is told just after the line that said it was acknowledged.
    tell(lines.sort((a, b) => a.at - b.at));
  };

  return {
    lines: () => log,
    takeUntold() {
      const out = untold;
      untold = [];
      return out;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (unsubscribe) return;
      const s = store.getState();
      last = s.time;
      lastRun = s.run;
      loads = s.loads;
      agreement = agreementOf(s);
      unsubscribe = store.subscribe(onChange);
      if (!words)
        void loadLostWriteWords().then(() => {
          if (!waiting || !unsubscribe) return;
          waiting = false;
          tell(lostLines(store.getState()));
        });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
