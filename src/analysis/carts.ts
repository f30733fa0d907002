import { divergent } from '../check/convergence.ts';
import type { NodeId } from '../sim/ids.ts';
import type { Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import type { OpRecord } from '../sim/trace.ts';
import { CART_STORES, type CartStrategyId } from '../sim/values/cart.ts';

/** How long after the last scripted action a cart run is simulated, to let it settle. */
export const SETTLE_MS = 10_000;

export interface CartOutcome {
  readonly strategy: CartStrategyId;
  readonly sim: Simulation;
  /** When the run was simulated to. */
  readonly end: number;
  /** Whether every replica holds the same cart at the end. */
  readonly converged: boolean;
  /** The last moment any replica's cart changed. */
  readonly settledAt: number;
  /** The cart the app shows once the replicas agree (at the end, from replica A). */
  readonly final: string[];
  /** The strategy's state behind `final` (the ledger needs the OR-Set's tags). */
  readonly finalState: unknown;
  readonly key: string;
}

/**
 * The same scenario run once per cart strategy, each to the end and then SETTLE_MS
 * more. What became of every acknowledged change is `ledgerOf(outcome)` (check/cartLedger.ts),
 * worked out when the ledger, which loads after the first screen, asks.
 *
 * @example runCarts(story.scenario(1, 'cart-lww'), 'cart').map((o) => o.final)
 */
export function runCarts(scenario: Scenario, key: string): CartOutcome[] {
  const last = scenario.script.reduce((t, a) => Math.max(t, a.at), 0);
  const end = last + SETTLE_MS;
  return CART_STORES.map((store) => {
    const sim = new Simulation({ ...scenario, cluster: { ...scenario.cluster, strategy: store.id } });
    sim.runUntil(end);
    const log = sim.trace.changes;
    const stateOf = (node: NodeId) => {
      for (let i = log.length - 1; i >= 0; i--) if (log.node(i) === node && log.key(i) === key) return log.state(i);
      return undefined;
    };
    const converged = divergent([key], () => sim.ring, stateOf, store.strategy).length === 0;
    const changes = log.slice().filter((c) => c.key === key);
    const finalState = stateOf(sim.ring[0]!);
    const final = store.items(finalState);
    return { strategy: store.id, sim, end, converged, settledAt: changes.at(-1)?.at ?? 0, final, finalState: finalState ?? null, key };
  });
}

/**
 * Whether two runs' records are the same change of the script. Every run numbers its
 * operations in the order the script makes them, so the same change has the same id.
 */
export function sameChange(a: OpRecord, b: OpRecord): boolean {
  return a.id === b.id && a.client === b.client && a.value === b.value;
}
