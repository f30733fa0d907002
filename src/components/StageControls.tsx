import type { PlaybackHandle } from './playbackHandle.ts';
import { PlaybackBar } from './PlaybackBar.tsx';
import { SimulatingBar } from './SimulatingBar.tsx';
import { StatusLine } from './StatusLine.tsx';
import { TimelineScrubber } from './TimelineScrubber.tsx';

/** What sits above every lab's picture: playback, the timeline, and the one-line status. */
export function StageControls({ playback }: { readonly playback: PlaybackHandle }) {
  return (
    <>
      <PlaybackBar playback={playback} />
      <SimulatingBar />
      <TimelineScrubber playback={playback} />
      <StatusLine />
    </>
  );
}
