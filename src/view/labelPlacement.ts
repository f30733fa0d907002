import type { NodeId } from '../sim/ids.ts';
import { clientHalfWidth, linkPairs, type ClusterLayout, type Point } from './layout.ts';

/** A box in the picture's coordinates: top-left corner, width and height. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Segment {
  readonly a: Point;
  readonly b: Point;
}

/** What a replica says beside itself (the "behind" badge, its write stamp, a lab's note), and the ring labels of the quorum lab. */
export interface ReplicaLabels {
  /** Where the block of lines under-or-beside the replica goes. */
  readonly block: Box;
  /** Where the W / R / W∩R ring label goes. */
  readonly ring: Box;
  /** Where a tag goes: a hint the replica holds for another (sloppy quorums), or its clock's offset. */
  readonly tag: Box;
}

/** A character of the write stamp's 12 px monospace, in the picture's units. */
export const STAMP_CHAR = 7.3;

/**
 * How big the block a replica's words fill is: a "behind" badge, a write stamp of
 * `stampChars` characters ("x @0.106 s A", or a version vector per sibling), no wider
 * than `maxWidth` (a longer stamp is cut short there), and a lab's note.
 */
export function blockSize(stampChars: number, withNote: boolean, maxWidth = Infinity): { w: number; h: number } {
  const stamp = Math.min(stampChars * STAMP_CHAR, maxWidth);
  return { w: Math.round(Math.max(80, stamp, withNote ? 140 : 0)), h: withNote ? 54 : 38 };
}
/** Room for the longest ring label, "W∩R stand-in" (13 px bold). */
export const RING_LABEL = { w: 96, h: 16 } as const;
/** Room for a hint badge and, under it, a clock's offset. */
export const TAG = { w: 104, h: 38 } as const;

/**
 * The visible part of every link: from the rim of one node to the rim of the other, so a
 * label may sit on a node's own circle's edge without "touching" the lines under it.
 */
export function visibleLinks(layout: ClusterLayout, replicas: readonly NodeId[], clients: readonly NodeId[]): Segment[] {
  const rim = (id: NodeId) => (replicas.includes(id) ? layout.nodeRadius : Math.min(20, clientHalfWidth(id)));
  return linkPairs(replicas, clients).map(([a, b]) => {
    const pa = layout.positions.get(a)!;
    const pb = layout.positions.get(b)!;
    const len = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1;
    const fa = rim(a) / len;
    const fb = 1 - rim(b) / len;
    return { a: { x: pa.x + (pb.x - pa.x) * fa, y: pa.y + (pb.y - pa.y) * fa }, b: { x: pa.x + (pb.x - pa.x) * fb, y: pa.y + (pb.y - pa.y) * fb } };
  });
}

/** Whether a segment crosses a box (Liang–Barsky clipping). */
export function segmentHitsBox(s: Segment, box: Box): boolean {
  const dx = s.b.x - s.a.x;
  const dy = s.b.y - s.a.y;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, s.a.x - box.x) && clip(dx, box.x + box.w - s.a.x) && clip(-dy, s.a.y - box.y) && clip(dy, box.y + box.h - s.a.y) && t0 <= t1;
}

/** Whether a circle overlaps a box. */
export function circleHitsBox(c: Point, r: number, box: Box): boolean {
  const nx = Math.max(box.x, Math.min(c.x, box.x + box.w));
  const ny = Math.max(box.y, Math.min(c.y, box.y + box.h));
  return Math.hypot(c.x - nx, c.y - ny) < r;
}

