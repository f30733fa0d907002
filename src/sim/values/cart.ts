import { EMPTY_CONTEXT, union as unionContexts } from './causalContext.ts';
import { orSet, orSetItems, type OrSetState, type OrSetVersion } from './crdt/orSet.ts';
import { formatSet, parseSet, parseSetOp, type SetOp } from './ops.ts';
import { lww, type LwwState, type LwwVersion } from './lww.ts';
import { mv, type MvState, type Sibling } from './mv.ts';
import { registerStrategy } from './index.ts';
import type { ValueStrategy } from './types.ts';

/*
 * A shopping cart kept three ways, for the conflicts lab. A write's value is an
 * operation, "+tv" or "-tv"; the coordinating replica turns it into a new version from
 * what it holds itself, the way an app server reads the cart from its nearest replica,
 * changes it and writes it back:
 *
 * - cart-lww: the whole cart is one last-write-wins register. Two devices that change
 *   the cart through replicas that have not heard from each other each write a whole
 *   cart, and the higher timestamp silently replaces the other.
 * - cart-mv: the cart is a multi-value register; the app reads every sibling, merges
 *   them by union, applies the change and writes with the context it read. Nothing added
 *   is lost, but a removal concurrent with an older sibling comes back (the union cannot
 *   tell "removed" from "never added").
 * - cart-orset: the cart is an OR-Set; an add carries a unique tag and a remove deletes
 *   only the tags its replica had seen. Adds survive concurrent removes, and removes stick.
 */

export type CartOp = SetOp;
/** "+tv" adds, "-tv" removes; anything else adds the text as it is (so no write is refused). */
export const parseCartOp = parseSetOp;
/** A cart as the lab writes it: "{headphones, tv}", items sorted; "{}" when empty. */
export const formatCart = formatSet;
/** The items of a cart written by formatCart. */
export const parseCart = parseSet;
export type { OrSetVersion };

function applyTo(items: readonly string[], op: CartOp): string[] {
  return op.type === 'add' ? [...items, op.item] : items.filter((i) => i !== op.item);
}

export const cartLww: ValueStrategy<LwwState, LwwVersion> = {
  ...lww,
  id: 'cart-lww',
  create(local, value, meta) {
    const items = local === null ? [] : parseCart(local.value);
    return lww.create(local, formatCart(applyTo(items, parseCartOp(value))), meta);
  },
};

/** What the app shows for a multi-value cart: the union of its siblings. */
export function unionOfSiblings(state: MvState): string[] {
  return [...new Set(state.flatMap((s) => parseCart(s.value)))].sort();
}

export const cartMv: ValueStrategy<MvState, Sibling> = {
  ...mv,
  id: 'cart-mv',
  create(local, value, meta) {
    // The app read every sibling here, so its write supersedes them all.
    const context = unionContexts(meta.context ?? EMPTY_CONTEXT, mv.context(local) ?? EMPTY_CONTEXT);
    return mv.create(local, formatCart(applyTo(unionOfSiblings(local), parseCartOp(value))), { ...meta, context });
  },
};

/** The cart as an OR-Set is the OR-Set itself (crdt/orSet.ts), under the cart's id. */
export const cartOrSet: ValueStrategy<OrSetState, OrSetVersion> = { ...orSet, id: 'cart-orset' };

export type CartStrategyId = 'cart-lww' | 'cart-mv' | 'cart-orset';

/** The three carts, in the order the lab shows them, with what the app shows for a state. */
export const CART_STORES: readonly { readonly id: CartStrategyId; readonly strategy: ValueStrategy<unknown, unknown>; readonly items: (state: unknown) => string[] }[] = [
  { id: 'cart-lww', strategy: cartLww as ValueStrategy<unknown, unknown>, items: (s) => (s ? parseCart((s as LwwVersion).value) : []) },
  { id: 'cart-mv', strategy: cartMv as ValueStrategy<unknown, unknown>, items: (s) => (s ? unionOfSiblings(s as MvState) : []) },
  { id: 'cart-orset', strategy: cartOrSet as ValueStrategy<unknown, unknown>, items: (s) => (s ? orSetItems(s as OrSetState) : []) },
];

// Loading this module makes the carts available to scenarios (see index.ts).
for (const store of CART_STORES) registerStrategy(store.strategy);
