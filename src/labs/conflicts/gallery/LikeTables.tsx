import { gCounter } from '../../../sim/values/crdt/gCounter.ts';
import { SERVERS, naiveValue, type LikeFrame, type Server } from './likeCounter.ts';

function CutMark({ server, cut }: { server: Server; cut: Server | null }) {
  return server === cut ? <span className="likes-cut-badge"> (cut off)</span> : null;
}

/** Each server's two counters at one moment, with what is inside them. */
export function LikeTables({ frame, cut }: { frame: LikeFrame; cut: Server | null }) {
  return (
    <div className="likes-tables">
      <table className="likes-table">
        <caption>G-Counter</caption>
        <thead>
          <tr>
            <th scope="col">Server</th>
            <th scope="col">Reads</th>
            <th scope="col">Entries inside</th>
          </tr>
        </thead>
        <tbody>
          {SERVERS.map((s, i) => {
            const state = frame.gc[i]!;
            return (
              <tr key={s}>
                <th scope="row">
                  {s}
                  <CutMark server={s} cut={cut} />
                </th>
                <td className="likes-num">{gCounter.value(state)}</td>
                <td>
                  <code>{SERVERS.map((x) => `${x}:${state[x] ?? 0}`).join('  ')}</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="likes-table">
        <caption>Naive counter (last write wins)</caption>
        <thead>
          <tr>
            <th scope="col">Server</th>
            <th scope="col">Reads</th>
            <th scope="col">Written</th>
          </tr>
        </thead>
        <tbody>
          {SERVERS.map((s, i) => {
            const state = frame.naive[i]!;
            return (
              <tr key={s}>
                <th scope="row">
                  {s}
                  <CutMark server={s} cut={cut} />
                </th>
                <td className="likes-num">{naiveValue(state)}</td>
                <td>{state === null ? <span className="muted">nothing yet</span> : <code>{`at ${(state.ts / 1000).toFixed(3)} s by ${state.node}`}</code>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
