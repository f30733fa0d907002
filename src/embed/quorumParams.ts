import { MAX_REPLICAS } from '../sim/ids.ts';
import { intParam, seedParam } from './paramKinds.ts';

const n = (read: { values: Readonly<Record<string, unknown>> }) => read.values.n as number;

/**
 * The quorum lab's settings in the address: `?lab=quorum&n=5&w=3&r=3&seed=7`. A setting
 * that cannot be is replaced by the nearest valid one (W and R are at most N), with a
 * sentence saying so. A shared `run=` takes the place of them all (quorumLink.ts, loaded
 * only when the address has one, with the run's codec).
 */
export const QUORUM_SETTINGS = {
  n: { ...intParam({ min: 1, max: MAX_REPLICAS, fallback: 3, what: 'the number of replicas per key' }), startsRun: true },
  w: { ...intParam({ min: 1, max: n, fallback: 2, what: (read) => `the number of acknowledgements a write waits for (at most n = ${n(read)})` }), startsRun: true },
  r: { ...intParam({ min: 1, max: n, fallback: 2, what: (read) => `the number of replies a read waits for (at most n = ${n(read)})` }), startsRun: true },
  seed: { ...seedParam(), startsRun: true },
};
