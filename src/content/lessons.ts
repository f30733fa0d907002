import type { OpRecord } from '../sim/trace.ts';
import type { LwwVersion } from '../sim/values/lww.ts';
import type { Run } from '../store/run.ts';

/**
 * The guided lessons: short steps in our words, each a goal the learner reaches in the
 * live playground, checked against the run (its state at the playhead and its history),
 * never against clicks. A lesson is data: adding one touches no component (README, "Adding
 * a lesson"). The step machine that walks them is machines/lessonMachine.ts.
 */

/** What a goal looks at: the learner's run and the playhead. */
export interface LessonView {
  readonly run: Run;
  readonly time: number;
}

/**
 * What a lesson over the CRDT gallery looks at: one data type's three replicas at the
 * playhead, the messages in flight, and the learner's actions up to it. The gallery
 * (labs/conflicts/ui/gallery) builds it from its clock.
 */
export interface GalleryLessonView {
  readonly replicas: readonly { readonly name: string; readonly state: unknown }[];
  readonly inFlight: readonly { readonly from: string; readonly to: string }[];
  readonly hold: boolean;
  readonly converged: boolean;
  /** The learner's actions so far, oldest first. */
  readonly actions: readonly { readonly type: string; readonly from?: string; readonly to?: string }[];
}

export interface LessonStep<V = LessonView> {
  /** Short and stable: it is in the address (…&lesson=stale-read&step=cut) and in saved progress. */
  readonly id: string;
  readonly title: string;
  /** What to do, in the lab's own words (the buttons and panels it names exist). */
  readonly task: string;
  /** A way to do it, for a learner who is stuck. */
  readonly hint: string;
  /** Said once the goal is reached: what just happened, and why it matters. */
  readonly reached: string;
  readonly goal: (v: V) => boolean;
}

interface LessonBase {
  readonly id: string;
  readonly title: string;
  /** The module's part (1–5) it belongs to, and the learning outcomes (1–4) it exercises. */
  readonly part: number;
  readonly outcomes: readonly number[];
  readonly summary: string;
}

/** A lesson over a run (the playground, the sessions lab), or over one data type of the CRDT gallery (in the conflicts lab). */
export type Lesson =
  | (LessonBase & { readonly lab: 'playground' | 'sessions'; readonly steps: readonly LessonStep<LessonView>[] })
  | (LessonBase & { readonly lab: 'conflicts'; readonly crdt: string; readonly steps: readonly LessonStep<GalleryLessonView>[] });

/** Whether a step's goal is met by the view its lesson's lab gives (a run, or the gallery). */
export function goalMet(lesson: Lesson, index: number, view: LessonView | GalleryLessonView): boolean {
  const goal = lesson.steps[index]!.goal as (v: LessonView | GalleryLessonView) => boolean;
  return goal(view);
}

/** Where a lesson opens, at a step (1-based). */
export function lessonHref(l: Lesson, step = 1): string {
  return `?lab=${l.lab}${l.lab === 'conflicts' ? `&crdt=${l.crdt}` : ''}&lesson=${l.id}&step=${step}`;
}

const done = (o: OpRecord) => o.completedAt !== null;

/** Operations answered by the playhead. */
function answered(v: LessonView, kind: OpRecord['kind'], outcome: OpRecord['outcome'] = 'ok'): OpRecord[] {
  return v.run.sim.trace.ops.filter((o) => o.kind === kind && done(o) && o.completedAt! <= v.time && o.outcome === outcome);
}

/** Whether `node` could hear from none of `others` at time t: every link from them to it cut. */
function cutOff(v: LessonView, t: number, node: string, others: readonly string[]): boolean {
  const { cuts } = v.run.at(t).moment;
  return others.every((o) => cuts.has(`${o}>${node}`));
}

/** A write's last-write-wins stamp (its coordinator's clock), or +∞ when it has none. */
function stampOf(w: OpRecord): number {
  const v = w.version as LwwVersion | null;
  return v && typeof v.ts === 'number' ? v.ts : Infinity;
}

/** Whether a read of x through C has returned a stale value by the playhead. */
function staleThroughC(v: LessonView): boolean {
  const { staleIds } = v.run.at(v.time);
  return v.run.sim.trace.ops.some((o) => o.kind === 'read' && o.key === 'x' && o.coordinator === 'C' && staleIds.has(o.id));
}

