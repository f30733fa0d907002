import { createActor } from 'xstate';
import { FRAME_MS, manualTicker } from '../machines/manualTicker.ts';
import { playbackMachine, VIRTUAL_MS_PER_REAL_MS } from '../machines/playbackMachine.ts';
import { lostWriteWords } from '../content/lostWriteWords.ts';
import * as runCodec from '../embed/urlCodec.ts';
import { makeScenario, type Scenario } from '../sim/scenario.ts';
import { createLabStore, type Intent } from '../store/labStore.ts';
import { memoryAddress } from './addressSync.ts';
import { createLabController } from './labController.ts';


/**
 * A whole lab without React: its store, its playback machine on a ticker the test turns by
 * hand, and its controller (narration, an address in memory). Tests speak as a learner
 * does: "cut A from C, write x = 1, play to 2 s, expect the narrator to say …".
 *
 * @example
 * const lab = createTestLab();
 * lab.act({ type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' });
 * lab.playTo(1500);
 * lab.said() // ['c1 writes x=1 through A', 'Write x=1 acknowledged by A', …]
 */
export function createTestLab(scenario: Scenario = makeScenario({}), labId = 'playground') {
  const store = createLabStore(scenario);
  const ticker = manualTicker();
  const playback = createActor(playbackMachine.provide({ actors: { ticker: ticker.logic } }), { input: { store } }).start();
  const address = memoryAddress(`https://lab.test/?lab=${labId}`);
  // The words for lost writes and the run's codec are given, not loaded on demand, so what is said and written is known at once.
  const controller = createLabController(store, { labId, address, lostWriteWords, runCodec });
  controller.start();
  const lab = {
    store,
    playback,
    controller,
    address,
    get time() {
      return store.getState().time;
    },
    act: (intent: Intent) => store.getState().act(intent),
    /** Play, frame by frame as the browser would, until the playhead reaches `t` (virtual ms); then pause. */
    playTo(t: number) {
      playback.send({ type: 'playback.play' });
      const speed = playback.getSnapshot().context.speed;
      while (store.getState().time < t) {
        const dt = Math.min(FRAME_MS, (t - store.getState().time) / (speed * VIRTUAL_MS_PER_REAL_MS));
        ticker.tick(dt);
      }
      playback.send({ type: 'playback.pause' });
    },
    seek: (t: number) => playback.send({ type: 'playback.seek', time: t }),
    /** Everything the narrator has said that is still in its log, oldest first. */
    said: () => controller.narration.lines().map((l) => l.text),
    /** The cluster as the views see it at the playhead. */
    model: () => store.getState().run.at(store.getState().time),
    dispose() {
      controller.stop();
      playback.stop();
    },
  };
  return lab;
}

export type TestLab = ReturnType<typeof createTestLab>;
