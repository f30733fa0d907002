import { describe, expect, it } from 'vitest';
import { nodeId, replicaIds } from '../sim/ids.ts';
import { clusterSize, layoutCluster } from './layout.ts';
import { boxesOverlap, circleHitsBox, labelledMessages, placeClientLabels, placeReplicaLabels, segmentHitsBox, visibleLinks, type Box } from './labelPlacement.ts';

const clients = (n: number) => ['c1', 'c2', 'c3'].slice(0, n).map(nodeId);

/** Every placed label against every visible link and every other label: the crossings found. */
function crossings(replicas: number, clientCount: number, pixels: number, tall: number, withNote: boolean, withTags = false): string[] {
  const { width, height } = clusterSize(pixels, tall);
  const reps = replicaIds(replicas);
  const layout = layoutCluster(reps, clients(clientCount), width, height);
  const placed = placeReplicaLabels(layout, reps, clients(clientCount), 16, withNote, withTags, true);
  const links = visibleLinks(layout, reps, clients(clientCount));
  const replicaBoxes: [string, Box][] = [...placed].flatMap(([id, l]) => [
    [`${id} block`, l.block] as [string, Box],
    [`${id} ring`, l.ring] as [string, Box],
    ...(withTags ? [[`${id} tag`, l.tag] as [string, Box]] : []),
  ]);
  const underClients = placeClientLabels(layout, reps, clients(clientCount), replicaBoxes.map(([, b]) => b));
  const boxes: [string, Box][] = [...replicaBoxes, ...[...underClients].map(([id, b]) => [`${id} line`, b] as [string, Box])];
  const found: string[] = [];
  for (const [name, box] of boxes) {
    if (links.some((s) => segmentHitsBox(s, box))) found.push(`${name} crosses a link`);
    if (reps.some((id) => circleHitsBox(layout.positions.get(id)!, layout.nodeRadius, box))) found.push(`${name} covers a replica`);
    if (box.x < 0 || box.y < 0 || box.x + box.w > width || box.y + box.h > height) found.push(`${name} leaves the picture`);
  }
  boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => boxesOverlap(p, q) && found.push(`${a} overlaps ${b}`)));
  return found;
}

describe('label placement: replicas’ words, ring labels and the line under each client', () => {
  it('finds a box crossing a segment, and one beside it clear', () => {
    const s = { a: { x: 0, y: 0 }, b: { x: 100, y: 100 } };
    expect(segmentHitsBox(s, { x: 40, y: 40, w: 10, h: 10 })).toBe(true);
    expect(segmentHitsBox(s, { x: 60, y: 0, w: 30, h: 30 })).toBe(false);
    expect(segmentHitsBox({ a: { x: 0, y: 5 }, b: { x: 100, y: 5 } }, { x: 40, y: 0, w: 10, h: 10 })).toBe(true);
  });

  // The labs' own pictures: three replicas with one to three clients (the playground, the
  // conflicts and sessions labs), five with one or two (the quorum lab at N = 5), at a
  // laptop's size (wide and short: clients beside the ring), the tall default and a
  // projector's. A phone's picture (360 px) has too little room for every label beside a
  // triangle of 33 px nodes; there the halo keeps them readable (DESIGN.md says so).
  const sizes: [number, number][] = [
    [800, 544],
    [830, 390],
    [1100, 695],
  ];
  it.each([
    [3, 1],
    [3, 2],
    [3, 3],
    [5, 1],
    [5, 2],
  ])('puts every word of %i replicas and %i clients where no link, node or other label crosses it', (replicas, clientCount) => {
    for (const [w, h] of sizes) expect(crossings(replicas, clientCount, w, h, false), `${w}×${h}`).toEqual([]);
  });

  it('has room for tags (a hint held for another replica, a clock’s offset) beside three replicas’ words', () => {
    for (const clientCount of [1, 2, 3]) for (const [w, h] of sizes) expect(crossings(3, clientCount, w, h, false, true), `${clientCount} clients, ${w}×${h}`).toEqual([]);
  });

  it('has room for a lab’s note under each of three replicas too, in the tall picture and a projector’s', () => {
    for (const clientCount of [1, 2, 3]) for (const [w, h] of [sizes[0]!, sizes[2]!]) expect(crossings(3, clientCount, w, h, true), `${clientCount} clients, ${w}×${h}`).toEqual([]);
  });

  it('gives a message its word only where it does not pile onto another’s', () => {
    const at = [
      { x: 100, y: 100 },
      { x: 104, y: 102 },
      { x: 300, y: 100 },
      { x: 100, y: 140 },
    ];
    expect(labelledMessages(at, [40, 40, 40, 40])).toEqual([true, false, true, true]);
  });
});
