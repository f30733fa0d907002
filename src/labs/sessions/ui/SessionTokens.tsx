import { useId } from 'react';
import type { FixId, StoryId } from '../../../content/sessionStories.ts';
import { selectRun, selectTime } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { heldAt, tokensAt } from '../../../view/sessionTokens.ts';

/**
 * What each user's session carries at the playhead, for the fix in use, and what replicas
 * are holding back: the tokens the fixes work with, made visible.
 */
export function SessionTokens({ fix, story }: { readonly fix: FixId; readonly story: StoryId }) {
  const id = useId();
  const run = useLab(selectRun);
  const time = useLab(selectTime);
  const tokens = tokensAt(run.sim.trace, run.clients, time);
  const held = heldAt(run.sim.trace, time);
  return (
    <section className="panel session-tokens" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>Sessions at {(time / 1000).toFixed(2)} s</h2>
      <ul>
        {tokens.map((t) => (
          <li key={t.client}>
            <strong>{t.client}</strong>
            {fix === 'sticky' && <> uses {t.home ?? 'the first replica it reaches'}.</>}
            {fix === 'home' && <> sends every request for {run.scenario.cluster.homeKeys.join(', ')} to {run.scenario.cluster.home}, and carries nothing.</>}
            {(fix === 'version' || fix === 'deps' || fix === 'vector') && (
              <>
                {' '}
                has written {t.wrote.length > 0 ? t.wrote.join(', ') : 'nothing'} and read {t.read.length > 0 ? t.read.join(', ') : 'nothing'}
                {carries(fix, story)}
              </>
            )}
            {(fix === 'none' || fix === 'quorum' || fix === 'sync') && <> carries nothing from one request to the next.</>}
          </li>
        ))}
      </ul>
      <h3>Held back</h3>
      {held.length === 0 ? <p className="muted">No replica is holding anything back.</p> : (
        <ul>
          {held.map((h) => (
            <li key={`${h.node}-${h.op}`}>{h.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the session's requests carry under this fix, in this story. */
function carries(fix: FixId, story: StoryId): string {
  if (fix === 'version') return story === 'count-down' ? '; its reads carry what it has read.' : '; its reads carry what it has written.';
  if (fix === 'deps') return '; its writes carry all of that as what they depend on.';
  return '; its writes carry a version vector: how many writes of each coordinator its past includes.';
}
