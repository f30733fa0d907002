import '../sim/sessions/install.ts';
import { judgeGuarantee } from '../analysis/sessionCosts.ts';
import { historyFromRun } from '../check/fromTrace.ts';
import { sessionGuarantees, bySession } from '../check/sessions.ts';
import { causalConsistency } from '../check/causal.ts';
import { operationalTransform, positionOnly, rga, type Insert, type Outcome } from '../analysis/collabText.ts';
import { likesAtOnce, takeTwice } from '../analysis/tryThis.ts';
import { FAR_MS, lagRun, syncTwice, whichWon } from '../analysis/handsOn.ts';
import { makeScenario, type Action, type ClusterConfig } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { bump, gCounterTotal, mergeGCounters, type GCounterState } from '../sim/values/crdt/gCounter.ts';
import type { Order, VersionVector } from '../sim/values/versionVector.ts';
import { QUIZ_INDEX, type QuizIndexEntry } from './quizIndex.ts';
import { FIXES, SESSION_STORIES, type FixId } from './sessionStories.ts';

/**
 * The module's quiz, in our words, as typed data. Every answer is computed by the
 * simulator or by the pure modules the labs use (a version vector's comparison, a
 * G-Counter's merge, the checkers, a story run under a fix), so a wrong key here cannot
 * make the lab contradict its own simulation; the module's printed answers are the tests'
 * oracle (quiz.test.ts).
 *
 * An item is one or more parts, each of a kind the quiz lab knows how to draw
 * (labs/quiz/ui/QuizPart.tsx). Adding an item: add it to QUIZ with parts of these kinds;
 * adding a kind: add it to `QuizPart` here and a case to the component (README, "Adding a
 * quiz item").
 */

/** One choice of a `choice` part, with the sentence a learner who picks it reads. */
export interface Choice {
  readonly id: string;
  readonly label: string;
  /** Why it is right or wrong, in a sentence or two. */
  readonly feedback: string;
}

export type QuizPart =
  /** Pick one (or, with `many`, every one that applies); the answer is computed. */
  | { readonly kind: 'choice'; readonly id: string; readonly prompt: string; readonly choices: readonly Choice[]; readonly many?: boolean; readonly answer: () => readonly string[] }
  /** Predict what a read returns, then run it: the run is the answer. */
  | { readonly kind: 'predict'; readonly id: string; readonly prompt: string; readonly choices: readonly Choice[]; readonly run: () => string }
  /** Judge pairs of version vectors. */
  | { readonly kind: 'vectors'; readonly id: string; readonly prompt: string; readonly pairs: readonly (readonly [VersionVector, VersionVector])[] }
  /** Type numbers; each is computed. */
  | { readonly kind: 'numbers'; readonly id: string; readonly prompt: string; readonly fields: readonly { readonly label: string; readonly answer: () => number }[] }
  /** W and R for each of several goals, on N replicas; judged by the rule and shown measured. */
  | { readonly kind: 'quorum'; readonly id: string; readonly prompt: string; readonly n: number; readonly goals: readonly QuorumGoal[] }
  /** A level for each row of a table; each row's run shows what the weaker level does there. */
  | { readonly kind: 'rows'; readonly id: string; readonly prompt: string; readonly levels: readonly { readonly id: string; readonly label: string }[]; readonly rows: readonly TableRow[] }
  /** Pick a fix for a sessions story; the story runs with it and the checker decides. */
  | { readonly kind: 'fix'; readonly id: string; readonly prompt: string; readonly story: string; readonly fixes: readonly FixId[] };

export interface TableRow {
  readonly id: string;
  readonly label: string;
  /** The levels that fit (a judgement, argued in `feedback`); the run in `evidence` shows why. */
  readonly accept: readonly string[];
  /** For each level, why it fits this row or not. */
  readonly feedback: Readonly<Record<string, string>>;
  /** What a run shows for this row, in a sentence computed from the run. */
  readonly evidence: () => string;
}

export interface QuorumGoal {
  readonly id: string;
  readonly label: string;
  /** Whether W and R meet the goal, and the sentence saying why not. */
  readonly judge: (w: number, r: number, n: number) => { readonly right: boolean; readonly why: string };
  /** The module's answer, for "show the answer". */
  readonly answer: (n: number) => { readonly w: number; readonly r: number };
}

export interface QuizItem extends QuizIndexEntry {
  /** The question, in our words. */
  readonly question: string;
  readonly parts: readonly QuizPart[];
  /** Said once it is answered right, or the answer is shown: the whole answer in a few sentences. */
  readonly explanation: string;
  /** Where in the lab to see it happen. */
  readonly tryIt?: { readonly label: string; readonly href: string };
  /** A demo drawn under the parts, to try other cases (labs/quiz/ui/). */
  readonly demo?: 'collab-text' | 'lag';
}

export const VECTOR_ORDER_WORDS: Readonly<Record<Order, string>> = {
  after: 'the first is newer',
  before: 'the second is newer',
  concurrent: 'concurrent: a conflict',
  equal: 'the same version',
};

// ── Q1: a partition, a stale read, and agreement after the heal ─────────────────────────

