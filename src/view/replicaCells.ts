import type { NodeId } from '../sim/ids.ts';
import type { OpRecord } from '../sim/trace.ts';
import type { ValueStrategy } from '../sim/values/types.ts';
import { valueWords, type ValueWords } from './valueWords.ts';

/** What one replica shows for one key at one moment. */
export interface KeyCell {
  readonly key: string;
  readonly values: readonly string[];
  /** The state in one line: value with its timestamp or version. */
  readonly description: string;
  /** The version alone: timestamp or version vector. */
  readonly stamp: string;
  /** Acknowledged writes (by this moment) that this replica neither holds nor has seen superseded. */
  readonly behind: number;
  /** Replicas holding the same state share a group number; 0 is the most common state. */
  readonly group: number;
  readonly holds: boolean;
}

/**
 * For each replica, each key it should hold: its state, how far behind it is, and which
 * replicas agree with it. `holders(key)` names the replicas that replicate the key.
 */
export function replicaCells(
  replicas: readonly NodeId[],
  keys: readonly string[],
  holders: (key: string) => readonly NodeId[],
  stateOf: (node: NodeId, key: string) => unknown,
  ackedWrites: readonly OpRecord[],
  strategy: ValueStrategy<unknown, unknown>,
  words: Pick<ValueWords, 'describe' | 'stamp'> = valueWords(strategy.id),
): Map<NodeId, KeyCell[]> {
  const out = new Map<NodeId, KeyCell[]>(replicas.map((r) => [r, []]));
  for (const key of keys) {
    const nodes = holders(key);
    const states = nodes.map((n) => stateOf(n, key) ?? strategy.empty());
    // Group equal states; number groups by size so the majority is group 0.
    const groups: { state: unknown; members: number[] }[] = [];
    states.forEach((s, i) => {
      const g = groups.find((x) => strategy.equals(x.state, s));
      if (g) g.members.push(i);
      else groups.push({ state: s, members: [i] });
    });
    groups.sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
    const writes = ackedWrites.filter((w) => w.key === key);
    nodes.forEach((node, i) => {
      const state = states[i];
      out.get(node)?.push({
        key,
        values: strategy.values(state),
        description: words.describe(state),
        stamp: words.stamp(state),
        behind: writes.filter((w) => !strategy.covers(state, w.version)).length,
        group: groups.findIndex((g) => g.members.includes(i)),
        holds: stateOf(node, key) !== undefined,
      });
    });
  }
  return out;
}
