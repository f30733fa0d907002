import { divergent } from '../check/convergence.ts';
import type { Verdict } from '../check/verdict.ts';
import { fits } from '../sim/cost.ts';
import type { NodeId } from '../sim/ids.ts';
import type { Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { Timeline } from '../sim/timeline.ts';

/** How long after the last action the run is left to settle before replicas are compared. */
export const SETTLE_MS = 60_000;

/** Why eventual consistency could not be judged, or which replicas still disagree. */
export type EventualVerdict = Verdict & { readonly settledAt?: number; readonly detail?: string };

/**
 * Eventual consistency, as the module states it: once writes stop and every fault is
 * healed, every replica of each key ends with the same value, and every acknowledged
 * write reached every replica of its key or was superseded there. It is a promise about
 * the future, so a run is judged by letting it go on: the scenario is simulated to
 * SETTLE_MS after its last action, and the replicas compared then.
 *
 * A run that ends with a link cut or a replica down says nothing either way (the promise
 * needs the faults healed): that is `unknown`, with the reason. In this lab convergence
 * comes from anti-entropy (and read repair, for keys that are read); with anti-entropy
 * off, a replica that missed a write keeps missing it unless a later read repairs it or a
 * hint is handed back, and the verdict says so. Riak runs both; Cassandra repairs on
 * reads and leaves full anti-entropy (nodetool repair) for operators to schedule;
 * Dynamo's anti-entropy compares Merkle trees.
 */
export function eventuallyConsistent(scenario: Scenario): EventualVerdict {
  const last = scenario.script.reduce((t, a) => Math.max(t, a.at), 0);
  const end = last + SETTLE_MS;
  if (!fits(scenario, end)) return { result: 'unknown', reason: 'the run is too heavy to simulate a minute past its end here' };
  const sim = new Simulation(scenario);
  sim.runUntil(last);
  const cut = sim.ring.flatMap((a) => [...sim.ring, ...sim.clients].filter((b) => b !== a && (sim.isCut(a, b) || sim.isCut(b, a))).map((b) => `${a}–${b}`));
  if (cut.length > 0) return { result: 'unknown', reason: `a link is still cut when the run ends (${cut[0]}), and eventual consistency promises nothing until it heals` };
  const down = sim.ring.filter((n) => !sim.replica(n).up);
  if (down.length > 0) return { result: 'unknown', reason: `replica ${down[0]} is still down when the run ends, and eventual consistency promises nothing until it recovers` };
  sim.runUntil(end);
  const tl = new Timeline(sim.trace);
  const keys = tl.keys();
  const stateOf = (node: NodeId, key: string) => tl.stateAt(node, key, end);
  const apart = divergent(keys, (k) => sim.preferenceList(k), stateOf, sim.strategy);
  if (apart.length > 0) {
    const d = apart[0]!;
    return {
      result: 'violated',
      witness: { ops: [], partial: [], key: d.key, pattern: 'diverged' },
      detail: `a minute after the last action, the replicas of ${d.key} still disagree (${d.groups.map((g) => g.join(', ')).join(' / ')})${scenario.cluster.antiEntropyMs === 0 ? '; anti-entropy is off, so nothing brings them together' : ''}`,
    };
  }
  // Every acknowledged write reached each replica of its key, or something there supersedes it.
  for (const op of sim.trace.ops) {
    if (op.kind !== 'write' || op.outcome !== 'ok' || op.version === null) continue;
    const missing = sim.preferenceList(op.key).find((n) => !sim.strategy.covers(stateOf(n, op.key) ?? sim.strategy.empty(), op.version));
    if (missing) return { result: 'violated', witness: { ops: [], partial: [], key: op.key, pattern: 'lost' }, detail: `replica ${missing} never got the acknowledged write ${op.key} = ${op.value}, nor anything that supersedes it` };
  }
  return { result: 'satisfied', settledAt: end };
}
