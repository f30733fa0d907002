import { describe, expect, it } from 'vitest';
import { compare } from '../sim/values/versionVector.ts';
import { QUIZ, findQuizItem, q1Reads, q3Orders, q6Broken, q8After, storyKeptWith, type QuizPart } from './quiz.ts';

/** The module's printed answers (its newer edition) are the oracle: the computed answers must agree with them. */
describe('the quiz, answered by the simulation and checked against the module’s answers', () => {
  const part = <K extends QuizPart['kind']>(item: string, id: string) => findQuizItem(item)!.parts.find((p) => p.id === id) as Extract<QuizPart, { kind: K }>;

  it('Q1: during the cut C returns the old value; after the heal it has caught up', () => {
    expect(q1Reads()).toEqual(['1', '2']);
    expect(part<'predict'>('q1', 'during').run()).toBe('1');
    expect(part<'predict'>('q1', 'after').run()).toBe('2');
    expect(part<'choice'>('q1', 'promise').answer()).toEqual(['converge']);
  });

  it('Q2: the module’s pairs are a conflict and a newer first; a missing entry counts as 0', () => {
    const pairs = part<'vectors'>('q2', 'pairs').pairs.map(([a, b]) => compare(a, b));
    expect(pairs).toEqual(['concurrent', 'after', 'before', 'equal']);
  });

  it('Q3: every order of merges gives one total', () => {
    const totals = q3Orders().map((o) => o.total);
    expect(new Set(totals).size).toBe(1);
    expect(totals[0]).toBe(5 + 7 + 1);
    expect(part<'choice'>('q3', 'same').answer()).toEqual(['same']);
  });

  it('Q4: each row’s run shows the weaker level going wrong where it matters', () => {
    const rows = part<'rows'>('q4', 'rows').rows;
    const evidence = Object.fromEntries(rows.map((r) => [r.id, r.evidence()]));
    expect(evidence.bank).toMatch(/both went through \(160 paid out\) and every replica ends at 20, so 80 is missing from the books; with majority quorums the side with one replica refused, and 1 went through\./);
    expect(evidence.inventory).toMatch(/sell it 2 times; majority quorums sell it once/);
    expect(evidence.likes).toMatch(/counts 6; a G-Counter, just as available and just as eventual, counts 7\./);
    expect(evidence.photo).toMatch(/with no fix: read your writes is broken; with sticky sessions it holds\./);
    expect(evidence.order).toMatch(/with no fix: monotonic reads is broken; with sticky sessions it holds\./);
    // The module's own two rows: bank transfer strong, likes eventual.
    expect(rows.find((r) => r.id === 'bank')!.accept).toEqual(['strong']);
    expect(rows.find((r) => r.id === 'likes')!.accept).toContain('eventual');
    for (const r of rows) for (const level of ['strong', 'eventual', 'session']) expect(r.feedback[level], `${r.id}/${level}`).toBeTruthy();
  });

  it('Q5: W = R = 3, then W = 1 and R = 5, then W = R = 1, as the module answers', () => {
    const { goals, n } = part<'quorum'>('q5', 'goals');
    expect(goals.map((g) => g.answer(n))).toEqual([
      { w: 3, r: 3 },
      { w: 1, r: 5 },
      { w: 1, r: 1 },
    ]);
    for (const g of goals) expect(g.judge(g.answer(n).w, g.answer(n).r, n).right, g.id).toBe(true);
    const [strong, fast, available] = goals;
    expect(strong!.judge(2, 3, 5)).toMatchObject({ right: false, why: expect.stringContaining('not more than N = 5') });
    expect(strong!.judge(4, 4, 5)).toMatchObject({ right: false, why: expect.stringContaining('6 is enough') });
    expect(strong!.judge(2, 4, 5)).toMatchObject({ right: false, why: expect.stringContaining('reads wait for 4 replicas') });
    expect(fast!.judge(2, 4, 5).right).toBe(false);
    expect(fast!.judge(1, 4, 5).right).toBe(false);
    expect(available!.judge(1, 2, 5)).toMatchObject({ right: false, why: expect.stringContaining('4 down stop reads') });
  });

  it('Q6: causal consistency is broken (the module’s answer), and monotonic writes with it; the module’s fixes keep it when the story runs again', () => {
    expect(q6Broken()).toEqual(['monotonic-writes', 'causal']);
    for (const fix of ['sync', 'deps', 'vector', 'home'] as const) expect(storyKeptWith('comment-first', fix), fix).toBe(true);
    // This lab's version-based reads carry what Bob has seen of each key: none of the post.
    expect(storyKeptWith('comment-first', 'version')).toBe(false);
    expect(storyKeptWith('comment-first', 'none')).toBe(false);
  });

  it('Q7: position-only replay diverges (“WorldHello” and “HelloWorld”); transformation and RGA converge, either word first', () => {
    expect(part<'choice'>('q7', 'position').answer()).toEqual(['differ']);
    expect(part<'choice'>('q7', 'ot').answer()).toEqual(['hello-first']);
    expect(part<'choice'>('q7', 'rga').answer()).toEqual(['world-first']);
  });

  it('the hands-on exercise: lag seen with W = 1 and not with W = N; the later change wins only when the gap beats the jitter; a G-Counter merged by maximum', () => {
    expect(part<'predict'>('ex1', 'eventual').run()).toBe('1');
    expect(part<'predict'>('ex1', 'strong').run()).toBe('2');
    expect(part<'choice'>('ex2', 'apart').answer()).toEqual(['from-b']);
    expect(part<'choice'>('ex2', 'close').answer()).toEqual(['either']);
    expect(part<'choice'>('ex2', 'skew').answer()).toEqual(['from-a']);
    expect(part<'choice'>('ex3', 'store').answer()).toContain('per-server');
    expect(part<'choice'>('ex3', 'sync').answer()).toEqual(['max']);
  });

  it('Q8: totals 20, 16 and 19; A then holds {A: 10, B: 8, C: 7}, 25 in all', () => {
    expect(part<'numbers'>('q8', 'totals').fields.map((f) => f.answer())).toEqual([20, 16, 19]);
    expect(q8After()).toEqual({ A: 10, B: 8, C: 7 });
    expect(part<'numbers'>('q8', 'after').fields.map((f) => f.answer())).toEqual([10, 8, 7, 25]);
  });

  it('every item has words, unique ids, and each choice a sentence of feedback', () => {
    expect(new Set(QUIZ.map((q) => q.id)).size).toBe(QUIZ.length);
    for (const q of QUIZ) {
      expect(q.question.length, q.id).toBeGreaterThan(20);
      expect(q.explanation.length, q.id).toBeGreaterThan(20);
      expect(new Set(q.parts.map((p) => p.id)).size, q.id).toBe(q.parts.length);
      for (const p of q.parts) if (p.kind === 'choice' || p.kind === 'predict') for (const c of p.choices) expect(c.feedback.length, `${q.id}/${p.id}/${c.id}`).toBeGreaterThan(10);
    }
  });
});
