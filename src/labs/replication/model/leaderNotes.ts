import type { NodeId } from '../../../sim/ids.ts';
import { regions } from '../../../sim/protocols/regions.ts';
import type { Trace } from '../../../sim/trace.ts';
import { rolesAt } from '../../../analysis/leaderLedger.ts';

/** The line under a replica in the picture: its role, when it leads or believes it does. */
export function roleNote(trace: Trace, first: NodeId, id: NodeId, t: number): string {
  const r = rolesAt(trace, first, t);
  if (id === r.leader) return `leader, term ${r.term}`;
  const old = r.stale.get(id);
  return old === undefined ? 'follower' : `still thinks it leads (term ${old})`;
}

/** Two leaders: the line under a replica names its region and whether it leads it. */
export function regionNote(ring: readonly NodeId[], id: NodeId): string {
  const i = regions(ring).findIndex((r) => r.includes(id));
  return regions(ring)[i]![0] === id ? `leads region ${i + 1}` : `follower, region ${i + 1}`;
}
