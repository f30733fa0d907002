import { runParam } from './urlCodec.ts';

/** The replica playground's address: `?lab=playground`, and a shared `run=`. */
export const PLAYGROUND_PARAMS = {
  run: runParam('The lab started with its default settings instead.'),
};
