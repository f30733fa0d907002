import { Field } from './Field.tsx';
import { useSyncExternalStore } from 'react';
import { SPEEDS, VIRTUAL_MS_PER_REAL_MS } from '../machines/playbackClock.ts';
import { openShortcutsHelp } from './openShortcutsHelp.ts';
import { ariaKeysOf, type ShortcutAction } from './shortcutTable.ts';
import { usePlayback, type PlaybackHandle } from './playbackHandle.ts';

interface Props {
  readonly playback: PlaybackHandle;
  /**
   * Where a page has more than one clock, what this one plays ("the like counter"): it
   * names the toolbar and the timer apart from the lab's own.
   */
  readonly of?: string;
  /** Whether the bar shows the clock; a lab's stage shows it beside the status line instead. */
  readonly clock?: boolean;
}

/** The playhead of the clock a playback machine moves, for views outside a lab store. */
export function useClockTime(playback: PlaybackHandle): number {
  const clock = usePlayback(playback, (v) => v.clock);
  return useSyncExternalStore(clock.subscribe, clock.time);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** How long one second of the run takes to watch at a speed, in words: no arithmetic for the learner. */
export function speedWords(speed: number): string {
  const real = 1 / (speed * VIRTUAL_MS_PER_REAL_MS);
  return `1 s of the run takes ${Number(real.toFixed(2))} s to watch`;
}

/** Play, pause, step, speed, rewind and reset. Buttons ask the machine what it can do. */
export function PlaybackBar({ playback, of, clock = true }: Props) {
  const playing = usePlayback(playback, (v) => v.playing);
  const speed = usePlayback(playback, (v) => v.speed);
  const canStep = usePlayback(playback, (v) => v.canStep);
  // The keyboard shortcuts drive the lab's own clock; a bar named apart has none.
  const keys = (action: ShortcutAction) => (of ? undefined : ariaKeysOf(action));
  return (
    <div className="playback-bar" role="toolbar" aria-label={of ? `Playback of ${of}` : 'Playback'}>
      <button type="button" onClick={() => playback.send({ type: 'playback.toggle' })} aria-keyshortcuts={keys('toggle')} className="primary">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={() => playback.send({ type: 'playback.step' })}
        disabled={!canStep}
        aria-keyshortcuts={keys('step')}
        title="Jump to the next event, over any quiet stretch"
      >
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
      {/* Beside the speed it is about, so it needs no "At 1×": read with it, it says both. */}
      <span className="small muted speed-hint">
        {speedWords(speed)}
      </span>
      <button type="button" onClick={() => playback.send({ type: 'playback.rewind' })}>
        Rewind
      </button>
      <button type="button" onClick={() => playback.send({ type: 'playback.reset' })} className="quiet" aria-keyshortcuts={keys('reset')}>
        Reset
      </button>
      {!of && (
        <>
          <button type="button" className="quiet" aria-keyshortcuts="?" onClick={openShortcutsHelp}>
            Keyboard shortcuts
          </button>
        </>
      )}
      {clock && <PlaybackClock playback={playback} {...(of ? { of } : {})} />}
    </div>
  );
}

/** The simulated time at the playhead. */
export function PlaybackClock({ playback, of }: { readonly playback: PlaybackHandle; readonly of?: string }) {
  const time = useClockTime(playback);
  return (
    // role="timer" is not announced as it changes: the narrator tells what matters.
    <span className="clock" role="timer" aria-label={of ? `Simulated time of ${of}` : 'Simulated time'}>
      t = {formatSeconds(time)}
    </span>
  );
}
