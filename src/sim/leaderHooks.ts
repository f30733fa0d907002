import type { Directory, Engine } from './engine.ts';
import type { NodeId, OpId } from './ids.ts';
import type { MessageBody } from './trace.ts';
import type { CausalContext } from './values/causalContext.ts';

/**
 * Single-leader and multi-leader replication (sim/protocols/leader.ts, leaderMulti.ts). Every lab's first screen carries
 * the simulator, and only runs with leaders need this code, so it is installed by
 * importing sim/protocols/leaderInstall.ts: the scenario schema does (so a run from a
 * link, a file or a message has it), and so do the replication lab and the tests.
 */
export interface LeaderProtocol {
  start(e: Engine, d: Directory): void;
  write(e: Engine, node: NodeId, client: NodeId, op: OpId, key: string, value: string): void;
  read(e: Engine, node: NodeId, client: NodeId, op: OpId): void;
  timeout(e: Engine, node: NodeId, op: OpId): void;
  heartbeat(e: Engine, node: NodeId): void;
  message(e: Engine, node: NodeId, from: NodeId, body: MessageBody): void;
  orchestrator(e: Engine, d: Directory): void;
  /** Multi-leader (protocols/leaderMulti.ts). */
  readonly multi: {
    start(e: Engine): void;
    write(e: Engine, node: NodeId, client: NodeId, op: OpId, key: string, value: string, context: CausalContext | null): void;
    read(e: Engine, node: NodeId, client: NodeId, op: OpId, key: string): void;
    message(e: Engine, node: NodeId, from: NodeId, body: MessageBody): void;
    heartbeat(e: Engine, node: NodeId): void;
  };
}

let installed: LeaderProtocol | null = null;

export function installLeader(p: LeaderProtocol): void {
  installed = p;
}

export function leader(): LeaderProtocol {
  if (installed === null) throw new Error('Single-leader replication is not loaded: import sim/protocols/leaderInstall.ts');
  return installed;
}
