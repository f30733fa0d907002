import { createRng } from '../src/sim/rng.ts';
import { makeScenario, type Action } from '../src/sim/scenario.ts';
import { Simulation } from '../src/sim/simulation.ts';

/**
 * The standard leaderless workload of DESIGN.md: N=5, W=R=3, exponential latencies,
 * four clients issuing a steady stream of writes and reads over 50 keys, anti-entropy on.
 */
export function standardWorkload(ops: number, seed = 1) {
  const rng = createRng(seed);
  const clients = ['c1', 'c2', 'c3', 'c4'];
  const script: Action[] = [];
  for (let i = 0; i < ops; i++) {
    const at = i * 2; // one operation every 2 ms of virtual time
    const client = clients[i % clients.length]!;
    const coordinator = 'ABCDE'[rng.int(5)]!;
    const key = `k${rng.int(50)}`;
    script.push(rng.next() < 0.5 ? { at, type: 'write', client, coordinator, key, value: String(i) } : { at, type: 'read', client, coordinator, key });
  }
  return makeScenario({
    seed,
    cluster: { replicas: 5, n: 5, w: 3, r: 3, clients, antiEntropyMs: 1000, strategy: 'lww' },
    network: { latency: { kind: 'exponential', rate: 0.1 }, loss: 0, links: [] },
    script,
  });
}

export interface SimulatorResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  heapMiB: number;
  messages: number;
}

export function benchSimulator(ops: number, runs: number): SimulatorResult {
  const scenario = standardWorkload(ops);
  const end = ops * 2 + 10_000;
  let best = Infinity;
  let sim = new Simulation(scenario);
  for (let i = 0; i < runs; i++) {
    sim = new Simulation(scenario);
    const start = process.hrtime.bigint();
    sim.runUntil(end);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { events: sim.events, seconds: best, eventsPerSecond: sim.events / best, heapMiB: heldBy(() => new Simulation(scenario), (s) => s.runUntil(end)), messages: sim.trace.messages.length };
}

/** MiB of heap still held once `make` has built an object and `fill` has run on it. */
function heldBy<T>(make: () => T, fill: (x: T) => void): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = [make()];
  fill(kept[0]!);
  gc();
  const after = process.memoryUsage().heapUsed;
  return kept.length * ((after - before) / 2 ** 20);
}