/** Three replicas, W = R = 1, anti-entropy every 3 s; C cut off while x = 2 is written through A; C read during the cut and after the heal. */
export const Q1_SCRIPT: readonly Action[] = [
  { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '1' },
  { at: 1000, type: 'partition', groups: [['A', 'B', 'c1'], ['C', 'c2']] },
  { at: 1500, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: '2' },
  { at: 2500, type: 'read', client: 'c2', coordinator: 'C', key: 'x' },
  { at: 4000, type: 'heal-all' },
  { at: 12_000, type: 'read', client: 'c2', coordinator: 'C', key: 'x' },
];

/** What each of Q1's two reads returned when the scenario runs. */
export function q1Reads(): readonly string[] {
  const sim = new Simulation(makeScenario({ seed: 1, cluster: { replicas: 3, n: 3, w: 1, r: 1, clients: ['c1', 'c2'], antiEntropyMs: 3000 }, script: Q1_SCRIPT }));
  sim.runUntil(15_000);
  return sim.trace.ops.filter((o) => o.kind === 'read').map((o) => (o.outcome !== 'ok' ? 'fail' : (o.result ?? []).length === 0 ? 'nothing' : (o.result as string[]).join(' | ')));
}

const readChoices = (when: string): Choice[] => [
  { id: '2', label: 'x = 2, the latest write', feedback: `C cannot hear from A or B ${when}, and with R = 1 it answers alone.` },
  { id: '1', label: 'x = 1, the value before it', feedback: 'C answers with what it has.' },
  { id: 'nothing', label: 'Nothing: x is unknown there', feedback: 'C received x = 1 before the cut.' },
  { id: 'fail', label: 'An error: the read is refused', feedback: 'With R = 1, the one replica asked, C, is enough to answer; nothing makes it refuse.' },
];

// ── Q4: eventual or strong, row by row ─────────────────────────────────────────────────

const LEVELS = [
  { id: 'strong', label: 'Strong' },
  { id: 'eventual', label: 'Eventual' },
  { id: 'session', label: 'Eventual, with session guarantees' },
] as const;

function takeEvidence(what: 'money' | 'stock'): string {
  const [e, s] = what === 'money' ? [takeTwice('eventual', 100, 80), takeTwice('strong', 100, 80)] : [takeTwice('eventual', 1, 1), takeTwice('strong', 1, 1)];
  if (what === 'money')
    return `Run it: a balance of ${e.start}, and a withdrawal of 80 on each side of a partition. With replicas that answer alone both went through (${e.accepted * 80} paid out) and every replica ends at ${e.end}, so ${e.accepted * 80 - (e.start - e.end)} is missing from the books; with majority quorums the side with one replica refused, and ${s.accepted} went through.`;
  return `Run it: one item left, and a buyer on each side of a partition. Replicas that answer alone sell it ${e.accepted} times; majority quorums sell it ${s.accepted === 1 ? 'once' : `${s.accepted} times`}, refusing the buyer on the side with one replica.`;
}

function likesEvidence(): string {
  const naive = likesAtOnce('lww-counter');
  const gc = likesAtOnce('g-counter');
  return `Run it: ${naive.made} likes, the last two at the same moment at two replicas. A total kept by last write wins counts ${naive.counted}; a G-Counter, just as available and just as eventual, counts ${gc.counted}.`;
}

function storyEvidence(story: 'own-write' | 'count-down'): string {
  const none = storyKeptWith(story, 'none');
  const sticky = storyKeptWith(story, 'sticky');
  const [name, guarantee] = story === 'own-write' ? ['“Where is my update?”', 'read your writes'] : ['“The count went down”', 'monotonic reads'];
  return `Run it: the sessions lab’s ${name} with no fix: ${guarantee} ${none ? 'holds' : 'is broken'}; with sticky sessions it ${sticky ? 'holds' : 'is still broken'}.`;
}

const Q4_ROWS: readonly TableRow[] = [
  {
    id: 'bank',
    label: 'Bank transfer',
    accept: ['strong'],
    feedback: {
      strong: 'A balance must never pay out more than it holds, so every withdrawal has to see every other.',
      eventual: 'Two withdrawals on either side of a partition can each see the whole balance.',
      session: 'Session guarantees keep one user’s own view in order; two withdrawals at once, from two people or two cards, can still both see the whole balance.',
    },
    evidence: () => takeEvidence('money'),
  },
  {
    id: 'likes',
    label: 'Likes on a post',
    accept: ['eventual', 'session'],
    feedback: {
      strong: 'It works, but every like would wait for other replicas and fail in a partition, for a number nobody needs exact this second.',
      eventual: 'A count a few seconds behind harms no one, as long as no like is lost: count with a CRDT, not a total written back.',
      session: 'Fine, if more than needed: a user seeing their own like at once is a nicety (read your writes).',
    },
    evidence: likesEvidence,
  },
  {
    id: 'inventory',
    label: 'Inventory count',
    accept: ['strong'],
    feedback: {
      strong: 'The decrement at checkout must see every other, or the last item is sold twice. The count shown on a product page can lag: that part can be eventual.',
      eventual: 'Fine for the count shown on a product page; not for taking the last item at checkout.',
      session: 'Session guarantees order one shopper’s view; two shoppers taking the last item at once can both succeed.',
    },
    evidence: () => takeEvidence('stock'),
  },
  {
    id: 'photo',
    label: 'User profile photo',
    accept: ['session'],
    feedback: {
      strong: 'It works, but others seeing the old photo for a few seconds harms no one; waiting on other replicas for every view is a high price.',
      eventual: 'Others can see the old photo for a while, but the person who just changed it expects to see the new one: that is read your writes.',
      session: 'Others may lag, and the owner sees their own change at once: read your writes, on top of an eventual store.',
    },
    evidence: () => storyEvidence('own-write'),
  },
  {
    id: 'order',
    label: 'Order status',
    accept: ['session', 'strong'],
    feedback: {
      strong: 'It works, at the price of waiting on other replicas and refusing in a partition. What users notice is a status going back, which monotonic reads alone prevent.',
      eventual: 'A customer can see “shipped”, reload, and see “processing”: the status goes back. Monotonic reads prevent that.',
      session: 'A customer never sees the status go back (monotonic reads) and sees their own cancellation at once (read your writes).',
    },
    evidence: () => storyEvidence('count-down'),
  },
];

