import type { PlaybackHandle } from '../components/playbackHandle.ts';
import type { LabStore } from '../store/labStore.ts';

/**
 * What the shell can reach of the lab in view, whatever the lab: its run and clock (for
 * the host API's play, pause, step, reset and seek), and the scenes it can show one after
 * another (its stories, demos, lesson steps or questions, for the clicker and the host's
 * `load` of a preset). A lab's useLabPlayback puts its run here; a lab with scenes
 * declares them with useScenes. Framework-free, one per page, like the page's address.
 */

/** One thing a lab can show at the press of a key: a story, a demo, a lesson step, a question. */
export interface Scene {
  /** Stable and short, as a host names it in `load`: `[a-z0-9-]`, at most 60 characters. */
  readonly id: string;
  readonly title: string;
  show(): void;
}

export interface SceneList {
  /** What the scenes are, plural: "stories", "demos", "lesson steps", "questions". */
  readonly kind: string;
  readonly scenes: readonly Scene[];
  /** The index of the scene on show, or -1 when none is (the learner changed the run). */
  current(): number;
}

export interface StageRun {
  readonly labId: string;
  readonly playback: PlaybackHandle;
  readonly store: LabStore;
  /** Whether the lab keeps its run in the address (the sessions lab keeps its story and fix instead). */
  readonly runInAddress: boolean;
}

let run: StageRun | null = null;
/** Newest last: a lesson's steps, declared inside a lab, take over from the lab's stories while the lesson is open. */
const lists: SceneList[] = [];
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version++;
  for (const l of listeners) l();
}

/** Put a lab's run on the stage while it is mounted. Returns the function that takes it off. */
export function mountRun(next: StageRun): () => void {
  run = next;
  changed();
  return () => {
    if (run !== next) return;
    run = null;
    changed();
  };
}

/** Declare scenes while a lab (or a lesson in it) is mounted. Returns the function that withdraws them. */
export function declareScenes(list: SceneList): () => void {
  lists.push(list);
  changed();
  return () => {
    const at = lists.indexOf(list);
    if (at < 0) return;
    lists.splice(at, 1);
    changed();
  };
}

export function stageRun(): StageRun | null {
  return run;
}

/** The scenes the keys step through: the newest declared. */
export function stageScenes(): SceneList | null {
  return lists.at(-1) ?? null;
}

/** Hear when a run or a scene list comes or goes. */
export function subscribeStage(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Changes each time the stage does, for useSyncExternalStore. */
export function stageVersion(): number {
  return version;
}

/**
 * Show the scene `by` places from the current one (+1 next, -1 previous), staying within
 * the list. From no scene (the learner changed the run), next shows the first and
 * previous the last. Returns what was shown, or why nothing was.
 */
export function stepScene(by: 1 | -1, list: SceneList | null = stageScenes()): { shown: Scene; index: number; of: number } | { why: string } {
  if (!list || list.scenes.length === 0) return { why: 'This page has no stories, demos or steps to go through.' };
  const at = list.current();
  const index = at < 0 ? (by > 0 ? 0 : list.scenes.length - 1) : at + by;
  if (index < 0) return { why: `This is the first of the ${list.kind}.` };
  if (index >= list.scenes.length) return { why: `This is the last of the ${list.kind}.` };
  const shown = list.scenes[index]!;
  shown.show();
  return { shown, index, of: list.scenes.length };
}
