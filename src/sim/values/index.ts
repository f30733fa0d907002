import { lww } from './lww.ts';
import { mv } from './mv.ts';
import type { StrategyId, ValueStrategy } from './types.ts';

/** Every strategy by id. Strategies are looked up here, never switched on by id elsewhere. */
export const strategies: Record<StrategyId, ValueStrategy<unknown, unknown>> = {
  lww: lww as ValueStrategy<unknown, unknown>,
  mv: mv as ValueStrategy<unknown, unknown>,
};

export const STRATEGY_IDS = Object.keys(strategies) as StrategyId[];
