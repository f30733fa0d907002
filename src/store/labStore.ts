import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MessageId, NodeId, OpId } from '../sim/ids.ts';
import { clockTime, heavyParts, heavyRefusal } from '../content/budgetWords.ts';
import { costTo, neededUntil } from '../sim/cost.ts';
import { makeScenario, MAX_TIME, type Action, type Scenario } from '../sim/scenario.ts';
import type { Highlight } from '../view/highlight.ts';
import { extendRun, LOOKAHEAD_MS, startRun, type Run } from './run.ts';
import { applyIntents, type Intent, type TimedIntent } from './script.ts';

/** What the inspector shows. */
export type Selection =
  | { readonly kind: 'node'; readonly id: NodeId }
  | { readonly kind: 'message'; readonly id: MessageId }
  | { readonly kind: 'op'; readonly id: OpId }
  | { readonly kind: 'link'; readonly a: NodeId; readonly b: NodeId };

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** A run the notice offers to open, behind a button with this label: the run a reset cleared ("Undo"), or a smaller one. */
  readonly offer?: { readonly label: string; readonly scenario: Scenario; readonly time: number };
}

export type { Intent, TimedIntent } from './script.ts';

export interface LabState {
  /** The run: a value to its readers (see run.ts); a new one for every new script. */
  readonly run: Run;
  /** The playhead, in virtual ms. Changes every animation frame while playing. */
  readonly time: number;
  readonly selection: Selection | null;
  readonly highlight: Highlight | null;
  readonly notice: Notice | null;
  /**
   * How many whole runs have been put in place of the one shown (load, reset): a fork made
   * by acting does not count. Views that keep a history of the run (the narrator) start
   * it again when this changes, so one run's story is never told among another's.
   */
  readonly loads: number;
  /**
   * A run (or a time) being simulated in slices, to be shown once it is ready; null when
   * what is shown is what was asked for. `progress` runs from 0 to 1.
   */
  readonly pending: { readonly run: Run; readonly time: number; readonly progress: number } | null;

  /**
   * Do something at the playhead: a new script entry. In the past it forks the run there:
   * the learner's own later actions are dropped (and offered back), anything else scripted
   * later (a story's future) stays.
   */
  act(intent: Intent): void;
  /**
   * Do several things at once, at the playhead (or `after` ms past it): one new run, one
   * fork. `notice` is shown unless the fork dropped something, which is said instead.
   */
  actMany(intents: readonly TimedIntent[], notice?: Notice): void;
  setTime(t: number): void;
  /** Replace the whole run, e.g. from a URL or a file. */
  load(scenario: Scenario, time: number, notice?: Notice | null): void;
  /** A fresh run with the same cluster and network, at time 0. */
  reset(): void;
  select(selection: Selection | null): void;
  setHighlight(highlight: Highlight | null): void;
  setNotice(notice: Notice | null): void;
  /** Stop simulating the pending run and keep showing what is shown. */
  cancelPending(): void;
}

export type LabStore = StoreApi<LabState>;

/** Where a heavy run's timeline stops, and why. */
function limitWords(run: Run): string {
  return `This run is too heavy to simulate past ${clockTime(run.limit)} (${heavyParts(run.scenario)}), so the timeline stops there. Fewer keys or replicas, or slower anti-entropy, would go further.`;
}

/**
 * How a store spreads a long simulation over time: it calls `step` again and again, each
 * time a slice of work, until `step` returns true; the returned function stops it early.
 * Without one, a store simulates at once (tests, Node). The browser's labs pass
 * `browserSlices` (controller/slices.ts), so no task holds the page for long.
 */
export type Slicer = (step: () => boolean) => () => void;

/** At most this much work a slice (sim/cost.ts's units: events, and anti-entropy's work per key): about 10 ms here. */
export const SLICE_WORK = 15_000;

/**
 * Events a slice of this run may take: SLICE_WORK spread by the run's own mix, so a run
 * whose anti-entropy carries a hundred keys a message takes fewer events a slice.
 */
export function sliceEvents(run: Run): number {
  let events = slicesOf.get(run);
  if (events === undefined) {
    const cost = costTo(run.scenario, Math.max(neededUntil(run.scenario, 0), 60_000));
    slicesOf.set(run, (events = Math.max(100, Math.floor((SLICE_WORK * cost.events) / Math.max(1, cost.work)))));
  }
  return events;
}
const slicesOf = new WeakMap<Run, number>();

