import { describe, expect, it } from 'vitest';
import { CART_STORIES } from '../content/cartStories.ts';
import { LESSONS } from '../content/lessons.ts';
import { QUIZ_INDEX } from '../content/quizIndex.ts';
import { QUORUM_DEMOS } from '../content/quorumDemos.ts';
import { SESSION_STORIES } from '../content/sessionStories.ts';
import { declareScenes, stageScenes, stepScene, type SceneList } from './stage.ts';

function list(count: number, at: number): SceneList & { shown: number[] } {
  const shown: number[] = [];
  let current = at;
  return {
    kind: 'stories',
    shown,
    current: () => current,
    scenes: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, title: `S${i}`, show: () => void (shown.push(i), (current = i)) })),
  };
}

describe('the scenes the keys step through', () => {
  it('go forward and back within the list, and say so at either end', () => {
    const l = list(3, -1);
    expect(stepScene(1, l)).toMatchObject({ index: 0, of: 3 });
    expect(stepScene(1, l)).toMatchObject({ index: 1 });
    expect(stepScene(1, l)).toMatchObject({ index: 2 });
    expect(stepScene(1, l)).toEqual({ why: 'This is the last of the stories.' });
    expect(stepScene(-1, l)).toMatchObject({ index: 1 });
    expect(l.shown).toEqual([0, 1, 2, 1]);
    expect(stepScene(-1, list(3, 0))).toEqual({ why: 'This is the first of the stories.' });
    expect(stepScene(-1, list(3, -1))).toMatchObject({ index: 2 });
    expect(stepScene(1, null)).toEqual({ why: 'This page has no stories, demos or steps to go through.' });
  });

  it('are the newest declared: a lesson’s steps over its lab’s stories, until it closes', () => {
    const stories = list(2, 0);
    const steps = { ...list(4, 1), kind: 'lesson steps' };
    const offStories = declareScenes(stories);
    const offSteps = declareScenes(steps);
    expect(stageScenes()?.kind).toBe('lesson steps');
    offSteps();
    expect(stageScenes()).toBe(stories);
    offStories();
    expect(stageScenes()).toBeNull();
  });

  it('have ids a host can name in a load command', () => {
    const ids = [
      ...CART_STORIES.map((s) => s.id),
      ...QUORUM_DEMOS.map((d) => d.id),
      ...QUIZ_INDEX.map((q) => q.id),
      ...LESSONS.flatMap((l) => l.steps.map((s) => s.id)),
      ...SESSION_STORIES.flatMap((s) => ['none', ...s.fixes].map((f) => `${s.id}-${f}`)),
    ];
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,60}$/);
  });
});
