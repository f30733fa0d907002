import { describe, expect, it } from 'vitest';
import { nodeId, replicaIds, type NodeId } from '../sim/ids.ts';
import { layoutCluster, linkPairs } from './layout.ts';
import { partitionLine } from './partitionLine.ts';

const replicas = replicaIds(3);
const clients = [nodeId('c1'), nodeId('c2')];
const pairs = linkPairs(replicas, clients);

/** The directed cuts a partition into these groups makes: every link between groups, both ways. */
function partition(groups: NodeId[][]): Set<string> {
  const cuts = new Set<string>();
  for (const [a, b] of pairs) {
    const ga = groups.findIndex((g) => g.includes(a));
    const gb = groups.findIndex((g) => g.includes(b));
    if (ga !== gb) cuts.add(`${a}>${b}`).add(`${b}>${a}`);
  }
  return cuts;
}

const side = (p: { x: number; y: number }, from: { x: number; y: number }, to: { x: number; y: number }) => Math.sign((to.x - from.x) * (p.y - from.y) - (to.y - from.y) * (p.x - from.x));

describe('a partition drawn as one line', () => {
  for (const [w, h] of [
    [800, 544],
    [800, 376],
  ] as const) {
    it(`separates the two sides of a partition with one line (${w}×${h})`, () => {
      const layout = layoutCluster(replicas, clients, w, h);
      const groups = [[nodeId('C'), nodeId('c1')], [nodeId('A'), nodeId('B'), nodeId('c2')]];
      const line = partitionLine(pairs, partition(groups), layout.positions, w, h)!;
      expect(line.sides.map((s) => [...s].sort()).sort()).toEqual(groups.map((g) => [...g].sort()).sort());
      expect(line.links.size).toBe(5);
      if (line.shape.kind !== 'line') throw new Error('expected a line');
      const { from, to } = line.shape;
      const sideOf = (id: NodeId) => side(layout.positions.get(id)!, from, to);
      for (const g of groups) expect(new Set(g.map(sideOf)).size).toBe(1);
      expect(sideOf(nodeId('C'))).not.toBe(sideOf(nodeId('A')));
    });
  }

  it('is not drawn for one cut link, a one-way partition, or no cuts', () => {
    const layout = layoutCluster(replicas, clients, 800, 544);
    expect(partitionLine(pairs, new Set(['A>B', 'B>A']), layout.positions, 800, 544)).toBeNull();
    const oneWay = new Set([...partition([[nodeId('A')], [nodeId('B'), nodeId('C'), ...clients]])].filter((c) => c.startsWith('A>')));
    expect(partitionLine(pairs, oneWay, layout.positions, 800, 544)).toBeNull();
    expect(partitionLine(pairs, new Set(), layout.positions, 800, 544)).toBeNull();
  });

  it('draws an island round each node of the smaller side when one round them all would take in another node', () => {
    const layout = layoutCluster(replicas, clients, 800, 376);
    const line = partitionLine(pairs, partition([[nodeId('C'), nodeId('c2')], [nodeId('A'), nodeId('B'), nodeId('c1')]]), layout.positions, 800, 376, layout.nodeRadius)!;
    if (line.shape.kind !== 'island') throw new Error('expected islands');
    expect(line.shape.islands).toHaveLength(2);
  });

  it('draws an island round the smaller side where no straight line parts them, clear of every other node', () => {
    const layout = layoutCluster(replicas, clients, 800, 544);
    // The playground's first exercise: C and c2 cut off. C is left of the ring and c2 right of c1 below it.
    const line = partitionLine(pairs, partition([[nodeId('C'), nodeId('c2')], [nodeId('A'), nodeId('B'), nodeId('c1')]]), layout.positions, 800, 544, layout.nodeRadius)!;
    expect(line.shape.kind).toBe('island');
    if (line.shape.kind !== 'island') return;
    expect(line.shape.islands).toEqual([expect.arrayContaining([layout.positions.get(nodeId('C')), layout.positions.get(nodeId('c2'))])]);
    expect(line.links.size).toBe(2 + 2 + 1);
  });

  it('does not draw one island round a group that another node sits inside', () => {
    const at = (x: number, y: number) => ({ x, y });
    const positions = new Map([
      [nodeId('X1'), at(0, 0)],
      [nodeId('X2'), at(400, 0)],
      [nodeId('X3'), at(200, 400)],
      [nodeId('Y'), at(200, 150)],
      [nodeId('Z'), at(800, 800)],
      [nodeId('W'), at(900, 900)],
    ]);
    const ids = [...positions.keys()];
    const all = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const));
    const cuts = new Set<string>();
    for (const [a, b] of all) if (a.startsWith('X') !== b.startsWith('X')) cuts.add(`${a}>${b}`).add(`${b}>${a}`);
    const line = partitionLine(all, cuts, positions, 1000, 1000, 30)!;
    if (line.shape.kind !== 'island') throw new Error('expected islands');
    expect(line.shape.islands).toHaveLength(3);
  });

  it('is drawn for a replica cut off alone, standing for every link it had', () => {
    const layout = layoutCluster(replicas, clients, 800, 544);
    const line = partitionLine(pairs, partition([[nodeId('C')], [nodeId('A'), nodeId('B'), ...clients]]), layout.positions, 800, 544)!;
    expect(line.sides[0].length + line.sides[1].length).toBe(5);
    expect(line.links.size).toBe(4);
  });
});
