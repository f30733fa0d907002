import { makeScenario, type Action, type Scenario } from '../sim/scenario.ts';
import { createRng } from '../sim/rng.ts';

/**
 * The consistency lab's stories: seeded runs that show one thing each. Illustrative
 * scenarios in our own words; the numbers are what this simulator does with this seed,
 * checked by the tests beside this file.
 */
export interface SpectrumStory {
  readonly id: string;
  readonly title: string;
  readonly story: string;
  readonly scenario: (writeBack: boolean) => Scenario;
}

/**
 * Strict quorums are not linearizable. N = 3, W = R = 2, no faults at all: a write to x
 * through A is still on its way to B and C when two clients read. The first read, through
 * B, hears from A and returns the new value; the second, which starts after the first has
 * returned, hears from B and C only, which have not got the write yet, and returns the old
 * one. Neither read missed a write acknowledged before it began (the write is
 * acknowledged later), so the stale-read count is zero; but no single order of the three
 * operations explains both answers. Making each read write back what it returns to W
 * replicas before answering (the second phase of the ABD algorithm) removes the
 * inversion. In this story neither read has to wait for it (the coordinator and one
 * replica already hold the value, which is W); what write-back costs is measured on a
 * busier workload (WRITE_BACK_WORKLOAD).
 */
export const QUORUM_NOT_LINEARIZABLE: SpectrumStory = {
  id: 'quorum-inversion',
  title: 'W + R > N, and still not linearizable',
  story:
    'Three replicas, N = 3, W = 2, R = 2, and no failures. A write of x = 1 through A is still on its way to B and C when two other clients read x. The first read returns 1. The second starts after the first has returned, and returns nothing. Neither read missed an acknowledged write: the write is acknowledged only later. Turn on write-back and run it again.',
  scenario: (writeBack) => {
    const script: Action[] = [
      { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
      { at: 40, type: 'read', client: 'c2', coordinator: 'B', key: 'x' },
      { at: 80, type: 'read', client: 'c3', coordinator: 'C', key: 'x' },
    ];
    return makeScenario({
      seed: 14799,
      cluster: { replicas: 3, n: 3, w: 2, r: 2, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 0, readWriteBack: writeBack },
      network: { latency: { kind: 'exponential', rate: 1 / 40 } },
      script,
    });
  },
};

/**
 * What write-back costs: the same workload with and without it (N = 3, W = R = 2, reads
 * and writes racing on three keys, exponential latencies), so reads that find fewer than
 * W replicas holding their answer wait for the write-back's acknowledgements.
 */
export function writeBackWorkload(writeBack: boolean): Scenario {
  // Every 50 ms a read or a write of x, y or z through a replica picked at random.
  const rng = createRng(11);
  const script = Array.from({ length: 400 }, (_, i): Action => {
    const [client, coordinator, key] = [`c${(i % 3) + 1}`, 'ABC'[rng.int(3)]!, 'xyz'[rng.int(3)]!];
    return rng.next() < 0.5 ? { at: i * 50, type: 'read', client, coordinator, key } : { at: i * 50, type: 'write', client, coordinator, key, value: String(i + 1) };
  });
  return makeScenario({
    seed: 11,
    cluster: { replicas: 3, n: 3, w: 2, r: 2, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 0, readWriteBack: writeBack },
    network: { latency: { kind: 'exponential', rate: 1 / 40 } },
    script,
  });
}
