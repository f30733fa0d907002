import { createRng } from '../src/sim/rng.ts';
import { makeScenario, type Action } from '../src/sim/scenario.ts';
import { Simulation } from '../src/sim/simulation.ts';
import { Timeline } from '../src/sim/timeline.ts';

/**
 * Scrubbing: a 10-minute run with a busy workload (20 operations a second from three
 * clients, a partition every minute), then "the cluster at time t" for random t.
 */
export function benchScrub(samples: number) {
  const rng = createRng(2);
  const script: Action[] = [];
  const minutes = 10;
  for (let t = 0; t < minutes * 60_000; t += 50) {
    const client = ['c1', 'c2', 'c3'][rng.int(3)]!;
    const coordinator = 'ABCDE'[rng.int(5)]!;
    const key = 'xyz'[rng.int(3)]!;
    script.push(rng.next() < 0.5 ? { at: t, type: 'write', client, coordinator, key, value: String(t) } : { at: t, type: 'read', client, coordinator, key });
  }
  for (let m = 0; m < minutes; m++) {
    script.push({ at: m * 60_000 + 10_000, type: 'partition', groups: [['A', 'B', 'c1'], ['C', 'D', 'E', 'c2', 'c3']] });
    script.push({ at: m * 60_000 + 30_000, type: 'heal-all' });
  }
  const scenario = makeScenario({ seed: 2, cluster: { replicas: 5, n: 3, w: 2, r: 2, clients: ['c1', 'c2', 'c3'], antiEntropyMs: 3000 }, script });
  const t0 = performance.now();
  const sim = new Simulation(scenario);
  sim.runUntil(minutes * 60_000);
  const runMs = performance.now() - t0;
  const t1 = performance.now();
  const timeline = new Timeline(sim.trace);
  const indexMs = performance.now() - t1;
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = rng.next() * minutes * 60_000;
    const s = performance.now();
    const m = timeline.moment(t, sim.ring);
    times.push(performance.now() - s);
    if (m.storage.size !== 5) throw new Error('unexpected moment');
  }
  times.sort((a, b) => a - b);
  return { events: sim.events, runMs, indexMs, p50: times[Math.floor(samples * 0.5)]!, p99: times[Math.floor(samples * 0.99)]! };
}
