import { lww } from './lww.ts';
import { mv } from './mv.ts';
import type { StrategyId, ValueStrategy } from './types.ts';

type AnyStrategy = ValueStrategy<unknown, unknown>;

/**
 * Every strategy a run can use, by id. The registers are always here; the conflicts lab's
 * carts register themselves when `cart.ts` loads, so the labs that never use them do not
 * download them. Strategies are looked up here, never switched on by id elsewhere.
 */
const registry = new Map<StrategyId, AnyStrategy>([
  ['lww', lww as AnyStrategy],
  ['mv', mv as AnyStrategy],
]);

export function registerStrategy(strategy: AnyStrategy): void {
  registry.set(strategy.id, strategy);
}

export function findStrategy(id: StrategyId): AnyStrategy | undefined {
  return registry.get(id);
}

/** The ids a scenario may name now: what has been registered so far. */
export function strategyIds(): StrategyId[] {
  return [...registry.keys()];
}
