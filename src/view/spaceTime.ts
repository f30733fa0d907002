import { scalePoint } from 'd3-scale';
import { timeScale } from './timeScale.ts';
import type { MessageId, NodeId, OpId } from '../sim/ids.ts';
import type { Fate, MessageKind, MessageRecord, OpOutcome, OpRecord, Trace } from '../sim/trace.ts';
import { describeMessage, isDropped } from './messageStyle.ts';
import { downSpans, faultMarks, type DownSpan, type FaultMark } from './spaceTimeFaults.ts';
import { formatSeconds, timeTicks, type AxisTick, type Margin } from './spaceTimeAxis.ts';

export type { DownSpan, FaultMark, FaultType } from './spaceTimeFaults.ts';
export type { AxisTick, Margin, SpaceTimeLayout } from './spaceTimeAxis.ts';

/**
 * How far toward the receiver a dropped message is drawn, at most, unless the receiver
 * was down (then it did reach the lane). A lost message's record does not say where on
 * the wire it was lost (its endAt is its planned arrival), so without this cap its × would
 * sit on the receiver's lane and read as "arrived".
 */
export const DROP_REACH_MAX = 0.8;

/** The outcome of an operation as a glyph, so colour is never the only signal. */
export const OUTCOME_MARKS: Record<OpOutcome, string> = { ok: '✓', fail: '✗', timeout: '?', pending: '…' };
/** A read that answered with data older than an acknowledged write: a word, not a tick. */
export const STALE_MARK = 'stale!';
/** An acknowledged write that no replica will keep (see check/lostWrites.ts). */
export const LOST_MARK = 'lost!';

export interface SpaceTimeInput {
  readonly trace: Trace;
  /** Lanes, top to bottom. Messages and operations of nodes not listed are left out. */
  readonly nodes: readonly NodeId[];
  /** The window of virtual time shown, left to right. */
  readonly t0: number;
  readonly t1: number;
  /**
   * The playhead. Nothing after it is drawn as having happened: a message still on the
   * wire at `time` is drawn up to where it is then, with its fate not yet told.
   */
  readonly time: number;
  readonly width: number;
  readonly height: number;
  readonly margin: Margin;
  /** Whether a completed read returned stale data (see check/staleReads.ts staleChecker). */
  readonly isStale?: (read: OpRecord) => boolean;
  /** Whether an acknowledged write is lost, as of the playhead (see check/lostWrites.ts). */
  readonly isLost?: (write: OpRecord) => boolean;
  /** How many axis ticks to aim for (d3 picks round steps near it). */
  readonly tickCount?: number;
}

export interface Lane {
  readonly node: NodeId;
  readonly y: number;
}

export interface MessageSegment {
  readonly id: MessageId;
  readonly kind: MessageKind;
  readonly from: NodeId;
  readonly to: NodeId;
  /** The client operation the message serves (none for anti-entropy). */
  readonly op: OpId | null;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The fate as of the playhead: `in-flight` while it is still on the wire then. */
  readonly fate: Fate;
  /** Lost, cut or dropped at a down receiver: drawn dashed, ending in a ×. */
  readonly dropped: boolean;
  /** One line about it, as of the playhead: "repl x from A to C (delivered)". */
  readonly description: string;
}

export interface OpBar {
  readonly id: OpId;
  readonly kind: OpRecord['kind'];
  readonly client: NodeId;
  readonly coordinator: NodeId;
  readonly key: string;
  readonly value: string | null;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  /** The outcome as of the playhead: `pending` until the client has its answer. */
  readonly outcome: OpOutcome;
  /** A read that answered, but with data older than an acknowledged write. */
  readonly stale: boolean;
  /** An acknowledged write that is lost. */
  readonly lost: boolean;
  /** Still pending at the playhead: the bar runs on to the window's end. */
  readonly open: boolean;
  /** "write x=1 ✓": kind, key, value and outcome glyph. */
  readonly label: string;
  /** Where the label starts, and the px it has before the next bar on the lane or the plot's edge. */
  readonly labelX: number;
  readonly labelRoom: number;
  /** The label in words, with the values read or the reason it failed. */
  readonly description: string;
}

