import type { CartStrategyId } from '../../../../sim/values/cart.ts';

/** What the lab calls each cart. */
export const CART_NAMES: Record<CartStrategyId, string> = {
  'cart-lww': 'Last write wins',
  'cart-mv': 'Siblings, merged by union',
  'cart-orset': 'OR-Set',
};

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
