import { describe, expect, it } from 'vitest';
import { QUIZ_AND_EXERCISES, findQuizItem } from '../../../content/quiz.ts';
import { answerOf, complete, emptyAnswer, grade, gradeItem } from './grade.ts';

const item = (id: string) => findQuizItem(id)!;

describe('grading the quiz', () => {
  it('the shown answer of every item grades as right, and an empty one as wrong', () => {
    for (const q of QUIZ_AND_EXERCISES) {
      expect(gradeItem(q, q.parts.map(answerOf)).right, q.id).toBe(true);
      expect(gradeItem(q, q.parts.map(emptyAnswer)).right, q.id).toBe(false);
    }
  });

  it('a wrong choice gets its own feedback; a missed one in a tick-all part is named', () => {
    const promise = item('q1').parts[2]!;
    const wrong = grade(promise, { kind: 'choice', picked: ['no-loss'] });
    expect(wrong.right).toBe(false);
    expect(wrong.lines[0]!.text).toMatch(/^Not this one: No acknowledged write is ever lost\. Not in general: under last write wins/);
    const broken = item('q6').parts[0]!;
    const half = grade(broken, { kind: 'choice', picked: ['causal'] });
    expect(half.right).toBe(false);
    expect(half.lines.map((l) => l.text.split(':')[0])).toEqual(['Missed', 'Right']);
  });

  it('a prediction is graded by the run', () => {
    const during = item('q1').parts[0]!;
    expect(grade(during, { kind: 'choice', picked: ['2'] })).toMatchObject({ right: false, lines: [{ text: expect.stringMatching(/^Not this time: the run returned x = 1, the value before it\. C answers with what it has\./) }] });
    expect(grade(during, { kind: 'choice', picked: ['1'] }).right).toBe(true);
  });

  it('a fix is graded by running the story with it', () => {
    const fix = item('q6').parts[1]!;
    expect(grade(fix, { kind: 'choice', picked: ['deps'] }).right).toBe(true);
    expect(grade(fix, { kind: 'choice', picked: ['version'] })).toMatchObject({ right: false, lines: [{ text: expect.stringMatching(/^It does not work here: with version-based reads/) }] });
  });

  it('vector pairs, numbers and quorums, right and wrong', () => {
    const pairs = item('q2').parts[0]!;
    expect(grade(pairs, { kind: 'vectors', picked: ['concurrent', 'after', 'before', 'concurrent'] }).lines.map((l) => l.right)).toEqual([true, true, true, false]);
    const totals = item('q8').parts[0]!;
    const g = grade(totals, { kind: 'numbers', values: ['20', '16', '<b>19</b>'] });
    expect(g.right).toBe(false);
    expect(g.lines[2]!.text).toBe('Node C: not 19.');
    const goals = item('q5').parts[0]!;
    expect(grade(goals, { kind: 'quorum', values: [{ w: 3, r: 3 }, { w: 1, r: 5 }, { w: 1, r: 2 }] }).lines.map((l) => l.right)).toEqual([true, true, false]);
  });

  it('picks are compared as sets, and W and R are clamped whatever the input', () => {
    const broken = item('q6').parts[0]!;
    expect(grade(broken, { kind: 'choice', picked: ['causal', 'causal'] }).right).toBe(false);
    expect(grade(broken, { kind: 'choice', picked: ['causal', 'monotonic-writes'] }).right).toBe(true);
    const goals = item('q5').parts[0]!;
    expect(grade(goals, { kind: 'quorum', values: [{ w: 6, r: 0 }, { w: 1, r: 5 }, { w: 1, r: 1 }] }).lines[0]!.right).toBe(false);
    expect(grade(goals, { kind: 'quorum', values: [{ w: 1, r: 5 }, { w: 1, r: 5 }, { w: 1, r: 1 }] }).lines[0]).toMatchObject({ right: false, text: expect.stringContaining('reads wait for 5 replicas') });
    expect(complete(goals, emptyAnswer(goals))).toBe(false);
  });

  it('asks for every answer before checking', () => {
    const pairs = item('q2').parts[0]!;
    expect(complete(pairs, emptyAnswer(pairs))).toBe(false);
    expect(complete(pairs, answerOf(pairs))).toBe(true);
  });
});
