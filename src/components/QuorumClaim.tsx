import { useMemo } from 'react';
import { quorumState } from '../check/quorumConditions.ts';
import { NOT_LINEARIZABLE, quorumClaim } from '../content/quorumClaims.ts';
import { selectRun } from '../store/labStore.ts';
import { useLab } from '../store/LabStoreContext.tsx';
import { useThrottledTime } from './useThrottledTime.ts';

/**
 * What W + R > N promises at the playhead, with the conditions it rests on, and each
 * condition this run has broken by then, said where the claim is made. `rule` and
 * `conditions` leave those out where the panel states them already; `live` announces the
 * rule when it changes (where the numbers beside it change with it).
 */
export function QuorumClaim({
  rule = true,
  conditions = true,
  live = false,
  folded = false,
}: {
  readonly rule?: boolean;
  readonly conditions?: boolean;
  readonly live?: boolean;
  /** The conditions under a summary that says there are some: a panel beside the picture stays short. Broken ones are always shown. */
  readonly folded?: boolean;
}) {
  const run = useLab(selectRun);
  const time = useThrottledTime();
  // Only what had happened by the playhead: final once the run has been simulated past it.
  const q = useMemo(() => quorumState({ cluster: run.scenario.cluster, ...run.sim.trace, holders: (key) => run.sim.preferenceList(key) }, time), [run, time]);
  const claim = quorumClaim(q, run.scenario.cluster.sloppyQuorum);
  return (
    <div className="quorum-claim">
      {rule && (
        <p className="small" {...(live ? { 'aria-live': 'polite' as const } : {})}>
          {claim.rule}
        </p>
      )}
      {conditions && claim.conditions && !folded && (
        <>
          <p className="small muted">{claim.conditions}</p>
          <p className="small muted">{NOT_LINEARIZABLE}</p>
        </>
      )}
      {conditions && claim.conditions && folded && (
        <details className="small claim-conditions">
          <summary>Holds only under conditions; overlap alone is not linearizability</summary>
          <p className="muted">{claim.conditions}</p>
          <p className="muted">{NOT_LINEARIZABLE}</p>
        </details>
      )}
      {claim.broken.length > 0 && (
        <div className="broken-conditions">
          <p className="small">
            <span aria-hidden="true">⚠ </span>
            <strong>This run breaks {claim.broken.length === 1 ? 'a condition' : `${claim.broken.length} conditions`} of that rule:</strong>
          </p>
          <ul className="small">
            {claim.broken.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
