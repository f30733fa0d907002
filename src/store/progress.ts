/**
 * What a learner has done on the course path: lesson steps reached and quiz answers. Kept
 * in localStorage when the browser allows it, else in memory for as long as the page is
 * open (a blocked or full storage, a sandboxed iframe, a private window that throws). What
 * storage holds is read as untrusted input: anything that is not a record this module
 * wrote is dropped, and the learner is told in one sentence.
 *
 * Framework-free; `useProgress` (components/useProgress.ts) follows it in React.
 */

/** A quiz item's record: whether it has been answered right (a later wrong try does not undo that), how many tries, and whether the answer was shown. */
export interface QuizRecord {
  readonly right: boolean;
  readonly tries: number;
  readonly shown: boolean;
}

/** Where a quiz item stands, in the order that wins: answered right, answer shown, tried, or not tried yet. */
export type Standing = 'right' | 'shown' | 'tried' | 'untried';

export function standingOf(r: QuizRecord | undefined): Standing {
  return r?.right ? 'right' : r?.shown ? 'shown' : r && r.tries > 0 ? 'tried' : 'untried';
}

/** A standing in words, as the path and the quiz list say it. */
export const STANDING_WORDS: Readonly<Record<Standing, string>> = { right: 'answered right', shown: 'answer shown', tried: 'tried', untried: 'not tried yet' };

export interface ProgressState {
  /** Lesson steps reached, as "lesson/step" ids. */
  readonly steps: readonly string[];
  readonly quiz: Readonly<Record<string, QuizRecord>>;
}

export interface Progress {
  get(): ProgressState;
  /** Whether progress outlives the page (storage works). */
  readonly persistent: boolean;
  /** Why the saved progress could not be used, or null. */
  readonly problem: string | null;
  reachStep(id: string): void;
  answer(item: string, right: boolean): void;
  showAnswer(item: string): void;
  reset(): void;
  subscribe(listener: () => void): () => void;
}

const KEY = 'eventual-consistency-lab/progress/v1';
const EMPTY: ProgressState = { steps: [], quiz: {} };
const ID = /^[a-z0-9-]{1,40}(\/[a-z0-9-]{1,40})?$/;
const MAX_STEPS = 500;

/** Storage as the browser offers it, or null where touching it throws (a sandboxed iframe, a blocked origin). */
function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Read what storage held; anything not shaped as we wrote it is refused (null). */
export function readProgress(raw: string): ProgressState | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { steps, quiz } = data as { steps?: unknown; quiz?: unknown };
  if (!Array.isArray(steps) || steps.length > MAX_STEPS || !steps.every((s) => typeof s === 'string' && ID.test(s))) return null;
  if (typeof quiz !== 'object' || quiz === null || Array.isArray(quiz)) return null;
  const records: Record<string, QuizRecord> = {};
  for (const [id, r] of Object.entries(quiz)) {
    if (!ID.test(id) || typeof r !== 'object' || r === null) return null;
    const { right, tries, shown } = r as Partial<Record<string, unknown>>;
    if (typeof right !== 'boolean' || typeof shown !== 'boolean' || typeof tries !== 'number' || !Number.isInteger(tries) || tries < 0 || tries > 1e6) return null;
    records[id] = { right, tries, shown };
  }
  return { steps: [...new Set(steps as string[])], quiz: records };
}

/** Two records of progress as one: every step either reached, and per quiz item the further along (right beats tried; more tries, and shown, kept). */
export function mergeProgress(a: ProgressState, b: ProgressState): ProgressState {
  const quiz: Record<string, QuizRecord> = { ...a.quiz };
  for (const [id, r] of Object.entries(b.quiz)) {
    const was = quiz[id];
    quiz[id] = was ? { right: was.right || r.right, tries: Math.max(was.tries, r.tries), shown: was.shown || r.shown } : r;
  }
  return { steps: [...new Set([...a.steps, ...b.steps])].slice(-MAX_STEPS), quiz };
}

/**
 * @example
 * const p = createProgress(null); // in memory only
 * p.answer('q2', true); p.get().quiz.q2 // { right: true, tries: 1, shown: false }
 */
export function createProgress(storage: Storage | null = browserStorage()): Progress {
  let problem: string | null = null;
  let state = EMPTY;
  let persistent = storage !== null;
  if (storage) {
    try {
      const raw = storage.getItem(KEY);
      if (raw !== null) {
        const read = readProgress(raw);
        if (read) state = read;
        else problem = 'The progress saved in this browser could not be read, so the path starts afresh.';
      }
    } catch {
      persistent = false;
    }
  }
  if (!persistent) problem = 'This browser does not let the lab save your progress, so it lasts only while this page is open.';
  const listeners = new Set<() => void>();
  /** Save `next`; unless `replace` (starting afresh), merged with what another tab saved since. */
  const set = (next: ProgressState, replace = false) => {
    state = next;
    if (storage && persistent) {
      try {
        // Another tab may have saved since: keep what it did too.
        const saved = storage.getItem(KEY);
        const theirs = saved === null || replace ? null : readProgress(saved);
        if (theirs) state = mergeProgress(theirs, next);
        storage.setItem(KEY, JSON.stringify(state));
        // What could not be read has now been replaced.
        if (problem?.includes('could not be read')) problem = null;
      } catch {
        // Full, or blocked since: keep going in memory.
        persistent = false;
        problem = 'The browser stopped letting the lab save your progress, so from now on it lasts only while this page is open.';
      }
    }
    for (const l of listeners) l();
  };
  // Another tab's saves reach this one: the path and the score follow them.
  if (storage && persistent && typeof window !== 'undefined') {
    window.addEventListener('storage', (e) => {
      if (e.key !== KEY || e.newValue === null) return;
      const theirs = readProgress(e.newValue);
      if (!theirs) return;
      state = mergeProgress(state, theirs);
      for (const l of listeners) l();
    });
  }
  return {
    get: () => state,
    get persistent() {
      return persistent;
    },
    get problem() {
      return problem;
    },
    reachStep(id) {
      if (!ID.test(id) || state.steps.includes(id)) return;
      set({ ...state, steps: [...state.steps, id].slice(-MAX_STEPS) });
    },
    answer(item, right) {
      if (!ID.test(item)) return;
      const was = state.quiz[item] ?? { right: false, tries: 0, shown: false };
      set({ ...state, quiz: { ...state.quiz, [item]: { right, tries: was.tries + 1, shown: was.shown } } });
    },
    showAnswer(item) {
      if (!ID.test(item)) return;
      const was = state.quiz[item] ?? { right: false, tries: 0, shown: false };
      set({ ...state, quiz: { ...state.quiz, [item]: { ...was, shown: true } } });
    },
    reset() {
      set(EMPTY, true);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let shared: Progress | null = null;

/** The page's one progress record, made on first use. */
export function progress(): Progress {
  return (shared ??= createProgress());
}
