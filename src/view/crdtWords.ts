import type { GCounterState } from '../sim/values/crdt/gCounter.ts';
import type { GSetState } from '../sim/values/crdt/gSet.ts';
import type { PnCounterState } from '../sim/values/crdt/pnCounter.ts';
import { sortedKeys } from '../sim/values/crdt/types.ts';
import type { TwoPhaseSetState } from '../sim/values/crdt/twoPhaseSet.ts';
import { parseCounterOp } from '../sim/values/ops.ts';
import { describeOrSet } from './orSetWords.ts';
import { LWW_WORDS, registerValueWords, type ValueWords } from './valueWords.ts';

/*
 * The CRDTs and the naive counter in words, registered when a lab that runs them loads
 * this module (the conflicts lab's gallery and like counter), as the strategies register
 * themselves with the simulator.
 */

/** A G-Counter's entries: "{A:1, B:3}". */
export function describeGCounter(state: GCounterState): string {
  return `{${sortedKeys(state)
    .map((k) => `${k}:${state[k]}`)
    .join(', ')}}`;
}

export function describePnCounter(state: PnCounterState): string {
  return `P ${describeGCounter(state.p)} N ${describeGCounter(state.n)}`;
}

export function describeTwoPhaseSet(state: TwoPhaseSetState): string {
  return `added {${state.added.join(', ')}} removed {${state.removed.join(', ')}}`;
}

function counterWrite(key: string, value: string) {
  const { sign, by } = parseCounterOp(value);
  return sign > 0 ? { clause: `adds ${by} to ${key}`, subject: `Adding ${by} to ${key}` } : { clause: `takes ${by} from ${key}`, subject: `Taking ${by} from ${key}` };
}

/** A G-Counter cannot count down: a "-1" written to one changes nothing, and is said so. */
function gCounterWrite(key: string, value: string) {
  const { sign, by } = parseCounterOp(value);
  return sign > 0 ? counterWrite(key, value) : { clause: `tries to take ${by} from ${key}, which a G-Counter cannot do`, subject: `Trying to take ${by} from ${key}` };
}

function words(label: string, describe: (state: never) => string, describeWrite?: ValueWords['describeWrite']): ValueWords {
  const say = describe as (state: unknown) => string;
  return { label, describe: say, stamp: say, ...(describeWrite ? { describeWrite } : {}) };
}

export const CRDT_WORDS = {
  'g-counter': words('G-Counter', describeGCounter, gCounterWrite),
  'pn-counter': words('PN-Counter', describePnCounter, counterWrite),
  'g-set': words('G-Set', (s: GSetState) => `{${s.join(', ')}}`),
  '2p-set': words('2P-Set', describeTwoPhaseSet),
  'or-set': words('OR-Set', describeOrSet),
} as const;

for (const [id, w] of Object.entries(CRDT_WORDS)) registerValueWords(id as keyof typeof CRDT_WORDS, w);
registerValueWords('lww-counter', { ...LWW_WORDS, label: 'Counter as one last-write-wins total', describeWrite: counterWrite });
