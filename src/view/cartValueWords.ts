import { parseCartOp } from '../sim/values/cart.ts';
import type { OrSetState } from '../sim/values/crdt/orSet.ts';
import { describeOrSet } from './orSetWords.ts';
import { LWW_WORDS, MV_WORDS, registerValueWords, type ValueWords } from './valueWords.ts';

/*
 * The carts in words. Registered when the conflicts lab loads this module, as the cart
 * strategies register themselves with the simulator, so the other labs load neither.
 */

/** A cart write in words, for narration and the operations list. */
function describeWrite(key: string, value: string) {
  const op = parseCartOp(value);
  return op.type === 'add'
    ? { clause: `adds ${op.item} to ${key}`, subject: `Adding ${op.item} to ${key}` }
    : { clause: `removes ${op.item} from ${key}`, subject: `Removing ${op.item} from ${key}` };
}

const ORSET_WORDS: ValueWords = {
  label: 'Cart as an OR-Set',
  describeWrite,
  stamp: (s) => {
    const state = s as OrSetState;
    return state.entries.map((e) => `${e.item}·${e.tag}`).join(' ') + (state.tombstones.length > 0 ? ` ✝${state.tombstones.join(',')}` : '');
  },
  describe: (s) => describeOrSet(s as OrSetState),
};

registerValueWords('cart-lww', { ...LWW_WORDS, label: 'Cart as one last-write-wins value', describeWrite });
registerValueWords('cart-mv', { ...MV_WORDS, label: 'Cart with siblings, merged by union', describeWrite });
registerValueWords('cart-orset', ORSET_WORDS);
