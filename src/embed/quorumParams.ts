import { MAX_REPLICAS } from '../sim/ids.ts';
import { intParam, seedParam } from './paramKinds.ts';
import { runParam } from './urlCodec.ts';

const n = (read: { values: Readonly<Record<string, unknown>> }) => read.values.n as number;

/**
 * The quorum lab's address: `?lab=quorum&n=5&w=3&r=3&seed=7`, or a shared `run=`, which
 * takes the place of the others. A setting that cannot be is replaced by the nearest
 * valid one (W and R are at most N), with a sentence saying so.
 */
export const QUORUM_PARAMS = {
  run: runParam('The lab started from its settings instead.'),
  n: { ...intParam({ min: 1, max: MAX_REPLICAS, fallback: 3, what: 'the number of replicas per key' }), startsRun: true },
  w: { ...intParam({ min: 1, max: n, fallback: 2, what: (read) => `the number of acknowledgements a write waits for (at most n = ${n(read)})` }), startsRun: true },
  r: { ...intParam({ min: 1, max: n, fallback: 2, what: (read) => `the number of replies a read waits for (at most n = ${n(read)})` }), startsRun: true },
  seed: { ...seedParam(), startsRun: true },
};
