import type { GSetState } from '../../../../sim/values/crdt/gSet.ts';
import { observedTags, type OrSetState } from '../../../../sim/values/crdt/orSet.ts';
import type { TwoPhaseSetState } from '../../../../sim/values/crdt/twoPhaseSet.ts';
import type { LwwState } from '../../../../sim/values/lww.ts';
import { historyOf, type MvState } from '../../../../sim/values/mv.ts';
import { formatContext, type CausalContext } from '../../../../sim/values/causalContext.ts';
import { mvReadNote, mvWriteNote } from '../../../../content/galleryWords.ts';
import { GALLERY_KINDS, tagOf, type GalleryKindId, type GalleryOp, type OpContext, type ReplicaName } from './galleryKinds.ts';

/** The sentences the gallery says after each action: what really happened, in the type's terms. */

/** "6 s", "-2.5 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** "A1 and B2", "A1, A2 and C1". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * How LWW orders two writes with the same stamp (lww.ts: by node id, then the node's own
 * counter). In the gallery that happens when two replicas whose clocks agree write at the
 * same paused instant.
 */
const TIE_RULE = 'equal stamps are broken by replica name and the later letter wins';

export function lwwStamp(state: LwwState): string {
  return state === null ? '' : `${formatSeconds(state.ts)} by ${state.node}'s clock`;
}

function setNote(kind: GalleryKindId, before: unknown, op: GalleryOp, ctx: OpContext): string | null {
  const r = ctx.replica;
  if (op.type !== 'add' && op.type !== 'remove') return null;
  const item = op.item;
  if (kind === 'g-set') return (before as GSetState).includes(item) ? `${r} already had ${item}; adding it again changes nothing.` : `${r} added ${item}.`;
  if (kind === '2p-set') {
    const s = before as TwoPhaseSetState;
    if (op.type === 'add') {
      if (s.removed.includes(item)) return `${r} added ${item} again, but ${item} is in ${r}'s removed set: in a 2P-Set a removed item never comes back.`;
      return s.added.includes(item) ? `${r} already had ${item}; adding it again changes nothing.` : `${r} added ${item}.`;
    }
    if (s.removed.includes(item)) return `${item} was already removed at ${r}; nothing changes.`;
    if (!s.added.includes(item)) return `${r} has never seen ${item} added, so its remove does nothing here.`;
    return `${r} removed ${item}: it goes into the removed set as a tombstone, for good.`;
  }
  const s = before as OrSetState;
  if (op.type === 'add') return `${r} added ${item} with the new tag ${tagOf(ctx)}.`;
  const seen = observedTags(s, item);
  if (seen.length === 0) return `${r} holds no tag for ${item}, so its remove deletes nothing.`;
  return `${r} removed ${item}: it deleted the ${seen.length === 1 ? 'tag' : 'tags'} it had seen (${listWords(seen)}) and keeps ${seen.length === 1 ? 'it as a tombstone' : 'them as tombstones'}. An add of ${item} that ${r} has not seen has another tag and will survive.`;
}

