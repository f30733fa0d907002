import type { NodeId } from '../../../sim/ids.ts';
import { selectRun } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { useMoment } from '../../../components/useMoment.ts';
import { heldAt, tokensAt } from '../../../view/sessionTokens.ts';

/*
 * The inspector's lines for a run with session settings (from a link, or a run file from
 * the sessions lab): loaded only for such a run.
 */

/** What this replica holds back now, for a run with version-based reads or causal delivery. */
export function HeldHere({ id }: { id: NodeId }) {
  const model = useMoment();
  const run = useLab(selectRun);
  const held = heldAt(run.sim.trace, model.moment.at).filter((h) => h.node === id);
  return held.length === 0 ? null : (
    <ul className="plain">
      {held.map((h) => (
        <li key={h.op}>{h.text}</li>
      ))}
    </ul>
  );
}

/** A run with session settings (from a link, or the sessions lab's run): what this client's session carries now. */
export function SessionLine({ id }: { id: NodeId }) {
  const model = useMoment();
  const run = useLab(selectRun);
  const c = run.scenario.cluster;
  const t = tokensAt(run.sim.trace, [id], model.moment.at)[0]!;
  const parts = [
    c.sticky ? `keeps to ${t.home ?? 'the first replica it uses'}` : '',
    `has written ${t.wrote.length > 0 ? t.wrote.join(', ') : 'nothing'}`,
    `has read ${t.read.length > 0 ? t.read.join(', ') : 'nothing'}`,
  ].filter(Boolean);
  return <p>Its session {parts.join('; ')}.</p>;
}

