import '../sim/sessions/install.ts';
import { judgeGuarantee } from '../analysis/sessionCosts.ts';
import { likesAtOnce, takeTwice } from '../analysis/tryThis.ts';
import type { ClusterConfig } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';
import { SESSION_STORIES, type FixId } from './sessionStories.ts';
import type { TableRow } from './quizTypes.ts';

/**
 * Question 4, the module's "Try this" table: a level of consistency per kind of data, and
 * each row's case run by the simulator (analysis/tryThis.ts, the sessions stories).
 */

/** Whether a sessions story keeps its guarantee with a fix (or a setting given as one): it runs, and the checker decides. */
export function storyKeptWith(storyId: string, fix: FixId, extra: Partial<ClusterConfig> = {}): boolean {
  const story = SESSION_STORIES.find((s) => s.id === storyId)!;
  const scenario = story.scenario(fix);
  const sim = new Simulation({ ...scenario, cluster: { ...scenario.cluster, ...extra } });
  sim.runUntil(10_000);
  return judgeGuarantee(story, sim).result === 'satisfied';
}

// ── Q4: eventual or strong, row by row ─────────────────────────────────────────────────

export const LEVELS = [
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

export const Q4_ROWS: readonly TableRow[] = [
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
