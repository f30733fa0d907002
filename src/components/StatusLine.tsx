import { useMoment } from './useMoment.ts';

/** One sentence on the state of things: do the replicas agree, has any read been stale, and has any acknowledged write been lost? */
export function StatusLine() {
  const model = useMoment();
  const { divergentKeys, keys, staleIds, lost, moment } = model;
  const held = keys.filter((k) => [...model.cells.values()].some((cells) => cells.some((c) => c.key === k && c.holds)));
  const agree =
    held.length === 0 ? (keys.length === 0 ? 'No data yet.' : `No replica holds ${keys.join(', ')} yet.`) : divergentKeys.length === 0 ? `All replicas agree on ${held.join(', ')}.` : `Replicas disagree on ${divergentKeys.join(', ')}.`;
  const stale = staleIds.size === 0 ? '' : ` ${staleIds.size} stale read${staleIds.size === 1 ? '' : 's'} so far.`;
  const lostWords = lost.length === 0 ? '' : ` ${lost.length} acknowledged write${lost.length === 1 ? '' : 's'} lost.`;
  const faults = moment.cuts.size + moment.down.size;
  return (
    <p className={`status-line ${divergentKeys.length > 0 ? 'diverged' : 'converged'}`}>
      <span aria-hidden="true">{divergentKeys.length > 0 ? '≠ ' : '= '}</span>
      {agree}
      {stale}
      {lostWords}
      {faults > 0 ? ` ${moment.cuts.size} link direction${moment.cuts.size === 1 ? '' : 's'} cut, ${moment.down.size} replica${moment.down.size === 1 ? '' : 's'} down.` : ''}
    </p>
  );
}
