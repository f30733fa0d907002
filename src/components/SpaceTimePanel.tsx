import { Field } from './Field.tsx';
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { selectHighlight, selectRun, selectRunVersion, selectTime } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';
import { SpaceTimeDiagram } from './SpaceTimeDiagram.tsx';

interface Props {
  readonly reducedMotion: boolean;
  readonly ref?: Ref<SVGSVGElement>;
}

const WINDOWS = [1000, 2000, 5000, 10000] as const;

/** The space-time diagram, sized to its column, following the playhead. */
export function SpaceTimePanel({ reducedMotion, ref }: Props) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  useLab(selectRunVersion);
  const time = useLab(selectTime);
  const highlight = useLab(selectHighlight);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [windowMs, setWindowMs] = useState<number>(2000);
  const id = useId();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(280, Math.round(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <section className="panel space-time" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Space-time diagram</h2>
        <Field label="Show">
          {(id) => (
            <select id={id} value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))}>
              {WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {w / 1000} s
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div ref={box} className="space-time-box">
        <SpaceTimeDiagram
          ref={ref}
          trace={run.sim.trace}
          nodes={[...run.replicas, ...run.clients]}
          time={time}
          windowMs={windowMs}
          width={width}
          reducedMotion={reducedMotion}
          highlight={highlight}
          onHighlight={(h) => store.getState().setHighlight(h)}
        />
      </div>
    </section>
  );
}
