import { useId, useMemo } from 'react';
import type { PlaybackHandle } from './playbackHandle.ts';
import { selectRun, selectTime } from '../store/labStore.ts';
import { useLab } from '../store/LabStoreContext.tsx';
import { formatSeconds, useClockTime } from './PlaybackBar.tsx';

interface Props {
  readonly playback: PlaybackHandle;
}

export interface Mark {
  readonly at: number;
  readonly kind: 'fault' | 'write' | 'read';
  readonly label: string;
}

/**
 * A slider over the whole run, with the learner's actions marked above it. Dragging it
 * (or arrow keys on it) moves the playhead; acting after moving back forks the run.
 */
export function TimelineScrubber({ playback }: Props) {
  const run = useLab(selectRun);
  const time = useLab(selectTime);
  const script = run.scenario.script;
  const lastAction = script.reduce((m, a) => Math.max(m, a.at), 0);
  // Always room to look ten seconds ahead: the run is simulated on demand.
  // ...but no further than the run can be shown (a heavy run stops early: run.limit).
  const end = Math.min(Math.ceil(Math.max(time, lastAction) / 5000) * 5000 + 10_000, Math.max(run.limit, 1000));
  const marks = useMemo<Mark[]>(
    () =>
      script.map((a) => ({
        at: a.at,
        kind: a.type === 'write' ? 'write' : a.type === 'read' ? 'read' : 'fault',
        label: a.type === 'write' ? `write ${a.key}=${a.value}` : a.type === 'read' ? `read ${a.key}` : a.type,
      })),
    [script],
  );
  return <Scrubber playback={playback} marks={marks} end={end} />;
}

/**
 * A slider over a clock's run with marks above it: where something was done. Any clock
 * (a lab's store, the gallery's script) can have one; `of` names it apart from the lab's own.
 */
/**
 * Past this many marks, a path per kind with one bar per column replaces a rectangle per
 * action: thousands of elements in the timeline made opening a big run file take seconds.
 */
const DENSE_MARKS = 300;

function DenseMarks({ marks, end }: { marks: readonly Mark[]; end: number }) {
  const columns = new Map<Mark['kind'], Set<number>>();
  for (const m of marks) {
    const x = Math.round((m.at / end) * 500) * 2;
    const set = columns.get(m.kind) ?? new Set<number>();
    set.add(x);
    columns.set(m.kind, set);
  }
  return (
    <>
      {[...columns].map(([kind, xs]) => (
        <path key={kind} className={`mark ${kind}`} d={[...xs].map((x) => (kind === 'fault' ? `M${x - 1.5},0h3v14h-3z` : `M${x - 1.5},5h3v9h-3z`)).join('')} />
      ))}
    </>
  );
}

/** What each kind of mark stands for, in the legend under the slider. */
export type Legend = Readonly<Record<Mark['kind'], string>>;
const LAB_LEGEND: Legend = { fault: 'fault', write: 'write', read: 'read' };

export function Scrubber({ playback, marks, end, of, legend = LAB_LEGEND }: Props & { readonly marks: readonly Mark[]; readonly end: number; readonly of?: string; readonly legend?: Legend }) {
  const kinds = (['fault', 'write', 'read'] as const).filter((k) => legend === LAB_LEGEND || marks.some((m) => m.kind === k));
  const id = useId();
  const time = useClockTime(playback);
  return (
    <div className="scrubber">
      <label htmlFor={id}>{of ? `Timeline of ${of}` : 'Timeline'}</label>
      <div className="scrubber-track">
        <svg className="scrubber-marks" viewBox={`0 0 1000 14`} preserveAspectRatio="none" aria-hidden="true">
          {marks.length > DENSE_MARKS ? (
            <DenseMarks marks={marks} end={end} />
          ) : (
            marks.map((m, i) => (
              <rect key={i} x={(m.at / end) * 1000 - 1.5} y={m.kind === 'fault' ? 0 : 5} width="3" height={m.kind === 'fault' ? 14 : 9} className={`mark ${m.kind}`}>
                <title>
                  {formatSeconds(m.at)}: {m.label}
                </title>
              </rect>
            ))
          )}
        </svg>
        <input
          id={id}
          type="range"
          min={0}
          max={end}
          step={10}
          value={Math.min(time, end)}
          aria-valuetext={`${formatSeconds(time)} of ${formatSeconds(end)}; ${marks.filter((m) => m.at <= time).length} of ${marks.length} actions done`}
          onChange={(e) => playback.send({ type: 'playback.seek', time: Number(e.target.value) })}
        />
      </div>
      <p className="scrubber-legend small">
        {kinds.map((k) => (
          <span key={k} className={`legend-${k}`}>
            ▮ {legend[k]}{' '}
          </span>
        ))}
        — {marks.length} action{marks.length === 1 ? '' : 's'} in this run
      </p>
    </div>
  );
}
