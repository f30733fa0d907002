import type { Action } from '../sim/scenario.ts';

/** An action as the learner issues it: the store stamps it with the playhead's time. */
export type Intent = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

/** An intent, made `after` ms past the playhead (a workload's later operations). */
export type TimedIntent = Intent & { readonly after?: number };

/**
 * The script with `intents` made at playhead `time`: the pure heart of acting. The time
 * is rounded *up* to a tenth of a millisecond (so links stay short and an action never
 * lands before the playhead), and everything already scripted up to and including that
 * moment is kept: two clicks at one playhead both count. Acting in the past forks the run
 * there: of what was scripted later, the learner's own actions (`mine`) are dropped, and
 * everything else (a story's scripted future, a shared run's) is kept, so pressing a
 * button at t = 0 never throws a story away. Without `mine`, every later action counts
 * as the learner's.
 *
 * @example applyIntents([], [{ type: 'crash', node: 'A' }], 1234.56).script // [{ type: 'crash', node: 'A', at: 1234.6 }]
 */
export function applyIntents(
  script: readonly Action[],
  intents: readonly TimedIntent[],
  time: number,
  mine: (a: Action) => boolean = () => true,
): { script: Action[]; at: number; added: Action[]; dropped: number; keptLater: number } {
  const at = stampTime(time);
  const kept = script.filter((a) => a.at <= at);
  const later = script.filter((a) => a.at > at && !mine(a));
  const added = intents.map(({ after, ...intent }) => ({ ...intent, at: after === undefined ? at : stampTime(at + after) }) as Action);
  // Kept in time order (stably: actions at one moment keep the order they were made in),
  // as every script is: a story's later actions come after what was added before them.
  const next = [...kept, ...added, ...later].map((a, i) => [a, i] as const).sort((x, y) => x[0].at - y[0].at || x[1] - y[1]).map(([a]) => a);
  return { script: next, at, added, dropped: script.length - kept.length - later.length, keptLater: later.length };
}

/** A playhead time as it goes into a script: up to the next tenth of a millisecond. */
export function stampTime(t: number): number {
  // Times already on a tenth (within float error) stay where they are.
  const tenths = Math.round(t * 10);
  return Math.abs(tenths - t * 10) < 1e-6 ? tenths / 10 : Math.ceil(t * 10) / 10;
}
