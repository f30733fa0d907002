import { useId, useMemo } from 'react';
import { lostWrites, rolesAt } from '../../../analysis/leaderLedger.ts';
import { useThrottledTime } from '../../../components/useThrottledTime.ts';
import { selectRun } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { formatMs } from '../../../view/format.ts';
import { FIRST_LEADER } from '../model/replicationRuns.ts';

/** At the playhead: who leads, in which term, which old leader has not heard yet, and the ledger of lost writes. */
export function LeaderPanel() {
  const run = useLab(selectRun);
  const time = useThrottledTime();
  const id = useId();
  const trace = run.sim.trace;
  const roles = useMemo(() => rolesAt(trace, FIRST_LEADER, time), [trace, time]);
  const lost = useMemo(() => lostWrites(trace, FIRST_LEADER, time), [trace, time]);
  const promotions = trace.events.filter((e) => e.type === 'promote' && e.at <= time).length;
  return (
    <section className="panel leader-panel" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Leader and lost writes</h2>
      <p role="status">
        At {formatMs(time)}: <strong>{roles.leader}</strong> leads, term {roles.term}
        {promotions > 0 ? ` (${promotions === 1 ? 'one failover' : `${promotions} failovers`} so far)` : ''}.
        {[...roles.stale].map(([node, term]) => ` ${node} still thinks it leads term ${term}: it has not yet heard of term ${roles.term}, and takes any write sent to it.`)}
      </p>
      <h3>Acknowledged, then lost</h3>
      {lost.length === 0 ? (
        <p>None so far: every write a client was told is saved is in {roles.leader}’s log.</p>
      ) : (
        <ul className="lost-ledger">
          {lost.map((l) => (
            <li key={l.op.id}>
              {l.op.client} wrote {l.op.key}={l.op.value}, acknowledged by {l.ackedBy} at {formatMs(l.op.completedAt!)}; {l.leader}’s log does not have it
              {l.rolledBack ? `, and ${l.ackedBy} rolled it back` : ''}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