// ── Q5: N = 5 ────────────────────────────────────────────────────────────────────────────

const Q5_GOALS: readonly QuorumGoal[] = [
  {
    id: 'strong',
    label: '(a) Every read sees the latest acknowledged write, with reads and writes each waiting for as few replicas as possible',
    judge: (w, r, n) => {
      const half = Math.ceil((n + 1) / 2);
      if (w + r <= n) return { right: false, why: `W + R = ${w + r} is not more than N = ${n}: a read quorum can miss every replica the write reached.` };
      if (w + r > n + 1) return { right: false, why: `W + R = ${w + r} overlaps, but ${n + 1} is enough: each replica more is waited for on every write or read.` };
      if (Math.max(w, r) > half) return { right: false, why: `W + R = ${n + 1} overlaps, but ${w > r ? 'writes' : 'reads'} wait for ${Math.max(w, r)} replicas; W = ${half}, R = ${n + 1 - half} keeps both at ${half} or fewer.` };
      return { right: true, why: `W + R = ${n + 1}: every read quorum meets every write quorum in one replica, and neither waits for more than ${half}.` };
    },
    answer: (n) => ({ w: Math.ceil((n + 1) / 2), r: n + 1 - Math.ceil((n + 1) / 2) }),
  },
  {
    id: 'fast-writes',
    label: '(b) Writes as fast as they can be, and reads still see the latest acknowledged write',
    judge: (w, r, n) =>
      w !== 1
        ? { right: false, why: `With W = ${w} a write waits for ${w} replicas; the fastest write waits for one.` }
        : w + r <= n
          ? { right: false, why: `W = 1 is fastest, but W + R = ${w + r} is not more than N = ${n}: reads can miss the write.` }
          : { right: true, why: `A write waits for one replica, so a read must wait for all ${n}: the read pays for the fast write.` },
    answer: (n) => ({ w: 1, r: n }),
  },
  {
    id: 'available',
    label: '(c) Reads and writes keep working with as many replicas down as possible',
    judge: (w, r, n) =>
      Math.max(w, r) > 1
        ? { right: false, why: `With W = ${w} and R = ${r}, ${Math.max(w, r)} replicas must answer, so ${n - Math.max(w, r) + 1} down stop ${w === r ? 'writes and reads' : w > r ? 'writes' : 'reads'}; with W = R = 1 everything works until all ${n} are down.` }
        : { right: true, why: `Any one replica answers, so reads and writes work with ${n - 1} of ${n} down; reads can be stale, as W + R = 2 is not more than ${n}.` },
    answer: () => ({ w: 1, r: 1 }),
  },
];

// ── Q6: which guarantees Bob's view breaks, computed by the checkers ─────────────────────

const GUARANTEE_NAMES = {
  'read-your-writes': 'Read your writes',
  'monotonic-reads': 'Monotonic reads',
  'monotonic-writes': 'Monotonic writes',
  'writes-follow-reads': 'Writes follow reads',
  causal: 'Causal consistency',
} as const;
type Q6Guarantee = keyof typeof GUARANTEE_NAMES;

/** The guarantees the comment story breaks with no fix, by the lab's checkers. */
export function q6Broken(): readonly Q6Guarantee[] {
  const story = SESSION_STORIES.find((s) => s.id === 'comment-first')!;
  const sim = new Simulation(story.scenario('none'));
  sim.runUntil(10_000);
  const history = historyFromRun(sim.trace.ops, sim.strategy.id)!;
  const sessions = sessionGuarantees(history);
  const broken = (Object.keys(GUARANTEE_NAMES) as Q6Guarantee[]).filter((g) => (g === 'causal' ? causalConsistency(bySession(history)).cc : sessions[g]).result === 'violated');
  return broken;
}