/** W and R in force at time t: the cluster's, as changed by the learner from the playhead on. */
function quorumAt(v: LessonView, t: number): { readonly w: number; readonly r: number; readonly n: number } {
  let { w, r } = v.run.scenario.cluster;
  for (const e of v.run.sim.trace.events) if (e.type === 'quorum' && e.at <= t) ({ w, r } = e);
  return { w, r, n: v.run.scenario.cluster.n };
}

/** Whether W + R > N at time t. */
const overlapping = (v: LessonView, t: number) => {
  const q = quorumAt(v, t);
  return q.w + q.r > q.n;
};

/** The replicas other than `node`. */
const othersThan = (v: LessonView, node: string) => v.run.replicas.filter((r) => r !== node);

/** Alice's reads of x answered by the playhead, and whether each missed her acknowledged write. */
function alicesReads(v: LessonView): { readonly stale: boolean; readonly op: OpRecord }[] {
  const { staleIds } = v.run.at(v.time);
  return answered(v, 'read')
    .filter((o) => o.client === 'alice' && o.key === 'x')
    .map((op) => ({ op, stale: staleIds.has(op.id) }));
}

const OWN_WRITE: Lesson = {
  id: 'own-write',
  title: 'Seeing your own write',
  lab: 'sessions',
  part: 4,
  outcomes: [3, 4],
  summary: 'Alice saves, reloads and her change is gone. Watch it happen, switch on a fix that keeps read your writes, then test that fix with a crash.',
  steps: [
    {
      id: 'miss',
      title: 'Where is my update?',
      task: 'Play the story until Alice’s read comes back without her write.',
      hint: 'With “Where is my update?” and “No fix” chosen, press Play. Her read goes to B, which has not got the copy yet.',
      reached: 'Alice was told her write was saved, then read nothing: read your writes is broken, though the store did everything an eventually consistent store promises.',
      goal: (v) => alicesReads(v).some((r) => r.stale),
    },
    {
      id: 'version',
      title: 'Carry the session',
      task: 'Choose the fix “Version-based reads”.',
      hint: 'Under “Fix”, choose “Version-based reads”. The same story runs again from the start.',
      reached: 'Now Alice’s reads carry the version of her last write, and a replica that lacks it waits for it.',
      goal: (v) => v.run.scenario.cluster.sessionReads !== 'off',
    },
    {
      id: 'kept',
      title: 'The write is there',
      task: 'Play the story again until Alice’s read returns her write.',
      hint: 'Press Play. Watch B hold the read (it says so under the replica) until it can answer with her write, or C answer it first.',
      reached: 'Read your writes holds: the read waited a little instead of answering from behind. Its price is that wait, and, cut off from every replica that has the write, a read that fails after the timeout.',
      goal: (v) => v.run.scenario.cluster.sessionReads !== 'off' && alicesReads(v).some((r) => !r.stale),
    },
    {
      id: 'sticky',
      title: 'Sticky sessions, tested',
      task: 'Choose “Sticky sessions”, and tick the test where A crashes just after acknowledging the write.',
      hint: 'Under “Fix”, choose “Sticky sessions”; then tick “Test it: A crashes just after acknowledging the write…”.',
      reached: 'Alice now keeps to A, the replica she wrote through, and A is about to crash.',
      goal: (v) => v.run.scenario.cluster.sticky && v.run.scenario.script.some((a) => a.type === 'crash'),
    },
    {
      id: 'failover',
      title: 'Broken at the failover',
      task: 'Play until Alice’s read fails over to another replica and misses her write.',
      hint: 'Press Play and wait out the timeout: her read goes to A, gets no answer, and moves to B.',
      reached: 'The guarantee held only while A did: after the failover, B had never got her write. Sticky sessions keep read your writes while the replica lives; a load balancer with affinity behaves the same way.',
      goal: (v) => v.run.sim.trace.events.some((e) => e.type === 'failover' && e.at <= v.time) && alicesReads(v).some((r) => r.stale),
    },
  ],
};

// ── Part 5, over the CRDT gallery's G-Counter ───────────────────────────────────────────

