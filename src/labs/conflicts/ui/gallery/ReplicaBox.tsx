import { useId, useState, useSyncExternalStore, type Ref } from 'react';
import { MV_CLIENT_LABEL } from '../../../../content/galleryWords.ts';
import { formatContext } from '../../../../sim/values/causalContext.ts';
import { GALLERY_KINDS, REPLICAS, type GalleryKindId, type ReplicaName } from '../../model/gallery/galleryKinds.ts';
import type { GalleryClock, GalleryScriptAction } from './galleryClock.ts';
import { MAX_CLOCK_OFFSET_MS, clockOf, type GalleryReplica } from '../../model/gallery/galleryModel.ts';
import { formatSeconds } from '../../model/gallery/galleryNotes.ts';
import { ReplicaInternals } from './ReplicaInternals.tsx';
import { enterWrites } from '../../../../components/enterKey.ts';

interface Props {
  readonly kind: GalleryKindId;
  readonly replica: GalleryReplica;
  /** The gallery's clock: an LWW replica's clock reading follows its playhead. */
  readonly clock: GalleryClock;
  /** Do something at the playhead. */
  readonly act: (action: GalleryScriptAction) => void;
  readonly ref?: Ref<HTMLDivElement>;
}

const CLOCK_OFFSETS_S = [-30, -10, -5, -2, 0, 2, 5, 10, 30].filter((s) => Math.abs(s * 1000) <= MAX_CLOCK_OFFSET_MS);
/** The values a replica's box offers, first to last: after an MV-Register write it offers the next, so siblings differ. */
const VALUES: Record<ReplicaName, readonly string[]> = { A: ['red', 'orange', 'pink'], B: ['blue', 'purple', 'teal'], C: ['green', 'olive', 'gold'] };

function nextValue(name: ReplicaName, value: string): string {
  const list = VALUES[name];
  const i = list.indexOf(value);
  return i < 0 ? value : list[(i + 1) % list.length]!;
}

function offsetWords(s: number): string {
  return s === 0 ? 'on time' : `${Math.abs(s)} s ${s > 0 ? 'fast' : 'slow'}`;
}

/** Hidden words that make a button's name say which replica it acts at: "Increment at A". */
function At({ name }: { name: ReplicaName }) {
  return <span className="visually-hidden"> at {name}</span>;
}

/** What an LWW replica's clock reads at the playhead: true time plus its offset. */
function ClockReading({ clock, replica }: { clock: GalleryClock; replica: GalleryReplica }) {
  const time = useSyncExternalStore(clock.subscribe, clock.time);
  return <p className="small gallery-clock">Clock reads {formatSeconds(clockOf(replica, time))}</p>;
}

/** One replica: what it reads, its state inside, the operations it offers and its sends. */
export function ReplicaBox({ kind, replica, clock, act, ref }: Props) {
  const id = useId();
  const name = replica.name;
  const k = GALLERY_KINDS[kind];
  const [item, setItem] = useState('TV');
  const [value, setValue] = useState(VALUES[name][0]!);
  const op = (o: GalleryScriptAction & { type: 'op' }) => act(o);
  const isSet = k.ops.includes('add');
  // Only the MV-Register's clients read before they write, and may write blind.
  const hasClient = k.readContext !== undefined;
  const add = () => {
    if (item.trim()) op({ type: 'op', replica: name, op: { type: 'add', item: item.trim() } });
  };
  const write = (blind: boolean) => {
    const v = value.trim();
    if (!v) return;
    op({ type: 'op', replica: name, op: blind ? { type: 'write', value: v, blind } : { type: 'write', value: v } });
    if (hasClient) setValue(nextValue(name, v));
  };

  return (
    <div className="gallery-replica" role="group" aria-labelledby={`${id}-name`} ref={ref}>
      <h3 id={`${id}-name`}>Replica {name}</h3>
      <p className="gallery-read">
        Reads <strong className="gallery-value">{k.read(replica.state)}</strong>
      </p>
      <ReplicaInternals kind={kind} state={replica.state} />
      {hasClient && (
        <dl className="gallery-state gallery-client">
          <div className="gallery-line">
            <dt>{MV_CLIENT_LABEL}</dt>
            <dd>
              <code>{formatContext(replica.session)}</code>
            </dd>
          </div>
        </dl>
      )}
      {kind === 'lww-register' && (
        <div className="field-row">
          <ClockReading clock={clock} replica={replica} />
          <div className="field">
            <label htmlFor={`${id}-clock`}>
              Clock offset<At name={name} />
            </label>
            <select id={`${id}-clock`} value={replica.clockOffset / 1000} onChange={(e) => act({ type: 'set-clock', replica: name, offset: Number(e.target.value) * 1000 })}>
              {CLOCK_OFFSETS_S.map((s) => (
                <option key={s} value={s}>
                  {offsetWords(s)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className="gallery-ops">
        {k.ops.includes('inc') && (
          <button type="button" onClick={() => op({ type: 'op', replica: name, op: { type: 'inc' } })}>
            Increment<At name={name} />
          </button>
        )}
        {k.ops.includes('dec') && (
          <button type="button" onClick={() => op({ type: 'op', replica: name, op: { type: 'dec' } })}>
            Decrement<At name={name} />
          </button>
        )}
        {isSet && (
          <form className="gallery-form" onSubmit={(e) => e.preventDefault()} onKeyDown={(e) => enterWrites(e, add)}>
            <div className="field">
              <label htmlFor={`${id}-item`}>
                Item<At name={name} />
              </label>
              <input id={`${id}-item`} value={item} maxLength={20} onChange={(e) => setItem(e.target.value)} />
            </div>
            <button type="button" disabled={!item.trim()} onClick={add}>
              Add<At name={name} />
            </button>
            {k.ops.includes('remove') && (
              <button type="button" disabled={!item.trim()} onClick={() => op({ type: 'op', replica: name, op: { type: 'remove', item: item.trim() } })}>
                Remove<At name={name} />
              </button>
            )}
          </form>
        )}
        {hasClient && (
          <button type="button" onClick={() => act({ type: 'read', replica: name })}>
            Read<At name={name} />
          </button>
        )}
        {k.ops.includes('write') && (
          <form className="gallery-form" onSubmit={(e) => e.preventDefault()} onKeyDown={(e) => enterWrites(e, () => write(false))}>
            <div className="field">
              <label htmlFor={`${id}-value`}>
                Value<At name={name} />
              </label>
              <input id={`${id}-value`} value={value} maxLength={20} onChange={(e) => setValue(e.target.value)} />
            </div>
            <button type="button" disabled={!value.trim()} onClick={() => write(false)}>
              Write<At name={name} />
            </button>
            {hasClient && (
              <button type="button" disabled={!value.trim()} onClick={() => write(true)}>
                Write blind<At name={name} />
              </button>
            )}
          </form>
        )}
      </div>
      <div className="gallery-sends">
        {REPLICAS.filter((to) => to !== name).map((to) => (
          <button key={to} type="button" className="quiet" onClick={() => act({ type: 'send', from: name, to })}>
            Send {name} → {to}
          </button>
        ))}
      </div>
    </div>
  );
}
