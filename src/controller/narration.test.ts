import { describe, expect, it } from 'vitest';
import { makeScenario } from '../sim/scenario.ts';
import { createLabStore } from '../store/labStore.ts';
import { loadLostWriteWords } from './lostWords.ts';
import { createNarration } from './narration.ts';

describe('the narration, with the words for lost writes loaded on demand', () => {
  it('tells a lost write once the words have arrived, and only once', async () => {
    const store = createLabStore(makeScenario({ cluster: { w: 1, r: 1, antiEntropyMs: 0, skew: { A: 2000 } }, network: { latency: { kind: 'constant', ms: 50 } } }));
    const narration = createNarration(store);
    narration.start();
    const s = () => store.getState();
    s().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'first' });
    s().setTime(500);
    s().act({ type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'second' });
    s().setTime(1000);
    await loadLostWriteWords();
    const lost = () => narration.lines().filter((l) => l.text.includes('is lost'));
    expect(lost().map((l) => l.text)).toEqual([expect.stringMatching(/^The write x = second, acknowledged at 0\.60 s, is lost/)]);
    s().setTime(1500);
    expect(lost()).toHaveLength(1);
    narration.stop();
  });

  it('starts again with a new run (a demo, a story, a reset), never telling one run among another’s; a fork keeps the story', () => {
    const store = createLabStore(makeScenario({ network: { latency: { kind: 'constant', ms: 50 } } }));
    const narration = createNarration(store);
    narration.start();
    const s = () => store.getState();
    s().act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
    s().setTime(500);
    const before = narration.lines().length;
    expect(before).toBeGreaterThan(0);
    // Acting forks the run: the story goes on.
    s().act({ type: 'crash', node: 'B' });
    s().setTime(600);
    expect(narration.lines().length).toBeGreaterThan(before);
    s().load(makeScenario({ script: [{ at: 100, type: 'crash', node: 'C' }] }), 0);
    expect(narration.lines()).toEqual([]);
    s().setTime(200);
    expect(narration.lines().map((l) => l.text)).toEqual([expect.stringMatching(/C crashed/)]);
    narration.stop();
  });
});