/** Whether a sessions story keeps its guarantee with a fix (or a setting given as one): it runs, and the checker decides. */
export function storyKeptWith(storyId: string, fix: FixId, extra: Partial<ClusterConfig> = {}): boolean {
  const story = SESSION_STORIES.find((s) => s.id === storyId)!;
  const scenario = story.scenario(fix);
  const sim = new Simulation({ ...scenario, cluster: { ...scenario.cluster, ...extra } });
  sim.runUntil(10_000);
  return judgeGuarantee(story, sim).result === 'satisfied';
}

// ── Q8: the module's G-Counter ──────────────────────────────────────────────────────────

export const Q8_STATES: Readonly<Record<'A' | 'B' | 'C', GCounterState>> = {
  A: { A: 10, B: 3, C: 7 },
  B: { A: 8, B: 3, C: 5 },
  C: { A: 10, B: 2, C: 7 },
};
/** Node A after B adds 5 and then syncs with A (A merges B's state). */
export const q8After = (): GCounterState => mergeGCounters(Q8_STATES.A, bump(Q8_STATES.B, 'B', 5));

// ── Q3: one result whatever the order ───────────────────────────────────────────────────

/** Three replicas' G-Counters, merged into one replica in every order: the results. */
export function q3Orders(): readonly { readonly order: string; readonly total: number }[] {
  const states = { A: { A: 5, B: 3 }, B: { A: 4, B: 7 }, C: { A: 2, B: 7, C: 1 } } as const;
  const orders = [
    ['A', 'B', 'C'],
    ['C', 'B', 'A'],
    ['B', 'A', 'C', 'B'],
  ] as const;
  return orders.map((o) => ({ order: o.join(' then '), total: gCounterTotal(o.reduce<GCounterState>((acc, id) => mergeGCounters(acc, states[id]), {})) }));
}

// ── Q7: two inserts at position 0 ───────────────────────────────────────────────────────

export const Q7_A: Insert = { site: 'A', pos: 0, text: 'Hello' };
export const Q7_B: Insert = { site: 'B', pos: 0, text: 'World' };

/** The choice an outcome is: both texts the same (which), or different. */
function q7Choice(o: Outcome): string {
  if (!o.converged) return 'differ';
  return o.texts.A === 'HelloWorld' ? 'hello-first' : o.texts.A === 'WorldHello' ? 'world-first' : 'other';
}

function q7Choices(what: string, o: Outcome): Choice[] {
  const got = `here A ends with “${o.texts.A}” and B with “${o.texts.B}”`;
  return [
    { id: 'differ', label: 'Different texts on the two replicas', feedback: `${what}: ${got}.` },
    { id: 'hello-first', label: '“HelloWorld” on both', feedback: `${what}: ${got}.` },
    { id: 'world-first', label: '“WorldHello” on both', feedback: `${what}: ${got}.` },
    { id: 'other', label: 'One word only: one insert overwrites the other', feedback: `Neither replica drops an insert: ${got}. Losing one is what a last-write-wins register of the whole text would do.` },
  ];
}

const Q7_POSITION = positionOnly('', Q7_A, Q7_B);
const Q7_OT = operationalTransform('', Q7_A, Q7_B);
const Q7_RGA = rga('', Q7_A, Q7_B);

const indexEntry = (id: string): QuizIndexEntry => QUIZ_INDEX.find((q) => q.id === id)!;

// ── The hands-on exercise, in the lab ───────────────────────────────────────────────────

const lagChoices = (store: 'eventual' | 'strong'): Choice[] => {
  const run = lagRun(store, 0);
  const why =
    store === 'eventual'
      ? `The write was acknowledged after ${Math.round(run.ackMs)} ms, as soon as A had it; the copy reached C after ${Math.round(run.everywhereMs)} ms, so the read found C still holding x = 1.`
      : `The write was acknowledged only after ${Math.round(run.ackMs)} ms, once C too had it, so any read after that finds x = 2 anywhere.`;
  return [
    { id: '2', label: 'x = 2, the new value', feedback: why },
    { id: '1', label: 'x = 1, the old value', feedback: why },
    { id: 'nothing', label: 'Nothing', feedback: `C had x = 1 from the start. ${why}` },
    { id: 'fail', label: 'An error', feedback: `With R = 1, C answers alone; nothing makes it refuse. ${why}` },
  ];
};

/** A choice's id for what last write wins kept over several runs: one value, or either. */
function wonChoice(kept: readonly string[]): string {
  return kept.length === 1 ? kept[0]! : 'either';
}

function wonChoices(what: string, kept: readonly string[]): Choice[] {
  const said = kept.length === 1 ? `in every one of 12 runs with different message times, the replicas kept ${kept[0] === 'from-a' ? 'A’s change' : 'B’s change'}` : 'over 12 runs with different message times, the replicas kept A’s change in some and B’s in others';
  return [
    { id: 'from-b', label: 'B’s change, the later one', feedback: `${what}: ${said}.` },
    { id: 'from-a', label: 'A’s change, the earlier one', feedback: `${what}: ${said}.` },
    { id: 'either', label: 'Either: it depends on timing', feedback: `${what}: ${said}.` },
  ];
}

const WON_APART = whichWon(500, 0);
const WON_CLOSE = whichWon(5, 0);
const WON_SKEW = whichWon(500, -1000);

