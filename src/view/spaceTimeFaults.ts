import type { NodeId } from '../sim/ids.ts';
import type { TraceEvent } from '../sim/trace.ts';

export type FaultType = 'cut' | 'heal' | 'crash' | 'recover';

/**
 * A fault drawn on one lane: a tick across the lane at the moment, with a short word
 * (colour is never the only signal). A partition cuts many links at once; each lane
 * gets one mark per moment and type, naming every link involved.
 */
export interface FaultMark {
  /** Stable React key. */
  readonly key: string;
  readonly type: FaultType;
  readonly node: NodeId;
  readonly at: number;
  readonly x: number;
  readonly y: number;
  /** The short word drawn beside the mark: "cut", "heal", "crash", "up". */
  readonly word: string;
  /** The whole story, for a tooltip: "links cut: A↔B, A→C". */
  readonly description: string;
}

/** A stretch of a lane during which its node was down. */
export interface DownSpan {
  readonly node: NodeId;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

const WORDS: Record<FaultType, string> = { cut: 'cut', heal: 'heal', crash: 'crash', recover: 'up' };

type LinkEvent = Extract<TraceEvent, { type: 'link' }>;

/**
 * Fault marks for events at times in [t0, t1] on the given lanes. A link cut or healed
 * in both directions at once is written A↔B; one direction alone A→B.
 *
 * @example faultMarks(trace.events, laneY, (t) => x(t), 0, 2000) // [{ type: 'crash', node: 'C', … }]
 */
export function faultMarks(events: readonly TraceEvent[], laneY: ReadonlyMap<NodeId, number>, x: (t: number) => number, t0: number, t1: number): FaultMark[] {
  const marks: FaultMark[] = [];
  // Links changed at one moment, grouped so a two-way cut or a partition reads as one mark per lane.
  let batch: LinkEvent[] = [];
  const flush = () => {
    if (batch.length > 0) marks.push(...linkMarks(batch, laneY, x));
    batch = [];
  };
  for (const e of events) {
    if (e.at < t0) continue;
    if (e.at > t1) break;
    if (e.type !== 'link' || (batch.length > 0 && batch[0]!.at !== e.at)) flush();
    if (e.type === 'link') {
      batch.push(e);
      continue;
    }
    if (e.type !== 'crash' && e.type !== 'recover') continue;
    const y = laneY.get(e.node);
    if (y === undefined) continue;
    const description = e.type === 'crash' ? `${e.node} crashed${e.lostUndurable ? ', losing writes not yet durable' : ''}` : `${e.node} recovered`;
    marks.push({ key: `${e.type}-${e.node}-${e.at}`, type: e.type, node: e.node, at: e.at, x: x(e.at), y, word: WORDS[e.type], description });
  }
  flush();
  return marks;
}

function linkMarks(batch: readonly LinkEvent[], laneY: ReadonlyMap<NodeId, number>, x: (t: number) => number): FaultMark[] {
  const marks: FaultMark[] = [];
  for (const cut of [true, false]) {
    const links = batch.filter((e) => e.cut === cut);
    if (links.length === 0) continue;
    const directed = new Set(links.map((e) => `${e.from}>${e.to}`));
    // Per lane: the links it is an end of, each written once (A↔B, or A→B when one-way).
    const perNode = new Map<NodeId, string[]>();
    for (const e of links) {
      const back = directed.has(`${e.to}>${e.from}`);
      if (back && e.from > e.to) continue;
      const name = `${e.from}${back ? '↔' : '→'}${e.to}`;
      for (const node of [e.from, e.to]) {
        if (!laneY.has(node)) continue;
        const list = perNode.get(node) ?? [];
        list.push(name);
        perNode.set(node, list);
      }
    }
    const type: FaultType = cut ? 'cut' : 'heal';
    const at = batch[0]!.at;
    for (const [node, names] of perNode) {
      const description = `${names.length > 1 ? 'links' : 'link'} ${cut ? 'cut' : 'healed'}: ${names.join(', ')}`;
      marks.push({ key: `${type}-${node}-${at}`, type, node, at, x: x(at), y: laneY.get(node)!, word: WORDS[type], description });
    }
  }
  return marks;
}

/**
 * The stretches during which a lane's node was down, clipped to [t0, t1]. A crash with no
 * recovery before t1 stays down to t1.
 *
 * @example downSpans(trace.events, laneY, x, 0, 3000) // [{ node: 'C', x0: …, x1: … }]
 */
export function downSpans(events: readonly TraceEvent[], laneY: ReadonlyMap<NodeId, number>, x: (t: number) => number, t0: number, t1: number): DownSpan[] {
  const since = new Map<NodeId, number>();
  const spans: DownSpan[] = [];
  const close = (node: NodeId, from: number, to: number) => {
    const y = laneY.get(node);
    const a = Math.max(from, t0);
    const b = Math.min(to, t1);
    if (y !== undefined && b > a) spans.push({ node, x0: x(a), x1: x(b), y });
  };
  for (const e of events) {
    if (e.at > t1) break;
    if (e.type === 'crash' && !since.has(e.node)) since.set(e.node, e.at);
    else if (e.type === 'recover') {
      const from = since.get(e.node);
      if (from !== undefined) close(e.node, from, e.at);
      since.delete(e.node);
    }
  }
  for (const [node, from] of since) close(node, from, t1);
  return spans;
}
