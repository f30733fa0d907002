import type { NodeId } from '../sim/ids.ts';
import type { ValueStrategy } from '../sim/values/types.ts';

export interface Divergence {
  readonly key: string;
  /** Replicas grouped by the state they hold; more than one group means divergence. */
  readonly groups: NodeId[][];
}

/**
 * Keys whose replicas disagree. `holders(key)` names the replicas that should hold the
 * key (its preference list); a replica that holds nothing counts as holding the empty state.
 *
 * @example divergent(['x'], k => ['A','B','C'], (n, k) => state, lww) // [] once converged
 */
export function divergent(
  keys: readonly string[],
  holders: (key: string) => readonly NodeId[],
  stateOf: (node: NodeId, key: string) => unknown,
  strategy: ValueStrategy<unknown, unknown>,
): Divergence[] {
  const out: Divergence[] = [];
  for (const key of keys) {
    const groups: { state: unknown; nodes: NodeId[] }[] = [];
    for (const node of holders(key)) {
      const state = stateOf(node, key) ?? strategy.empty();
      const g = groups.find((x) => strategy.equals(x.state, state));
      if (g) g.nodes.push(node);
      else groups.push({ state, nodes: [node] });
    }
    if (groups.length > 1) out.push({ key, groups: groups.map((g) => g.nodes) });
  }
  return out;
}
