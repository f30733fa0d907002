import { useId } from 'react';
import type { FixId } from '../../../content/sessionStories.ts';
import { selectRun, selectTime } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';
import { heldAt, tokensAt } from '../model/tokens.ts';

/**
 * What each user's session carries at the playhead, for the fix in use, and what replicas
 * are holding back: the tokens the fixes work with, made visible.
 */
export function SessionTokens({ fix }: { readonly fix: FixId }) {
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
            {(fix === 'version' || fix === 'deps' || fix === 'vector') && (
              <>
                {' '}
                has written {t.wrote.length > 0 ? t.wrote.join(', ') : 'nothing'} and read {t.read.length > 0 ? t.read.join(', ') : 'nothing'}
                {fix === 'version' ? '; its reads carry that.' : '; its writes carry that as what they depend on.'}
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
