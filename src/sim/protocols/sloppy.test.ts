import { describe, expect, it } from 'vitest';
import { staleReads } from '../../check/staleReads.ts';
import type { NodeId } from '../ids.ts';
import { makeScenario, type Action } from '../scenario.ts';
import { Simulation } from '../simulation.ts';

/**
 * Five replicas, N=3 per key. The key's home replicas are found from the ring, so the tests
 * do not depend on where the hash happens to put it.
 */
function setup(sloppyQuorum: boolean, script: (homes: NodeId[], others: NodeId[]) => Action[], extra = {}) {
  const probe = new Simulation(makeScenario({ cluster: { replicas: 5, n: 3 } }));
  const homes = probe.preferenceList('x');
  const others = probe.ring.filter((n) => !homes.includes(n));
  const sim = new Simulation(
    makeScenario({
      cluster: { replicas: 5, n: 3, w: 2, r: 2, sloppyQuorum, antiEntropyMs: 0, hintedHandoffMs: 500, ...extra },
      network: { latency: { kind: 'constant', ms: 20 } },
      script: script(homes, others),
    }),
  );
  sim.runUntil(10_000);
  return { sim, homes, others };
}

/** The coordinator (a home replica) can reach neither of the other two homes. */
const cutOff = (homes: NodeId[]): Action[] => [
  { at: 0, type: 'cut', from: homes[0]!, to: homes[1]! },
  { at: 0, type: 'cut', from: homes[0]!, to: homes[2]! },
];

describe('sloppy quorums and hinted handoff', () => {
  it('without a sloppy quorum, a write that cannot reach W home replicas fails', () => {
    const { sim } = setup(false, (homes) => [...cutOff(homes), { at: 10, type: 'write', client: 'c1', coordinator: homes[0]!, key: 'x', value: '1' }]);
    expect(sim.trace.ops[0]!.outcome).toBe('fail');
  });

  it('with one, stand-ins outside the key’s replicas acknowledge and the write succeeds', () => {
    const { sim, homes, others } = setup(true, (homes) => [...cutOff(homes), { at: 10, type: 'write', client: 'c1', coordinator: homes[0]!, key: 'x', value: '1' }]);
    const op = sim.trace.ops[0]!;
    expect(op.outcome).toBe('ok');
    expect(op.quorum.some((n) => others.includes(n))).toBe(true);
    // The stand-in parked it as a hint for a home replica, not as its own data.
    const parked = sim.trace.hints.find((h) => h.state !== null)!;
    expect(others).toContain(parked.node);
    expect(homes.slice(1)).toContain(parked.owner);
    expect(sim.replica(parked.node).storage.has('x')).toBe(false);
  });

  it('hands hints back once the home replica is reachable, then drops them', () => {
    const { sim, homes } = setup(true, (homes) => [
      ...cutOff(homes),
      { at: 10, type: 'write', client: 'c1', coordinator: homes[0]!, key: 'x', value: '1' },
      { at: 3000, type: 'heal-all' },
    ]);
    for (const home of homes) expect(sim.strategy.values(sim.replica(home).storage.get('x'))).toEqual(['1']);
    expect(sim.trace.messages.slice().some((m) => m.kind === 'handoff' && m.fate === 'delivered')).toBe(true);
    for (const r of sim.ring) expect(sim.replica(r).hints.size).toBe(0);
    expect(sim.trace.hints.at(-1)!.state).toBeNull();
  });

  it('can give a stale read even though W + R > N', () => {
    // The write is acknowledged by the coordinator and a stand-in; the other two homes never
    // see it. A read through one of them, which cannot reach the coordinator, gets R = 2
    // answers from homes that lack it.
    const { sim } = setup(true, (homes) => [
      ...cutOff(homes),
      { at: 10, type: 'write', client: 'c1', coordinator: homes[0]!, key: 'x', value: '1' },
      { at: 1000, type: 'read', client: 'c2', coordinator: homes[1]!, key: 'x' },
    ], { hintedHandoffMs: 0 });
    const [write, read] = sim.trace.ops;
    expect(write!.outcome).toBe('ok');
    expect(read!.outcome).toBe('ok');
    expect(read!.result).toEqual([]);
    expect(staleReads(sim.trace.ops, sim.strategy).map((s) => s.read.id)).toEqual([read!.id]);
  });
});

describe('sloppy quorums when a stand-in is down too', () => {
  it('looks further round the ring until enough stand-ins answer', () => {
    // The coordinator cannot reach one home replica, and the first stand-in round the ring is down.
    const ring = ['A', 'B', 'C', 'D', 'E'];
    let firstCandidate = '';
    let secondCandidate = '';
    const { sim } = setup(
      true,
      (homes) => {
        const start = ring.indexOf(homes[2]!);
        const after = ring.map((_, i) => ring[(start + 1 + i) % ring.length]!).filter((n) => !homes.includes(n as NodeId));
        [firstCandidate, secondCandidate] = after as [string, string];
        return [
          { at: 0, type: 'cut', from: homes[0]!, to: homes[1]! },
          { at: 0, type: 'crash', node: firstCandidate },
          { at: 10, type: 'write', client: 'c1', coordinator: homes[0]!, key: 'x', value: '1' },
        ];
      },
      { w: 3 },
    );
    const op = sim.trace.ops[0]!;
    expect(op.outcome).toBe('ok');
    expect(op.quorum).toContain(secondCandidate);
    expect(op.quorum).not.toContain(firstCandidate);
  });
});
