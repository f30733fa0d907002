import { useMoment } from '../../../components/useMoment.ts';
import { ringCaption } from '../../../content/quorumClaims.ts';
import { ringedQuorums } from '../../../view/quorumRings.ts';

/** Says which key the picture's quorum rings belong to, and what each ring means. */
export function RingCaption() {
  const quorums = ringedQuorums(useMoment().ops);
  return <p className="small muted picture-caption">{ringCaption(quorums?.key ?? null)}</p>;
}
