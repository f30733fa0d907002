import '../src/sim/protocols/leaderInstall.ts';
import { bareLoop, type BareResult } from './bareLoop.ts';
import { createRng } from '../src/sim/rng.ts';
import { makeScenario, type Action } from '../src/sim/scenario.ts';
import { Simulation } from '../src/sim/simulation.ts';

/**
 * The standard leaderless workload of DESIGN.md: N=5, W=R=3, exponential latencies,
 * four clients issuing a steady stream of writes and reads over 50 keys, anti-entropy on.
 * With `leader`, the same stream on single-leader replication: writes through the leader,
 * acknowledged once two followers have them (as W=3 counts the coordinator and two
 * more), reads from whichever replica the action names.
 */
export function standardWorkload(ops: number, seed = 1, leader = false) {
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
    cluster: leader
      ? { replicas: 5, n: 5, clients, strategy: 'lww', topology: 'single-leader', followerAcks: 2, followerReads: true }
      : { replicas: 5, n: 5, w: 3, r: 3, clients, antiEntropyMs: 1000, strategy: 'lww' },
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

/**
 * The simulator and the bare event loop (bareLoop.ts) on the same workload, run in turns
 * (simulator, loop, simulator, loop…) so a change in the machine's load between them
 * touches both; the best run of each is reported.
 */
export function benchSimulator(ops: number, runs: number, leader = false): { sim: SimulatorResult; bare: BareResult } {
  const scenario = standardWorkload(ops, 1, leader);
  const end = ops * 2 + 10_000;
  // Memory first, before earlier runs leave anything for the collector to find late.
  const heapMiB = heldBy(() => new Simulation(scenario), (s) => s.runUntil(end));
  let best = Infinity;
  let bestBare = Infinity;
  let events = 0;
  let bareEvents = 0;
  let messages = 0;
  for (let i = 0; i < runs; i++) {
    const sim = new Simulation(scenario);
    const start = process.hrtime.bigint();
    sim.runUntil(end);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    events = sim.events;
    messages = sim.trace.messages.length;
    const bareStart = process.hrtime.bigint();
    bareEvents = bareLoop(ops);
    bestBare = Math.min(bestBare, Number(process.hrtime.bigint() - bareStart) / 1e9);
  }
  return {
    sim: { events, seconds: best, eventsPerSecond: events / best, heapMiB, messages },
    bare: { events: bareEvents, seconds: bestBare, eventsPerSecond: bareEvents / bestBare },
  };
}

/** Bytes in use: the JS heap and the array buffers outside it (typed arrays' storage). */
function inUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** MiB still held once `make` has built an object and `fill` has run on it: heap and array buffers. */
function heldBy<T>(make: () => T, fill: (x: T) => void): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  const before = inUse();
  const kept = [make()];
  fill(kept[0]!);
  gc();
  const after = inUse();
  return kept.length * ((after - before) / 2 ** 20);
}
