import { useEffect, useState } from 'react';
import type { Verdict } from '../../../check/verdict.ts';
import type { FixId, StoryId } from '../../../content/sessionStories.ts';
import type { FixCost } from '../../../analysis/sessionCosts.ts';
import { ask } from './sessionsWorker.ts';

/** The story's guarantee judged on its run with this fix (null while it is judged). */
export function useStoryVerdict(story: StoryId, fix: FixId, twist: boolean): Verdict | null {
  const [got, setGot] = useState<{ key: string; verdict: Verdict } | null>(null);
  const key = `${story}/${fix}/${twist}`;
  useEffect(() => ask({ kind: 'story', story, fix, twist }, (r) => r.kind === 'story' && setGot({ key, verdict: r.verdict })), [story, fix, twist, key]);
  return got?.key === key ? got.verdict : null;
}

/** Each fix's costs on the story's workload, as they are measured. */
export function useFixCosts(story: StoryId): { rows: readonly FixCost[]; done: boolean } {
  const [got, setGot] = useState<{ story: StoryId; rows: FixCost[]; done: boolean }>({ story, rows: [], done: false });
  useEffect(
    () =>
      ask({ kind: 'costs', story }, (r) => {
        if (r.kind !== 'cost') return;
        setGot((g) => (g.story === story ? { story, rows: [...g.rows, r.row], done: r.last } : { story, rows: [r.row], done: r.last }));
      }),
    [story],
  );
  return got.story === story ? got : { rows: [], done: false };
}
