import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatContext } from '../../../../sim/values/causalContext.ts';
import type { MvState } from '../../../../sim/values/mv.ts';
import type { OrSetState } from '../../../../sim/values/crdt/orSet.ts';
import type { TwoPhaseSetState } from '../../../../sim/values/crdt/twoPhaseSet.ts';
import { GALLERY_KIND_IDS, GALLERY_KINDS, REPLICAS, type GalleryKindId, type GalleryOp, type ReplicaName } from './galleryKinds.ts';
import { agreement, agreementText, atTime, galleryReducer, initialGallery, type GalleryAction, type GalleryState } from './galleryModel.ts';

const replica = fc.constantFrom(...REPLICAS);
const item = fc.constantFrom('TV', 'book', 'lamp');
const op: fc.Arbitrary<GalleryOp> = fc.oneof(
  fc.constant({ type: 'inc' as const }),
  fc.constant({ type: 'dec' as const }),
  item.map((i) => ({ type: 'add' as const, item: i })),
  item.map((i) => ({ type: 'remove' as const, item: i })),
  fc.record({ type: fc.constant('write' as const), value: fc.constantFrom('red', 'blue', 'green'), blind: fc.boolean() }),
);
/** Steps a learner can take; deliver and drop pick an in-flight message by position. */
type Step = GalleryAction | { type: 'deliver-nth'; n: number } | { type: 'drop-nth'; n: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('op' as const), replica, op }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('read' as const), replica }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('send' as const), from: replica, to: replica }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('deliver-nth' as const), n: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('drop-nth' as const), n: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ type: 'sync-all' as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('set-clock' as const), replica, offset: fc.integer({ min: -5000, max: 5000 }) }) },
);

function run(kind: GalleryKindId, steps: readonly Step[], start = initialGallery(kind)): GalleryState {
  return steps.reduce<GalleryState>((s, st) => {
    if (st.type === 'deliver-nth' || st.type === 'drop-nth') {
      const m = s.inFlight[st.n % Math.max(1, s.inFlight.length)];
      return m ? galleryReducer(s, { type: st.type === 'deliver-nth' ? 'deliver' : 'drop', id: m.id }) : s;
    }
    return galleryReducer(s, st);
  }, start);
}

/** Deliver everything in flight, in the order given by `order` (positions, repeats and all). */
function drain(s: GalleryState, order: readonly number[]): GalleryState {
  let out = s;
  for (const n of order) if (out.inFlight.length > 0) out = galleryReducer(out, { type: 'deliver', id: out.inFlight[n % out.inFlight.length]!.id });
  while (out.inFlight.length > 0) out = galleryReducer(out, { type: 'deliver', id: out.inFlight[0]!.id });
  return out;
}

const at = (replica: ReplicaName, o: GalleryOp): GalleryAction => ({ type: 'op', replica, op: o });
const states = (s: GalleryState) => s.replicas.map((r) => r.state);
/** The cluster `ms` of true time later (the gallery's clock does this between actions). */
const later = (s: GalleryState, ms = 1000) => atTime(s, s.time + ms);

