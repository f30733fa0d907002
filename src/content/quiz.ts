import '../sim/sessions/install.ts';
import { historyFromRun } from '../check/fromTrace.ts';
import { sessionGuarantees, bySession } from '../check/sessions.ts';
import { causalConsistency } from '../check/causal.ts';
import { operationalTransform, positionOnly, rga, type Insert, type Outcome } from '../analysis/collabText.ts';
import { makeScenario, type Action } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { bump, gCounterTotal, mergeGCounters, type GCounterState } from '../sim/values/crdt/gCounter.ts';
import { FIXES, SESSION_STORIES, type FixId } from './sessionStories.ts';
import { EXERCISES } from './exercises.ts';
import { indexEntry, type Choice, type QuizItem, type QuorumGoal } from './quizTypes.ts';
import { LEVELS, Q4_ROWS } from './quizTryThis.ts';

export { storyKeptWith } from './quizTryThis.ts';

export type { Choice, QuizItem, QuizPart, QuorumGoal, TableRow } from './quizTypes.ts';
export { VECTOR_ORDER_WORDS } from './quizTypes.ts';

/**
 * The module's quiz, in our words, as typed data. Every answer is computed by the
 * simulator or by the pure modules the labs use (a version vector's comparison, a
 * G-Counter's merge, the checkers, a story run under a fix), so a wrong key here cannot
 * make the lab contradict its own simulation; the module's printed answers are the tests'
 * oracle (quiz.test.ts).
 *
 * An item is one or more parts, each of a kind the quiz lab knows how to draw
 * (labs/quiz/ui/QuizPartView.tsx). Adding an item: add it to QUIZ with parts of these
 * kinds; adding a kind: add it to `QuizPart` in quizTypes.ts and a case to the grading and
 * the component (README, "Adding a quiz item"). Question 4's table is in quizTryThis.ts,
 * the hands-on exercise in exercises.ts.
 */

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

// ── Q5: N = 5 ────────────────────────────────────────────────────────────────────────────

const Q5_GOALS: readonly QuorumGoal[] = [
  {
    id: 'strong',
    tag: '(a)',
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
    tag: '(b)',
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
    tag: '(c)',
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
        answer: () => [q7Choice(Q7_POSITION)],
      },
      {
        kind: 'choice',
        id: 'ot',
        prompt: 'Operational transformation: a remote insert is shifted past a local one that goes first; on a tie, site A’s text goes first:',
        choices: q7Choices('B’s insert is moved past “Hello” at A, and A’s stays at 0 at B', Q7_OT),
        answer: () => [q7Choice(Q7_OT)],
      },
      {
        kind: 'choice',
        id: 'rga',
        prompt: 'A sequence CRDT (RGA): each letter has an id (a counter larger than any its site has seen, and the site) and goes after a letter, not at a position; letters after the same one are ordered by id, the larger first:',
        choices: q7Choices('Both first letters go after the start; (1, B) is larger than (1, A), so “World” comes first on both', Q7_RGA),
        answer: () => [q7Choice(Q7_RGA)],
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

