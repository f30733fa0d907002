import type { NodeId } from '../sim/ids.ts';
import type { Point } from './layout.ts';

export interface PartitionLine {
  /** The two sides, each in the order the nodes were given. */
  readonly sides: readonly [readonly NodeId[], readonly NodeId[]];
  /**
   * How it is drawn: a line across the picture between the sides (from, to: far beyond
   * the picture, which clips it), or, where no straight line parts them, islands round
   * the smaller side: one round all its nodes if that keeps clear of the others, else one
   * round each (node centres, drawn with a wide round stroke of `pad`).
   */
  readonly shape: { readonly kind: 'line'; readonly from: Point; readonly to: Point } | { readonly kind: 'island'; readonly islands: readonly (readonly Point[])[]; readonly pad: number };
  /** The links it stands for: every link between the sides, cut both ways. */
  readonly links: ReadonlySet<string>;
}

const key = (a: NodeId, b: NodeId) => (a < b ? `${a}-${b}` : `${b}-${a}`);

/**
 * When the cut links split the nodes into exactly two groups, every link between them
 * cut both ways (what a partition does), one line across the picture between the groups,
 * instead of a cut mark on every link; where no straight line parts the groups as drawn,
 * islands round the smaller one. Null when the cuts are anything else (one link, one
 * direction, three groups).
 *
 * @example partitionLine(pairs, cuts, positions, 800, 540)?.sides // [['A','c1'], ['B','C','c2']]
 */
export function partitionLine(
  pairs: readonly (readonly [NodeId, NodeId])[],
  cuts: ReadonlySet<string>,
  positions: ReadonlyMap<NodeId, Point>,
  width: number,
  height: number,
  nodeRadius = 30,
): PartitionLine | null {
  if (cuts.size === 0) return null;
  const nodes = [...positions.keys()];
  // Groups joined by links open both ways.
  const group = new Map<NodeId, number>(nodes.map((n, i) => [n, i]));
  const find = (n: NodeId): number => {
    let g = group.get(n)!;
    while (group.get(nodes[g]!) !== g) g = group.get(nodes[g]!)!;
    return g;
  };
  for (const [a, b] of pairs) if (!cuts.has(`${a}>${b}`) && !cuts.has(`${b}>${a}`)) group.set(nodes[find(a)]!, find(b));
  const roots = [...new Set(nodes.map(find))];
  if (roots.length !== 2) return null;
  const sides = [nodes.filter((n) => find(n) === roots[0]), nodes.filter((n) => find(n) === roots[1])] as const;
  const across = new Set<string>();
  for (const [a, b] of pairs) {
    if (find(a) === find(b)) continue;
    if (!cuts.has(`${a}>${b}`) || !cuts.has(`${b}>${a}`)) return null;
    across.add(key(a, b));
  }
  // The direction along which the two sides' nodes lie furthest apart, tried every 3°.
  let best: { gap: number; u: Point; at: number } | null = null;
  for (let deg = 0; deg < 180; deg += 3) {
    const u = { x: Math.cos((deg * Math.PI) / 180), y: Math.sin((deg * Math.PI) / 180) };
    const proj = (side: readonly NodeId[]) => side.map((n) => positions.get(n)!.x * u.x + positions.get(n)!.y * u.y);
    const [p, q] = [proj(sides[0]), proj(sides[1])];
    const forward = Math.min(...q) - Math.max(...p);
    const backward = Math.min(...p) - Math.max(...q);
    const gap = Math.max(forward, backward);
    const at = forward >= backward ? (Math.min(...q) + Math.max(...p)) / 2 : (Math.min(...p) + Math.max(...q)) / 2;
    if (!best || gap > best.gap) best = { gap, u, at };
  }
  // A line only where it passes between the nodes' circles (and clients' boxes), not through them.
  if (!best || best.gap <= 2 * nodeRadius + 8) return islandOf(sides, positions, across, nodeRadius);
  const { u, at } = best;
  // The point of the line nearest the picture's centre, and far along it both ways.
  const centre = { x: width / 2, y: height / 2 };
  const shift = at - (centre.x * u.x + centre.y * u.y);
  const c = { x: centre.x + shift * u.x, y: centre.y + shift * u.y };
  const v = { x: -u.y, y: u.x };
  const far = width + height;
  return { sides, shape: { kind: 'line', from: { x: c.x - v.x * far, y: c.y - v.y * far }, to: { x: c.x + v.x * far, y: c.y + v.y * far } }, links: across };
}

/** Distance from a point to a segment. */
function toSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** The smaller side's nodes joined in order round their centroid, if that island keeps clear of every other node; else an island each. */
function islandOf(sides: readonly [readonly NodeId[], readonly NodeId[]], positions: ReadonlyMap<NodeId, Point>, links: ReadonlySet<string>, nodeRadius: number): PartitionLine {
  const [small, big] = sides[0].length <= sides[1].length ? [sides[0], sides[1]] : [sides[1], sides[0]];
  const pts = small.map((n) => positions.get(n)!);
  const cx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
  const cy = pts.reduce((a, p) => a + p.y, 0) / pts.length;
  const around = [...pts].sort((p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx));
  const pad = nodeRadius + 12;
  const edges = around.length === 1 ? [[around[0]!, around[0]!]] : around.map((a, i) => [a, around[(i + 1) % around.length]!]);
  // One island if every other node, its own circle included, stays outside it: clear of its edge, and not inside it.
  const clear = big.every((n) => {
    const p = positions.get(n)!;
    return edges.every(([a, b]) => toSegment(p, a!, b!) >= pad + nodeRadius + 4) && !(around.length > 2 && inside(p, around));
  });
  return { sides, shape: { kind: 'island', islands: clear ? [around] : pts.map((p) => [p]), pad }, links };
}

/** Whether a point is inside a polygon (even-odd rule). */
function inside(p: Point, polygon: readonly Point[]): boolean {
  let odd = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) odd = !odd;
  }
  return odd;
}
