import type { NodeId } from '../sim/ids.ts';
import type { KeyCell } from './replicaCells.ts';

/**
 * How much room a picture's words need this moment, in coarse steps so that labels placed
 * from it move only when a stamp or a value grows a step, never every frame: the longest
 * write stamp shown (in steps of six characters), and each value drawn wider than its node
 * (a cart, siblings; in steps of 40 units). `key` is equal exactly when two sizes are.
 */
export interface LabelSizes {
  readonly stampChars: number;
  readonly wide: ReadonlyMap<NodeId, number>;
  readonly key: string;
}

export function labelSizes(replicas: readonly NodeId[], cellsOf: (id: NodeId) => readonly KeyCell[], primaryKey: string | undefined, nodeRadius: number, valueRoom: (id: NodeId) => number): LabelSizes {
  const stampChars =
    Math.ceil(
      Math.max(
        (primaryKey?.length ?? 1) + 13,
        ...replicas.map((id) => {
          const c = cellsOf(id).find((cell) => cell.key === primaryKey);
          return c?.stamp ? c.key.length + 1 + c.stamp.length : 0;
        }),
      ) / 6,
    ) * 6;
  // As ReplicaNode draws values: one or two keys, at the node's value size, 0.62 of it a character.
  const valueSize = Math.max(11, Math.round(nodeRadius * 0.37));
  const wide = new Map<NodeId, number>();
  for (const id of replicas) {
    const cells = cellsOf(id).slice(0, nodeRadius < 30 ? 1 : 2);
    const chars = Math.max(0, ...cells.map((c) => c.key.length + 1 + Math.max(1, c.values.join('|').length)));
    const width = Math.min(valueRoom(id), chars * valueSize * 0.62);
    if (width > nodeRadius * 1.8) wide.set(id, Math.ceil(width / 40) * 40);
  }
  return { stampChars, wide, key: `${stampChars}|${[...wide].join(';')}` };
}