describe('the gallery reducer', () => {
  it.each(GALLERY_KIND_IDS)('%s: after sync-all and its deliveries every replica holds the same state, whatever came before', (kind) => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 20 }), (steps, order) => {
        const synced = drain(galleryReducer(run(kind, steps), { type: 'sync-all' }), order);
        const [a, ...rest] = states(synced);
        for (const s of rest) expect(GALLERY_KINDS[kind].equals(a, s)).toBe(true);
        expect(agreement(synced).converged).toBe(true);
        expect(agreementText(agreement(synced), 0)).toMatch(/^All three replicas agree: /);
      }),
    );
  });

  it('counters end at the number of increments minus decrements, at every replica', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const synced = drain(galleryReducer(run('pn-counter', steps), { type: 'sync-all' }), []);
        const expected = steps.reduce((n, s) => (s.type === 'op' ? n + (s.op.type === 'inc' ? 1 : s.op.type === 'dec' ? -1 : 0) : n), 0);
        for (const r of synced.replicas) expect(GALLERY_KINDS['pn-counter'].read(r.state)).toBe(String(expected));
        const gSynced = drain(galleryReducer(run('g-counter', steps), { type: 'sync-all' }), []);
        const incs = steps.filter((s) => s.type === 'op' && s.op.type === 'inc').length;
        for (const r of gSynced.replicas) expect(GALLERY_KINDS['g-counter'].read(r.state)).toBe(String(incs));
      }),
    );
  });

  it('an operation the type does not offer changes nothing, not even the tag counter', () => {
    const s = galleryReducer(initialGallery('g-counter'), at('A', { type: 'dec' }));
    expect(s).toEqual(initialGallery('g-counter'));
  });

  it('OR-Set: an add concurrent with a remove of the same item survives the sync; the remove took only the tag it saw', () => {
    let s = galleryReducer(initialGallery('or-set'), at('A', { type: 'add', item: 'TV' }));
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'B' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    s = galleryReducer(s, at('B', { type: 'remove', item: 'TV' })); // B saw A1 and removes it
    expect(s.note).toContain('A1');
    s = galleryReducer(s, at('A', { type: 'add', item: 'TV' })); // concurrently, A adds again: tag A2
    s = drain(galleryReducer(s, { type: 'sync-all' }), []);
    for (const r of s.replicas) {
      expect((r.state as OrSetState).entries).toEqual([{ item: 'TV', tag: 'A2' }]);
      expect((r.state as OrSetState).tombstones).toEqual(['A1']);
    }
    expect(agreementText(agreement(s), 0)).toBe('All three replicas agree: {TV}.');
  });

  it('OR-Set: re-adding after a remove brings the item back', () => {
    let s = galleryReducer(initialGallery('or-set'), at('C', { type: 'add', item: 'lamp' }));
    s = galleryReducer(s, at('C', { type: 'remove', item: 'lamp' }));
    expect(GALLERY_KINDS['or-set'].read(s.replicas[2]!.state)).toBe('{}');
    s = galleryReducer(s, at('C', { type: 'add', item: 'lamp' }));
    expect(GALLERY_KINDS['or-set'].read(s.replicas[2]!.state)).toBe('{lamp}');
  });

  it('2P-Set: an item re-added after a remove stays absent, at every replica after syncing', () => {
    let s = galleryReducer(initialGallery('2p-set'), at('A', { type: 'add', item: 'TV' }));
    s = galleryReducer(s, at('A', { type: 'remove', item: 'TV' }));
    s = galleryReducer(s, at('A', { type: 'add', item: 'TV' }));
    expect(s.note).toContain('never comes back');
    s = galleryReducer(s, at('B', { type: 'add', item: 'TV' })); // B never heard of the remove
    expect(GALLERY_KINDS['2p-set'].read(s.replicas[1]!.state)).toBe('{TV}');
    s = drain(galleryReducer(s, { type: 'sync-all' }), []);
    for (const r of s.replicas) {
      expect(GALLERY_KINDS['2p-set'].read(r.state)).toBe('{}');
      expect((r.state as TwoPhaseSetState).removed).toEqual(['TV']);
    }
  });

  it('2P-Set: a remove at a replica that never saw the add does nothing', () => {
    const s = galleryReducer(galleryReducer(initialGallery('2p-set'), at('A', { type: 'add', item: 'TV' })), at('B', { type: 'remove', item: 'TV' }));
    expect(s.note).toBe('B has never seen TV added, so its remove does nothing here.');
    expect(drain(galleryReducer(s, { type: 'sync-all' }), []).replicas.map((r) => GALLERY_KINDS['2p-set'].read(r.state))).toEqual(['{TV}', '{TV}', '{TV}']);
  });

  it('LWW: with A 10 s fast, A\'s older write beats B\'s later one, and the panel says which was dropped', () => {
    let s = galleryReducer(initialGallery('lww-register'), { type: 'set-clock', replica: 'A', offset: 10_000 });
    s = galleryReducer(later(s), at('A', { type: 'write', value: 'red' })); // true time 1 s, stamped 11 s
    s = galleryReducer(later(s), at('B', { type: 'write', value: 'blue' })); // true time 2 s, stamped 2 s
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'B' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    expect(s.note).toBe("B compared stamps: it keeps red (11 s by A's clock) and silently drops blue (2 s by B's clock).");
    s = drain(galleryReducer(s, { type: 'sync-all' }), []);
    expect(agreementText(agreement(s), 0)).toBe('All three replicas agree: red.');
  });

  it('LWW: equal stamps are broken by replica name, and a write below what the replica holds is lost at once', () => {
    let s = galleryReducer(initialGallery('lww-register'), { type: 'set-clock', replica: 'A', offset: 1000 });
    s = galleryReducer(later(s), at('A', { type: 'write', value: 'red' })); // true time 1 s, stamped 2 s
    s = galleryReducer(later(s), at('B', { type: 'write', value: 'blue' })); // true time 2 s, stamped 2 s too
    expect(s.note).toBe("B wrote blue, stamped 2 s by B's clock.");
    s = drain(galleryReducer(s, { type: 'sync-all' }), []);
    expect(agreement(s).reads.map((r) => r.value)).toEqual(['blue', 'blue', 'blue']);
    s = galleryReducer(s, { type: 'set-clock', replica: 'C', offset: -5000 });
    s = galleryReducer(later(s), at('C', { type: 'write', value: 'green' })); // true time 3 s, stamped -2 s
    expect(s.note).toMatch(/lost at once/);
    expect(GALLERY_KINDS['lww-register'].read(s.replicas[2]!.state)).toBe('blue');
  });

  it('an operation happens at the true time the clock has reached; the clock never runs backwards', () => {
    let s = galleryReducer(atTime(initialGallery('lww-register'), 2500), at('A', { type: 'write', value: 'red' }));
    expect(s.note).toBe("A wrote red, stamped 2.5 s by A's clock.");
    expect(atTime(s, 1000)).toBe(s);
    s = galleryReducer(s, at('B', { type: 'write', value: 'blue' })); // no time has passed: the same instant
    expect(s.time).toBe(2500);
  });

  it('LWW: two writes at the same paused instant, by clocks that agree, tie; the notes say the later letter wins, and why', () => {
    // B writes second, at the same instant, over A's red: B wins the tie.
    let s = galleryReducer(initialGallery('lww-register'), at('A', { type: 'write', value: 'red' }));
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'B' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    s = galleryReducer(s, at('B', { type: 'write', value: 'blue' }));
    expect(s.note).toBe("B wrote blue, stamped 0 s by B's clock. B held red from A with the same stamp; equal stamps are broken by replica name and the later letter wins, so B's write wins.");
    // A writes over B's blue at the same instant: A loses the tie, and its write is lost at once.
    s = galleryReducer(s, { type: 'send', from: 'B', to: 'A' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    s = galleryReducer(s, at('A', { type: 'write', value: 'pink' }));
    expect(s.note).toBe("A wrote pink, stamped 0 s by A's clock, but A already holds blue from B with the same stamp; equal stamps are broken by replica name and the later letter wins, so the new write is lost at once.");
    expect(s.note).not.toMatch(/higher/);
  });

  it('LWW: a merge of equal stamps says the tie went by replica name', () => {
    let s = galleryReducer(initialGallery('lww-register'), at('A', { type: 'write', value: 'red' }));
    s = galleryReducer(s, at('B', { type: 'write', value: 'blue' }));
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'B' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    expect(s.note).toBe("B compared stamps: it keeps blue (0 s by B's clock) and silently drops red (0 s by A's clock). The stamps are equal, so replica name breaks the tie: the later letter, B, wins.");
  });

  it('MV: concurrent writes become siblings with their own vectors; a write whose client read both replaces them', () => {
    let s = galleryReducer(initialGallery('mv-register'), at('A', { type: 'write', value: 'red' }));
    s = galleryReducer(s, at('B', { type: 'write', value: 'blue' }));
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'B' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    const siblings = s.replicas[1]!.state as MvState;
    expect(siblings.map((x) => x.value)).toEqual(['red', 'blue']);
    expect(GALLERY_KINDS['mv-register'].read(siblings)).toBe('red | blue');
    expect(formatContext(s.replicas[1]!.session)).toBe('{B:1}');
    s = galleryReducer(s, { type: 'read', replica: 'B' });
    expect(s.note).toBe('The client at B read red and blue and has now seen {A:1, B:1}. Its next Write sends that context and replaces what it read; Write blind sends none.');
    s = galleryReducer(s, at('B', { type: 'write', value: 'purple' }));
    expect(s.note).toBe('The client at B wrote purple, sending the context {A:1, B:1}: what it had read and written at B. The new version is {A:1, B:2}. It replaces red and blue: the client had seen them.');
    s = drain(galleryReducer(s, { type: 'sync-all' }), []);
    expect(agreementText(agreement(s), 0)).toBe('All three replicas agree: purple.');
  });

  it('MV: a write whose client has not read the siblings replaces only what that client had seen', () => {
    let s = galleryReducer(initialGallery('mv-register'), at('A', { type: 'write', value: 'red' }));
    s = galleryReducer(s, at('B', { type: 'write', value: 'blue' }));
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'B' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    s = galleryReducer(s, at('B', { type: 'write', value: 'purple' })); // B's client had seen only its own blue
    expect(s.note).toBe('The client at B wrote purple, sending the context {B:1}: what it had read and written at B. The new version is {B:2}. It replaces blue: the client had seen it. It leaves red beside it as a sibling: the client had not seen it.');
    expect(GALLERY_KINDS['mv-register'].read(s.replicas[1]!.state)).toBe('red | purple');
  });

  it('MV: a blind write sends no context, so it replaces nothing and joins the siblings, with a loose dot', () => {
    let s = galleryReducer(initialGallery('mv-register'), at('B', { type: 'write', value: 'blue' }));
    s = galleryReducer(s, { type: 'read', replica: 'B' });
    s = galleryReducer(s, at('B', { type: 'write', value: 'teal', blind: true }));
    expect(s.note).toBe('The client at B wrote teal blind, sending no context. The new version is {} + B:2. It leaves blue beside it as a sibling: a write with no context replaces nothing.');
    expect(GALLERY_KINDS['mv-register'].read(s.replicas[1]!.state)).toBe('blue | teal');
    // The client still remembers its read, and now its own write too.
    expect(formatContext(s.replicas[1]!.session)).toBe('{B:2}');
    s = galleryReducer(s, at('B', { type: 'write', value: 'gold' }));
    expect(GALLERY_KINDS['mv-register'].read(s.replicas[1]!.state)).toBe('gold');
  });

  it('only the MV-Register offers a read; elsewhere it changes nothing', () => {
    const s = galleryReducer(initialGallery('lww-register'), at('A', { type: 'write', value: 'red' }));
    expect(galleryReducer(s, { type: 'read', replica: 'A' })).toBe(s);
  });

  it('a dropped message changes nothing at its destination; reset empties everything', () => {
    let s = galleryReducer(initialGallery('g-set'), at('A', { type: 'add', item: 'TV' }));
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'C' });
    s = galleryReducer(s, { type: 'drop', id: s.inFlight[0]!.id });
    expect(s.inFlight).toEqual([]);
    expect(GALLERY_KINDS['g-set'].read(s.replicas[2]!.state)).toBe('{}');
    expect(agreementText(agreement(s), 0)).toBe('The replicas differ: A reads {TV}, B reads {}, C reads {}.');
    s = galleryReducer(s, { type: 'reset' });
    expect(s.replicas).toEqual(initialGallery('g-set').replicas);
  });

  it('says when the replicas read the same but have not converged', () => {
    let s = galleryReducer(initialGallery('g-counter'), at('A', { type: 'inc' }));
    s = galleryReducer(s, at('B', { type: 'inc' }));
    s = galleryReducer(s, at('C', { type: 'inc' }));
    expect(agreementText(agreement(s), 2)).toBe('All three read 1, but their states still differ, so they have not converged yet (A reads 1, B reads 1, C reads 1). 2 messages are still on the way.');
  });
});

describe('LWW notes when one replica wrote twice', () => {
  it('says the later write replaced the earlier one, not that a concurrent write was dropped', () => {
    const steps: GalleryAction[] = [
      { type: 'op', replica: 'A', op: { type: 'write', value: 'x' } },
      { type: 'send', from: 'A', to: 'B' },
    ];
    let s = steps.reduce(galleryReducer, initialGallery('lww-register'));
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    s = galleryReducer(s, { type: 'op', replica: 'A', op: { type: 'write', value: 'y' } });
    s = galleryReducer(s, { type: 'send', from: 'A', to: 'B' });
    s = galleryReducer(s, { type: 'deliver', id: s.inFlight[0]!.id });
    expect(s.note).toBe("B replaces x with y: both are A's writes, and A's later write supersedes its earlier one.");
    expect(agreement(s).reads.map((r) => r.value).slice(0, 2)).toEqual(['y', 'y']);
  });
});
