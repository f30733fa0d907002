import { Field } from './Field.tsx';
import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import { SPEEDS, type playbackMachine } from '../machines/playbackMachine.ts';
import { selectTime } from '../store/labStore.ts';
import { useLab } from '../store/LabStoreContext.tsx';

interface Props {
  readonly playback: ActorRefFrom<typeof playbackMachine>;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Play, pause, step, speed, rewind and reset. Buttons ask the machine what it can do. */
export function PlaybackBar({ playback }: Props) {
  const playing = useSelector(playback, (s) => s.matches('playing'));
  const speed = useSelector(playback, (s) => s.context.speed);
  const canStep = useSelector(playback, (s) => s.can({ type: 'playback.step' }));
  const time = useLab(selectTime);
  return (
    <div className="playback-bar" role="toolbar" aria-label="Playback">
      <button type="button" onClick={() => playback.send({ type: 'playback.toggle' })} aria-keyshortcuts="k" className="primary">
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => playback.send({ type: 'playback.step' })} disabled={!canStep} aria-keyshortcuts=".">
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
      <button type="button" onClick={() => playback.send({ type: 'playback.reset' })} className="quiet" aria-keyshortcuts="Shift+R">
        Reset
      </button>
      {/* role="timer" is not announced as it changes: the narrator tells what matters. */}
      <span className="clock" role="timer" aria-label="Simulated time">
        t = {formatSeconds(time)}
      </span>
    </div>
  );
}
