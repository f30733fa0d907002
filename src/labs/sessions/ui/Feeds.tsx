import { useId } from 'react';
import type { SessionStory } from '../../../content/sessionStories.ts';
import { selectRun, selectTime } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';

/**
 * The story's two keys as a reader at each replica would see them at the playhead: the
 * post, then its comment (or the question, then its reply).
 * The second without the first is the anomaly, said in words.
 */
export function Feeds({ feed }: { readonly feed: NonNullable<SessionStory['feed']> }) {
  const id = useId();
  const run = useLab(selectRun);
  const time = useLab(selectTime);
  const { storage } = run.at(time).moment;
  const show = (node: string, key: string) => {
    const state = storage.get(node as never)?.get(key);
    const values = state === undefined ? [] : run.sim.strategy.values(state);
    return values.length > 0 ? values.join(' | ') : null;
  };
  return (
    <section className="panel feeds" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>What a reader sees at each replica</h2>
      <ul>
        {run.replicas.map((node) => {
          const first = show(node, feed.first);
          const then = show(node, feed.then);
          return (
            <li key={node}>
              <strong>{node}:</strong> {first ? `${feed.firstWord} “${first}”` : `no ${feed.firstWord}`}
              {then ? `, then the ${feed.thenWord} “${then}”` : ''}
              {then && !first ? <span className="v-violated"> (a {feed.thenWord} without its {feed.firstWord})</span> : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
