import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { historyFromRun } from '../src/check/fromTrace.ts';
import { linearizable } from '../src/check/linearizability.ts';
import { parseEtcdLog } from '../src/check/parseEtcdLog.ts';
import { sequentiallyConsistent } from '../src/check/sequential.ts';
import { makeScenario, type Action } from '../src/sim/scenario.ts';
import { Simulation } from '../src/sim/simulation.ts';
import { createRng } from '../src/sim/rng.ts';

export interface CheckerResult {
  /** null: the fixtures are not beside this checkout. */
  readonly etcd: { readonly files: number; readonly totalMs: number; readonly slowest: string; readonly slowestMs: number; readonly withWitnessesMs: number; readonly sequential: { readonly totalMs: number; readonly undecided: number } } | null;
  readonly generated: { readonly ops: number; readonly clients: number; readonly ms: number; readonly verdict: string };
}

const FIXTURES = '../shared/fixtures/porcupine-etcd/';

/** A key-value history of `clients` clients and `ops` operations from the simulator: N = 3, W = R = 2, reads that write back (so linearizable: the search must go all the way). */
export function generatedHistory(ops: number, clients: number) {
  const rng = createRng(7);
  const names = Array.from({ length: clients }, (_, i) => `c${i + 1}`);
  const script: Action[] = Array.from({ length: ops }, (_, i) => {
    const client = names[i % clients]!;
    const at = Math.floor(i / clients) * 400 + rng.int(300);
    const key = `k${rng.int(10)}`;
    const coordinator = 'ABC'[rng.int(3)]!;
    return rng.next() < 0.5 ? { at, type: 'write', client, coordinator, key, value: String(i) } : { at, type: 'read', client, coordinator, key };
  });
  script.sort((a, b) => a.at - b.at);
  const sim = new Simulation(makeScenario({ seed: 7, cluster: { replicas: 3, n: 3, w: 2, r: 2, clients: names, readWriteBack: true, antiEntropyMs: 1000 }, network: { latency: { kind: 'exponential', rate: 1 / 20 } }, script }));
  sim.runUntil(script[script.length - 1]!.at + 10_000);
  return historyFromRun(sim.trace.ops, 'lww')!;
}

/** Linearizability checked on Porcupine's etcd logs (best of three) and on a generated 3,000-operation history; sequential consistency on the etcd logs, once. */
export function benchCheckers(): CheckerResult {
  let etcd: CheckerResult['etcd'] = null;
  if (existsSync(FIXTURES)) {
    const histories = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.log'))
      .map((f) => ({ f, parsed: parseEtcdLog(readFileSync(FIXTURES + f, 'utf8')) }))
      .flatMap(({ f, parsed }) => (parsed.ok && parsed.ops.length > 0 ? [{ f, ops: parsed.ops }] : []));
    let best = { totalMs: Infinity, slowest: '', slowestMs: 0 };
    for (let round = 0; round < 3; round++) {
      let totalMs = 0;
      let slowest = { f: '', ms: 0 };
      for (const h of histories) {
        const t = performance.now();
        linearizable(h.ops, undefined, false);
        const ms = performance.now() - t;
        totalMs += ms;
        if (ms > slowest.ms) slowest = { f: h.f, ms };
      }
      if (totalMs < best.totalMs) best = { totalMs, slowest: slowest.f, slowestMs: slowest.ms };
    }
    const t = performance.now();
    for (const h of histories) linearizable(h.ops);
    const withWitnessesMs = performance.now() - t;
    // Sequential consistency, no witnesses: its search has a step budget, so "undecided" is the same on every machine.
    const s = performance.now();
    const undecided = histories.filter((h) => sequentiallyConsistent(h.ops, undefined, false).result === 'unknown').length;
    etcd = { files: histories.length, ...best, withWitnessesMs, sequential: { totalMs: performance.now() - s, undecided } };
  }
  const history = generatedHistory(3000, 50);
  let ms = Infinity;
  let verdict = '';
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    verdict = linearizable(history).result;
    ms = Math.min(ms, performance.now() - t);
  }
  return { etcd, generated: { ops: history.length, clients: 50, ms, verdict } };
}
