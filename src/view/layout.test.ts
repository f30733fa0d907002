import { describe, expect, it } from 'vitest';
import { replicaIds, nodeId } from '../sim/ids.ts';
import { along, clusterSize, layoutCluster, linkPairs } from './layout.ts';

describe('cluster layout', () => {
  it('puts the first replica at the top of the ring and clients in a row below', () => {
    const l = layoutCluster(replicaIds(3), [nodeId('c1'), nodeId('c2')], 800, 540);
    const a = l.positions.get(nodeId('A'))!;
    expect(a.x).toBeCloseTo(400);
    for (const id of replicaIds(3)) expect(l.positions.get(id)!.y).toBeGreaterThanOrEqual(a.y);
    expect(l.positions.get(nodeId('c1'))!.y).toBe(l.positions.get(nodeId('c2'))!.y);
  });

  it('keeps nodes from overlapping, however many replicas and however small the picture', () => {
    for (const n of [3, 5, 9]) {
      for (const px of [300, 360, 800]) {
        const { width, height } = clusterSize(px);
        const l = layoutCluster(replicaIds(n), [nodeId('c1')], width, height);
        const pts = replicaIds(n).map((id) => l.positions.get(id)!);
        for (let i = 0; i < n; i++) {
          const next = pts[(i + 1) % n]!;
          expect(Math.hypot(next.x - pts[i]!.x, next.y - pts[i]!.y)).toBeGreaterThan(2 * l.nodeRadius);
        }
      }
    }
  });

  it('keeps every replica’s circle inside the picture, the top one included, at any size', () => {
    for (const n of [3, 5, 9]) {
      for (const px of [300, 328, 360, 800]) {
        const { width, height } = clusterSize(px);
        const l = layoutCluster(replicaIds(n), [nodeId('c1')], width, height);
        for (const id of replicaIds(n)) {
          const p = l.positions.get(id)!;
          expect(p.y - l.nodeRadius, `${n} replicas at ${px} px`).toBeGreaterThanOrEqual(4);
          expect(p.x - l.nodeRadius).toBeGreaterThanOrEqual(0);
          expect(p.x + l.nodeRadius).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('draws a phone-sized picture at its own size, and caps a wide one', () => {
    expect(clusterSize(328).width).toBe(328);
    expect(clusterSize(1600).width).toBe(800);
    expect(clusterSize(200).width).toBe(300);
  });

  it('links every pair of replicas and every client to every replica', () => {
    expect(linkPairs(replicaIds(3), [nodeId('c1')])).toHaveLength(3 + 3);
    expect(along({ x: 0, y: 0 }, { x: 10, y: 20 }, 0.5)).toEqual({ x: 5, y: 10 });
  });
});