const counts = (v: GalleryLessonView, name: string) => (v.replicas.find((r) => r.name === name)?.state ?? {}) as Readonly<Record<string, number>>;
const total = (c: Readonly<Record<string, number>>) => Object.values(c).reduce((s, n) => s + n, 0);
/** Whether replica `to` holds at least what `from` holds, entry by entry. */
const covers = (v: GalleryLessonView, to: string, from: string) => Object.entries(counts(v, from)).every(([k, n]) => (counts(v, to)[k] ?? 0) >= n);
const sends = (v: GalleryLessonView, from: string, to: string) => v.actions.filter((a) => a.type === 'send' && a.from === from && a.to === to).length;

const MERGE_ORDER: Lesson = {
  id: 'merge-order',
  title: 'One result in any order',
  lab: 'conflicts',
  crdt: 'g-counter',
  part: 5,
  outcomes: [2],
  summary: 'Count at two replicas, deliver their states to a third in the order you choose, deliver one twice, and see why a CRDT’s replicas cannot be left in conflict.',
  steps: [
    {
      id: 'count',
      title: 'Count in two places',
      task: 'Increment at A twice and at B once.',
      hint: 'In replica A’s box press “Increment” twice, and in replica B’s box once.',
      reached: 'A counts 2 in its own entry and B counts 1 in its own. Neither knows of the other yet.',
      goal: (v) => (counts(v, 'A').A ?? 0) >= 2 && (counts(v, 'B').B ?? 0) >= 1,
    },
    {
      id: 'hold',
      title: 'Hold the messages',
      task: 'Tick “Hold messages until I deliver them”, then send A’s state to C and B’s state to C.',
      hint: 'Tick the box under the replicas, then press “Send A → C” and “Send B → C”. Both messages wait on their way.',
      reached: 'Two states are on their way to C, and you decide the order they arrive in.',
      goal: (v) => v.hold && v.inFlight.some((m) => m.from === 'A' && m.to === 'C') && v.inFlight.some((m) => m.from === 'B' && m.to === 'C'),
    },
    {
      id: 'order',
      title: 'Deliver in your order',
      task: 'Deliver the two messages to C, in whichever order you like.',
      hint: 'Below the replicas, each message waiting has a “Deliver message …” button; deliver B’s first if you like.',
      reached: 'C holds the larger count for each replica, whatever the order: merging takes each entry’s maximum, and a maximum does not depend on order (commutative) or on grouping (associative).',
      goal: (v) => sends(v, 'A', 'C') >= 1 && sends(v, 'B', 'C') >= 1 && covers(v, 'C', 'A') && covers(v, 'C', 'B'),
    },
    {
      id: 'twice',
      title: 'The same state twice',
      task: 'Send B’s state to C again and deliver it.',
      hint: 'Press “Send B → C” once more, then deliver it.',
      reached: 'Nothing changed: merging a state C already has is a no-op (idempotent). A network that repeats a message cannot make the count go wrong.',
      goal: (v) => sends(v, 'B', 'C') >= 2 && !v.inFlight.some((m) => m.to === 'C') && covers(v, 'C', 'A') && covers(v, 'C', 'B'),
    },
    {
      id: 'agree',
      title: 'Everyone agrees',
      task: 'Untick the hold and press “Sync everyone”; let the messages land.',
      hint: 'Untick “Hold messages until I deliver them”, press “Sync everyone”, and press Play if the clock is paused.',
      reached: 'All three agree on the total, and no increment was lost or counted twice: the property last write wins cannot give a counter.',
      goal: (v) => v.converged && v.inFlight.length === 0 && total(counts(v, 'A')) >= 3,
    },
  ],
};

