import type { OpRecord } from '../sim/trace.ts';
import { memo, useEffect, useId, useRef, type Ref } from 'react';
import type { NodeId, OpId } from '../sim/ids.ts';
import type { MessageKind, Trace } from '../sim/trace.ts';
import type { Highlight } from '../view/highlight.ts';
import { KIND_STYLES } from '../view/messageStyle.ts';
import { SPACE_TIME_STYLE } from './spaceTimeStyle.ts';
import { themeColors } from './themeColors.ts';
import { canvasInViewBox } from './canvasLayer.ts';
import { LOST_MARK, OUTCOME_MARKS, STALE_MARK, spaceTime, summarizeSpaceTime, type MessageSegment, type OpBar, type SpaceTimeGeometry } from '../view/spaceTime.ts';
import { spaceTimeLayout, spaceTimeWindow } from '../view/spaceTimeAxis.ts';
import { markedFocus, spaceTimeFocus, type SpaceTimeFocus } from '../view/spaceTimeFocus.ts';

export interface SpaceTimeDiagramProps {
  readonly trace: Trace;
  /** Lanes, top to bottom. */
  readonly nodes: readonly NodeId[];
  /** The playhead, in virtual ms. */
  readonly time: number;
  /** How much time the diagram spans: three quarters behind the playhead, one ahead. */
  readonly windowMs: number;
  /** The width the SVG is laid out for; it scales through its viewBox. */
  readonly width: number;
  readonly reducedMotion: boolean;
  readonly highlight: Highlight | null;
  readonly onHighlight: (h: Highlight | null) => void;
  readonly title?: string;
  readonly ref?: Ref<SVGSVGElement>;
  /** Whether a completed read was stale: such reads are marked, not ticked. */
  readonly isStale?: (read: OpRecord) => boolean;
  /** Whether an acknowledged write is lost: such writes are marked, not ticked. */
  readonly isLost?: (write: OpRecord) => boolean;
  /** Operations to bring forward, with their messages, while nothing is highlighted (a broken model's witness). */
  readonly marked?: ReadonlySet<OpId>;
}

/** One arrowhead per colour: markers cannot yet take the colour of the line using them in every browser. */
const ARROWS = [...new Map(Object.values(KIND_STYLES).map((s) => [s.colorVar, s.color])).entries()];

function paint(kind: MessageKind): string {
  const s = KIND_STYLES[kind];
  return `var(${s.colorVar}, ${s.color})`;
}

type Emphasis = '' | ' st-em' | ' st-dim';

function emphasis(focus: SpaceTimeFocus | null, on: boolean): Emphasis {
  if (focus === null) return '';
  return on ? ' st-em' : ' st-dim';
}

/**
 * The space-time (Lamport) diagram: one lane per node, time running left to right, every
 * message a line from its sender's lane to its receiver's, every client operation a bar
 * with its outcome, every fault a mark. The window scrolls with the playhead. Hovering or
 * focusing a message or an operation highlights it here and in the other views.
 */
