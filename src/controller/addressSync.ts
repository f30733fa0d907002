import type { AddressPort } from '../embed/address.ts';
import { writeAddress } from '../embed/params.ts';
import type * as Codec from '../embed/urlCodec.ts';
import type { LabStore } from '../store/labStore.ts';

/** The run's codec: not on a lab's first screen, loaded when the address first needs a run. */
export type RunCodec = Pick<typeof Codec, 'RUN_LINK' | 'RUN_SUPERSEDES' | 'MAX_PARAM_LENGTH' | 'encodeRun'>;
const loadCodec = (): Promise<RunCodec> => import('../embed/urlCodec.ts');

export { browserAddress, memoryAddress, type AddressPort } from '../embed/address.ts';

/**
 * Keep the address's `run` parameter equal to the run, so reloading or bookmarking keeps
 * it. Only when the script changes: the playhead moves every frame and goes into the link
 * when the learner copies it. Written through the address module (embed/params.ts), which
 * drops the parameters the run replaces (RUN_SUPERSEDES) and keeps every other setting
 * (the gallery's, the like counter's, the vectors). Returns the function that stops it.
 * The codec is loaded on start (or given, in tests); a change before it arrives is written
 * when it does. `later` runs the writing: at once by default (tests), in a task of its own
 * in the browser, so encoding a long run does not lengthen the task that changed it
 * (opening a 1 MB run file, with the address written in the same task, held the page
 * 80 ms). Changes made before it runs are written once.
 *
 * @example const stop = syncAddress(store, 'playground', memoryAddress()); … stop();
 */
export function syncAddress(store: LabStore, labId: string, address: AddressPort, given?: RunCodec, later: (write: () => void) => void = (write) => write()): () => void {
  let lastScenario = store.getState().run.scenario;
  let codec: RunCodec | null = given ?? null;
  let waiting = false;
  let live = true;
  let tooLong = false;
  const write = () => {
    const s = store.getState();
    if (!codec) return void (waiting = true);
    waiting = false;
    const run = { scenario: s.run.scenario, time: s.time };
    const text = codec.encodeRun(run);
    const length = text.length;
    // Written through the declaration, with the text already encoded (encoding a long run twice took a frame).
    const link = { ...codec.RUN_LINK, run: { ...codec.RUN_LINK.run, format: () => text } };
    if (length <= codec.MAX_PARAM_LENGTH) return address.replace(writeAddress(address.read(), link, { lab: labId, run }, codec.RUN_SUPERSEDES));
    // A run longer than a link may be would not open again from the address: leave it out, and say so once.
    address.replace(writeAddress(address.read(), codec.RUN_LINK, { lab: labId }, ['run', ...codec.RUN_SUPERSEDES]));
    const keep = labId === 'playground' ? 'use Save run as JSON to keep or share it' : 'reloading the page will not bring it back';
    if (!tooLong) store.getState().setNotice({ kind: 'info', text: `This run is too long to keep in the page’s address (${length.toLocaleString('en')} characters, over ${codec.MAX_PARAM_LENGTH.toLocaleString('en')}): ${keep}.` });
    tooLong = true;
  };
  if (!codec)
    void loadCodec().then((c) => {
      codec = c;
      if (live && waiting) write();
    });
  let scheduled = false;
  const unsubscribe = store.subscribe((s, prev) => {
    // A pending run stopped (Stop) leaves the shown one: the address says so too, or a
    // reload would open the run the learner stopped.
    const stopped = prev.pending !== null && s.pending === null && s.run === prev.run;
    if (s.run.scenario === lastScenario && !stopped) return;
    lastScenario = s.run.scenario;
    if (scheduled) return;
    scheduled = true;
    later(() => {
      scheduled = false;
      if (live) write();
    });
  });
  return () => {
    live = false;
    unsubscribe();
  };
}
