import { staleCheckerFor } from '../check/staleReads.ts';
import { Field } from './Field.tsx';
import { useCallback, useId, useMemo, useRef, useState, type Ref } from 'react';
import { selectHighlight, selectRun, selectTime } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';
import { SpaceTimeDiagram } from './SpaceTimeDiagram.tsx';
import { useElementWidth } from './useElementWidth.ts';
import { useThrottledTime } from './useThrottledTime.ts';
import { useIsVisible } from './useIsVisible.ts';
import type { OpRecord, Trace } from '../sim/trace.ts';
import type { OpId } from '../sim/ids.ts';
import { useMoment } from './useMoment.ts';
import type { Highlight } from '../view/highlight.ts';
import { describeRoute } from '../view/messageStyle.ts';
import { describeInvoke } from '../view/narration.ts';

interface Props {
  readonly reducedMotion: boolean;
  readonly ref?: Ref<SVGSVGElement>;
  /** Operations brought forward while nothing is pointed at, and what the caption says of them. */
  readonly marked?: { readonly ops: ReadonlySet<OpId>; readonly caption: string };
}

const WINDOWS = [1000, 2000, 5000, 10000] as const;
/** Above this many messages in flight the diagram is throttled (see below). */
const BUSY_IN_FLIGHT = 60;

/** The space-time diagram, sized to its column, following the playhead. */
export function SpaceTimePanel({ reducedMotion, ref, marked }: Props) {
  const store = useLabStoreApi();
  const run = useLab(selectRun);
  const box = useRef<HTMLDivElement>(null);
  const now = useLab(selectTime);
  // With hundreds of messages in flight the diagram redraws ten times a second instead
  // of every frame: it still scrolls, and the picture above stays smooth.
  const slow = useThrottledTime(100);
  const busy = run.timeline.inFlightAt(now).length > BUSY_IN_FLIGHT;
  // Scrolled out of view, the diagram keeps the moment it last drew (it is memoised, so it
  // does not redraw) and catches up when it comes back.
  const visible = useIsVisible(box);
  const live = busy ? slow : now;
  const [frozen, setFrozen] = useState<number | null>(null);
  if (!visible && frozen === null) setFrozen(live);
  if (visible && frozen !== null) setFrozen(null);
  const time = frozen ?? live;
  const nodes = useMemo(() => [...run.replicas, ...run.clients], [run]);
  const isStale = useMemo(() => staleCheckerFor(run.sim.trace.ops, run.sim.strategy), [run]);
  // Lost writes as the panels see them (refreshed about ten times a second).
  const lost = useMoment().lost;
  const isLost = useMemo(() => {
    const ids = new Set(lost.map((l) => l.write));
    return (op: OpRecord) => ids.has(op);
  }, [lost]);
  const onHighlight = useCallback((h: Highlight | null) => store.getState().setHighlight(h), [store]);
  const highlight = useLab(selectHighlight);
  const width = Math.max(280, useElementWidth(box, 800));
  const [windowMs, setWindowMs] = useState<number>(2000);
  const id = useId();
  const caption = highlight === null && marked && marked.ops.size > 0 ? marked.caption : highlightCaption(highlight, run.sim.trace);

  return (
    <section className="panel space-time" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Space-time diagram</h2>
        <Field label="Show">
          {(fieldId) => (
            <select id={fieldId} value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))}>
              {WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {w / 1000} s
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <p className="small muted highlight-caption">{caption}</p>
      <div ref={box} className="space-time-box">
        <SpaceTimeDiagram
          ref={ref}
          trace={run.sim.trace}
          nodes={nodes}
          time={time}
          windowMs={windowMs}
          width={width}
          reducedMotion={reducedMotion}
          highlight={highlight}
          onHighlight={onHighlight}
          isStale={isStale}
          isLost={isLost}
          {...(marked ? { marked: marked.ops } : {})}
        />
      </div>
    </section>
  );
}

/** Says in words what is lit up, in the picture and here, so the link between views is not only visual. */
function highlightCaption(h: Highlight | null, trace: Trace): string {
  if (!h) return 'Point at a replica, message or operation here or in the picture: it lights up in both.';
  if (h.kind === 'node') return `Lit up: ${h.id} and its messages.`;
  if (h.kind === 'message') {
    const m = trace.messages.get(h.id);
    return m ? `Lit up: message #${m.id}, ${describeRoute(m)}.` : '';
  }
  const op = trace.ops[h.id];
  return op ? `Lit up: operation #${op.id}, ${describeInvoke(op)}.` : '';
}