export const SpaceTimeDiagram = memo(function SpaceTimeDiagram({ trace, nodes, time, windowMs, width, reducedMotion, highlight, onHighlight, title = 'Space-time diagram', ref, isStale, isLost, marked }: SpaceTimeDiagramProps) {
  const uid = `st${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const layout = spaceTimeLayout(width, nodes, rootFontPx());
  const { t0, t1 } = spaceTimeWindow(time, windowMs);
  const fs = layout.fontSize;
  const g = spaceTime({ trace, nodes, t0, t1, time, width, height: layout.height, margin: layout.margin, tickCount: Math.floor((width - layout.margin.left) / (fs * 7)), ...(isStale ? { isStale } : {}), ...(isLost ? { isLost } : {}) });
  const focus = spaceTimeFocus(highlight, g) ?? (marked && marked.size > 0 ? markedFocus(marked, g) : null);
  const { plot } = g;
  const clip = `${uid}-plot`;
  const arrow = (kind: MessageKind) => `url(#${uid}-arrow-${ARROWS.findIndex(([v]) => v === KIND_STYLES[kind].colorVar)})`;
  const on = (h: Highlight): Handlers => ({
    // Not a tab stop: inside role="img" a focused item is not announced; the Operations
    // list and the inspector are the keyboard's way to the same things.
    tabIndex: -1,
    onPointerEnter: () => onHighlight(h),
    onPointerLeave: () => onHighlight(null),
    onFocus: () => onHighlight(h),
    onBlur: () => onHighlight(null),
  });

  const dense = g.messages.length > DENSE_MESSAGES;
  return (
    <div className="st-frame" style={{ position: 'relative' }}>
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      className={`st-root${reducedMotion ? '' : ' st-animate'}`}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ maxWidth: '100%', height: 'auto' }}
      fontSize={fs}
      role="img"
      aria-label={summarizeSpaceTime(g, title)}
      data-export-name="space-time"
    >
      <title>{title}</title>
      <style>{SPACE_TIME_STYLE}</style>
      <defs>
        <clipPath id={clip}>
          <rect x={plot.left} y={0} width={plot.right - plot.left} height={layout.height} />
        </clipPath>
        {ARROWS.map(([colorVar, color], i) => (
          <marker key={colorVar} id={`${uid}-arrow-${i}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth={fs * 0.6} markerHeight={fs * 0.6} markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill={color} style={{ fill: `var(${colorVar}, ${color})` }} />
          </marker>
        ))}
      </defs>
      <rect className="st-bg" width={layout.width} height={layout.height} />
      <Axis g={g} fs={fs} />
      {g.lanes.map((lane) => {
        const em = focus?.nodes.has(lane.node) === true && highlight?.kind === 'node';
        return (
          <g key={lane.node} onPointerEnter={() => onHighlight({ kind: 'node', id: lane.node })} onPointerLeave={() => onHighlight(null)}>
            <text className="st-lane-label" x={plot.left - fs * 0.6} y={lane.y} dy="0.35em">
              {lane.node}
            </text>
            <line className={em ? 'st-lane st-lane-em' : 'st-lane'} x1={plot.left} x2={plot.right} y1={lane.y} y2={lane.y} />
          </g>
        );
      })}
      <g clipPath={`url(#${clip})`}>
        {g.down.map((d) => (
          <line key={`${d.node}-${d.x0}`} className="st-down" x1={d.x0} x2={d.x1} y1={d.y} y2={d.y} />
        ))}
        {g.ops.length > DENSE_OPS ? (
          <DenseOps ops={g.ops} fs={fs} />
        ) : (
          g.ops.map((op) => <OpMark key={op.id} op={op} fs={fs} className={emphasis(focus, focus?.ops.has(op.id) === true)} handlers={on({ kind: 'op', id: op.id })} />)
        )}
        {g.faults.map((f) => (
          <g key={f.key} className={`st-fault st-${f.type}${focus && !focus.nodes.has(f.node) ? ' st-dim' : ''}`}>
            <title>{f.description}</title>
            <line x1={f.x} x2={f.x} y1={f.y - fs * 0.7} y2={f.y + fs * 0.7} />
            <text className="st-fault-word" x={f.x + 3} y={f.y + fs * 1.45}>
              {f.word}
            </text>
          </g>
        ))}
        {dense ? null : (
          g.messages.map((m) => {
            const em = emphasis(focus, focus?.messages.has(m.id) === true);
            return <MessageArrow key={m.id} m={m} fs={fs} marker={arrow(m.kind)} className={em} labelled={em === ' st-em'} handlers={on({ kind: 'message', id: m.id })} />;
          })
        )}
      </g>
      {g.playheadX !== null && (
        <g aria-hidden="true">
          <line className="st-playhead" x1={g.playheadX} x2={g.playheadX} y1={plot.top} y2={plot.bottom} />
          <path className="st-playhead-cap" d={`M${g.playheadX - fs * 0.4},${plot.top} h${fs * 0.8} l${-fs * 0.4},${fs * 0.5} z`} />
        </g>
      )}
    </svg>
    {dense && <DenseMessages messages={g.messages} fs={fs} plot={plot} width={layout.width} height={layout.height} />}
    </div>
  );
});

let rootFont: number | null = null;

/**
 * The page's root font size in px (18 on a projector-sized screen, see styles.css). Read
 * once: getComputedStyle on every frame would force a style recalculation each time.
 */
function rootFontPx(): number {
  if (rootFont === null) rootFont = typeof document === 'undefined' ? 16 : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return rootFont;
}

/**
 * Past this many arrows in the window, one path per kind replaces an element per message:
 * at hundreds of messages no single arrow can be pointed at anyway, and updating thousands
 * of elements a frame is what made the animation stutter.
 */
export const DENSE_MESSAGES = 120;

/**
 * Hundreds of arrows go on a canvas laid over the plot: as SVG, re-rasterising a thousand
 * lines took longer than a frame. Same coordinates as the SVG's viewBox, clipped to the
 * plot; an export folds the canvas back into the SVG as an image.
 */
function DenseMessages({ messages, fs, plot, width, height }: { messages: readonly MessageSegment[]; fs: number; plot: SpaceTimeGeometry['plot']; width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = canvasInViewBox(el, width, height);
    if (!el || !ctx) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, 0, plot.right - plot.left, height);
    ctx.clip();
    const r = fs * 0.35;
    const byColor = new Map<string, MessageSegment[]>();
    const colors = themeColors(el);
    for (const m of messages) {
      const color = colors(m.kind);
      const list = byColor.get(color);
      if (list) list.push(m);
      else byColor.set(color, [m]);
    }
    for (const [color, list] of byColor) {
      ctx.strokeStyle = color;
      // One pixel: Skia draws hairlines on a fast path. At 1.75 px, rasterising a thousand
      // anti-aliased strokes took ~14 ms a redraw in software and cost the page its frames.
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (const m of list) {
        ctx.moveTo(m.x1, m.y1);
        ctx.lineTo(m.x2, m.y2);
        if (m.dropped) {
          ctx.moveTo(m.x2 - r, m.y2 - r);
          ctx.lineTo(m.x2 + r, m.y2 + r);
          ctx.moveTo(m.x2 + r, m.y2 - r);
          ctx.lineTo(m.x2 - r, m.y2 + r);
        }
      }
      ctx.stroke();
    }
    ctx.restore();
  });
  return <canvas ref={canvas} data-overlay-of="space-time" aria-hidden="true" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none' }} />;
}

function Axis({ g, fs }: { g: SpaceTimeGeometry; fs: number }) {
  const { plot } = g;
  return (
    <g aria-hidden="true">
      {g.ticks.map((t) => (
        <g key={t.t}>
          <line className="st-grid" x1={t.x} x2={t.x} y1={plot.top} y2={plot.bottom} />
          <line className="st-axis" x1={t.x} x2={t.x} y1={plot.bottom} y2={plot.bottom + fs * 0.4} />
          <text className="st-tick" x={t.x} y={plot.bottom + fs * 1.5}>
            {t.label}
          </text>
        </g>
      ))}
      <line className="st-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
    </g>
  );
}

/** Hover and keyboard focus both highlight an item, so the keyboard reaches everything the pointer does. */
interface Handlers {
  readonly tabIndex: number;
  readonly onPointerEnter: () => void;
  readonly onPointerLeave: () => void;
  readonly onFocus: () => void;
  readonly onBlur: () => void;
}

interface MessageArrowProps {
  readonly m: MessageSegment;
  readonly fs: number;
  readonly marker: string;
  readonly className: Emphasis;
  readonly labelled: boolean;
  readonly handlers: Handlers;
}

function MessageArrow({ m, fs, marker, className, labelled, handlers }: MessageArrowProps) {
  const stroke = paint(m.kind);
  const r = fs * 0.35;
  return (
    <g className={`st-item st-msg${m.dropped ? ' st-dropped' : ''}${className}`} {...handlers}>
      <title>{m.description}</title>
      <line className="st-hit" x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} />
      <line className="st-line" x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} stroke={KIND_STYLES[m.kind].color} style={{ stroke }} markerEnd={m.dropped ? undefined : marker} />
      {m.dropped && (
        <path className="st-x" d={`M${m.x2 - r},${m.y2 - r} L${m.x2 + r},${m.y2 + r} M${m.x2 + r},${m.y2 - r} L${m.x2 - r},${m.y2 + r}`} stroke={KIND_STYLES[m.kind].color} style={{ stroke }} />
      )}
      {labelled && (
        <text className="st-msg-label" x={(m.x1 + m.x2) / 2} y={(m.y1 + m.y2) / 2} dy="-0.4em">
          {KIND_STYLES[m.kind].label}
        </text>
      )}
    </g>
  );
}

