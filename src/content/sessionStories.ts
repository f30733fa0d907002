import '../sim/sessions/install.ts';
import { makeScenario, type Action, type ClusterConfig, type Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';

/**
 * The sessions lab's stories: the module's three anomalies, each with the fixes the module
 * lists for it, and one for each session guarantee the module does not name (monotonic
 * writes, writes follow reads), so every guarantee on the consistency map has a story. A story is a small seeded run on three replicas (N = 3, W = R = 1,
 * 50 ms a message, one slow link of 900 ms, no anti-entropy or read repair), and a fix is
 * a change to the cluster's settings. Where a later operation is meant to start only once
 * an earlier one has been answered (a user reads after the write is acknowledged), its time
 * is found by running the story up to that answer under the chosen fix, so a fix that makes
 * writes slower makes the story wait for them, as a real client would.
 *
 * In our words; what each fix does, costs and is elsewhere is in sessionFixWords.ts, which
 * loads just after a lab's first screen.
 */
export type StoryId = 'own-write' | 'count-down' | 'comment-first' | 'old-price' | 'reply-first';
export type FixId = 'none' | 'sticky' | 'quorum' | 'version' | 'sync' | 'deps' | 'vector' | 'home';

export interface SessionFix {
  readonly id: FixId;
  readonly name: string;
  readonly cluster: (story: StoryId) => Partial<ClusterConfig>;
}

export interface SessionStory {
  readonly id: StoryId;
  readonly title: string;
  /** The anomaly, as the user meets it. */
  readonly story: string;
  /** The model the checker judges, and the guarantee's name. */
  readonly guarantee: 'read-your-writes' | 'monotonic-reads' | 'monotonic-writes' | 'writes-follow-reads' | 'causal';
  readonly fixes: readonly FixId[];
  readonly scenario: (fix: FixId, options?: { readonly twist?: boolean }) => Scenario;
  /**
   * A twist the learner can add to test the fixes (where is my update: A crashes just after
   * acknowledging the write; a comment before its post: Bob writes something unrelated),
   * how the verdict line says it, and what it shows.
   */
  readonly twist?: { readonly label: string; readonly said: string; readonly shows: string };
  /** Two keys a reader sees together (a post and its comment), shown as each replica would show them; the anomaly is the second without the first. */
  readonly feed?: { readonly first: string; readonly then: string; readonly firstWord: string; readonly thenWord: string };
}

/** The keys written synchronously, story by story: those a later read must not miss. */
const SYNC_KEYS: Readonly<Partial<Record<StoryId, readonly string[]>>> = {
  'own-write': ['x', 'y', 'z'],
  'comment-first': ['post'],
  'old-price': ['price'],
  'reply-first': ['question'],
};

/** The keys a home replica serves, story by story: those the anomaly is made of. */
const HOME_KEYS: Readonly<Record<StoryId, readonly string[]>> = {
  'own-write': ['x', 'y', 'z'],
  'count-down': ['x'],
  'comment-first': ['post', 'comment'],
  'old-price': ['price', 'live'],
  'reply-first': ['question', 'reply'],
};

const BASE: Partial<ClusterConfig> = { replicas: 3, n: 3, w: 1, r: 1, clients: ['alice', 'bob'], antiEntropyMs: 0, readRepair: false };
const SLOW = 900;

function scenarioOf(script: readonly Action[], cluster: Partial<ClusterConfig>, slow: readonly (readonly [string, string])[]): Scenario {
  return makeScenario({
    seed: 1,
    cluster: { ...BASE, ...cluster },
    network: { latency: { kind: 'constant', ms: 50 }, loss: 0, links: slow.map(([from, to]) => ({ from, to, latency: { kind: 'constant', ms: SLOW } })) },
    script,
  });
}

/** When the script's last operation is answered under these settings (the story's next step waits for it). */
function answeredAt(script: readonly Action[], cluster: Partial<ClusterConfig>, slow: readonly (readonly [string, string])[]): number {
  const sim = new Simulation(scenarioOf(script, cluster, slow));
  sim.runUntil(10_000);
  const op = sim.trace.ops[sim.trace.ops.length - 1]!;
  return op.completedAt ?? 10_000;
}

/** The busier workload's partition, where each fix's cost is measured (analysis/sessionCosts.ts): replica A cut off from B and C. */
export const PARTITION = { from: 8_000, until: 14_000 } as const;

export const FIXES: Readonly<Record<FixId, SessionFix>> = {
  none: {
    id: 'none',
    name: 'No fix',
    cluster: () => ({}),
  },
  sticky: {
    id: 'sticky',
    name: 'Sticky sessions',
    cluster: () => ({ sticky: true }),
  },
  quorum: {
    id: 'quorum',
    name: 'Quorums, W + R > N',
    cluster: () => ({ w: 2, r: 2 }),
  },
  version: {
    id: 'version',
    name: 'Version-based reads',
    cluster: (story) => ({ sessionReads: story === 'count-down' ? 'reads' : 'writes' }),
  },
  sync: {
    id: 'sync',
    name: 'Synchronous replication',
    cluster: (story) => ({ syncKeys: SYNC_KEYS[story] ?? [] }),
  },
  deps: {
    id: 'deps',
    name: 'Explicit dependencies',
    cluster: () => ({ causalDelivery: 'deps' }),
  },
  home: {
    id: 'home',
    name: 'A home replica',
    cluster: (story) => ({ homeKeys: HOME_KEYS[story], home: 'A' }),
  },
  vector: {
    id: 'vector',
    name: 'Version vectors',
    cluster: () => ({ causalDelivery: 'vector' }),
  },
};

export const SESSION_STORIES: readonly SessionStory[] = [
  {
    id: 'own-write',
    title: 'Where is my update?',
    story:
      'Alice saves x = 1 through replica A, which answers at once. As soon as she is told it is saved, she reloads the page, and the load balancer sends her read to B. The copy of her write is still on its way to B over a slow link, so she sees nothing.',
    guarantee: 'read-your-writes',
    fixes: ['none', 'sticky', 'quorum', 'version', 'sync'],
    twist: {
      label: 'A crashes just after acknowledging the write, and the copy for B is lost',
      said: 'and A crashing',
      shows:
        'With sticky sessions, Alice’s read goes to A, gets no answer, and after the timeout fails over to B, which never got her write: read your writes breaks at the failover. Version-based reads and quorums still find her write at C. Synchronous replication cannot finish the write at all (B never acknowledges it), so Alice is told it failed, though it stays on A and C and may show up later: nothing she was told was saved goes missing.',
    },
    scenario: (fix, options = {}) => {
      const crashing = options.twist === true;
      const cluster = FIXES[fix].cluster('own-write');
      const slow = [['A', 'B']] as const;
      // With the crash: the link A–B is cut from the start (the copy for B is lost), and A stops once it has answered.
      const cut: Action[] = crashing ? [{ at: 0, type: 'cut', from: 'A', to: 'B' }] : [];
      const write: Action = { at: 0, type: 'write', client: 'alice', coordinator: 'A', key: 'x', value: '1' };
      const acked = answeredAt([...cut, write], cluster, slow);
      const crash: Action[] = crashing ? [{ at: acked + 10, type: 'crash', node: 'A' }] : [];
      return scenarioOf([...cut, write, ...crash, { at: acked + 50, type: 'read', client: 'alice', coordinator: 'B', key: 'x' }], cluster, slow);
    },
  },
  {
    id: 'count-down',
    title: 'The count went down',
    story:
      'The like count x went from 1 to 2 a moment ago, through replica A. Bob reads it through A and sees 2; his next read goes to B, which has not yet heard of the second like, and he sees 1.',
    guarantee: 'monotonic-reads',
    fixes: ['none', 'sticky', 'version'],
    scenario: (fix) => {
      const cluster = FIXES[fix].cluster('count-down');
      const slow = [['A', 'B']] as const;
      const script: Action[] = [
        { at: 0, type: 'write', client: 'alice', coordinator: 'B', key: 'x', value: '1' },
        { at: 200, type: 'write', client: 'alice', coordinator: 'A', key: 'x', value: '2' },
        { at: 300, type: 'read', client: 'bob', coordinator: 'A', key: 'x' },
      ];
      const nextAt = answeredAt(script, cluster, slow) + 50;
      return scenarioOf([...script, { at: nextAt, type: 'read', client: 'bob', coordinator: 'B', key: 'x' }], cluster, slow);
    },
  },
  {
    id: 'comment-first',
    title: 'A comment before its post',
    story:
      'Alice posts “Hello” (the key post) through A, and once it is saved comments “First!” (the key comment); the comment goes through C. C passes the comment to B at once, but the post crawls to B over a slow link from A. Bob, reading through B, sees the comment and no post.',
    guarantee: 'causal',
    // Not sticky sessions: they keep one user's own session in order, not one user's writes as another user sees them.
    // A home replica is the module's "route the thread's reads to one replica": its writes go there too, or that replica could show the comment first as B does.
    fixes: ['none', 'sync', 'deps', 'vector', 'home'],
    feed: { first: 'post', then: 'comment', firstWord: 'post', thenWord: 'comment' },
    twist: {
      label: 'Bob first reads an unrelated key, note, through A, then writes note = hi through B',
      said: 'and Bob writing a note',
      shows:
        'By version vector, B will not take Bob’s note until the post has reached it, though the note does not depend on the post: his read at A put A’s writes, the post among them, in his vector (a false dependency). By explicit dependencies B takes it at once: it depends only on what Bob read, and he read no note.',
    },
    scenario: (fix, options = {}) => {
      const cluster = FIXES[fix].cluster('comment-first');
      const slow = [['A', 'B']] as const;
      // The twist: Bob reads note through A once the post is there, then writes his own note through B.
      const note: Action[] = options.twist
        ? [
            { at: 60, type: 'read', client: 'bob', coordinator: 'A', key: 'note' },
            { at: 220, type: 'write', client: 'bob', coordinator: 'B', key: 'note', value: 'hi' },
          ]
        : [];
      const post: Action = { at: 0, type: 'write', client: 'alice', coordinator: 'A', key: 'post', value: 'Hello' };
      const commentAt = answeredAt([post], cluster, slow) + 50;
      const comment: Action = { at: commentAt, type: 'write', client: 'alice', coordinator: 'C', key: 'comment', value: 'First!' };
      const readAt = commentAt + 150;
      return scenarioOf(
        [post, comment, ...note, { at: readAt, type: 'read', client: 'bob', coordinator: 'B', key: 'comment' }, { at: readAt + 150, type: 'read', client: 'bob', coordinator: 'B', key: 'post' }],
        cluster,
        slow,
      );
    },
  },
  {
    id: 'old-price',
    title: 'The price before its correction',
    story:
      'Alice sets the price to 10 through B, corrects it to 12 through A, and once that is saved puts the item on sale (live = yes) through C. C passes the sale to B at once, but the correction crawls to B over a slow link from A. Bob, reading through B, sees the item on sale at the old price, 10.',
    guarantee: 'monotonic-writes',
    // Not sticky sessions: they keep one user's own session in order, not one user's writes as another user sees them.
    // Not version-based reads: this lab's tokens are per key, and Bob has read nothing of price (a session-wide token, as
    // MongoDB's operation time, would hold his read at B).
    fixes: ['none', 'quorum', 'sync', 'deps', 'vector', 'home'],
    scenario: (fix) => {
      const cluster = FIXES[fix].cluster('old-price');
      const slow = [['A', 'B']] as const;
      const first: Action = { at: 0, type: 'write', client: 'alice', coordinator: 'B', key: 'price', value: '10' };
      const correction: Action = { at: answeredAt([first], cluster, slow) + 50, type: 'write', client: 'alice', coordinator: 'A', key: 'price', value: '12' };
      const live: Action = { at: answeredAt([first, correction], cluster, slow) + 50, type: 'write', client: 'alice', coordinator: 'C', key: 'live', value: 'yes' };
      const lookAt = live.at + 150;
      return scenarioOf(
        [first, correction, live, { at: lookAt, type: 'read', client: 'bob', coordinator: 'B', key: 'live' }, { at: lookAt + 150, type: 'read', client: 'bob', coordinator: 'B', key: 'price' }],
        cluster,
        slow,
      );
    },
  },
  {
    id: 'reply-first',
    title: 'A reply before its question',
    story:
      'Alice asks “Lunch?” (the key question) through A. Bob reads it through A and replies “Yes!” (the key reply) through C. C passes the reply to B at once, but the question crawls to B over a slow link from A. Carol, reading through B, sees a reply to nothing.',
    guarantee: 'writes-follow-reads',
    // Not quorums: without write-back, Bob can read a question whose write is still on one replica, and his reply can then outrun it.
    fixes: ['none', 'sync', 'deps', 'vector', 'home'],
    feed: { first: 'question', then: 'reply', firstWord: 'question', thenWord: 'reply' },
    scenario: (fix) => {
      const cluster = { ...FIXES[fix].cluster('reply-first'), clients: ['alice', 'bob', 'carol'] };
      const slow = [['A', 'B']] as const;
      const ask: Action = { at: 0, type: 'write', client: 'alice', coordinator: 'A', key: 'question', value: 'Lunch?' };
      const read: Action = { at: answeredAt([ask], cluster, slow) + 50, type: 'read', client: 'bob', coordinator: 'A', key: 'question' };
      const reply: Action = { at: answeredAt([ask, read], cluster, slow) + 50, type: 'write', client: 'bob', coordinator: 'C', key: 'reply', value: 'Yes!' };
      const seeAt = reply.at + 150;
      return scenarioOf(
        [ask, read, reply, { at: seeAt, type: 'read', client: 'carol', coordinator: 'B', key: 'reply' }, { at: seeAt + 150, type: 'read', client: 'carol', coordinator: 'B', key: 'question' }],
        cluster,
        slow,
      );
    },
  },
];
