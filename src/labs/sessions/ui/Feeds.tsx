import { useId } from 'react';
import { selectRun, selectTime } from '../../../store/labStore.ts';
import { useLab } from '../../../store/LabStoreContext.tsx';

/**
 * The thread as a reader at each replica would see it at the playhead: the post, then the
 * comment. A comment shown without its post is the anomaly, said in words.
 */
export function Feeds() {
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
          const post = show(node, 'post');
          const comment = show(node, 'comment');
          return (
            <li key={node}>
              <strong>{node}:</strong> {post ? `“${post}”` : 'no post'}
              {comment ? `, then the comment “${comment}”` : ''}
              {comment && !post ? <span className="v-violated"> (a comment without its post)</span> : ''}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
