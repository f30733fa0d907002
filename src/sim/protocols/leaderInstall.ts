import { installLeader } from '../leaderHooks.ts';
import { coordinateLeaderRead, coordinateLeaderWrite, onHeartbeat, onLeaderMessage, onLeaderTimeout, onOrchestratorCheck, startLeader } from './leader.ts';
import { multiHeartbeat, multiMessage, multiRead, multiWrite, startMulti } from './leaderMulti.ts';
import { homeLeader } from './regions.ts';

/** Importing this installs single-leader and multi-leader replication in the simulator (see sim/leaderHooks.ts). */
installLeader({
  start: (e, d) => (d ? startLeader(e, d) : startMulti(e)),
  receive(e, d, node, from, body) {
    if (body.kind === 'client-write') {
      if (d) coordinateLeaderWrite(e, node, from, body.op, body.key, body.value);
      else multiWrite(e, node, from, body.op, body.key, body.value, body.context);
    } else if (body.kind === 'client-read') {
      if (d) coordinateLeaderRead(e, node, from, body.op);
      else multiRead(e, node, from, body.op, body.key);
    } else if (d) onLeaderMessage(e, node, from, body);
    else multiMessage(e, node, from, body);
  },
  timer(e, d, ev) {
    if (ev.type === 'heartbeat') return d ? onHeartbeat(e, ev.node) : multiHeartbeat(e, ev.node);
    if (ev.type === 'orchestrator' && d) return onOrchestratorCheck(e, d);
    if (ev.type === 'coordinator-timeout' && d) return onLeaderTimeout(e, ev.node, ev.op);
  },
  // One leader: every write, and every read unless followers answer them, goes to the leader the client last looked up. Two: to the client's region's leader.
  words(ev) {
    if (ev.type === 'promote') return `${ev.from} unreachable too long: ${ev.node} promoted to leader, term ${ev.term}`;
    if (ev.type === 'step-down') return `${ev.node} heard of term ${ev.term} and stepped down to follower`;
    return `${ev.node} rolled back ${ev.ops.length} entr${ev.ops.length === 1 ? 'y' : 'ies'} the leader lacks`;
  },
  route: (e, d, clientIndex, write, named, known) => (d ? (write || !e.config.followerReads ? (known ?? d.leader) : named) : homeLeader(e.ring, clientIndex)),
});
