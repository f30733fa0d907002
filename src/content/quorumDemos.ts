import { replicaIds } from '../sim/ids.ts';
import { preferenceList } from '../sim/replica.ts';
import { makeScenario, type Action, type Scenario } from '../sim/scenario.ts';

export interface QuorumDemo {
  readonly id: string;
  readonly title: string;
  /** The button that starts it. */
  readonly button: string;
  /** What will happen, told before it does, so the learner knows what to watch. */
  readonly story: string;
  readonly scenario: (seed: number) => Scenario;
}

/**
 * A sloppy quorum returning a stale read although W + R > N. Five replicas, N = 3: a
 * partition puts the key's first replica with the two replicas that do not hold it, and
 * its other two replicas on the far side. The write gets its W = 2 from the first replica
 * and a stand-in, which keeps it as a hint it cannot yet hand over; a read on the far side
 * gets its R = 2 from the two replicas that never saw the write.
 */
const sloppyStale: QuorumDemo = {
  id: 'sloppy-stale',
  title: 'A stale read although W + R > N',
  button: 'Show a stale read although W + R > N',
  story:
    'Five replicas, N=3, W=2, R=2, sloppy quorums on. A partition leaves key x’s first replica with the two replicas that do not hold x, and x’s other two replicas on the far side. A write through the first replica is acknowledged by a stand-in, which keeps it as a hint; a read on the far side hears only from replicas that never got the write. Watch the read return nothing, the hint wait, and the hand-off once the network heals.',
  scenario: (seed) => {
    const ring = replicaIds(5) as string[];
    const homes = preferenceList('x', replicaIds(5), 3) as string[];
    const [first, second, third] = homes as [string, string, string];
    const others = ring.filter((n) => !homes.includes(n));
    const script: Action[] = [
      { at: 0, type: 'partition', groups: [[first, ...others, 'c1', 'c3'], [second, third, 'c2']] },
      { at: 100, type: 'write', client: 'c1', coordinator: first, key: 'x', value: 'new' },
      { at: 1500, type: 'read', client: 'c2', coordinator: second, key: 'x' },
      { at: 3000, type: 'heal-all' },
    ];
    return makeScenario({
      seed,
      cluster: { replicas: 5, n: 3, w: 2, r: 2, clients: ['c1', 'c2', 'c3'], sloppyQuorum: true, hintedHandoffMs: 2000, antiEntropyMs: 0 },
      network: { latency: { kind: 'exponential', rate: 1 / 60 } },
      script,
    });
  },
};

/**
 * Read repair: C misses a write while its link from A is cut; with anti-entropy off it
 * would stay behind for ever. A read that asks all three replicas gets C's old answer
 * among the others, returns the newest, and sends it to C.
 */
const readRepair: QuorumDemo = {
  id: 'read-repair',
  title: 'Read repair brings a stale replica up to date',
  button: 'Show read repair bringing a replica up to date',
  story:
    'Three replicas, N=3, W=1, R=3, read repair on and anti-entropy off. C misses the write x=new while its link from A is cut, and stays one write behind after the link heals. Then a read asks all three: C answers with the old value, the read returns the newest, and a repair message brings C up to date.',
  scenario: (seed) =>
    makeScenario({
      seed,
      cluster: { replicas: 3, n: 3, w: 1, r: 3, clients: ['c1', 'c2', 'c3'], readRepair: true, antiEntropyMs: 0 },
      network: { latency: { kind: 'exponential', rate: 1 / 60 } },
      script: [
        { at: 0, type: 'cut', from: 'A', to: 'C' },
        { at: 100, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'new' },
        { at: 1500, type: 'heal', from: 'A', to: 'C' },
        { at: 2500, type: 'read', client: 'c2', coordinator: 'B', key: 'x' },
      ],
    }),
};

export const QUORUM_DEMOS: readonly QuorumDemo[] = [sloppyStale, readRepair];
