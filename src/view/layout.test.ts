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

  it('draws a phone-sized picture at its own size, and scales a wide one up and a tiny one down, keeping its shape', () => {
    expect(clusterSize(328)).toEqual({ width: 328, height: 300 });
    expect(clusterSize(1600, 700)).toEqual({ width: 800, height: 350 });
    expect(clusterSize(200, 300).width).toBe(300);
  });

  it('puts clients in columns either side of the ring in a wide, short picture, clear of every replica', () => {
    const l = layoutCluster(replicaIds(3), [nodeId('c1'), nodeId('c2')], 800, 376);
    const c1 = l.positions.get(nodeId('c1'))!;
    const c2 = l.positions.get(nodeId('c2'))!;
    expect(c1.x).toBeLessThan(200);
    expect(c2.x).toBeGreaterThan(600);
    for (const id of replicaIds(3)) {
      const p = l.positions.get(id)!;
      expect(p.y - l.nodeRadius).toBeGreaterThanOrEqual(20);
      expect(p.y + l.nodeRadius).toBeLessThanOrEqual(376 - 40);
      for (const c of [c1, c2]) expect(Math.abs(p.x - c.x)).toBeGreaterThan(l.nodeRadius + 34);
    }
  });

  it('links every pair of replicas and every client to every replica', () => {
    expect(linkPairs(replicaIds(3), [nodeId('c1')])).toHaveLength(3 + 3);
    expect(along({ x: 0, y: 0 }, { x: 10, y: 20 }, 0.5)).toEqual({ x: 5, y: 10 });
  });
});