function registerNote(kind: GalleryKindId, before: unknown, after: unknown, op: GalleryOp, ctx: OpContext): string | null {
  if (op.type !== 'write') return null;
  const r = ctx.replica;
  if (kind === 'lww-register') {
    const stamp = `${formatSeconds(ctx.clock)} by ${r}'s clock`;
    const kept = after as LwwState;
    const held = before as LwwState;
    if (kept && kept.node === r && kept.seq === ctx.counter) {
      // Two writes at the same paused instant, by clocks that agree, carry the same stamp: say how the tie went.
      const tie = held && held.ts === ctx.clock && held.node !== r ? ` ${r} held ${held.value} from ${held.node} with the same stamp; ${TIE_RULE}, so ${r}'s write wins.` : '';
      return `${r} wrote ${op.value}, stamped ${stamp}.${tie}`;
    }
    if (kept && kept.ts === ctx.clock) return `${r} wrote ${op.value}, stamped ${stamp}, but ${r} already holds ${kept.value} from ${kept.node} with the same stamp; ${TIE_RULE}, so the new write is lost at once.`;
    return `${r} wrote ${op.value}, stamped ${stamp}, but ${r} already holds ${kept?.value ?? ''} stamped ${lwwStamp(kept)}, which is higher: the new write is lost at once.`;
  }
  const isNew = (s: MvState[number]) => s.dot.node === r && s.dot.counter === ctx.counter;
  const kept = after as MvState;
  const written = kept.find(isNew);
  const has = (state: MvState, s: MvState[number]) => state.some((x) => x.dot.node === s.dot.node && x.dot.counter === s.dot.counter);
  return mvWriteNote({
    replica: r,
    value: op.value,
    sent: ctx.context === null ? null : formatContext(ctx.context),
    version: written ? formatContext(historyOf(written)) : '',
    replaced: (before as MvState).filter((s) => !has(kept, s)).map((s) => s.value),
    kept: kept.filter((s) => !isNew(s)).map((s) => s.value),
  });
}

/** After the client at a replica reads it (only the MV-Register offers a read). */
export function readNote(replica: ReplicaName, state: MvState, seen: CausalContext): string {
  return mvReadNote(replica, state.map((s) => s.value), formatContext(seen));
}

export function opNote(kind: GalleryKindId, before: unknown, after: unknown, op: GalleryOp, ctx: OpContext): string {
  const k = GALLERY_KINDS[kind];
  const text = setNote(kind, before, op, ctx) ?? registerNote(kind, before, after, op, ctx);
  if (text) return text;
  const half = kind === 'pn-counter' ? (op.type === 'inc' ? ' in P' : ' in N') : '';
  const verb = op.type === 'dec' ? 'decremented' : 'incremented';
  return `${ctx.replica} ${verb}: it added 1 to its own entry${half} and now reads ${k.read(after)}.`;
}

export function deliverNote(kind: GalleryKindId, from: ReplicaName, to: ReplicaName, before: unknown, incoming: unknown, after: unknown): string {
  const k = GALLERY_KINDS[kind];
  // Under LWW a receiver that keeps its own value has still dropped the other write: say so, tie or not.
  if (kind === 'lww-register') {
    const mine = before as LwwState;
    const theirs = incoming as LwwState;
    if (mine && theirs && mine.value !== theirs.value) {
      const [kept, lost] = k.equals(after, mine) ? [mine, theirs] : [theirs, mine];
      // Both writes from one replica: its later write replaces its earlier one; nothing concurrent was lost.
      if (kept.node === lost.node) return `${to} replaces ${lost.value} with ${kept.value}: both are ${kept.node}'s writes, and ${kept.node}'s later write supersedes its earlier one.`;
      const tie = kept.ts === lost.ts ? ` The stamps are equal, so replica name breaks the tie: the later letter, ${kept.node}, wins.` : '';
      return `${to} compared stamps: it keeps ${kept.value} (${lwwStamp(kept)}) and silently drops ${lost.value} (${lwwStamp(lost)}).${tie}`;
    }
  }
  if (k.equals(before, after)) return `${to} received ${from}'s state and already had everything in it: nothing changed. ${to} reads ${k.read(after)}.`;
  return `${to} merged ${from}'s state and now reads ${k.read(after)}.`;
}

export function clockNote(replica: ReplicaName, offset: number): string {
  if (offset === 0) return `${replica}'s clock now shows the true time.`;
  return `${replica}'s clock now runs ${formatSeconds(Math.abs(offset))} ${offset > 0 ? 'fast' : 'slow'}.`;
}

/** After the learner holds messages, or lets them go again (`released`: how many were waiting). */
export function holdNote(on: boolean, released: number): string {
  if (on) return 'From now on a message waits halfway until you deliver or drop it.';
  if (released === 0) return 'Messages travel on their own again.';
  return `Messages travel on their own again: ${released === 1 ? 'the held message goes on from where it' : `the ${released} held messages go on from where they`} waited.`;
}
