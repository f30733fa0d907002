import { installLeader } from '../leaderHooks.ts';
import { coordinateLeaderRead, coordinateLeaderWrite, onHeartbeat, onLeaderMessage, onLeaderTimeout, onOrchestratorCheck, startLeader } from './leader.ts';

/** Importing this installs single-leader replication in the simulator (see sim/leaderHooks.ts). */
installLeader({ start: startLeader, write: coordinateLeaderWrite, read: coordinateLeaderRead, timeout: onLeaderTimeout, heartbeat: onHeartbeat, message: onLeaderMessage, orchestrator: onOrchestratorCheck });
