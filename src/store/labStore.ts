import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MessageId, NodeId, OpId } from '../sim/ids.ts';
import { makeScenario, type Scenario } from '../sim/scenario.ts';
import { MAX_TIME } from '../sim/scenarioSchema.ts';
import type { Highlight } from '../view/highlight.ts';
import { clockTime, heavyParts, tooBigWords } from '../content/budgetWords.ts';
import { fits, neededUntil } from '../sim/cost.ts';
import { extendRun, startRun, type Run } from './run.ts';
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

  /** Do something at the playhead: a new script entry, forking the run if the playhead is in the past. */
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
}

export type LabStore = StoreApi<LabState>;

/** Where a heavy run's timeline stops, and why. */
function limitWords(run: Run): string {
  return `This run is too heavy to simulate past ${clockTime(run.limit)} (${heavyParts(run.scenario)}), so the timeline stops there.`;
}

/**
 * The one store of a lab. Data lives here; modes (playing, paused) live in the playback
 * machine.
 *
 * @example
 * const store = createLabStore(makeScenario({}));
 * store.getState().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
 */
export function createLabStore(initial: Scenario = makeScenario({}), initialTime = 0): LabStore {
  return createStore<LabState>()((set, get) => ({
    run: startRun(initial, initialTime),
    time: initialTime,
    selection: null,
    highlight: null,
    notice: null,

    act(intent) {
      get().actMany([intent]);
    },

    actMany(intents, notice) {
      if (intents.length === 0) return;
      const { run, time } = get();
      const { script, at, dropped } = applyIntents(run.scenario.script, intents, time);
      const scenario: Scenario = { ...run.scenario, script };
      // Nothing is lost: a change that would make the run too big is refused and said.
      if (!fits(scenario, at)) {
        set({ notice: { kind: 'error', text: `${tooBigWords(scenario, neededUntil(scenario, at))} Nothing was changed.` } });
        return;
      }
      set((s) => ({
        run: startRun(scenario, at),
        // The playhead sits exactly on the action, so it is shown and narrated at once.
        time: at,
        // An offer to undo a reset is withdrawn once the learner builds something new:
        // taking it then would throw the new work away.
        notice: dropped > 0 ? { kind: 'info', text: `You acted in the past, so the run forked here: ${dropped} later action${dropped === 1 ? '' : 's'} dropped.` } : (notice ?? (s.notice?.offer ? null : s.notice)),
      }));
    },

    setTime(t) {
      const { run, notice } = get();
      // A run lasts at most an hour (the schema's limit), so every moment can be shared;
      // a heavy one stops where the lab's budget does, and says so once.
      const wanted = Math.min(MAX_TIME, Math.max(0, t));
      const time = Math.min(wanted, run.limit);
      // Simulated ahead before anyone reads the new moment: the past it shows is final.
      extendRun(run, time);
      const stopped = wanted > time && notice?.text !== limitWords(run);
      set(stopped ? { time, notice: { kind: 'info', text: limitWords(run) } } : { time });
    },

    load(scenario, time, notice = null) {
      // Whatever calls load has checked the run fits (a link, a file); this is the last guard.
      if (!fits(scenario, time)) {
        set({ notice: { kind: 'error', text: `${tooBigWords(scenario, neededUntil(scenario, time))} Nothing was changed.` } });
        return;
      }
      set({ run: startRun(scenario, time), time, selection: null, highlight: null, notice });
    },

    reset() {
      const { run, time } = get();
      const scenario: Scenario = { ...run.scenario, script: [] };
      // Nothing is lost: the notice offers the run back until something else replaces it.
      const notice: Notice | null =
        run.scenario.script.length > 0 ? { kind: 'info', text: `The run was reset: ${run.scenario.script.length} action${run.scenario.script.length === 1 ? '' : 's'} cleared.`, offer: { label: 'Undo', scenario: run.scenario, time } } : null;
      set({ run: startRun(scenario, 0), time: 0, selection: null, highlight: null, notice });
    },

    select: (selection) => set({ selection }),
    setHighlight: (highlight) => set({ highlight }),
    setNotice: (notice) => set({ notice }),
  }));
}

/* Named selectors: components select through these, never the whole state. */
export const selectTime = (s: LabState) => s.time;
export const selectRun = (s: LabState) => s.run;
export const selectSelection = (s: LabState) => s.selection;
export const selectHighlight = (s: LabState) => s.highlight;
export const selectNotice = (s: LabState) => s.notice;
export const selectScenario = (s: LabState) => s.run.scenario;
