import { describe, expect, it } from 'vitest';
import { describeOp } from '../check/history.ts';
import { IMPLIES, MODELS } from '../check/models.ts';
import { judgeRun } from '../labs/consistency/model/judgeRun.ts';
import { examplesFor, SEPARATING_EXAMPLES } from './separatingExamples.ts';

/** What each example's story says its clients did and got, in the order they began. */
const TOLD: Record<string, string[]> = {
  'stale-read': ['c1 wrote x = 1', 'c2 read x = nothing'],
  'each-sees-only-its-own': ['c1 wrote x = 1', 'c2 wrote y = 1', 'c1 read y = nothing', 'c2 read x = nothing'],
  'answer-before-question': ['c1 wrote x = 1', 'c2 read x = 1', 'c2 wrote y = 1', 'c3 read y = 1', 'c3 read x = nothing'],
  'own-write-missing': ['c1 wrote x = 1', 'c1 read x = nothing'],
  'value-goes-back': ['c1 wrote x = 1', 'c2 read x = 1', 'c2 read x = nothing'],
  'writes-out-of-order': ['c1 wrote x = 1', 'c1 wrote x = 2', 'c1 wrote y = 1', 'c2 read y = 1', 'c2 read x = 1'],
  'never-converges': ['c1 wrote x = 1', 'c1 read x = 1'],
};

describe('separating examples', () => {
  for (const example of SEPARATING_EXAMPLES) {
    describe(example.title, () => {
      const j = judgeRun(example.scenario);
      it('gives every model the verdict it declares, each decided by its own checker', () => {
        const got = Object.fromEntries(MODELS.map((m) => [m, j.verdicts[m].result]));
        const want = Object.fromEntries(MODELS.map((m) => [m, example.verdicts[m] ? 'satisfied' : 'violated']));
        expect(got).toEqual(want);
        for (const m of MODELS) expect(j.verdicts[m].by, m).toBeUndefined();
      });
      it('runs as its story tells: every operation answered, each read with the value the story names', () => {
        expect(j.history.map((o) => o.ret)).not.toContain(Infinity);
        expect([...j.history].sort((a, b) => a.call - b.call || a.id - b.id).map(describeOp)).toEqual(TOLD[example.id]);
      });
    });
  }

  it('has an example for every arrow of the map: it breaks the stronger model and keeps the weaker', () => {
    for (const [strong, weak] of IMPLIES) {
      const shown = examplesFor(strong).filter((s) => s.keeps.includes(weak));
      expect(shown, `${strong} → ${weak}`).toHaveLength(1);
      expect(shown[0]!.example.verdicts[strong]).toBe(false);
      expect(shown[0]!.example.verdicts[weak]).toBe(true);
    }
  });

  it('shows beside every model an example that breaks it, naming only models that example keeps, and no example twice', () => {
    for (const m of MODELS) {
      const shown = examplesFor(m);
      expect(shown.length, m).toBeGreaterThan(0);
      expect(new Set(shown.map((s) => s.example.id)).size).toBe(shown.length);
      for (const { example, keeps } of shown) {
        expect(example.verdicts[m]).toBe(false);
        expect(keeps.length, `${m}: ${example.id}`).toBeGreaterThan(0);
        for (const k of keeps) expect(example.verdicts[k], `${m}: ${example.id} keeps ${k}`).toBe(true);
      }
    }
  });

  it('names, beside a model with no arrow from it, the strongest models the example keeps and none they imply', () => {
    expect(examplesFor('eventual')).toEqual([{ example: SEPARATING_EXAMPLES.find((e) => e.id === 'never-converges'), keeps: ['linearizable'] }]);
    expect(examplesFor('read-your-writes')[0]!.keeps).toEqual(['writes-follow-reads', 'monotonic-reads', 'monotonic-writes', 'eventual']);
  });
});
