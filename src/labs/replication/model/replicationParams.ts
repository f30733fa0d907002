import { choiceParam } from '../../../embed/paramKinds.ts';
import { FAULTS, FAULT_NAMES, SETUPS, SETUP_NAMES, type FaultId, type SetupId } from './replicationRuns.ts';

/*
 * The replication lab's address, declared for src/embed/params.ts to read and write:
 *
 *   ?lab=replication&setup=async&fault=leader-cut&reads=leader&compare=sync
 *
 * `compare` draws a second setup's run beside the stage's, at the same moment.
 */
export const REPLICATION_PARAMS = {
  setup: choiceParam<SetupId>({
    choices: SETUPS,
    fallback: 'async',
    bad: (quoted, used) => `There is no setup “${quoted}” here; showing “${SETUP_NAMES[used]}”.`,
  }),
  fault: choiceParam<FaultId>({
    choices: FAULTS,
    fallback: 'leader-cut',
    bad: (quoted, used) => `There is no fault schedule “${quoted}” here; showing “${FAULT_NAMES[used]}”.`,
  }),
  compare: choiceParam<SetupId | 'none'>({
    choices: ['none', ...SETUPS],
    fallback: 'none',
    bad: (quoted) => `There is no setup “${quoted}” to compare with; showing one run.`,
  }),
  reads: choiceParam<'leader' | 'any'>({
    choices: ['leader', 'any'],
    fallback: 'leader',
    bad: (quoted) => `“${quoted}” is not leader or any; reads go to the leader.`,
  }),
};
