import type { NodeId } from '../sim/ids.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ClusterLayout {
  readonly width: number;
  readonly height: number;
  readonly nodeRadius: number;
  readonly positions: ReadonlyMap<NodeId, Point>;
}

/** The widest the picture is drawn at its own size; wider, it is scaled up (a projector). */
export const CLUSTER_MAX_WIDTH = 800;

/**
 * The picture's coordinate size for a box `pixels` wide and `tall` high (by default, two
 * thirds as high as wide): drawn 1:1 so text keeps its size on a phone and a laptop, and
 * scaled up past CLUSTER_MAX_WIDTH, or down below 300 px, keeping the box's shape.
 */
export function clusterSize(pixels: number, tall = Math.max(300, pixels * 0.68)): { width: number; height: number } {
  const scale = pixels > CLUSTER_MAX_WIDTH ? pixels / CLUSTER_MAX_WIDTH : pixels < 300 ? pixels / 300 : 1;
  return { width: Math.round(pixels / scale), height: Math.round(Math.max(240, tall / scale)) };
}

/** Half the width of a client's box: room for its name at the label's size, never narrower than "phone". */
export function clientHalfWidth(id: string): number {
  return Math.max(34, 8 + id.length * 4.9);
}

/** A picture this much wider than high puts clients in columns beside the ring, not in a row beneath it. */
const WIDE = 1.6;

/**
 * Replicas on a ring, clients in a row beneath it, or, in a wide picture (a laptop's
 * screen, where the picture must fit under the fold), in columns either side of it. Pure
 * and deterministic, so the picture never jumps between renders and tests can name
 * positions. Nodes shrink to fit the ring when there are many or the picture is small.
 *
 * @example layoutCluster(['A','B','C'], ['c1','c2']).positions.get('A') // top of the ring
 */
export function layoutCluster(replicas: readonly NodeId[], clients: readonly NodeId[], width = 800, height = 540): ClusterLayout {
  const positions = new Map<NodeId, Point>();
  const wide = width >= height * WIDE && clients.length > 0;
  const cx = width / 2;
  // Room above the top replica for a clock or hint badge, and below the ring for what a replica says.
  const cy = wide ? height * 0.48 : height * 0.42;
  const wanted = wide ? Math.min(height * 0.36, width * 0.26) : Math.min(width, height) * 0.32;
  // Nodes are sized for the ring they were meant for; the ring then shrinks if the top
  // node would not fit above it (a short picture, 360 px wide), keeping its stroke in view.
  const nodeRadius = radiusFor(wanted, replicas.length, height);
  // Start at the top and go clockwise.
  const angles = replicas.map((_, i) => -Math.PI / 2 + (2 * Math.PI * i) / replicas.length);
  let ring = Math.min(wanted, cy - nodeRadius - (wide ? 26 : 6));
  let centreY = cy;
  if (wide) {
    // A wide picture is short: centre the ring's own extent (a triangle is taller above its
    // centre than below), leaving room above the top replica and below the lowest for their words.
    const low = Math.max(...angles.map(Math.sin));
    const room = height - 26 - 44 - 2 * nodeRadius;
    ring = Math.min(wanted * 1.15, room / (1 + low));
    centreY = 26 + nodeRadius + ring;
  }
  replicas.forEach((id, i) => positions.set(id, { x: cx + ring * Math.cos(angles[i]!), y: centreY + ring * Math.sin(angles[i]!) }));
  if (wide) {
    // Half the clients left of the ring, half right, each column midway between the edge and the ring.
    const left = clients.slice(0, Math.ceil(clients.length / 2));
    const right = clients.slice(left.length);
    const margin = (cx - ring - nodeRadius) / 2;
    const rowsFrom = centreY - ring;
    const rowsTo = Math.min(height - 30, centreY + ring);
    const column = (ids: readonly NodeId[], side: -1 | 1) =>
      ids.forEach((id, i) => {
        // Far enough in that the line under the client (a stale read's badge) can lean outwards, clear of its links.
        const inset = Math.max(clientHalfWidth(id) + 6, Math.min(Math.max(margin, 100), cx - ring - nodeRadius - clientHalfWidth(id) - 16));
        positions.set(id, { x: side < 0 ? inset : width - inset, y: rowsFrom + ((rowsTo - rowsFrom) * (i + 1)) / (ids.length + 1) });
      });
    column(left, -1);
    column(right, 1);
  } else {
    // Room below for the client's "n waiting" line.
    const rowY = height - 52;
    clients.forEach((id, i) => {
      const x = ((i + 1) * width) / (clients.length + 1);
      positions.set(id, { x, y: rowY });
    });
  }
  return { width, height, nodeRadius, positions };
}

/** A node's radius on a ring: neighbours are 2·ring·sin(π/n) apart, and a gap is left between them. */
function radiusFor(ring: number, replicas: number, height: number): number {
  const spacing = 2 * ring * Math.sin(Math.PI / Math.max(replicas, 3));
  return Math.max(18, Math.min(40, spacing * 0.38, height * 0.11));
}

/** Every unordered pair of nodes that has links: replica–replica and client–replica. */
export function linkPairs(replicas: readonly NodeId[], clients: readonly NodeId[]): [NodeId, NodeId][] {
  const pairs: [NodeId, NodeId][] = [];
  replicas.forEach((a, i) => replicas.slice(i + 1).forEach((b) => pairs.push([a, b])));
  for (const c of clients) for (const r of replicas) pairs.push([c, r]);
  return pairs;
}

/** A point a fraction `f` of the way from `a` to `b`. */
export function along(a: Point, b: Point, f: number): Point {
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}