const EXERCISES: readonly QuizItem[] = [
  {
    ...indexEntry('ex1'),
    question: `Three replicas; C is far from A, so a copy takes ${FAR_MS} ms to reach it. x = 1 is everywhere. Then x = 2 is written through A, and the moment the write is acknowledged someone reads x through C. Two stores run side by side: one acknowledges a write once one replica has it (W = 1), the other once every replica has it (W = N = 3). The module does this on a Kubernetes cluster; here both are simulated.`,
    parts: [
      { kind: 'predict', id: 'eventual', prompt: 'With W = 1, the read through C right after the acknowledgement returns…', choices: lagChoices('eventual'), run: () => lagRun('eventual', 0).read },
      { kind: 'predict', id: 'strong', prompt: 'With W = N, the read through C right after the acknowledgement returns…', choices: lagChoices('strong'), run: () => lagRun('strong', 0).read },
      {
        kind: 'choice',
        id: 'price',
        prompt: 'What does the store that waits for every replica pay for that?',
        choices: [
          { id: 'writes', label: 'Every write waits for the farthest replica', feedback: `Here ${Math.round(lagRun('strong', 0).ackMs)} ms a write instead of ${Math.round(lagRun('eventual', 0).ackMs)} ms, and a write fails outright while any replica is cut off.` },
          { id: 'reads', label: 'Every read waits for every replica', feedback: 'Reads still ask one replica (R = 1): once every replica has each acknowledged write, any one of them will do.' },
          { id: 'nothing', label: 'Nothing', feedback: `Its writes take ${Math.round(lagRun('strong', 0).ackMs)} ms instead of ${Math.round(lagRun('eventual', 0).ackMs)} ms, and fail while any replica is cut off.` },
        ],
        answer: () => ['writes'],
      },
    ],
    explanation:
      'With W = 1 a write is acknowledged before the far replica has it: for that lag, a read there returns the old value. Waiting for every replica removes the lag from what clients see and moves it into every write. In this lab the strong store is W = N; etcd, which Kubernetes keeps its objects in, instead commits each write on a majority through Raft and serves reads through the leader, so a read after an acknowledged write sees it without waiting for every member.',
    demo: 'lag',
  },
  {
    ...indexEntry('ex2'),
    question:
      'Two people change the same setting at nearly the same moment: A’s change goes through replica A, then B’s through replica B. The store keeps the last write by timestamp, and each write is stamped by its replica’s clock when the request reaches it. Which change do the replicas keep once they agree?',
    parts: [
      { kind: 'choice', id: 'apart', prompt: 'Half a second apart, with clocks that agree:', choices: wonChoices('Half a second is longer than any message takes here', WON_APART), answer: () => [wonChoice(whichWon(500, 0))] },
      { kind: 'choice', id: 'close', prompt: 'Five milliseconds apart, with clocks that agree:', choices: wonChoices('Each request takes 40 to 120 ms to reach its replica, far more than 5 ms', WON_CLOSE), answer: () => [wonChoice(whichWon(5, 0))] },
      { kind: 'choice', id: 'skew', prompt: 'Half a second apart, with B’s clock a second behind:', choices: wonChoices('B stamps its write a second in the past, older than A’s', WON_SKEW), answer: () => [wonChoice(whichWon(500, -1000))] },
    ],
    explanation:
      'Last write wins keeps the write with the highest timestamp, which is the one made last only when the gap between the writes is larger than the network’s jitter and the clocks’ disagreement. The other change is acknowledged and then gone. Kubernetes does not settle a ConfigMap this way: its API server orders updates through etcd, so the change applied second replaces the first, and an update naming an out-of-date resourceVersion is refused with a conflict instead of silently losing.',
    tryIt: { label: 'Make a fast clock win in the lesson “The write that came first wins”', href: '?lab=playground&lesson=lww&step=1' },
  },
  {
    ...indexEntry('ex3'),
    question:
      'Design a like counter: several servers take likes, a user can like through any of them, and the total must end up right. The module asks for it on paper; here each choice is checked against a run.',
    parts: [
      {
        kind: 'choice',
        id: 'store',
        prompt: 'How is the count kept?',
        choices: [
          { id: 'total', label: 'One total: a server reads it, adds one and writes it back', feedback: (() => { const n = likesAtOnce('lww-counter'); return `Two likes at once at two servers both write “old total + 1”: in a run of ${n.made} likes it counted ${n.counted}.`; })() },
          { id: 'per-server', label: 'A count per server, each raised only by its own server; the total is their sum', feedback: (() => { const g = likesAtOnce('g-counter'); return `That is a G-Counter: in the same run it counted all ${g.counted}.`; })() },
          { id: 'set', label: 'A set of every like, by user and post', feedback: 'It works too (a grow-only set, with each like counted once however often it arrives), and it knows who liked; it grows with every like, where per-server counts stay one number per server.' },
        ],
        answer: () => ['per-server', 'set'],
      },
      {
        kind: 'choice',
        id: 'sync',
        prompt: 'How do servers sync their counts?',
        choices: [
          { id: 'max', label: 'Send their counts; keep each server’s larger count', feedback: `Sent twice, it still counts once: ${syncTwice('max')} likes after two syncs of the same state.` },
          { id: 'add', label: 'Send their counts; add them to mine', feedback: `Sent twice, it counts twice: ${syncTwice('sum')} likes after two syncs of the same ${syncTwice('max')}. A sync must be safe to repeat (idempotent).` },
          { id: 'newest', label: 'Keep whichever total was written last', feedback: 'That is last write wins over the total: likes made at once elsewhere are dropped.' },
        ],
        answer: () => ['max'],
      },
      {
        kind: 'choice',
        id: 'away',
        prompt: 'A server is unreachable for a minute:',
        choices: [
          { id: 'later', label: 'It keeps taking likes; the others learn them once it is back', feedback: 'Its count only grows, and merging by maximum brings it in whenever the next sync gets through: the total is right again, late.' },
          { id: 'lost', label: 'Likes taken there are lost', feedback: 'Nothing is thrown away: its count is merged in when it is reachable again.' },
          { id: 'stop', label: 'Every server stops counting until it is back', feedback: 'No server waits for another: that is what keeps the counter available.' },
        ],
        answer: () => ['later'],
      },
    ],
    explanation:
      'Keep a count per server, raise only your own, merge by taking each count’s maximum, and sum them to show the total: a G-Counter. Syncs can repeat, arrive in any order or come late, and the total still ends up right. Unlikes need a second count per server (a PN-Counter).',
    tryIt: { label: 'Run both designs side by side, with a server cut off, in the conflicts lab', href: '?lab=conflicts' },
  },
];

