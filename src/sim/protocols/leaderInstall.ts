import { installLeader } from '../leaderHooks.ts';
import { multiHeartbeat, multiMessage, multiRead, multiWrite, startMulti } from './leaderMulti.ts';
import { coordinateLeaderRead, coordinateLeaderWrite, onHeartbeat, onLeaderMessage, onLeaderTimeout, onOrchestratorCheck, startLeader } from './leader.ts';

/** Importing this installs single-leader and multi-leader replication in the simulator (see sim/leaderHooks.ts). */
installLeader({ start: startLeader, write: coordinateLeaderWrite, read: coordinateLeaderRead, timeout: onLeaderTimeout, heartbeat: onHeartbeat, message: onLeaderMessage, orchestrator: onOrchestratorCheck, multi: { start: startMulti, write: multiWrite, read: multiRead, message: multiMessage, heartbeat: multiHeartbeat } });
