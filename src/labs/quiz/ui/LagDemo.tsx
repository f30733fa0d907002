import { useId } from 'react';
import { FAR_MS, lagRun } from '../../../analysis/handsOn.ts';

const DELAYS = [0, 100, 250, 400, 600] as const;

/** The table's runs: the same every time, so worked out once. */
let table: readonly { readonly store: 'eventual' | 'strong'; readonly ack: number; readonly reads: readonly string[] }[] | null = null;
const runs = () => (table ??= (['eventual', 'strong'] as const).map((store) => ({ store, ack: lagRun(store, 0).ackMs, reads: DELAYS.map((d) => lagRun(store, d).read) })));

/**
 * The two stores of the exercise, read through the far replica at several moments after
 * the write is acknowledged: where the eventual one still shows the old value, and what
 * the strong one paid instead. Computed by analysis/handsOn.ts, the code that answers.
 */
export function LagDemo() {
  const id = useId();
  const rows = runs();
  return (
    <section className="quiz-demo" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Read later, and compare</h3>
      <p className="small">What a read through C returns at several moments after the write is acknowledged (C is {FAR_MS} ms from A).</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Reads through C after the acknowledgement (scrolls sideways on a narrow screen)">
        <table>
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Write acknowledged after</th>
              {DELAYS.map((d) => (
                <th key={d} scope="col">
                  Read {d} ms later
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.store}>
                <th scope="row">{r.store === 'eventual' ? 'W = 1' : 'W = N'}</th>
                <td>{Math.round(r.ack)} ms</td>
                {r.reads.map((v, i) => (
                  <td key={DELAYS[i]} className={v === '2' ? 'v-satisfied' : 'v-violated'}>
                    x = {v}
                    {v === '2' ? '' : ' (old)'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
