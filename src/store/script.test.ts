import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../sim/scenario.ts';
import { makeScenario } from '../sim/scenario.ts';
import { createLabStore } from './labStore.ts';
import { applyIntents, stampTime } from './script.ts';

const crash = (node: string) => ({ type: 'crash' as const, node });

describe('applyIntents', () => {
  it('stamps intents at the playhead, rounded up to a tenth of a millisecond', () => {
    expect(applyIntents([], [crash('A')], 1234.56)).toEqual({ script: [{ type: 'crash', node: 'A', at: 1234.6 }], at: 1234.6, added: [{ type: 'crash', node: 'A', at: 1234.6 }], dropped: 0, keptLater: 0 });
    expect(stampTime(1234.6)).toBe(1234.6);
    expect(stampTime(0.30000000000000004)).toBe(0.3);
  });

  it('keeps what was made at the same instant: a second click at one playhead is not lost', () => {
    const first = applyIntents([], [crash('A')], 1234.56);
    const second = applyIntents(first.script, [crash('B')], 1234.56);
    expect(second.script.map((a) => (a as { node: string }).node)).toEqual(['A', 'B']);
    expect(second.dropped).toBe(0);
  });

  it('keeps a workload started at a playhead between two tenths when the learner acts there again', () => {
    // A workload's first operation sits at the exact playhead, 1234.54; rounding the next
    // action down to 1234.5 would have forked it away.
    const workload: Action[] = [{ at: 1234.54, type: 'read', client: 'c1', coordinator: 'A', key: 'x' }, { at: 2000, type: 'read', client: 'c1', coordinator: 'A', key: 'x' }];
    const next = applyIntents(workload, [crash('A')], 1234.54);
    expect(next.dropped).toBe(1);
    expect(next.script.map((a) => a.type)).toEqual(['read', 'crash']);
  });

  it('drops exactly what was scripted after the playhead, and places `after` intents past it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 20 }), fc.integer({ min: 0, max: 50_000 }), (times, playhead) => {
        const script: Action[] = times.map((t) => ({ ...crash('A'), at: t / 10 })).sort((a, b) => a.at - b.at);
        const { script: next, at, dropped } = applyIntents(script, [crash('B'), { ...crash('C'), after: 500 }], playhead / 10);
        const later = script.filter((a) => a.at > at);
        expect(dropped).toBe(later.length);
        expect(at).toBeGreaterThanOrEqual(playhead / 10);
        expect(next.slice(0, -2)).toEqual(script.filter((a) => a.at <= at));
        expect(next.slice(-2).map((a) => a.at)).toEqual([at, stampTime(at + 500)]);
      }),
    );
  });

  it('a fork drops only the later actions that are the learner’s own; the rest stay', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50_000 }), fc.boolean()), { maxLength: 20 }), fc.integer({ min: 0, max: 50_000 }), (made, playhead) => {
        const script: Action[] = made.map(([t]) => ({ ...crash('A'), at: t / 10 })).sort((a, b) => a.at - b.at);
        const learners = new Set(script.filter((_, i) => made[i]![1]));
        const { script: next, at, added, dropped, keptLater } = applyIntents(script, [crash('B')], playhead / 10, (a) => learners.has(a));
        const theirs = script.filter((a) => a.at > at && !learners.has(a));
        expect(dropped).toBe(script.filter((a) => a.at > at && learners.has(a)).length);
        expect(keptLater).toBe(theirs.length);
        // Every story action is still there, and nothing the learner made later is.
        for (const a of theirs) expect(next).toContain(a);
        for (const a of script) if (a.at > at && learners.has(a)) expect(next).not.toContain(a);
        expect(next).toContain(added[0]);
        expect(next).toHaveLength(script.length - dropped + 1);
        // Still in time order, as every script is.
        expect(next.map((a) => a.at)).toEqual(next.map((a) => a.at).sort((x, y) => x - y));
      }),
    );
  });
});

describe('the store acts through applyIntents', () => {
  it('two actions at one fractional playhead both stay, in one run each or in one run together', () => {
    const store = createLabStore(makeScenario({}));
    store.getState().setTime(1234.567);
    store.getState().act(crash('A'));
    store.getState().act(crash('B'));
    store.getState().actMany([crash('C'), { type: 'recover', node: 'A' }]);
    expect(store.getState().run.scenario.script.map((a) => `${a.type} ${(a as { node: string }).node}@${a.at}`)).toEqual(['crash A@1234.6', 'crash B@1234.6', 'crash C@1234.6', 'recover A@1234.6']);
    expect(store.getState().notice).toBeNull();
  });

  it('acting at t = 0 keeps a loaded story’s future, and a fork over the learner’s own actions offers them back', () => {
    const story: Action[] = [
      { at: 1000, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'story' },
      { at: 3000, type: 'crash', node: 'B' },
    ];
    const store = createLabStore(makeScenario({ script: story }));
    store.getState().act(crash('C'));
    expect(store.getState().run.scenario.script.map((a) => a.type)).toEqual(['crash', 'write', 'crash']);
    expect(store.getState().notice).toBeNull();
    store.getState().setTime(2000);
    store.getState().act({ type: 'recover', node: 'C' });
    const before = store.getState().run.scenario;
    store.getState().setTime(500);
    store.getState().act({ type: 'read', client: 'c2', coordinator: 'B', key: 'x' });
    // The learner's recover at 2 s is gone; the story's write and crash stay.
    expect(store.getState().run.scenario.script.map((a) => a.type)).toEqual(['crash', 'read', 'write', 'crash']);
    const notice = store.getState().notice!;
    expect(notice.text).toBe('You acted at 0.50 s, earlier in the run than one action of yours: the run now forks at 0.50 s without it. Undo restores it and removes what you just did.');
    expect(notice.offer?.label).toBe('Undo');
    store.getState().load(notice.offer!.scenario, notice.offer!.time);
    expect(store.getState().run.scenario).toBe(before);
    // What came back is still the learner's: forking before it again drops it again.
    store.getState().setTime(100);
    store.getState().act(crash('A'));
    expect(store.getState().run.scenario.script.filter((a) => a.type === 'recover')).toEqual([]);
  });

  it('actMany is one new run, however many intents', () => {
    const store = createLabStore(makeScenario({ cluster: { replicas: 5 } }));
    let runs = 0;
    store.subscribe((s, prev) => void (s.run !== prev.run && runs++));
    store.getState().actMany(['A', 'B', 'C', 'D'].map(crash));
    expect(runs).toBe(1);
  });
});
