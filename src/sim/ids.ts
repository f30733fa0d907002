/**
 * Branded identifiers. A `NodeId` and a plain string, or a `Millis` and a count, are easy
 * to mix up in a simulator; the brands make the compiler catch it.
 */
export type NodeId = string & { readonly __brand: 'NodeId' };
export type Millis = number & { readonly __brand: 'Millis' };
export type OpId = number & { readonly __brand: 'OpId' };
export type MessageId = number & { readonly __brand: 'MessageId' };

/** Replica names, in ring order. Letters read well in narration ("acknowledged by B, C"). */
export const REPLICA_NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
export const MIN_REPLICAS = 3;
export const MAX_REPLICAS = REPLICA_NAMES.length;

/**
 * The ids of the first `count` replicas.
 *
 * @example replicaIds(3) // ['A', 'B', 'C']
 */
export function replicaIds(count: number): NodeId[] {
  return REPLICA_NAMES.slice(0, count) as unknown as NodeId[];
}

export function nodeId(name: string): NodeId {
  return name as NodeId;
}

export function ms(value: number): Millis {
  return value as Millis;
}

/** Whether a node id names a replica (upper-case letter) rather than a client. */
export function isReplicaId(id: string): boolean {
  return /^[A-I]$/.test(id);
}