export const QUIZ: readonly QuizItem[] = [
  {
    ...indexEntry('q1'),
    question:
      'Three replicas keep x, and each read or write waits for one of them (W = R = 1); anti-entropy runs every 3 seconds. x = 1 is on every replica. Then C is cut off from A and B, x = 2 is written through A, and a client next to C reads x through C. Later the network heals, and eight seconds after that the client reads through C again. Predict both reads, then say what eventual consistency promises.',
    parts: [
      { kind: 'predict', id: 'during', prompt: 'The read through C during the cut returns…', choices: readChoices('during the cut'), run: () => q1Reads()[0]! },
      { kind: 'predict', id: 'after', prompt: 'The read through C after the heal returns…', choices: readChoices('once it has healed').map((c) => (c.id === '2' ? { ...c, feedback: 'Anti-entropy brought x = 2 to C after the heal.' } : c.id === '1' ? { ...c, feedback: 'Eight seconds is plenty: anti-entropy runs every 3 seconds here and C has caught up.' } : c)), run: () => q1Reads()[1]! },
      {
        kind: 'choice',
        id: 'promise',
        prompt: 'What does eventual consistency promise?',
        choices: [
          { id: 'converge', label: 'Once writes stop and faults heal, every replica ends up with the same value', feedback: 'That is the promise, and all of it. Some definitions add that replicas settle on the last write; under last write wins, “last” means the highest timestamp, which need not be the write made last.' },
          { id: 'latest', label: 'Every read returns the latest write', feedback: 'The read during the cut did not, and the store kept its promise: that would be a stronger model.' },
          { id: 'bound', label: 'Replicas agree within a known time', feedback: 'No bound is promised. In practice it is often milliseconds; here it took a heal and an anti-entropy round.' },
          { id: 'no-loss', label: 'No acknowledged write is ever lost', feedback: 'Not in general: under last write wins, replicas agree on one value and an acknowledged write can be dropped on the way (the lesson “The write that came first wins”). The agreement is the promise; which value survives depends on how conflicts are settled.' },
        ],
        answer: () => ['converge'],
      },
    ],
    explanation:
      'During the cut C answers alone with x = 1: a stale read, allowed. After the heal, anti-entropy brings x = 2 to C and every replica agrees. Eventual consistency promises only that agreement, once writes stop and faults heal, with no bound on when, nothing about what a read returns meanwhile, and (under last write wins) no promise that every acknowledged write survives.',
    tryIt: { label: 'Do it yourself: the lesson “A stale read, then agreement”', href: '?lab=playground&lesson=stale-read&step=1' },
  },
  {
    ...indexEntry('q2'),
    question: 'A version vector keeps one counter per replica; a write increments its replica’s counter. For each pair, say how the two versions relate.',
    parts: [
      {
        kind: 'vectors',
        id: 'pairs',
        prompt: 'The first vector, compared with the second:',
        pairs: [
          [{ N1: 2, N2: 1 }, { N1: 1, N2: 2 }],
          [{ N1: 2, N2: 1 }, { N1: 1, N2: 1 }],
          [{ A: 1 }, { A: 1, B: 1 }],
          [{ A: 3, B: 0 }, { A: 3 }],
        ],
      },
    ],
    explanation:
      'Compare entry by entry, a missing entry counting as 0. If one vector is at least the other everywhere and larger somewhere, it is newer and the older version can be dropped; if each is larger somewhere, neither write saw the other: a conflict to keep or merge. No clock is involved, so a fast clock cannot make an older write look newer.',
    tryIt: { label: 'Compare your own vectors in the conflicts lab', href: '?lab=conflicts&va=A:2,B:1&vb=A:1,B:2' },
  },
  {
    ...indexEntry('q3'),
    question:
      'Three replicas hold G-Counters: A {A: 5, B: 3}, B {A: 4, B: 7}, C {A: 2, B: 7, C: 1}. One replica merges all three states in three different orders, once receiving B twice. Predict, then see.',
    parts: [
      {
        kind: 'choice',
        id: 'same',
        prompt: 'The three orders give…',
        choices: [
          { id: 'same', label: 'The same total every time', feedback: 'Each merge takes the larger count per replica, and the larger of several numbers does not depend on their order, grouping or repeats.' },
          { id: 'differ', label: 'Different totals, depending on the order', feedback: 'Merging takes each entry’s maximum; order, grouping and repeats cannot change a maximum.' },
        ],
        answer: () => (new Set(q3Orders().map((o) => o.total)).size === 1 ? ['same'] : ['differ']),
      },
      {
        kind: 'choice',
        id: 'why',
        prompt: 'Why can replicas of a CRDT never be left in conflict?',
        choices: [
          { id: 'laws', label: 'Its merge is commutative, associative and idempotent, so any order of deliveries, repeated or not, reaches the same state', feedback: 'Yes: replicas that have received the same updates agree, whatever the network did.' },
          { id: 'clock', label: 'Each update carries a timestamp, and the newest wins', feedback: 'That is last write wins, which settles conflicts by dropping writes; a CRDT keeps every update’s effect.' },
          { id: 'lock', label: 'Replicas take a lock before updating', feedback: 'No coordination at all: each replica updates on its own, which is why a CRDT stays available in a partition.' },
          { id: 'leader', label: 'One replica orders every update', feedback: 'There is no leader: any replica accepts updates and merges what others send.' },
        ],
        answer: () => ['laws'],
      },
    ],
    explanation:
      'A CRDT’s merge is commutative, associative and idempotent: replicas that have seen the same updates reach the same state whatever the order, grouping or repetition of what they received. The price is what the type can express: a G-Counter can only go up, an OR-Set needs tags, and a rule like “stock never below zero” cannot be kept without some coordination (a bounded counter keeps it by handing out rights to decrement ahead of time).',
    tryIt: { label: 'Deliver the merges in your own order: the lesson “One result in any order”', href: '?lab=conflicts&crdt=g-counter&lesson=merge-order&step=1' },
  },
  {
    ...indexEntry('q4'),
    question:
      'For each kind of data, which level of consistency fits? Strong: every read sees the latest acknowledged write, paid for in waiting and in refusals during a partition. Eventual: replicas answer alone and agree later. Eventual with session guarantees: each user’s own view stays in order. Pick one per row; checking runs each row’s case.',
    parts: [{ kind: 'rows', id: 'rows', prompt: 'The level for each:', levels: LEVELS, rows: Q4_ROWS }],
    explanation:
      'Strong where a decision must see every other: money and the last item in stock. Eventual where lagging harms no one and nothing is lost: likes, counted by a CRDT. Session guarantees where one user must not see their own world go backwards: their photo, their order. Most services mix them: strong for the purchase itself, eventual for the rest.',
    tryIt: { label: 'The like counter, both designs side by side, in the conflicts lab', href: '?lab=conflicts' },
  },
  {
    ...indexEntry('q5'),
    question: 'Each key is kept on N = 5 replicas, with no sloppy quorums. Give W (replicas a write waits for) and R (replicas a read waits for) for each goal.',
    parts: [{ kind: 'quorum', id: 'goals', prompt: 'For each goal, W and R', n: 5, goals: Q5_GOALS }],
    explanation:
      '(a) W = R = 3: 3 + 3 > 5, so every read quorum meets every write quorum, and up to two replicas can be down for both. (b) W = 1, R = 5: writes wait for one replica and reads pay by asking all five (one down stops reads). (c) W = R = 1: anything works with four replicas down, and reads can be stale. The rule holds only for strict quorums: with sloppy quorums, a read can still miss a write.',
    tryIt: { label: 'Measure each setting in the quorum lab', href: '?lab=quorum&n=5&w=3&r=3' },
  },
  {
    ...indexEntry('q6'),
    question:
      'Alice posts “Hello”, and once it is saved comments “First!”, through another replica. Bob, reading elsewhere, sees the comment and no post. Which guarantees does Bob’s view break, and what would have kept it?',
    parts: [
      {
        kind: 'choice',
        id: 'broken',
        many: true,
        prompt: 'Which guarantees does this break? Tick every one.',
        choices: (Object.keys(GUARANTEE_NAMES) as Q6Guarantee[]).map((g) => ({
          id: g,
          label: GUARANTEE_NAMES[g],
          feedback: {
            'read-your-writes': 'Bob wrote nothing, and Alice reads nothing: no one misses their own write.',
            'monotonic-reads': 'Bob read each key once, so no read of his went back on an earlier one.',
            'monotonic-writes': 'Alice wrote the post before the comment, and Bob saw the comment without the post: her writes reached him out of order.',
            'writes-follow-reads': 'Alice read nothing before writing, so no write of hers follows a read.',
            causal: 'The comment causally follows the post (Alice wrote both, in that order), and Bob saw the effect without its cause.',
          }[g],
        })),
        answer: q6Broken,
      },
      { kind: 'fix', id: 'fix', prompt: 'Pick a fix. The story runs again with it, and the checker says whether causal consistency now holds.', story: 'comment-first', fixes: ['version', 'sync', 'deps', 'vector', 'home'] },
    ],
    explanation:
      'Causal consistency is broken, and so is monotonic writes: Alice’s two writes reached Bob’s replica in the wrong order. Fixes that work here: replicate the post synchronously before the comment is written; let the comment carry its dependency (explicitly, or as a version vector) so a replica holds it back until the post arrives; or serve the whole thread from one replica. Version-based reads here carry, key by key, the versions of Bob’s own writes; he wrote nothing, and the comment’s version says nothing about the post, so they do not help.',
    tryIt: { label: 'Each fix, its verdict and its cost in the sessions lab', href: '?lab=sessions&story=comment-first' },
  },
  {
    ...indexEntry('q7'),
    question:
      'Two people edit one empty document on two replicas. At the same moment A inserts “Hello” at position 0 and B inserts “World” at position 0; then each replica receives the other’s insert. What does each replica show, done three ways?',
    parts: [
      {
        kind: 'choice',
        id: 'position',
        prompt: 'Each replica applies the other’s insert at the position it was made at:',
        choices: q7Choices('Each replica puts the other’s word at position 0, in front of its own', Q7_POSITION),
        answer: () => [q7Choice(positionOnly('', Q7_A, Q7_B))],
      },
      {
        kind: 'choice',
        id: 'ot',
        prompt: 'Operational transformation: a remote insert is shifted past a local one that goes first; on a tie, site A’s text goes first:',
        choices: q7Choices('B’s insert is moved past “Hello” at A, and A’s stays at 0 at B', Q7_OT),
        answer: () => [q7Choice(operationalTransform('', Q7_A, Q7_B))],
      },
      {
        kind: 'choice',
        id: 'rga',
        prompt: 'A sequence CRDT (RGA): each letter has an id (a counter larger than any its site has seen, and the site) and goes after a letter, not at a position; letters after the same one are ordered by id, the larger first:',
        choices: q7Choices('Both first letters go after the start; (1, B) is larger than (1, A), so “World” comes first on both', Q7_RGA),
        answer: () => [q7Choice(rga('', Q7_A, Q7_B))],
      },
    ],
    explanation:
      'Replaying positions diverges: a position is only right for the text its author saw. Operational transformation rewrites each remote insert against what was applied locally; a sequence CRDT names where a letter goes by the ids around it, so there is nothing to rewrite. Both converge, and which word comes first is only a tie-break rule, the same on every replica: this lab’s transformation puts A first, its RGA puts the larger id first, and the module’s own example shows either order.',
    demo: 'collab-text',
  },
  {
    ...indexEntry('q8'),
    question:
      'A G-Counter on three nodes: A holds {A: 10, B: 3, C: 7}, B holds {A: 8, B: 3, C: 5}, C holds {A: 10, B: 2, C: 7}. What total does each node show? Then B adds 5 and sends its state to A, which merges it: what does A hold?',
    parts: [
      {
        kind: 'numbers',
        id: 'totals',
        prompt: 'The total each node shows now:',
        fields: (['A', 'B', 'C'] as const).map((node) => ({ label: `Node ${node}`, answer: () => gCounterTotal(Q8_STATES[node]) })),
      },
      {
        kind: 'numbers',
        id: 'after',
        prompt: 'Node A after merging B’s state:',
        fields: [
          ...(['A', 'B', 'C'] as const).map((entry) => ({ label: `A’s entry for ${entry}`, answer: () => q8After()[entry] ?? 0 })),
          { label: 'A’s total', answer: () => gCounterTotal(q8After()) },
        ],
      },
    ],
    explanation:
      'A shows 10 + 3 + 7 = 20, B shows 16 and C shows 19: each shows what it has heard of so far. B adding 5 raises only its own entry, to 8. A merges by taking each entry’s larger value: {A: 10, B: 8, C: 7}, total 25. Merging again, or in another order, changes nothing.',
    tryIt: { label: 'Run a G-Counter in the CRDT gallery', href: '?lab=conflicts&crdt=g-counter' },
  },
];

/** The guarantee a sessions story is about, as a sentence names it. */
export function storyGuaranteeName(storyId: string): string {
  const g = SESSION_STORIES.find((s) => s.id === storyId)!.guarantee;
  return g === 'causal' ? 'causal consistency' : GUARANTEE_NAMES[g].toLowerCase();
}

/** A fix's name for the quiz, with the lab's words for what it does. */
export const fixWords = (fix: FixId) => FIXES[fix];

/** The quiz's questions, then the exercise's parts: everything the quiz lab shows. */
export const QUIZ_AND_EXERCISES: readonly QuizItem[] = [...QUIZ, ...EXERCISES];

export function findQuizItem(id: string): QuizItem | undefined {
  return QUIZ_AND_EXERCISES.find((q) => q.id === id);
}

export { GUARANTEE_NAMES };
