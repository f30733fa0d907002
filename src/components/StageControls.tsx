import type { PlaybackHandle } from './playbackHandle.ts';
import { PlaybackBar, PlaybackClock } from './PlaybackBar.tsx';
import { SimulatingBar } from './SimulatingBar.tsx';
import { StatusLine } from './StatusLine.tsx';

/**
 * What sits above every lab's picture: playback, then the moment in one line and its
 * clock. The timeline (TimelineScrubber) goes under the picture, as under a video.
 */
export function StageControls({ playback }: { readonly playback: PlaybackHandle }) {
  return (
    <>
      <PlaybackBar playback={playback} clock={false} />
      <SimulatingBar />
      <div className="stage-status">
        <StatusLine />
        <PlaybackClock playback={playback} />
      </div>
    </>
  );
}
