import type { Directory, Engine, TimerEvent } from './engine.ts';
import type { NodeId } from './ids.ts';
import type { MessageBody, TraceEvent } from './trace.ts';

/**
 * Replication through leaders: one (sim/protocols/leader.ts) or one per region
 * (leaderMulti.ts). Every lab's first screen carries the simulator, and only runs with
 * leaders need this code, so it is installed by importing sim/protocols/leaderInstall.ts:
 * the scenario schema does (so a run from a link, a file or a message has it), and so do
 * the replication lab and the tests. The simulator hands it whatever concerns leaders.
 */
export interface LeaderProtocol {
  /** At time 0: roles, terms and timers. */
  start(e: Engine, d: Directory | undefined): void;
  /** A message reaching a replica, from a client or another replica. */
  receive(e: Engine, d: Directory | undefined, node: NodeId, from: NodeId, body: MessageBody): void;
  /** A heartbeat, the orchestrator's check, or a leader's deadline for a write. */
  timer(e: Engine, d: Directory | undefined, ev: TimerEvent): void;
  /**
   * Where a client sends a request, given the replica its action names and the leader it
   * last looked up (`known`, null if none): returns the replica, and whether to remember it.
   */
  route(e: Engine, d: Directory | undefined, clientIndex: number, write: boolean, named: NodeId, known: NodeId | null): NodeId;
  /** The narrator's words for the events only leaders make. */
  words(e: Extract<TraceEvent, { type: 'promote' | 'step-down' | 'rollback' }>): string;
}

let installed: LeaderProtocol | null = null;

export function installLeader(p: LeaderProtocol): void {
  installed = p;
}

export function leader(): LeaderProtocol {
  if (installed === null) throw new Error('Replication through leaders is not loaded: import sim/protocols/leaderInstall.ts');
  return installed;
}
