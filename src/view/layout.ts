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

/** The picture's size for a column `pixels` wide: drawn 1:1 so text keeps its size on a phone. */
export function clusterSize(pixels: number): { width: number; height: number } {
  const width = Math.min(800, Math.max(300, pixels));
  return { width, height: Math.round(Math.max(300, width * 0.68)) };
}

/**
 * Replicas on a ring, clients in a row beneath it. Pure and deterministic, so the
 * picture never jumps between renders and tests can name positions. Nodes shrink to fit
 * the ring when there are many or the picture is small.
 *
 * @example layoutCluster(['A','B','C'], ['c1','c2']).positions.get('A') // top of the ring
 */
export function layoutCluster(replicas: readonly NodeId[], clients: readonly NodeId[], width = 800, height = 540): ClusterLayout {
  const positions = new Map<NodeId, Point>();
  const cx = width / 2;
  const cy = height * 0.42;
  const wanted = Math.min(width, height) * 0.32;
  // Nodes are sized for the ring they were meant for; the ring then shrinks if the top
  // node would not fit above it (a short picture, 360 px wide), keeping its stroke in view.
  const nodeRadius = radiusFor(wanted, replicas.length, height);
  const ring = Math.min(wanted, cy - nodeRadius - 6);
  replicas.forEach((id, i) => {
    // Start at the top and go clockwise.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / replicas.length;
    positions.set(id, { x: cx + ring * Math.cos(angle), y: cy + ring * Math.sin(angle) });
  });
  // Room below for the client's "n waiting" line.
  const rowY = height - 52;
  clients.forEach((id, i) => {
    const x = ((i + 1) * width) / (clients.length + 1);
    positions.set(id, { x, y: rowY });
  });
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