export const LESSONS: readonly Lesson[] = [
  {
    id: 'stale-read',
    title: 'A stale read, then agreement',
    lab: 'playground',
    part: 1,
    outcomes: [1, 4],
    summary: 'Cut a replica off, read an old value through it, heal the network and watch the replicas agree: eventual consistency, and why a stale read is not always a bug.',
    steps: [
      {
        id: 'write',
        title: 'Write, and watch it spread',
        task: 'Write x = 1 and play until every replica holds it.',
        hint: 'Press “Write x=1” in the operation form and watch: the lab plays by itself (press Play if it is paused). The write is acknowledged as soon as one replica has it (W = 1); the copies reach the others a moment later.',
        reached: 'Every replica holds x. The write was acknowledged before the copies arrived: for that moment a read elsewhere could have missed it.',
        goal: (v) => answered(v, 'write').length > 0 && v.run.at(v.time).divergentKeys.length === 0 && v.run.replicas.every((r) => (v.run.at(v.time).moment.storage.get(r)?.size ?? 0) > 0),
      },
      {
        id: 'cut',
        title: 'Cut C off',
        task: 'Cut replica C off from A and B.',
        hint: 'Under “Partition”, tick C (and client c2, so it can still reach C) and press “Split off the ticked nodes”. Or click the links A–C and B–C in the picture and cut each.',
        reached: 'C can no longer hear from A or B. Nothing tells a client so: C still answers.',
        goal: (v) => cutOff(v, v.time, 'C', othersThan(v, 'C')),
      },
      {
        id: 'write-again',
        title: 'Write while C is away',
        task: 'While C is cut off, write a new value of x through A or B, and play until it is acknowledged.',
        hint: 'In the operation form choose client c1 and “Through: A”, and press “Write x=2”; it plays by itself.',
        reached: 'A has the new value and passes it to B; C cannot get it and keeps the old one. The store answers on both sides of the cut, so the sides now disagree.',
        goal: (v) => answered(v, 'write').some((w) => w.key === 'x' && w.coordinator !== 'C' && cutOff(v, w.invokedAt, 'C', othersThan(v, 'C'))),
      },
      {
        id: 'stale',
        title: 'Read the old value',
        task: 'Read x through C and get a value older than the last acknowledged write.',
        hint: 'Choose a client that can reach C (c2 if you ticked it), “Through: C”, and read x. With R = 1, C answers on its own.',
        reached: 'A stale read: C answered with what it had. In this lab, with W + R ≤ N and a cut, nothing promised more; the consistency lab would call this run eventually consistent if the replicas agree later.',
        goal: (v) => staleThroughC(v),
      },
      {
        id: 'heal',
        title: 'Heal, and agree',
        task: 'Heal the network and play on until all replicas agree again.',
        hint: 'Press “Heal everything” under Partition, then Play if the run is paused. Anti-entropy (every 3 seconds here) brings C up to date.',
        reached: 'The replicas agree on the newer value: the stale read was convergence delay. Had they agreed on the old value instead, eventual consistency would still hold, but an acknowledged write would be lost: a design flaw, not delay.',
        goal: (v) => v.run.at(v.time).moment.cuts.size === 0 && v.run.at(v.time).divergentKeys.length === 0 && staleThroughC(v),
      },
    ],
  },
  {
    id: 'quorum',
    title: 'Quorums that overlap',
    lab: 'playground',
    part: 2,
    outcomes: [1],
    summary: 'Set W + R > N, cut a replica off, and see both sides of the bargain: no stale read, and no answer at all from the side that cannot reach a quorum.',
    steps: [
      {
        id: 'overlap',
        title: 'Make quorums overlap',
        task: 'Set W = 2 and R = 2, so that W + R = 4 is more than N = 3.',
        hint: 'Under “Cluster settings”, in “Quorums, from the playhead on”, choose 2 for W and 2 for R.',
        reached: 'Now every read asks replicas enough that one of them has every acknowledged write: any 2 of 3 meet any other 2 of 3.',
        // W = R = 2 exactly: with W or R = 3 the later steps could not be reached (a side of two could not write, or C would not be refused).
        goal: (v) => {
          const q = quorumAt(v, v.time);
          return overlapping(v, v.time) && q.w < q.n && q.r < q.n;
        },
      },
      {
        id: 'cut',
        title: 'Cut C off',
        task: 'Cut replica C off from A and B.',
        hint: 'Under “Partition”, tick C and client c2 and press “Split off the ticked nodes”.',
        reached: 'C is alone with c2. A and B are two of three: a quorum.',
        goal: (v) => cutOff(v, v.time, 'C', othersThan(v, 'C')),
      },
      {
        id: 'write',
        title: 'The majority side still writes',
        task: 'While C is cut off and quorums overlap, write x through A and play until it is acknowledged.',
        hint: 'Choose client c1 and “Through: A”, and press the Write button; it plays by itself.',
        reached: 'A and B acknowledged it: two of three is W. C does not have it.',
        goal: (v) => answered(v, 'write').some((w) => w.key === 'x' && w.coordinator !== 'C' && overlapping(v, w.invokedAt) && cutOff(v, w.invokedAt, 'C', othersThan(v, 'C'))),
      },
      {
        id: 'refused',
        title: 'The lone side cannot answer',
        task: 'Read x through C while it is cut off, and play until the read ends.',
        hint: 'Choose client c2 and “Through: C”, press “Read x”, and let it play past the timeout (one second).',
        reached: 'The read failed: C could not gather R = 2 answers. Where W = R = 1 gave a stale value, overlapping quorums give none: consistency, paid for in availability on the side of the cut that has no quorum.',
        goal: (v) => answered(v, 'read', 'fail').some((o) => o.key === 'x' && o.coordinator === 'C' && overlapping(v, o.invokedAt) && cutOff(v, o.invokedAt, 'C', othersThan(v, 'C'))),
      },
      {
        id: 'fresh',
        title: 'Heal, and read the new value',
        task: 'Heal the network, then read x through C again.',
        hint: 'Press “Heal everything”, then read x through C and let it play.',
        reached: 'C asked the others, met a replica with the new write, and answered with it, though its own copy may still be old. In this lab, as in Dynamo-style stores with strict quorums; with sloppy quorums (Riak, Dynamo) the overlap is not guaranteed.',
        goal: (v) => {
          const { staleIds } = v.run.at(v.time);
          return answered(v, 'read').some((o) => o.key === 'x' && o.coordinator === 'C' && !staleIds.has(o.id) && overlapping(v, o.invokedAt) && v.run.at(o.invokedAt).moment.cuts.size === 0 && answered(v, 'write').some((w) => w.key === 'x' && w.completedAt! < o.invokedAt));
        },
      },
    ],
  },
  {
    id: 'lww',
    title: 'The write that came first wins',
    lab: 'playground',
    part: 3,
    outcomes: [2, 4],
    summary: 'Last write wins trusts clocks. Make one run fast, write through it, write again elsewhere a moment later, and watch the later write disappear.',
    steps: [
      {
        id: 'skew',
        title: 'A fast clock',
        task: 'Make replica B’s clock run at least half a second ahead.',
        hint: 'Click replica B in the picture; in the inspector, type 2000 in “Clock skew (ms)” and press “Set B’s clock”.',
        reached: 'B now stamps its writes as if it were later than it is. Nothing else notices.',
        goal: (v) => (v.run.at(v.time).moment.skew.get('B' as never) ?? 0) >= 500,
      },
      {
        id: 'first',
        title: 'Write through the fast clock',
        task: 'Write a value of x through B, and play until it is acknowledged.',
        hint: 'In the operation form choose “Through: B”, type laptop as the value and press “Write x=laptop”; it plays by itself.',
        reached: 'The write carries B’s timestamp: as far in the future as B’s clock is ahead.',
        goal: (v) => answered(v, 'write').some((w) => w.key === 'x' && w.coordinator === 'B' && (v.run.at(w.invokedAt).moment.skew.get('B' as never) ?? 0) >= 500),
      },
      {
        id: 'second',
        title: 'Write again, later',
        task: 'Soon after, before real time catches up with B’s clock, write another value of x through A, and play until it is acknowledged.',
        hint: 'Pause, choose “Through: A”, type phone as the value, press “Write x=phone”. Do it within B’s skew of the first write (two seconds of simulated time for +2000 ms), or A’s clock will have passed B’s stamp.',
        reached: 'This write really came second, but its timestamp is older than B’s.',
        goal: (v) => {
          const fromB = answered(v, 'write').filter((w) => w.coordinator === 'B' && w.key === 'x');
          return answered(v, 'write').some((w) => w.coordinator !== 'B' && w.key === 'x' && fromB.some((b) => b.completedAt! < w.invokedAt && stampOf(w) < stampOf(b)));
        },
      },
      {
        id: 'lost',
        title: 'A write lost',
        task: 'Play on until the lab tells you a write was lost.',
        hint: 'Press Play and watch “What just happened”. Read x anywhere to see which value stayed.',
        reached: 'Every replica keeps B’s value, the one written first: last write wins chose by clock, and the acknowledged later write is gone. Cassandra keeps the cell with the highest write timestamp (set by the client or the coordinator) and can lose a write this way, as Riak does with last_write_wins on; Dynamo’s vector clocks notice the two versions and most of its services are handed both, as siblings are in the conflicts lab; a CRDT merges them instead.',
        goal: (v) => v.run.at(v.time).lost.some((l) => l.cause === 'older-write-won'),
      },
    ],
  },
  OWN_WRITE,
  MERGE_ORDER,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
