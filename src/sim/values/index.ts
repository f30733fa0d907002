import { cartLww, cartMv, cartOrSet } from './cart.ts';
import { lww } from './lww.ts';
import { mv } from './mv.ts';
import type { StrategyId, ValueStrategy } from './types.ts';

/** Every strategy by id. Strategies are looked up here, never switched on by id elsewhere. */
export const strategies: Record<StrategyId, ValueStrategy<unknown, unknown>> = {
  lww: lww as ValueStrategy<unknown, unknown>,
  mv: mv as ValueStrategy<unknown, unknown>,
  'cart-lww': cartLww as ValueStrategy<unknown, unknown>,
  'cart-mv': cartMv as ValueStrategy<unknown, unknown>,
  'cart-orset': cartOrSet as ValueStrategy<unknown, unknown>,
};

export const STRATEGY_IDS = Object.keys(strategies) as StrategyId[];
