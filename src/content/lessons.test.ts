import { describe, expect, it } from 'vitest';
import { PLAYGROUND_DEFAULT } from '../labs/playground/PlaygroundLab.tsx';
import type { Action } from '../sim/scenario.ts';
import { startRun } from '../store/run.ts';
import '../sim/sessions/install.ts';
import { LESSONS, findLesson, type LessonView } from './lessons.ts';
import { SESSION_STORIES, type FixId } from './sessionStories.ts';
import type { Scenario } from '../sim/scenario.ts';

/** The playground's default cluster with a learner's actions. */
function viewAt(script: Action[], time: number): LessonView {
  return { run: startRun({ ...PLAYGROUND_DEFAULT, script }, time), time };
}

function goal(lesson: string, step: string) {
  return findLesson(lesson)!.steps.find((s) => s.id === step)!.goal as (v: LessonView) => boolean;
}

const W = (at: number, value: string, coordinator: string, client = 'c1'): Action => ({ at, type: 'write', client, coordinator, key: 'x', value });
const R = (at: number, coordinator: string, client = 'c2'): Action => ({ at, type: 'read', client, coordinator, key: 'x' });

describe('lesson goals, reached by a run that does it and not by one that does not', () => {
  it('a stale read, then agreement', () => {
    const script: Action[] = [W(0, '1', 'A'), { at: 1000, type: 'partition', groups: [['A', 'B', 'c1'], ['C', 'c2']] }, W(1500, '2', 'A'), R(2500, 'C'), { at: 3500, type: 'heal-all' }];
    const at = (t: number) => viewAt(script, t);
    // Each step is reached when it is done, and not before.
    expect(goal('stale-read', 'write')(at(50))).toBe(false);
    expect(goal('stale-read', 'write')(at(900))).toBe(true);
    expect(goal('stale-read', 'cut')(at(900))).toBe(false);
    expect(goal('stale-read', 'cut')(at(1200))).toBe(true);
    expect(goal('stale-read', 'write-again')(at(1200))).toBe(false);
    expect(goal('stale-read', 'write-again')(at(2000))).toBe(true);
    expect(goal('stale-read', 'stale')(at(2000))).toBe(false);
    expect(goal('stale-read', 'stale')(at(3000))).toBe(true);
    expect(goal('stale-read', 'heal')(at(3000))).toBe(false);
    expect(goal('stale-read', 'heal')(at(10_000))).toBe(true);
  });

  it('a stale read: a cut of one link only, a write through C itself, or a read through an up-to-date replica does not count', () => {
    const oneLink = viewAt([W(0, '1', 'A'), { at: 1000, type: 'cut', from: 'A', to: 'C' }], 1200);
    expect(goal('stale-read', 'cut')(oneLink)).toBe(false);
    const throughC = viewAt([{ at: 0, type: 'partition', groups: [['A', 'B', 'c1'], ['C', 'c2']] }, W(100, '2', 'C', 'c2')], 1000);
    expect(goal('stale-read', 'write-again')(throughC)).toBe(false);
    const fresh = viewAt([W(0, '1', 'A'), { at: 1000, type: 'partition', groups: [['A', 'B', 'c1'], ['C', 'c2']] }, W(1500, '2', 'A'), R(2500, 'A', 'c1'), { at: 3500, type: 'heal-all' }], 10_000);
    expect(goal('stale-read', 'stale')(fresh)).toBe(false);
    expect(goal('stale-read', 'heal')(fresh)).toBe(false);
  });

  it('quorums that overlap: the majority side writes, the lone side refuses, and after the heal C reads the new value', () => {
    const setQ: Action = { at: 0, type: 'set-quorum', w: 2, r: 2 };
    const split: Action = { at: 500, type: 'partition', groups: [['A', 'B', 'c1'], ['C', 'c2']] };
    const script: Action[] = [setQ, split, W(1000, '2', 'A'), R(2000, 'C'), { at: 4000, type: 'heal-all' }, R(4500, 'C')];
    const at = (t: number) => viewAt(script, t);
    expect(goal('quorum', 'overlap')(at(10))).toBe(true);
    expect(goal('quorum', 'cut')(at(600))).toBe(true);
    expect(goal('quorum', 'write')(at(900))).toBe(false);
    expect(goal('quorum', 'write')(at(1500))).toBe(true);
    expect(goal('quorum', 'refused')(at(2500))).toBe(false);
    expect(goal('quorum', 'refused')(at(3900))).toBe(true);
    expect(goal('quorum', 'fresh')(at(4200))).toBe(false);
    expect(goal('quorum', 'fresh')(at(5000))).toBe(true);
  });

  it('quorums that overlap: with W = R = 1 the read through C answers, stale, and no step past the first counts', () => {
    const script: Action[] = [{ at: 500, type: 'partition', groups: [['A', 'B', 'c1'], ['C', 'c2']] }, W(1000, '2', 'A'), R(2000, 'C'), { at: 4000, type: 'heal-all' }, R(4500, 'C')];
    const v = viewAt(script, 5000);
    expect(goal('quorum', 'overlap')(v)).toBe(false);
    expect(goal('quorum', 'write')(v)).toBe(false);
    expect(goal('quorum', 'refused')(v)).toBe(false);
    expect(goal('quorum', 'fresh')(v)).toBe(false);
  });

  it('the write that came first wins', () => {
    const script: Action[] = [{ at: 0, type: 'set-skew', node: 'B', ms: 2000 }, W(100, 'laptop', 'B'), W(1000, 'phone', 'A', 'c2')];
    const at = (t: number) => viewAt(script, t);
    expect(goal('lww', 'skew')(at(50))).toBe(true);
    expect(goal('lww', 'first')(at(50))).toBe(false);
    expect(goal('lww', 'first')(at(500))).toBe(true);
    expect(goal('lww', 'second')(at(500))).toBe(false);
    expect(goal('lww', 'second')(at(1500))).toBe(true);
    expect(goal('lww', 'lost')(at(3000))).toBe(true);
  });

  it('the write that came first wins: a second write made after real time passed B’s stamp wins, and the step says not yet', () => {
    const script: Action[] = [{ at: 0, type: 'set-skew', node: 'B', ms: 600 }, W(100, 'laptop', 'B'), W(2000, 'phone', 'A', 'c2')];
    expect(goal('lww', 'first')(viewAt(script, 2500))).toBe(true);
    expect(goal('lww', 'second')(viewAt(script, 2500))).toBe(false);
    expect(goal('lww', 'lost')(viewAt(script, 4000))).toBe(false);
  });

  it('the write that came first wins: with clocks that agree, nothing is lost', () => {
    const script: Action[] = [W(100, 'laptop', 'B'), W(1000, 'phone', 'A', 'c2')];
    expect(goal('lww', 'skew')(viewAt(script, 3000))).toBe(false);
    expect(goal('lww', 'first')(viewAt(script, 3000))).toBe(false);
    expect(goal('lww', 'lost')(viewAt(script, 3000))).toBe(false);
  });

  it('seeing your own write, over the sessions lab’s story: missed with no fix, kept by version-based reads, broken again at a sticky failover', () => {
    const story = SESSION_STORIES.find((x) => x.id === 'own-write')!;
    const view = (fix: FixId, twist: boolean, time: number): LessonView => {
      const scenario: Scenario = story.scenario(fix, { twist });
      return { run: startRun(scenario, time), time };
    };
    expect(goal('own-write', 'miss')(view('none', false, 100))).toBe(false);
    expect(goal('own-write', 'miss')(view('none', false, 2000))).toBe(true);
    expect(goal('own-write', 'version')(view('none', false, 0))).toBe(false);
    expect(goal('own-write', 'version')(view('version', false, 0))).toBe(true);
    expect(goal('own-write', 'kept')(view('version', false, 100))).toBe(false);
    expect(goal('own-write', 'kept')(view('version', false, 3000))).toBe(true);
    expect(goal('own-write', 'kept')(view('none', false, 3000))).toBe(false);
    expect(goal('own-write', 'sticky')(view('sticky', false, 0))).toBe(false);
    expect(goal('own-write', 'sticky')(view('sticky', true, 0))).toBe(true);
    expect(goal('own-write', 'failover')(view('sticky', true, 500))).toBe(false);
    expect(goal('own-write', 'failover')(view('sticky', true, 5000))).toBe(true);
    // Version-based reads survive the crash: no failover to miss at.
    expect(goal('own-write', 'failover')(view('version', true, 5000))).toBe(false);
  });

  it('every lesson has steps with unique ids, words for each, and a part of the module', () => {
    for (const lesson of LESSONS) {
      expect(new Set(lesson.steps.map((s) => s.id)).size, lesson.id).toBe(lesson.steps.length);
      expect(lesson.part).toBeGreaterThanOrEqual(1);
      expect(lesson.part).toBeLessThanOrEqual(5);
      for (const s of lesson.steps) for (const words of [s.title, s.task, s.hint, s.reached]) expect(words.length, `${lesson.id}/${s.id}`).toBeGreaterThan(5);
    }
  });
});
