import { describe, expect, it } from 'vitest';
import { createProgress, readProgress } from './progress.ts';

/** A Storage kept in a Map, which can be told to throw. */
function memoryStorage(init: Record<string, string> = {}, fail: { get?: boolean; set?: boolean } = {}): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem(k: string) {
      if (fail.get) throw new DOMException('blocked', 'SecurityError');
      return data.get(k) ?? null;
    },
    setItem(k: string, v: string) {
      if (fail.set) throw new DOMException('full', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('progress', () => {
  it('is kept in storage and read back by the next page', () => {
    const storage = memoryStorage();
    const first = createProgress(storage);
    first.reachStep('stale-read/cut');
    first.answer('q2', false);
    first.answer('q2', true);
    first.showAnswer('q8');
    const next = createProgress(storage);
    expect(next.persistent).toBe(true);
    expect(next.problem).toBeNull();
    expect(next.get()).toEqual({ steps: ['stale-read/cut'], quiz: { q2: { right: true, tries: 2, shown: false }, q8: { right: false, tries: 0, shown: true } } });
  });

  it('lives in memory, and says so, where storage throws on reading', () => {
    const p = createProgress(memoryStorage({}, { get: true }));
    expect(p.persistent).toBe(false);
    expect(p.problem).toMatch(/lasts only while this page is open/);
    p.answer('q1', true);
    expect(p.get().quiz.q1).toEqual({ right: true, tries: 1, shown: false });
  });

  it('carries on in memory when storage starts refusing writes, and says so', () => {
    const p = createProgress(memoryStorage({}, { set: true }));
    expect(p.persistent).toBe(true);
    let told = 0;
    p.subscribe(() => told++);
    p.reachStep('lww/skew');
    expect(told).toBe(1);
    expect(p.persistent).toBe(false);
    expect(p.problem).toMatch(/stopped letting the lab save/);
    expect(p.get().steps).toEqual(['lww/skew']);
  });

  it('works with no storage at all', () => {
    const p = createProgress(null);
    p.reachStep('a/b');
    expect(p.get().steps).toEqual(['a/b']);
    expect(p.persistent).toBe(false);
  });

  it('refuses what it did not write, and starts afresh saying why', () => {
    for (const raw of ['{', 'null', '[]', '{"steps":"x","quiz":{}}', '{"steps":["<img src=x>"],"quiz":{}}', '{"steps":[],"quiz":{"q1":{"right":"yes","tries":1,"shown":false}}}', '{"steps":[],"quiz":{"__proto__":{"right":true,"tries":1,"shown":false}}}', '{"steps":[],"quiz":{"q1":{"right":true,"tries":-1,"shown":false}}}']) {
      expect(readProgress(raw), raw).toBeNull();
      const p = createProgress(memoryStorage({ 'eventual-consistency-lab/progress/v1': raw }));
      expect(p.get(), raw).toEqual({ steps: [], quiz: {} });
      expect(p.problem, raw).toMatch(/could not be read/);
    }
  });

  it('keeps what another tab saved in the meantime, and starting afresh forgets both', () => {
    const storage = memoryStorage();
    const tab1 = createProgress(storage);
    const tab2 = createProgress(storage);
    tab1.reachStep('stale-read/write');
    tab2.answer('q2', true);
    tab1.answer('q2', false);
    expect(createProgress(storage).get()).toEqual({ steps: ['stale-read/write'], quiz: { q2: { right: true, tries: 1, shown: false } } });
    tab1.reset();
    expect(createProgress(storage).get()).toEqual({ steps: [], quiz: {} });
  });

  it('ignores ids that are not ours, and counts a step once', () => {
    const p = createProgress(null);
    p.reachStep('stale-read/cut');
    p.reachStep('stale-read/cut');
    p.reachStep('../../etc');
    p.answer('<b>', true);
    expect(p.get()).toEqual({ steps: ['stale-read/cut'], quiz: {} });
  });
});
