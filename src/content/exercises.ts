import { likesAtOnce } from '../analysis/tryThis.ts';
import { FAR_MS, lagRun, syncTwice, whichWon } from '../analysis/handsOn.ts';
import { indexEntry, type Choice, type QuizItem } from './quizTypes.ts';

/**
 * The module's hands-on exercise, done in the lab instead of on a Kubernetes cluster, in
 * three parts the quiz lab shows beside the questions. Like the quiz, every answer and
 * every figure in a sentence is computed by a run (analysis/handsOn.ts).
 */


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

export const EXERCISES: readonly QuizItem[] = [
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
      { kind: 'choice', id: 'apart', prompt: 'Half a second apart, with clocks that agree:', choices: wonChoices('Half a second is longer than any message takes here', WON_APART), answer: () => [wonChoice(WON_APART)] },
      { kind: 'choice', id: 'close', prompt: 'Five milliseconds apart, with clocks that agree:', choices: wonChoices('Each request takes 40 to 120 ms to reach its replica, far more than 5 ms', WON_CLOSE), answer: () => [wonChoice(WON_CLOSE)] },
      { kind: 'choice', id: 'skew', prompt: 'Half a second apart, with B’s clock a second behind:', choices: wonChoices('B stamps its write a second in the past, older than A’s', WON_SKEW), answer: () => [wonChoice(WON_SKEW)] },
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