/**
 * Past this many operations in the window, one path per outcome replaces an element per
 * operation, without labels: a run file with thousands of operations at one instant made
 * React insert (and the browser lay out) tens of thousands of elements at once.
 */
export const DENSE_OPS = 150;

/** How a dense path's outcome reads in its tooltip. */
const DENSE_OP_WORDS: Readonly<Record<string, string>> = { ok: 'successful', fail: 'failed', timeout: 'timed-out', pending: 'pending', stale: 'stale-read', lost: 'lost-write' };

function opClass(op: OpBar): string {
  return op.stale ? 'stale' : op.lost ? 'lost' : op.outcome;
}

/** Many operations at once: a bar each, drawn as one path per outcome. */
function DenseOps({ ops, fs }: { ops: readonly OpBar[]; fs: number }) {
  const h = fs * 0.55;
  const paths = new Map<string, string[]>();
  for (const op of ops) {
    const cls = opClass(op);
    const d = `M${op.x0.toFixed(1)},${(op.y - h / 2).toFixed(1)}h${Math.max(2, op.x1 - op.x0).toFixed(1)}v${h.toFixed(1)}h${(-Math.max(2, op.x1 - op.x0)).toFixed(1)}z`;
    const list = paths.get(cls);
    if (list) list.push(d);
    else paths.set(cls, [d]);
  }
  return (
    <g className="st-dense-ops">
      {[...paths].map(([cls, ds]) => (
        <path key={cls} className={`st-item st-op st-${cls}`} d={ds.join('')}>
          {/* Too many to point at one by one: the path says how many it draws. */}
          <title>{`${ds.length} ${DENSE_OP_WORDS[cls] ?? cls} operation${ds.length === 1 ? '' : 's'}`}</title>
        </path>
      ))}
    </g>
  );
}

