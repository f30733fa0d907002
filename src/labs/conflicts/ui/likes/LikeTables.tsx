import type { ReactNode } from 'react';
import { gCounterTotal } from '../../../../sim/values/crdt/gCounter.ts';
import { lwwTotal } from '../../../../sim/values/lwwCounter.ts';
import { SERVERS, type LikeFrame, type Server } from '../../model/likes/likeCounter.ts';

function CutMark({ server, cut }: { server: Server; cut: Server | null }) {
  return server === cut ? <span className="likes-cut-badge"> (cut off)</span> : null;
}

/** One counter design across the three servers: what each reads, and what is inside. */
function ServerTable({ caption, insideHeader, cut, row }: { caption: string; insideHeader: string; cut: Server | null; row: (i: number) => { reads: number; inside: ReactNode } }) {
  return (
    <table className="likes-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Server</th>
          <th scope="col">Reads</th>
          <th scope="col">{insideHeader}</th>
        </tr>
      </thead>
      <tbody>
        {SERVERS.map((s, i) => {
          const { reads, inside } = row(i);
          return (
            <tr key={s}>
              <th scope="row">
                {s}
                <CutMark server={s} cut={cut} />
              </th>
              <td className="likes-num">{reads}</td>
              <td>{inside}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Each server's two counters at one moment, with what is inside them. */
export function LikeTables({ frame, cut }: { frame: LikeFrame; cut: Server | null }) {
  return (
    <div className="likes-tables">
      <ServerTable
        caption="G-Counter"
        insideHeader="Entries inside"
        cut={cut}
        row={(i) => {
          const state = frame.gc[i]!;
          return { reads: gCounterTotal(state), inside: <code>{SERVERS.map((x) => `${x}:${state[x] ?? 0}`).join('  ')}</code> };
        }}
      />
      <ServerTable
        caption="Naive counter (last write wins)"
        insideHeader="Written"
        cut={cut}
        row={(i) => {
          const state = frame.naive[i]!;
          return {
            reads: lwwTotal(state),
            inside: state === null ? <span className="muted">nothing yet</span> : <code>{`at ${(state.ts / 1000).toFixed(3)} s by ${state.node}`}</code>,
          };
        }}
      />
    </div>
  );
}
