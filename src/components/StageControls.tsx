import type { ActorRefFrom } from 'xstate';
import type { playbackMachine } from '../machines/playbackMachine.ts';
import { PlaybackBar } from './PlaybackBar.tsx';
import { SimulatingBar } from './SimulatingBar.tsx';
import { StatusLine } from './StatusLine.tsx';
import { TimelineScrubber } from './TimelineScrubber.tsx';

/** What sits above every lab's picture: playback, the timeline, and the one-line status. */
export function StageControls({ playback }: { readonly playback: ActorRefFrom<typeof playbackMachine> }) {
  return (
    <>
      <PlaybackBar playback={playback} />
      <SimulatingBar />
      <TimelineScrubber playback={playback} />
      <StatusLine />
    </>
  );
}