/** Everything a space-time diagram draws, in viewBox coordinates, culled to the time range shown */
export interface SpaceTimeGeometry {
  readonly t0: number;
  readonly t1: number;
  /** The plot area: lanes run from `left` to `right`; the axis sits under `bottom`. */
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly lanes: readonly Lane[];
  readonly messages: readonly MessageSegment[];
  readonly ops: readonly OpBar[];
  readonly faults: readonly FaultMark[];
  readonly down: readonly DownSpan[];
  readonly ticks: readonly AxisTick[];
  /** The playhead's x, or null when it lies outside the time range shown */
  readonly playheadX: number | null;
}

/**
 * The space-time (Lamport) diagram of a run over a window of time: one lane per node,
 * time left to right; each message a segment from (sentAt, sender's lane) to (endAt,
 * receiver's lane); each client operation a bar on its client's lane; each fault a mark.
 * Only what overlaps [t0, t1] and has happened by `time` is returned, so the output stays
 * small however long the run. Positions are a pure function of the inputs.
 *
 * @example
 * const sim = new Simulation(makeScenario({ script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' }] }));
 * sim.runUntil(2000);
 * const g = spaceTime({ trace: sim.trace, nodes: ['A', 'B', 'C', 'c1'] as NodeId[], t0: 0, t1: 2000, time: 2000,
 *   width: 600, height: 240, margin: { top: 10, right: 10, bottom: 30, left: 40 } });
 * g.messages[0]; // { kind: 'client-write', from: 'c1', to: 'A', x1: 40, y1: …, … }
 * g.ops[0].label; // 'write x=1 ✓'
 */