export function boxesOverlap(p: Box, q: Box): boolean {
  return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

/** Directions to try, in sixteenths of a turn from the first direction (outward), nearest first: 0, 1, -1, 2, -2, … */
const TURNS = [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8];

/**
 * Candidate places for a box of `size` beside a circle at `at` of radius `r`, best first:
 * below, then round the node starting from `outward` (away from the ring's centre, where
 * links are fewest), each touching the circle's gap, then the same a little further out.
 */
function candidates(at: Point, r: number, size: { w: number; h: number }, gap: number, outward: number, below = true, further = true): Box[] {
  const { w, h } = size;
  const out: Box[] = [];
  const at_ = (angle: number, extra: number): Box => {
    const ux = Math.cos(angle);
    const uy = Math.sin(angle);
    // The nearest the box's centre can come along this direction without touching the gap round the node.
    let t = 0;
    const box = () => ({ x: at.x + ux * t - w / 2, y: at.y + uy * t - h / 2, w, h });
    while (circleHitsBox(at, r + gap, box())) t += 2;
    t += extra;
    return box();
  };
  if (below) out.push({ x: at.x - w / 2, y: at.y + r + gap, w, h });
  for (const extra of further ? [0, 16] : [0]) for (const t of TURNS) out.push(at_(outward + (t * Math.PI) / 8, extra));
  return out;
}

/**
 * Where a box beside a node crosses nothing: no visible link, no other node, no label
 * already placed, and stays inside the picture. Of the candidates, the first that is
 * clear wins; if none is, the one crossing least.
 */
function place(at: Point, r: number, size: { w: number; h: number }, gap: number, outward: number | { readonly first: number; readonly near?: boolean }, links: readonly Segment[], circles: readonly Point[], radius: number, nodes: readonly Box[], taken: readonly Box[], bounds: Box): Box {
  let best: Box | null = null;
  let bestCost = Infinity;
  const start = typeof outward === 'number' ? outward : outward.first;
  const near = typeof outward !== 'number' && outward.near === true;
  for (const box of candidates(at, r, size, gap, start, typeof outward === 'number', !near)) {
    const outside = box.x < bounds.x || box.y < bounds.y || box.x + box.w > bounds.x + bounds.w || box.y + box.h > bounds.y + bounds.h;
    const cost =
      links.filter((s) => segmentHitsBox(s, box)).length * 10 +
      circles.filter((c) => circleHitsBox(c, radius + 2, box)).length * 10 +
      nodes.filter((n) => boxesOverlap(n, box)).length * 10 +
      taken.filter((t) => boxesOverlap(t, box)).length * 10 +
      (outside ? 25 : 0);
    if (cost === 0) return box;
    if (cost < bestCost) {
      best = box;
      bestCost = cost;
    }
  }
  return best!;
}

/**
 * Where each replica's words go so that no line, node or other label crosses them: the
 * block under it if that is clear (as it is for the top of the ring), else beside it.
 * Computed from the layout alone, so labels do not move as the run plays.
 *
 * @example placeReplicaLabels(layout, ['A','B','C'], ['c1'], 13, false).get('A')!.block // under A
 */
export function placeReplicaLabels(
  layout: ClusterLayout,
  replicas: readonly NodeId[],
  clients: readonly NodeId[],
  stampChars: number,
  withNote: boolean,
  withTags = false,
  /** Whether the picture rings quorums (the quorum lab): their labels need places too. */
  withRings = true,
  /** Values drawn wider than their node (a cart, siblings), and how wide: they run over the picture, so labels keep clear of them. */
  wideValues: ReadonlyMap<NodeId, number> = new Map(),
): Map<NodeId, ReplicaLabels> {
  const links = visibleLinks(layout, replicas, clients);
  const r = layout.nodeRadius;
  const circles = replicas.map((id) => layout.positions.get(id)!);
  // Each client's box and the line under it ("1 waiting", a stale read's badge).
  const nodes: Box[] = clients.map((id): Box => {
    const p = layout.positions.get(id)!;
    const half = clientHalfWidth(id);
    return { x: p.x - half, y: p.y - 20, w: 2 * half, h: 64 };
  });
  const valueSize = Math.max(11, Math.round(r * 0.37));
  for (const [id, width] of wideValues) {
    const p = layout.positions.get(id)!;
    nodes.push({ x: p.x - width / 2 - 4, y: p.y - valueSize * 0.4, w: width + 8, h: valueSize * 2.5 });
  }
  const bounds = { x: 0, y: 0, w: layout.width, h: layout.height };
  const taken: Box[] = [];
  const out = new Map<NodeId, ReplicaLabels>();
  // A third of the picture's width at most: three replicas' stamps side by side still fit.
  const size = blockSize(stampChars, withNote, layout.width / 3 - 8);
  // Away from the ring's centre: the replicas' centroid.
  const centre = { x: circles.reduce((a, p) => a + p.x, 0) / circles.length, y: circles.reduce((a, p) => a + p.y, 0) / circles.length };
  const outward = (p: Point) => (Math.hypot(p.x - centre.x, p.y - centre.y) < 1 ? Math.PI / 2 : Math.atan2(p.y - centre.y, p.x - centre.x));
  for (const id of replicas) {
    const p = layout.positions.get(id)!;
    const block = place(p, r, size, 4, outward(p), links, circles, r, nodes, taken, bounds);
    taken.push(block);
    // Without tags, a tag's place is the old one above the node, never drawn.
    out.set(id, { block, ring: block, tag: { x: p.x - TAG.w / 2, y: p.y - r - 12 - TAG.h, ...TAG } });
  }
  // Ring labels sit outside the W and R rings (r + 11), clear of the blocks.
  for (const id of withRings ? replicas : []) {
    const p = layout.positions.get(id)!;
    // Right against the ring (never further out), so it is clear which ring it names.
    const ring = place(p, r + 12, RING_LABEL, 2, { first: outward(p), near: true }, links, circles, r, nodes, taken, bounds);
    taken.push(ring);
    out.set(id, { ...out.get(id)!, ring });
  }
  // Tags last, above the node where that is clear (the turn starts there), and
  // only in a run that can have them: most pictures keep that room for the rest.
  for (const id of withTags ? replicas : []) {
    const p = layout.positions.get(id)!;
    const tag = place(p, r + 12, TAG, 2, { first: -Math.PI / 2 }, links, circles, r, nodes, taken, bounds);
    taken.push(tag);
    out.set(id, { ...out.get(id)!, tag });
  }
  return out;
}

/** The line under a client: "1 waiting", or a stale read's badge. */
export const CLIENT_LABEL = { w: 136, h: 22 } as const;

/**
 * Where the line under each client goes: under its box if no link crosses it there, else
 * under it shifted away from the ring, else above, else beside. Placed after the replicas'
 * words (`taken`), so neither covers the other.
 */
export function placeClientLabels(layout: ClusterLayout, replicas: readonly NodeId[], clients: readonly NodeId[], taken: readonly Box[]): Map<NodeId, Box> {
  const links = visibleLinks(layout, replicas, clients);
  const circles = replicas.map((id) => layout.positions.get(id)!);
  const boxOf = (id: NodeId): Box => {
    const p = layout.positions.get(id)!;
    const half = clientHalfWidth(id);
    return { x: p.x - half, y: p.y - 20, w: 2 * half, h: 40 };
  };
  const bounds = { x: 0, y: 0, w: layout.width, h: layout.height };
  const placed: Box[] = [...taken];
  const out = new Map<NodeId, Box>();
  const { w, h } = CLIENT_LABEL;
  const ringX = circles.length > 0 ? circles.reduce((a, p) => a + p.x, 0) / circles.length : layout.width / 2;
  for (const id of clients) {
    const p = layout.positions.get(id)!;
    const half = clientHalfWidth(id);
    const away = p.x < ringX ? -1 : 1;
    const others = clients.filter((c) => c !== id).map(boxOf);
    // Kept inside the picture: a client near its edge leans its line against the edge instead.
    const inside = (box: Box): Box => ({ ...box, x: Math.max(2, Math.min(layout.width - w - 2, box.x)) });
    const candidates: Box[] = [
      { x: p.x - w / 2, y: p.y + 23, w, h },
      { x: p.x - w / 2 + (away * w) / 3, y: p.y + 23, w, h },
      { x: p.x - w / 2 + (away * w) / 2, y: p.y + 23, w, h },
      { x: p.x - w / 2 + away * w, y: p.y + 23, w, h },
      { x: p.x - w / 2, y: p.y - 23 - h, w, h },
      { x: p.x - w / 2 + (away * w) / 3, y: p.y - 23 - h, w, h },
      { x: p.x - w / 2 + away * w, y: p.y - 23 - h, w, h },
      { x: away < 0 ? p.x - half - 4 - w : p.x + half + 4, y: p.y - h / 2, w, h },
    ].map(inside);
    let best = candidates[0]!;
    let bestCost = Infinity;
    for (const box of candidates) {
      const outside = box.x < bounds.x || box.y < bounds.y || box.x + box.w > bounds.w || box.y + box.h > bounds.h;
      const cost =
        links.filter((sgm) => segmentHitsBox(sgm, box)).length * 10 +
        circles.filter((c) => circleHitsBox(c, layout.nodeRadius + 2, box)).length * 10 +
        others.filter((o) => boxesOverlap(o, box)).length * 10 +
        placed.filter((t) => boxesOverlap(t, box)).length * 10 +
        (outside ? 25 : 0);
      if (cost < bestCost) {
        best = box;
        bestCost = cost;
      }
      if (cost === 0) break;
    }
    placed.push(best);
    out.set(id, best);
  }
  return out;
}


/**
 * Which of the messages in flight get their word ("ack", "repl=2") this frame: each, in
 * order, unless its word would overlap one already given (about `w` by 14 units above its
 * dot). Messages bunch up near a replica; their words would pile into an unreadable clump.
 * Linear in the words kept per message: a frame has at most a couple of dozen.
 */
export function labelledMessages(at: readonly Point[], widths: readonly number[]): boolean[] {
  const kept: Box[] = [];
  return at.map((p, i) => {
    const w = widths[i] ?? 40;
    const box = { x: p.x - w / 2, y: p.y - 24, w, h: 14 };
    if (kept.some((k) => boxesOverlap(k, box))) return false;
    kept.push(box);
    return true;
  });
}
