import { QUORUM_SETTINGS } from './quorumParams.ts';
import { runParam } from './urlCodec.ts';

/** The quorum lab's whole address: a shared `run=`, which takes the place of the settings, and the settings. */
export const QUORUM_PARAMS = {
  run: runParam('The lab started from its settings instead.'),
  ...QUORUM_SETTINGS,
};