interface OpMarkProps {
  readonly op: OpBar;
  readonly fs: number;
  readonly className: Emphasis;
  readonly handlers: Handlers;
}

/** Roughly how wide a label is at the op label's size (0.85 em, about 0.6 em a character). */
function fits(text: string, fs: number, room: number): boolean {
  return text.length * fs * 0.85 * 0.6 <= room;
}

function OpMark({ op, fs, className, handlers }: OpMarkProps) {
  const h = fs * 0.55;
  const glyph = op.stale ? STALE_MARK : op.lost ? LOST_MARK : OUTCOME_MARKS[op.outcome];
  // Crowded: the kind and the outcome, or the outcome alone; the tooltip tells the rest.
  const label = [op.label, `${op.kind} ${glyph}`].find((l) => fits(l, fs, op.labelRoom)) ?? glyph;
  return (
    <g className={`st-item st-op st-${opClass(op)}${op.open ? ' st-open' : ''}${className}`} {...handlers}>
      <title>{op.description}</title>
      <rect x={op.x0} y={op.y - h / 2} width={Math.max(2, op.x1 - op.x0)} height={h} rx={h / 4} />
      <text className="st-op-label" x={op.labelX} y={op.y - h / 2 - fs * 0.35}>
        {label}
      </text>
    </g>
  );
}
