import { runParam } from '../../../embed/urlCodec.ts';
import { CART_SETTINGS, cartRunProblem } from './conflictsParams.ts';

/** The cart's whole address: a shared run, else a story and a seed. Loaded only when the address has a run. */
export const CART_PARAMS = {
  run: runParam('The lab started from its first story instead.', cartRunProblem),
  ...CART_SETTINGS,
};
