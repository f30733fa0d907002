import { useId } from 'react';
import { formatFraction, missProbability, staleBeyond, toNumber } from '../../../analysis/pbs.ts';
import { selectScenario } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { formatPercent } from '../../../view/format.ts';
import { PBS_NEVER_CONDITIONS } from '../../../content/quorumClaims.ts';
import { PBS_CLOSED_FORM_VS_REAL } from '../../../content/pbsWords.ts';
import { QuorumClaim } from '../../../components/QuorumClaim.tsx';

/** The PBS closed form for the current N, W and R: how often random quorums miss. */
export function PbsClosedForm() {
  const { n, w, r, sloppyQuorum } = useLab(selectScenario).cluster;
  const id = useId();
  const miss = missProbability(n, w, r);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>How often can a read miss? (PBS)</h2>
      {miss.numerator === 0n ? (
        <>
          <p>
            Never, while the rule’s conditions hold: with W + R &gt; N any {r} of the key’s replicas include at least one of any {w}. {PBS_NEVER_CONDITIONS}
            {sloppyQuorum && ' Sloppy quorums are on, though: stand-ins can make up either quorum, and then a read can miss.'}
          </p>
          <QuorumClaim rule={false} conditions={false} />
        </>
      ) : (
        <>
          <p>
            If a write’s {w} and a read’s {r} replicas were chosen at random among {n}, the read would miss every replica that has the write with probability C({n}−{w},{' '}
            {r}) / C({n}, {r}) = <strong>{formatFraction(miss)}</strong> ({formatPercent(toNumber(miss))}).
          </p>
          <p>
            Missing each of the last k writes (so k or more versions behind), for independent writes: k = 2: {formatPercent(toNumber(staleBeyond(n, w, r, 2)))}; k = 3:{' '}
            {formatPercent(toNumber(staleBeyond(n, w, r, 3)))}.
          </p>
          <p className="small muted">{PBS_CLOSED_FORM_VS_REAL}</p>
        </>
      )}
    </section>
  );
}