export function spaceTime(input: SpaceTimeInput): SpaceTimeGeometry {
  const { trace, nodes, t0, t1, time, width, height, margin } = input;
  const plot = { left: margin.left, right: Math.max(margin.left + 1, width - margin.right), top: margin.top, bottom: Math.max(margin.top + 1, height - margin.bottom) };
  const scale = timeScale([t0, t1], [plot.left, plot.right]);
  // Hundredths of a pixel: exact enough to draw, short enough to export.
  const x = (t: number) => round(scale(t));
  const lane = scalePoint<NodeId>().domain(nodes).range([plot.top, plot.bottom]).padding(0.5);
  const laneY = new Map<NodeId, number>(nodes.map((n) => [n, round(lane(n)!)]));
  // Nothing after the playhead has happened yet.
  const until = Math.min(time, t1);
  return {
    t0,
    t1,
    plot,
    lanes: nodes.map((node) => ({ node, y: laneY.get(node)! })),
    messages: messageSegments(trace, laneY, x, t0, until, time),
    ops: opBars(trace.ops, laneY, x, t0, t1, until, time, plot, input.isStale, input.isLost),
    faults: until >= t0 ? faultMarks(trace.events, laneY, x, t0, until) : [],
    down: until >= t0 ? downSpans(trace.events, laneY, x, t0, until) : [],
    ticks: timeTicks(scale, input.tickCount ?? Math.floor((plot.right - plot.left) / 80)),
    playheadX: time >= t0 && time <= t1 ? x(time) : null,
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function messageSegments(trace: Trace, laneY: ReadonlyMap<NodeId, number>, x: (t: number) => number, t0: number, until: number, time: number): MessageSegment[] {
  const msgs = trace.messages;
  const out: MessageSegment[] = [];
  if (until < t0) return out;
  // Messages are logged in the order sent; none is in the air longer than the longest flight.
  const reach = t0 - msgs.longestFlight;
  for (let i = msgs.lastSentAtOrBefore(until); i >= 0; i--) {
    if (msgs.sentAt(i) < reach) break;
    const m = msgs.get(i)!;
    const y1 = laneY.get(m.from);
    const y2 = laneY.get(m.to);
    if (y1 === undefined || y2 === undefined) continue;
    const ended = m.fate !== 'in-flight' && m.endAt <= time;
    const headAt = ended ? m.endAt : Math.min(time, m.deliverAt);
    if (headAt < t0) continue;
    const fate: Fate = ended ? m.fate : 'in-flight';
    const dropped = ended && isDropped(m);
    const f = reachOf(m, headAt, dropped);
    out.push({
      id: m.id,
      kind: m.kind,
      from: m.from,
      to: m.to,
      op: m.op,
      x1: x(m.sentAt),
      y1,
      x2: x(headAt),
      y2: round(y1 + (y2 - y1) * f),
      fate,
      dropped,
      description: describeMessage(fate === m.fate ? m : { ...m, fate }),
    });
  }
  return out.reverse();
}

/** How far (0 sender, 1 receiver) a message got by `at`, along its planned flight. */
function reachOf(m: MessageRecord, at: number, dropped: boolean): number {
  const flight = m.deliverAt - m.sentAt;
  const f = flight > 0 ? Math.min(1, Math.max(0, (at - m.sentAt) / flight)) : m.fate === 'cut' || m.fate === 'lost' ? 0 : 1;
  return dropped && m.fate !== 'crash' ? Math.min(f, DROP_REACH_MAX) : f;
}

function opBars(ops: readonly OpRecord[], laneY: ReadonlyMap<NodeId, number>, x: (t: number) => number, t0: number, t1: number, until: number, time: number, plot: { left: number; right: number }, isStale?: (read: OpRecord) => boolean, isLost?: (write: OpRecord) => boolean): OpBar[] {
  const out: OpBar[] = [];
  // The label of the last bar seen on each lane ends where the next one on that lane starts.
  const previous = new Map<NodeId, number>();
  // Operations are few (a person starts them), so a scan is fine.
  for (const op of ops) {
    if (op.invokedAt > until) break;
    const y = laneY.get(op.client);
    if (y === undefined) continue;
    const done = op.completedAt !== null && op.completedAt <= time;
    if (done && op.completedAt! < t0) continue;
    const outcome: OpOutcome = done ? op.outcome : 'pending';
    // A read that answered but missed an acknowledged write is not a success to tick.
    const stale = done && isStale?.(op) === true;
    const lost = done && isLost?.(op) === true;
    const what = `${op.kind} ${op.key}${op.value !== null ? `=${op.value}` : ''}`;
    const x0 = x(op.invokedAt);
    const labelX = round(Math.max(x0, plot.left + 2));
    const before = previous.get(op.client);
    if (before !== undefined) {
      const prev = out[before]!;
      out[before] = { ...prev, labelRoom: round(Math.max(0, Math.min(prev.labelRoom, labelX - prev.labelX))) };
    }
    previous.set(op.client, out.length);
    out.push({
      id: op.id,
      kind: op.kind,
      client: op.client,
      coordinator: op.coordinator,
      key: op.key,
      value: op.value,
      x0,
      x1: x(done ? op.completedAt! : t1),
      y,
      outcome,
      stale,
      lost,
      open: !done,
      label: `${what} ${stale ? STALE_MARK : lost ? LOST_MARK : OUTCOME_MARKS[outcome]}`,
      labelX,
      labelRoom: round(Math.max(0, plot.right - labelX)),
      description: `${op.client} ${what} via ${op.coordinator}: ${outcomeWords(op, outcome)}${stale ? ' — stale: it missed an acknowledged write' : ''}${lost ? ' — lost: no replica will keep it' : ''}`,
    });
  }
  return out;
}

function outcomeWords(op: OpRecord, outcome: OpOutcome): string {
  switch (outcome) {
    case 'pending':
      return 'waiting for an answer';
    case 'ok':
      return op.kind === 'read' ? `ok, read ${op.result && op.result.length > 0 ? op.result.join(', ') : 'nothing'}` : 'ok';
    case 'fail':
      return `failed${op.reason ? `: ${op.reason}` : ''}`;
    case 'timeout':
      return `timed out${op.reason ? `: ${op.reason}` : ''}`;
  }
}

/**
 * One sentence for screen readers about what the diagram shows. Before the run starts
 * the window reaches below 0; it is described from 0.
 *
 * @example summarizeSpaceTime(g, 'Space-time diagram') // 'Space-time diagram from 1.2 s to 3.2 s: 14 messages (1 dropped), 2 operations, 1 fault'
 */
export function summarizeSpaceTime(g: SpaceTimeGeometry, title: string): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const dropped = g.messages.filter((m) => m.dropped).length;
  const parts = [`${count(g.messages.length, 'message', 'messages')}${dropped > 0 ? ` (${dropped} dropped)` : ''}`, count(g.ops.length, 'operation', 'operations')];
  if (g.faults.length > 0) parts.push(count(new Set(g.faults.map((f) => `${f.type}@${f.at}`)).size, 'fault', 'faults'));
  return `${title} from ${formatSeconds(Math.max(0, g.t0))} to ${formatSeconds(Math.max(0, g.t1))}: ${parts.join(', ')}`;
}