export interface StoreOptions {
  readonly slices?: Slicer;
}

/**
 * The one store of a lab. Data lives here; modes (playing, paused) live in the playback
 * machine.
 *
 * Every run and time the store shows is simulated far enough to show (`readyAt`). A new
 * run, or a time further than the run has been simulated, that cannot be reached within a
 * slice becomes `pending`: the store goes on showing what it showed, simulates in slices,
 * and shows the new run and time when they are ready. Another request replaces it.
 *
 * @example
 * const store = createLabStore(makeScenario({}));
 * store.getState().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
 */
export function createLabStore(initial: Scenario = makeScenario({}), initialTime = 0, options: StoreOptions = {}): LabStore {
  // Without a slicer everything is simulated at once (the budget below is then Infinity).
  const slices = options.slices;
  let stop: (() => void) | null = null;
  // The actions the learner made here, by identity: a fork drops only these from the
  // future. A story's, a link's or a file's actions are never in it; a run loaded again
  // (an undo, another strategy on the same script) keeps the very same action objects.
  const mine = new WeakSet<Action>();
  // What the request being simulated will set when it is shown (see `show`).
  let owing: Partial<LabState> = {};

  return createStore<LabState>()((set, get) => {
    /**
     * Show `run` at `time` (with `also`, e.g. a notice) as soon as it is ready: now if a
     * slice or less of simulation gets it there, else after slices, saying how far it is.
     */
    const show = (run: Run, time: number, asked: Partial<LabState> = {}) => {
      stop?.();
      stop = null;
      // A request that replaces one still being simulated takes over what that one owed
      // (a new run's count of loads, its cleared selection), so acting straight after a
      // heavy load does not lose them; its notice is its own.
      const { notice: _owedNotice, ...owed } = get().pending ? owing : {};
      const also: Partial<LabState> = { ...owed, ...asked };
      owing = {};
      const budget = slices ? sliceEvents(run) : Infinity;
      if (extendRun(run, time, budget) || !slices) {
        set({ run, time, pending: null, ...also });
        return;
      }
      owing = also;
      set({ pending: { run, time, progress: progressOf(run, time) } });
      // A notice set while the run is simulated is newer than the one asked for with it: it stays.
      const noticeBefore = get().notice;
      stop = slices(() => {
        const pending = get().pending;
        if (!pending) return true;
        if (!extendRun(pending.run, pending.time, budget)) {
          set({ pending: { ...pending, progress: progressOf(pending.run, pending.time) } });
          return false;
        }
        stop = null;
        owing = {};
        const { notice, ...rest } = also;
        // A dismissal is not a newer notice: only one set meanwhile wins over the request's.
        const meanwhile = get().notice;
        const newer = meanwhile !== null && meanwhile !== noticeBefore;
        set({ run: pending.run, time: pending.time, pending: null, ...rest, ...(notice !== undefined && !newer ? { notice } : {}) });
        return true;
      });
    };

    /** Refuse a run the lab would not simulate, saying why; true if refused. */
    const refused = (scenario: Scenario, time: number): boolean => {
      const heavy = heavyRefusal(scenario, time);
      if (heavy) set({ notice: { kind: 'error', text: `${heavy.text} Nothing was changed.` } });
      return heavy !== null;
    };

    // Without slices, the first run is simulated at once, as everything else is.
    const sliced = slices !== undefined;
    const firstRun = startRun(initial, sliced ? 0 : initialTime, 0);
    const ready = extendRun(firstRun, initialTime, sliced ? sliceEvents(firstRun) : Infinity);
    // A first run too long for one slice starts from an empty script, shown while the real one is simulated.
    const shown = ready ? firstRun : startRun({ ...initial, script: [] }, 0);
    if (!ready) queueMicrotask(() => get().pending === null && get().run === shown && show(firstRun, initialTime));

    return {
      run: shown,
      time: ready ? initialTime : 0,
      pending: null,
      selection: null,
      highlight: null,
      notice: null,
      loads: 0,

      act(intent) {
        get().actMany([intent]);
      },

      actMany(intents, notice) {
        if (intents.length === 0) return;
        // While a new run is being simulated, acting builds on it, at the time it will be shown.
        const { pending } = get();
        const run = pending?.run ?? get().run;
        const time = pending?.time ?? get().time;
        const { script, at, added, dropped } = applyIntents(run.scenario.script, intents, time, (a) => mine.has(a));
        const scenario: Scenario = { ...run.scenario, script };
        // Nothing is lost: a change that would make the run too big is refused and said.
        if (refused(scenario, at)) return;
        for (const a of added) mine.add(a);
        const s = get();
        // The playhead sits exactly on the action, so it is shown and narrated at once.
        show(startRun(scenario, 0, 0), at, {
          // What a fork dropped is offered back, as a reset is. An offer to undo a reset is
          // withdrawn once the learner builds something new: taking it then would throw the
          // new work away.
          notice:
            dropped > 0
              ? {
                  kind: 'info',
                  text: `You acted at ${(at / 1000).toFixed(2)} s, earlier in the run than ${dropped === 1 ? 'one action of yours' : `${dropped} actions of yours`}: the run now forks at ${(at / 1000).toFixed(2)} s without ${dropped === 1 ? 'it' : 'them'}. Undo restores ${dropped === 1 ? 'it' : 'them'} and removes what you just did.`,
                  offer: { label: 'Undo', scenario: run.scenario, time },
                }
              : (notice ?? (s.notice?.offer ? null : s.notice)),
        });
      },

      setTime(t) {
        const { run, notice, pending } = get();
        // While a new run is being simulated, a new time is where it will be shown.
        const target = pending?.run ?? run;
        // A run lasts at most an hour (the schema's limit), so every moment can be shared;
        // a heavy one stops where the lab's budget does, and says so once.
        const wanted = Math.min(MAX_TIME, Math.max(0, t));
        const time = Math.min(wanted, target.limit);
        const stops = wanted > time ? limitWords(target) : null;
        if (pending && pending.run !== run) {
          set({ pending: { ...pending, time } });
          return;
        }
        // Simulated ahead before anyone reads the new moment: the past it shows is final.
        show(run, time, stops && notice?.text !== stops ? { notice: { kind: 'info', text: stops } } : {});
      },

      load(scenario, time, notice = null) {
        // Whatever calls load has checked the run fits (a link, a file); this is the last guard.
        if (refused(scenario, time)) return;
        show(startRun(scenario, 0, 0), time, { selection: null, highlight: null, notice, loads: get().loads + 1 });
      },

      reset() {
        const { run, time } = get();
        const scenario: Scenario = { ...run.scenario, script: [] };
        // Nothing is lost: the notice offers the run back until something else replaces it.
        const notice: Notice | null =
          run.scenario.script.length > 0 ? { kind: 'info', text: `The run was reset: ${run.scenario.script.length} action${run.scenario.script.length === 1 ? '' : 's'} cleared.`, offer: { label: 'Undo', scenario: run.scenario, time } } : null;
        show(startRun(scenario, 0, 0), 0, { selection: null, highlight: null, notice, loads: get().loads + 1 });
      },

      cancelPending() {
        stop?.();
        stop = null;
        if (get().pending) set({ pending: null, notice: { kind: 'info', text: 'Stopped: the change or jump you asked for was not made; the lab still shows the run as it was.' } });
      },

      select: (selection) => set({ selection }),
      setHighlight: (highlight) => set({ highlight }),
      setNotice: (notice) => set({ notice }),
    };
  });
}

/** How far a pending run has got towards being shown at `time`, 0 to 1. */
function progressOf(run: Run, time: number): number {
  const goal = time + LOOKAHEAD_MS / 2;
  return goal <= 0 ? 1 : Math.min(1, Math.max(0, run.sim.now / goal));
}

/* Named selectors: components select through these, never the whole state. */
export const selectTime = (s: LabState) => s.time;
export const selectRun = (s: LabState) => s.run;
export const selectSelection = (s: LabState) => s.selection;
export const selectHighlight = (s: LabState) => s.highlight;
export const selectNotice = (s: LabState) => s.notice;
export const selectPending = (s: LabState) => s.pending;
export const selectScenario = (s: LabState) => s.run.scenario;
