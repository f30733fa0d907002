import { divergent } from '../check/convergence.ts';
import { cartLedger, type LedgerRow } from '../check/cartLedger.ts';
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
  readonly ledger: LedgerRow[];
}

/**
 * The same scenario run once per cart strategy, each to the end and then SETTLE_MS
 * more, with the ledger of what became of every acknowledged change.
 *
 * @example runCarts(story.scenario(1, 'cart-lww'), 'cart').map((o) => o.final)
 */
export function runCarts(scenario: Scenario, key: string): CartOutcome[] {
  const last = scenario.script.reduce((t, a) => Math.max(t, a.at), 0);
  const end = last + SETTLE_MS;
  return CART_STORES.map((store) => {
    const sim = new Simulation({ ...scenario, cluster: { ...scenario.cluster, strategy: store.id } });
    sim.runUntil(end);
    const stateOf = (node: NodeId) => {
      let state: unknown;
      for (const c of sim.trace.changes) if (c.node === node && c.key === key) state = c.state;
      return state;
    };
    const converged = divergent([key], () => sim.ring, stateOf, store.strategy).length === 0;
    const changes = sim.trace.changes.filter((c) => c.key === key);
    const final = store.items(stateOf(sim.ring[0]!));
    return { strategy: store.id, sim, end, converged, settledAt: changes.at(-1)?.at ?? 0, final, ledger: cartLedger(sim.trace.ops, final) };
  });
}

/** The ledger rows of several runs of one script, side by side: rows match by order made. */
export function sameChange(a: OpRecord, b: OpRecord): boolean {
  return a.client === b.client && a.invokedAt === b.invokedAt && a.value === b.value;
}
