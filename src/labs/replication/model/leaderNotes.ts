import type { NodeId } from '../../../sim/ids.ts';
import { regions } from '../../../sim/protocols/regions.ts';
import type { Trace } from '../../../sim/trace.ts';

export interface Roles {
  /** The leader clients are sent to. */
  readonly leader: NodeId;
  readonly term: number;
  /** Replicas that still believe they lead an older term (not yet told of the newer one). */
  readonly stale: ReadonlyMap<NodeId, number>;
}

/** Who leads at `t`, in which term, and which old leaders have not yet stepped down. */
export function rolesAt(trace: Trace, first: NodeId, t: number): Roles {
  let leader = first;
  let term = 1;
  const stale = new Map<NodeId, number>();
  for (const e of trace.events) {
    if (e.at > t) break;
    if (e.type === 'promote') {
      stale.set(leader, term);
      leader = e.node;
      term = e.term;
      stale.delete(e.node);
    } else if (e.type === 'step-down') stale.delete(e.node);
  }
  return { leader, term, stale };
}

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
