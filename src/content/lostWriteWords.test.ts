import { describe, expect, it } from 'vitest';
import { lostWrites } from '../check/lostWrites.ts';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { valueWords } from '../view/valueWords.ts';
import { lostWriteWords } from './lostWriteWords.ts';

function words(script: Action[], skew: Record<string, number> = {}) {
  const sim = new Simulation(makeScenario({ cluster: { skew }, network: { latency: { kind: 'constant', ms: 50 } }, script }));
  sim.runUntil(5000);
  return lostWrites(sim.trace.ops, sim.strategy, 5000).map((l) => lostWriteWords(l, sim.trace, valueWords(sim.strategy.id)));
}

describe('lostWriteWords', () => {
  it('names the clocks and the stamps they gave', () => {
    const script: Action[] = [
      { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'first' },
      { at: 500, type: 'write', client: 'c2', coordinator: 'B', key: 'x', value: 'second' },
    ];
    // Each request reaches its coordinator 50 ms after it is made (A stamps 50 + 2000, B 550), and W = 2 waits for one more replica.
    expect(words(script, { A: 2000 })).toEqual([
      'The write x = second, acknowledged at 0.70 s, is lost: the write x = first, acknowledged earlier (at 0.20 s), carries the later timestamp because A’s clock ran 2 s ahead of B’s when they stamped them (@2.050 s against @0.550 s), so last write wins keeps that one.',
    ]);
  });

  it('says a clock was moved back when one replica stamped both', () => {
    const script: Action[] = [
      { at: 0, type: 'set-skew', node: 'A', ms: 3000 },
      { at: 10, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'early' },
      { at: 400, type: 'set-skew', node: 'A', ms: 0 },
      { at: 500, type: 'write', client: 'c2', coordinator: 'A', key: 'x', value: 'late' },
    ];
    expect(words(script)).toEqual([
      'The write x = late, acknowledged at 0.70 s, is lost: the write x = early, acknowledged earlier (at 0.21 s), carries the later timestamp because A’s clock was moved back between the two stamps (@3.060 s against @0.550 s), so last write wins keeps that one.',
    ]);
  });
});
