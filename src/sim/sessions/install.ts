import { installSessions } from '../sessionHooks.ts';
import { afterApply, answerRead, answerWhenCovered, deliverOrHold, dropHeld, failover, floor, foldVector, onReadRequest, onUnpark, past, remember, tagWrite, fanOutRead, track, acked, onResend, canCoordinate, parkWrite } from './protocol.ts';

/** Importing this installs sticky sessions, version-based reads and causal delivery in the simulator (see sim/sessionHooks.ts). */
installSessions({ answerWhenCovered, onUnpark, deliverOrHold, afterApply, floor, past, remember, answerRead, tagWrite, dropHeld, failover, fanOutRead, onReadRequest, foldVector, track, acked, onResend, canCoordinate, parkWrite });
