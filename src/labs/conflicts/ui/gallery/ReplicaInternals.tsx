import type { ReactNode } from 'react';
import { formatContext } from '../../../../sim/values/causalContext.ts';
import type { GCounterState } from '../../../../sim/values/crdt/gCounter.ts';
import type { GSetState } from '../../../../sim/values/crdt/gSet.ts';
import type { OrSetState } from '../../../../sim/values/crdt/orSet.ts';
import type { PnCounterState } from '../../../../sim/values/crdt/pnCounter.ts';
import type { TwoPhaseSetState } from '../../../../sim/values/crdt/twoPhaseSet.ts';
import type { LwwState } from '../../../../sim/values/lww.ts';
import { historyOf, type MvState } from '../../../../sim/values/mv.ts';
import { REPLICAS, type GalleryKindId } from '../../model/gallery/galleryKinds.ts';
import { lwwStamp } from '../../model/gallery/galleryNotes.ts';

function Entries({ rows }: { rows: readonly { label: string; counts: GCounterState }[] }) {
  return (
    <table className="gallery-entries">
      <thead>
        <tr>
          <td />
          {REPLICAS.map((r) => (
            <th key={r} scope="col">
              {r}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, counts }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {REPLICAS.map((r) => (
              <td key={r}>{counts[r] ?? 0}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="gallery-line">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Items({ items, empty = 'none' }: { items: readonly string[]; empty?: string }) {
  if (items.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="gallery-chips">
      {items.map((x) => (
        <code key={x}>{x}</code>
      ))}
    </span>
  );
}

/** A replica's state laid open: per-replica entries, tombstones, tags, stamps, siblings. */
export function ReplicaInternals({ kind, state }: { kind: GalleryKindId; state: unknown }) {
  switch (kind) {
    case 'g-counter':
      return <Entries rows={[{ label: 'Count', counts: state as GCounterState }]} />;
    case 'pn-counter': {
      const s = state as PnCounterState;
      return (
        <Entries
          rows={[
            { label: 'P (ups)', counts: s.p },
            { label: 'N (downs)', counts: s.n },
          ]}
        />
      );
    }
    case 'g-set':
      return (
        <dl className="gallery-state">
          <Line label="Added">
            <Items items={state as GSetState} />
          </Line>
        </dl>
      );
    case '2p-set': {
      const s = state as TwoPhaseSetState;
      return (
        <dl className="gallery-state">
          <Line label="Added">
            <Items items={s.added} />
          </Line>
          <Line label="Removed (tombstones)">
            <Items items={s.removed} />
          </Line>
        </dl>
      );
    }
    case 'or-set': {
      const s = state as OrSetState;
      return (
        <dl className="gallery-state">
          <Line label="Live adds (item, tag)">
            <Items items={s.entries.map((e) => `${e.item} · ${e.tag}`)} />
          </Line>
          <Line label="Tombstones (removed tags)">
            <Items items={s.tombstones} />
          </Line>
        </dl>
      );
    }
    case 'lww-register': {
      const s = state as LwwState;
      return (
        <dl className="gallery-state">
          <Line label="Stamp">{s === null ? <span className="muted">none yet</span> : <code>{lwwStamp(s)}</code>}</Line>
        </dl>
      );
    }
    case 'mv-register': {
      const s = state as MvState;
      return (
        <dl className="gallery-state">
          <Line label={s.length > 1 ? `${s.length} siblings` : 'Version'}>
            {s.length === 0 ? (
              <span className="muted">none yet</span>
            ) : (
              <span className="gallery-chips">
                {s.map((x) => (
                  <code key={`${x.dot.node}${x.dot.counter}`}>
                    {x.value} {formatContext(historyOf(x))}
                  </code>
                ))}
              </span>
            )}
          </Line>
        </dl>
      );
    }
  }
}
