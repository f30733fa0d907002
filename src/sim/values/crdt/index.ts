import { registerStrategy } from '../index.ts';
import type { ValueStrategy } from '../types.ts';
import { gCounter } from './gCounter.ts';
import { gSet } from './gSet.ts';
import { orSet } from './orSet.ts';
import { pnCounter } from './pnCounter.ts';
import { twoPhaseSet } from './twoPhaseSet.ts';

export type CrdtId = 'g-counter' | 'pn-counter' | 'g-set' | '2p-set' | 'or-set';

/** The CRDTs by id: value strategies like the registers beside this folder. */
export const CRDTS: Readonly<Record<CrdtId, ValueStrategy<unknown, unknown>>> = {
  'g-counter': gCounter as ValueStrategy<unknown, unknown>,
  'pn-counter': pnCounter as ValueStrategy<unknown, unknown>,
  'g-set': gSet as ValueStrategy<unknown, unknown>,
  '2p-set': twoPhaseSet as ValueStrategy<unknown, unknown>,
  'or-set': orSet as ValueStrategy<unknown, unknown>,
};

// Loading this module makes the CRDTs available to scenarios (see ../index.ts).
for (const strategy of Object.values(CRDTS)) registerStrategy(strategy);
