import { useId } from 'react';
import { MODEL_NAMES, VERDICT_WORDS } from '../../../content/modelNames.ts';
import { FIXES, PARTITION, type SessionStory } from '../../../content/sessionStories.ts';
import type { Percentiles } from '../../../analysis/sessionCosts.ts';
import { useFixCosts } from './useSessions.ts';

const ms = (p: Percentiles | null) => (p ? `${p.p50.toFixed(0)} / ${p.p99.toFixed(0)} ms` : '—');

/** What each fix costs on the story's busier workload, measured in the background: verdict, latencies, and what still worked during a partition. */
export function CostTable({ story }: { readonly story: SessionStory }) {
  const id = useId();
  const { rows, done } = useFixCosts(story.id);
  const guarantee = story.guarantee === 'causal' ? 'Causal' : MODEL_NAMES[story.guarantee];
  return (
    <section className="panel cost-table" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>What each fix costs</h2>
      <p>
        Measured on a busier run of the same kind: two or three users for 22 seconds, each request sent to a replica picked at random
        {story.id === 'comment-first' || story.id === 'old-price' ? ' (Bob reads through B, his replica)' : story.id === 'reply-first' ? ' (Carol reads through B, her replica)' : ''} unless the fix routes it, message times drawn at random (40 ms on average),
        and replica A cut off from B and C from {PARTITION.from / 1000} s to {PARTITION.until / 1000} s. A write held back at a replica has been
        acknowledged, yet readers there do not see it until it is applied: the last column says for how long, at worst.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="The costs table (scrolls sideways on a narrow screen)">
        <table>
          <caption className="visually-hidden">
            Each fix: whether {guarantee.toLowerCase()} holds on the busier run, read and write times, operations that succeeded during the partition, and the
            longest a replica held a write back
          </caption>
          <thead>
            <tr>
              <th scope="col">Fix</th>
              <th scope="col">{guarantee}</th>
              <th scope="col">Reads, median / 99th percentile</th>
              <th scope="col">Writes, median / 99th percentile</th>
              <th scope="col">Succeeded while A was cut off</th>
              <th scope="col">Longest a write was held back</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const words = VERDICT_WORDS[r.verdict];
              return (
                <tr key={r.fix}>
                  <th scope="row">{FIXES[r.fix].name}</th>
                  <td className={`v-${r.verdict}`}>
                    <span aria-hidden="true">{words.icon}</span> {words.word}
                  </td>
                  <td>{ms(r.read)}</td>
                  <td>{ms(r.write)}</td>
                  <td>
                    {r.partition.succeeded} of {r.partition.started}
                  </td>
                  <td>{r.heldMs === null ? 'none held' : `${(r.heldMs / 1000).toFixed(1)} s`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!done && <p role="status">Measuring the fixes… ({rows.length} of {story.fixes.length})</p>}
    </section>
  );
}
