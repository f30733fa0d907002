import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeId, type OpId } from '../../../../sim/ids.ts';
import { EMPTY_CONTEXT, formatContext, union, type CausalContext } from '../../../../sim/values/causalContext.ts';
import { historyOf, mv, type MvState } from '../../../../sim/values/mv.ts';
import { REPLICAS, type ReplicaName } from './galleryKinds.ts';
import { galleryReducer, initialGallery, type GalleryState } from './galleryModel.ts';

/*
 * The gallery's MV-Register against the simulator's `mv` strategy, driven the way
 * sim/simulation.ts drives it: a client keeps a session context per key (`remember`: the
 * union of every read's context and every write's returned context) and sends it with a
 * write, or null when the write is blind; the coordinator calls `mv.create` with its own
 * per-key counter and merges the delta into its storage; replicas merge whole states.
 * Here each replica has one client, and a read is answered by that replica alone.
 */
interface Reference {
  readonly states: MvState[];
  readonly sessions: (CausalContext | null)[];
  readonly counters: number[];
  readonly inFlight: { readonly to: number; readonly state: MvState }[];
}

type Step =
  | { readonly type: 'write'; readonly replica: ReplicaName; readonly value: string; readonly blind: boolean }
  | { readonly type: 'read'; readonly replica: ReplicaName }
  | { readonly type: 'send'; readonly from: ReplicaName; readonly to: ReplicaName }
  | { readonly type: 'deliver-nth' | 'drop-nth'; readonly n: number }
  | { readonly type: 'sync-all' };

const replica = fc.constantFrom(...REPLICAS);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('write' as const), replica, value: fc.constantFrom('red', 'blue', 'green', 'teal'), blind: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('read' as const), replica }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('send' as const), from: replica, to: replica }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constantFrom('deliver-nth' as const, 'drop-nth' as const), n: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ type: 'sync-all' as const }) },
);

const index = (r: ReplicaName) => REPLICAS.indexOf(r);

function referenceStep(ref: Reference, st: Step): Reference {
  const states = [...ref.states];
  const sessions = [...ref.sessions];
  const counters = [...ref.counters];
  let inFlight = [...ref.inFlight];
  const remember = (i: number, ctx: CausalContext) => {
    sessions[i] = union(sessions[i] ?? EMPTY_CONTEXT, ctx);
  };
  switch (st.type) {
    case 'write': {
      const i = index(st.replica);
      const context = st.blind ? null : (sessions[i] ?? null);
      const counter = ++counters[i]!;
      const { delta, context: after } = mv.create(states[i]!, st.value, { node: nodeId(st.replica), clock: counter, counter, context, op: counter as OpId });
      states[i] = mv.merge(states[i]!, delta);
      if (after) remember(i, after);
      break;
    }
    case 'read': {
      const i = index(st.replica);
      const ctx = mv.context(states[i]!);
      if (ctx) remember(i, ctx);
      break;
    }
    case 'send':
      if (st.from !== st.to) inFlight.push({ to: index(st.to), state: states[index(st.from)]! });
      break;
    case 'sync-all':
      for (const from of REPLICAS) for (const to of REPLICAS) if (from !== to) inFlight.push({ to: index(to), state: states[index(from)]! });
      break;
    case 'deliver-nth':
    case 'drop-nth': {
      const k = st.n % Math.max(1, inFlight.length);
      const m = inFlight[k];
      if (!m) break;
      inFlight = inFlight.filter((_, j) => j !== k);
      if (st.type === 'deliver-nth') states[m.to] = mv.merge(states[m.to]!, m.state);
      break;
    }
  }
  return { states, sessions, counters, inFlight };
}

function galleryStep(s: GalleryState, st: Step): GalleryState {
  switch (st.type) {
    case 'write':
      return galleryReducer(s, { type: 'op', replica: st.replica, op: st.blind ? { type: 'write', value: st.value, blind: true } : { type: 'write', value: st.value } });
    case 'read':
      return galleryReducer(s, { type: 'read', replica: st.replica });
    case 'send':
      return galleryReducer(s, st);
    case 'sync-all':
      return galleryReducer(s, st);
    case 'deliver-nth':
    case 'drop-nth': {
      const m = s.inFlight[st.n % Math.max(1, s.inFlight.length)];
      return m ? galleryReducer(s, { type: st.type === 'deliver-nth' ? 'deliver' : 'drop', id: m.id }) : s;
    }
  }
}

/** What a learner sees at each replica: the values a read returns, each sibling's version, and its client's context. */
function seenReference(ref: Reference) {
  return REPLICAS.map((_, i) => ({
    values: mv.values(ref.states[i]!),
    versions: ref.states[i]!.map((x) => formatContext(historyOf(x))),
    client: formatContext(ref.sessions[i] ?? EMPTY_CONTEXT),
  }));
}

function seenGallery(s: GalleryState) {
  return s.replicas.map((r) => {
    const state = r.state as MvState;
    return { values: mv.values(state), versions: state.map((x) => formatContext(historyOf(x))), client: formatContext(r.session) };
  });
}

const START: Reference = { states: REPLICAS.map(() => mv.empty()), sessions: REPLICAS.map(() => null), counters: REPLICAS.map(() => 0), inFlight: [] };

describe('the gallery’s MV-Register agrees with the simulator’s mv strategy and client sessions', () => {
  it('holds the same values, versions and client contexts at every replica after every step', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let ref = START;
        let gallery = initialGallery('mv-register');
        for (const st of steps) {
          ref = referenceStep(ref, st);
          gallery = galleryStep(gallery, st);
          expect(seenGallery(gallery)).toEqual(seenReference(ref));
          expect(gallery.inFlight.length).toBe(ref.inFlight.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells a write made after reading the siblings from a blind one', () => {
    const steps: Step[] = [
      { type: 'write', replica: 'A', value: 'red', blind: false },
      { type: 'write', replica: 'B', value: 'blue', blind: false },
      { type: 'send', from: 'A', to: 'B' },
      { type: 'deliver-nth', n: 0 },
      { type: 'write', replica: 'B', value: 'green', blind: true },
      { type: 'read', replica: 'B' },
      { type: 'write', replica: 'B', value: 'teal', blind: false },
    ];
    const values: string[][] = [];
    let s = initialGallery('mv-register');
    for (const st of steps) {
      s = galleryStep(s, st);
      values.push(mv.values(s.replicas[1]!.state as MvState));
    }
    expect(values.slice(3)).toEqual([['red', 'blue'], ['red', 'blue', 'green'], ['red', 'blue', 'green'], ['teal']]);
  });
});
