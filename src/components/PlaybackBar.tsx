import { Field } from './Field.tsx';
import { useSyncExternalStore } from 'react';
import { SPEEDS } from '../machines/playbackClock.ts';
import { usePlayback, type PlaybackHandle } from './playbackHandle.ts';

interface Props {
  readonly playback: PlaybackHandle;
  /**
   * Where a page has more than one clock, what this one plays ("the like counter"): it
   * names the toolbar and the timer apart from the lab's own.
   */
  readonly of?: string;
}

/** The playhead of the clock a playback machine moves, for views outside a lab store. */
export function useClockTime(playback: PlaybackHandle): number {
  const clock = usePlayback(playback, (v) => v.clock);
  return useSyncExternalStore(clock.subscribe, clock.time);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Play, pause, step, speed, rewind and reset. Buttons ask the machine what it can do. */
export function PlaybackBar({ playback, of }: Props) {
  const playing = usePlayback(playback, (v) => v.playing);
  const speed = usePlayback(playback, (v) => v.speed);
  const canStep = usePlayback(playback, (v) => v.canStep);
  const time = useClockTime(playback);
  // The keyboard shortcuts drive the lab's own clock; a bar named apart has none.
  const keys = (shortcut: string) => (of ? undefined : shortcut);
  return (
    <div className="playback-bar" role="toolbar" aria-label={of ? `Playback of ${of}` : 'Playback'}>
      <button type="button" onClick={() => playback.send({ type: 'playback.toggle' })} aria-keyshortcuts={keys('k')} className="primary">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => playback.send({ type: 'playback.step' })} disabled={!canStep} aria-keyshortcuts={keys('.')}>
        Step
      </button>
      <Field label="Speed">
        {(fieldId) => (
          <select id={fieldId} value={speed} onChange={(e) => playback.send({ type: 'playback.setSpeed', speed: Number(e.target.value) })}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        )}
      </Field>
      <span className="small muted speed-hint">1× is ten times slower than real time</span>
      <button type="button" onClick={() => playback.send({ type: 'playback.rewind' })}>
        Rewind
      </button>
      <button type="button" onClick={() => playback.send({ type: 'playback.reset' })} className="quiet" aria-keyshortcuts={keys('Shift+R')}>
        Reset
      </button>
      {/* role="timer" is not announced as it changes: the narrator tells what matters. */}
      <span className="clock" role="timer" aria-label={of ? `Simulated time of ${of}` : 'Simulated time'}>
        t = {formatSeconds(time)}
      </span>
    </div>
  );
}
