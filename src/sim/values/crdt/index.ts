import { gCounter } from './gCounter.ts';
import { gSet } from './gSet.ts';
import { orSet } from './orSet.ts';
import { pnCounter } from './pnCounter.ts';
import { twoPhaseSet } from './twoPhaseSet.ts';
import type { Crdt, CrdtId } from './types.ts';

/** The CRDT gallery's data types by id (the registers are the value strategies beside this folder). */
export const crdts: Record<CrdtId, Crdt<unknown, unknown, unknown>> = {
  'g-counter': gCounter as Crdt<unknown, unknown, unknown>,
  'pn-counter': pnCounter as Crdt<unknown, unknown, unknown>,
  'g-set': gSet as Crdt<unknown, unknown, unknown>,
  '2p-set': twoPhaseSet as Crdt<unknown, unknown, unknown>,
  'or-set': orSet as Crdt<unknown, unknown, unknown>,
};
