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
  const ring = Math.min(width, height) * 0.32;
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
  // Neighbours on the ring are 2·ring·sin(π/n) apart: leave a gap between them.
  const spacing = 2 * ring * Math.sin(Math.PI / Math.max(replicas.length, 3));
  const nodeRadius = Math.max(18, Math.min(40, spacing * 0.38, height * 0.11));
  return { width, height, nodeRadius, positions };
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
