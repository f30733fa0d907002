import { describe, expect, it } from 'vitest';
import { nodeId } from './ids.ts';
import { makeScenario } from './scenario.ts';
import { Simulation } from './simulation.ts';
import { Timeline, lastAtOrBefore } from './timeline.ts';

const A = nodeId('A');
const B = nodeId('B');

function sim() {
  const s = new Simulation(
    makeScenario({
      network: { latency: { kind: 'constant', ms: 100 } },
      cluster: { w: 3, antiEntropyMs: 0, skew: { C: 40 } },
      script: [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
        { at: 1000, type: 'cut', from: 'A', to: 'B', oneWay: true },
        { at: 1000, type: 'crash', node: 'C' },
        { at: 2000, type: 'recover', node: 'C' },
      ],
    }),
  );
  s.runUntil(5000);
  return s;
}

describe('Timeline', () => {
  it('rebuilds a replica state at any moment', () => {
    const s = sim();
    const tl = new Timeline(s.trace);
    // client→A at 100, A→B at 200: B holds nothing before 200.
    expect(tl.stateAt(B, 'x', 150)).toBeUndefined();
    expect(s.strategy.values(tl.stateAt(B, 'x', 250))).toEqual(['1']);
    expect(tl.keys()).toEqual(['x']);
  });

  it('knows which messages were in flight', () => {
    const tl = new Timeline(sim().trace);
    expect(tl.inFlightAt(150).map((m) => `${m.from}→${m.to} ${m.kind}`)).toEqual(['A→B replicate', 'A→C replicate']);
    expect(tl.inFlightAt(50).map((m) => m.kind)).toEqual(['client-write']);
    expect(tl.inFlightAt(4000)).toEqual([]);
  });

  it('replays faults: cuts, crashes, recoveries and skew', () => {
    const s = sim();
    const tl = new Timeline(s.trace);
    const before = tl.moment(500, s.ring);
    expect([...before.cuts]).toEqual([]);
    expect(before.skew.get(nodeId('C'))).toBe(40);
    const during = tl.moment(1500, s.ring);
    expect([...during.cuts]).toEqual(['A>B']);
    expect([...during.down]).toEqual(['C']);
    expect([...tl.moment(2500, s.ring).down]).toEqual([]);
    expect(s.strategy.values(during.storage.get(A)!.get('x'))).toEqual(['1']);
  });

  it('indexes only what is new when the run goes further', () => {
    const s = new Simulation(makeScenario({ network: { latency: { kind: 'constant', ms: 100 } }, script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] }));
    s.runUntil(150);
    const tl = new Timeline(s.trace);
    expect(tl.stateAt(B, 'x', 1000)).toBeUndefined();
    s.runUntil(1000);
    tl.refresh();
    expect(s.strategy.values(tl.stateAt(B, 'x', 1000))).toEqual(['1']);
  });

  it('finds the last item at or before a time', () => {
    expect(lastAtOrBefore([1, 3, 3, 5], 3)).toBe(2);
    expect(lastAtOrBefore([1, 3, 3, 5], 0)).toBe(-1);
    expect(lastAtOrBefore([1, 3, 3, 5], 9)).toBe(3);
  });
});
