import type { RunMoment } from '../store/moment.ts';
import type { LabState } from '../store/labStore.ts';
import { useLab } from '../store/LabStoreContext.tsx';

/** The status line's words and tone for a moment: pure, so the same moment always reads the same. */
export function statusOf(model: RunMoment): { readonly diverged: boolean; readonly text: string } {
  const { divergentKeys, keys, staleIds, lost, moment } = model;
  const held = keys.filter((k) => [...model.cells.values()].some((cells) => cells.some((c) => c.key === k && c.holds)));
  const agree =
    held.length === 0 ? (keys.length === 0 ? 'No data yet.' : `No replica holds ${keys.join(', ')} yet.`) : divergentKeys.length === 0 ? `All replicas agree on ${held.join(', ')}.` : `Replicas disagree on ${divergentKeys.join(', ')}.`;
  const stale = staleIds.size === 0 ? '' : ` ${staleIds.size} stale read${staleIds.size === 1 ? '' : 's'} so far.`;
  const lostWords = lost.length === 0 ? '' : ` ${lost.length} acknowledged write${lost.length === 1 ? '' : 's'} lost.`;
  const faults = moment.cuts.size + moment.down.size;
  const faultWords = faults > 0 ? ` ${moment.cuts.size} link direction${moment.cuts.size === 1 ? '' : 's'} cut, ${moment.down.size} replica${moment.down.size === 1 ? '' : 's'} down.` : '';
  return { diverged: divergentKeys.length > 0, text: `${agree}${stale}${lostWords}${faultWords}` };
}

/**
 * The status line reads the very moment the picture shows (the run's moment at the
 * playhead, cached by the run, so no extra work), and renders only when its words change.
 */
const selectStatus = (s: LabState) => {
  const { diverged, text } = statusOf(s.run.at(s.time));
  return `${diverged ? '≠' : '='}${text}`;
};

/** One sentence on the state of things: do the replicas agree, has any read been stale, and has any acknowledged write been lost? */
export function StatusLine() {
  const status = useLab(selectStatus);
  const diverged = status.startsWith('≠');
  return (
    <p className={`status-line ${diverged ? 'diverged' : 'converged'}`}>
      <span aria-hidden="true">{diverged ? '≠ ' : '= '}</span>
      {status.slice(1)}
    </p>
  );
}
