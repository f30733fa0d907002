import { causalConsistency } from '../check/causal.ts';
import { historyFromRun } from '../check/fromTrace.ts';
import { bySession, sessionGuarantees } from '../check/sessions.ts';
import type { Verdict } from '../check/verdict.ts';
import { FIXES, PARTITION, SESSION_STORIES, type FixId, type SessionStory, type StoryId } from '../content/sessionStories.ts';
import { createRng } from '../sim/rng.ts';
import { makeScenario, type Action, type Scenario } from '../sim/scenario.ts';
import { Simulation } from '../sim/simulation.ts';

const LENGTH = 22_000;

/** What one fix costs on a story's workload, measured on its run. */
export interface FixCost {
  readonly fix: FixId;
  /** The story's guarantee on the workload: does it hold with this fix? */
  readonly verdict: Verdict['result'];
  readonly read: Percentiles | null;
  readonly write: Percentiles | null;
  /** Operations started while A was cut off, and how many of them succeeded. */
  readonly partition: { readonly started: number; readonly succeeded: number };
  /**
   * The longest any replica held a write back (causal delivery) before applying it, in ms,
   * counting one still held at the end of the run up to then; null if none was held. A held
   * write is acknowledged yet unseen there: a cost the latencies do not show.
   */
  readonly heldMs: number | null;
}

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

/**
 * A story's busier workload: three users for 22 seconds on three replicas (N = 3, W = R = 1
 * unless the fix changes them), latencies drawn at random (exponential, 40 ms on average,
 * so messages overtake each other), and A cut off from B and C from 8 s to 14 s. Each user
 * picks a replica at random for every request, as a load balancer without affinity would.
 * - Where is my update: each user writes a key and reads it back 400 ms later. Under the
 *   slower fixes some reads start before their write is answered; read-your-writes does
 *   not constrain those, so the verdict rests on the reads that start after.
 * - The count went down: alice writes x every 300 ms; bob and carol take turns reading
 *   it, each every 300 ms.
 * - The price before its correction: alice sets a price, corrects it and puts the item on
 *   sale, each through any replica; bob reads the sale and then the price through B. The
 *   anomaly needs the correction to go through A while it is cut off and the sale through B
 *   or C, so without a fix about half of the seeds show it (this one does).
 * - A reply before its question: alice asks; bob reads the question and replies, each
 *   through any replica; carol reads the reply and then the question through B.
 * - A comment before its post: alice posts and then comments, through any replica; bob
 *   reads the comment and then the post through B (a reader that hops between replicas
 *   can see a comment at one and miss its post at the next, whatever the writes carry:
 *   COPS keeps each client with one datacenter for this reason).
 */
export function workload(story: StoryId, fix: FixId): Scenario {
  const rng = createRng({ 'own-write': 21, 'count-down': 22, 'comment-first': 23, 'old-price': 25, 'reply-first': 26 }[story]);
  const via = () => 'ABC'[rng.int(3)]!;
  const script: Action[] = [];
  if (story === 'own-write') {
    for (let t = 0, i = 0; t < LENGTH - 1000; t += 600) {
      for (const [u, client] of ['alice', 'bob', 'carol'].entries()) {
        const key = 'xyz'[(i + u) % 3]!;
        script.push({ at: t + u * 150, type: 'write', client, coordinator: via(), key, value: `${client}${i}` });
        script.push({ at: t + u * 150 + 400, type: 'read', client, coordinator: via(), key });
      }
      i++;
    }
  } else if (story === 'count-down') {
    for (let t = 0, i = 1; t < LENGTH - 1000; t += 150, i++) {
      if (i % 2 === 0) script.push({ at: t, type: 'write', client: 'alice', coordinator: via(), key: 'x', value: String(i) });
      script.push({ at: t + 20, type: 'read', client: i % 2 === 0 ? 'bob' : 'carol', coordinator: via(), key: 'x' });
    }
  } else if (story === 'old-price') {
    for (let t = 0, i = 0; t < LENGTH - 1000; t += 700, i++) {
      script.push({ at: t, type: 'write', client: 'alice', coordinator: via(), key: 'price', value: `${i}0` });
      script.push({ at: t + 150, type: 'write', client: 'alice', coordinator: via(), key: 'price', value: `${i}2` });
      script.push({ at: t + 300, type: 'write', client: 'alice', coordinator: via(), key: 'live', value: `on${i}` });
      // Bob reads through B, as in the comment story, soon after the sale.
      script.push({ at: t + 420, type: 'read', client: 'bob', coordinator: 'B', key: 'live' });
      script.push({ at: t + 600, type: 'read', client: 'bob', coordinator: 'B', key: 'price' });
    }
  } else if (story === 'reply-first') {
    for (let t = 0, i = 0; t < LENGTH - 1000; t += 700, i++) {
      script.push({ at: t, type: 'write', client: 'alice', coordinator: via(), key: 'question', value: `q${i}` });
      script.push({ at: t + 150, type: 'read', client: 'bob', coordinator: via(), key: 'question' });
      script.push({ at: t + 300, type: 'write', client: 'bob', coordinator: via(), key: 'reply', value: `r${i}` });
      // Carol reads through B, as Bob does in the comment story: causal delivery keeps a reader in order only while it stays with one replica.
      script.push({ at: t + 450, type: 'read', client: 'carol', coordinator: 'B', key: 'reply' });
      script.push({ at: t + 600, type: 'read', client: 'carol', coordinator: 'B', key: 'question' });
    }
  } else {
    for (let t = 0, i = 0; t < LENGTH - 1000; t += 700, i++) {
      script.push({ at: t, type: 'write', client: 'alice', coordinator: via(), key: 'post', value: `p${i}` });
      script.push({ at: t + 300, type: 'write', client: 'alice', coordinator: via(), key: 'comment', value: `c${i}` });
      // Bob reads through B, his nearby replica: causal delivery keeps a reader causally consistent only while it stays with one replica.
      script.push({ at: t + 450, type: 'read', client: 'bob', coordinator: 'B', key: 'comment' });
      script.push({ at: t + 600, type: 'read', client: 'bob', coordinator: 'B', key: 'post' });
    }
  }
  script.push({ at: PARTITION.from, type: 'partition', groups: [['A'], ['B', 'C']] }, { at: PARTITION.until, type: 'heal-all' });
  script.sort((a, b) => a.at - b.at);
  return makeScenario({
    seed: 5,
    cluster: { replicas: 3, n: 3, w: 1, r: 1, clients: ['alice', 'bob', 'carol'], antiEntropyMs: 0, readRepair: false, ...FIXES[fix].cluster(story) },
    network: { latency: { kind: 'exponential', rate: 1 / 40 } },
    script,
  });
}

/** The story's guarantee judged on a run. */
export function judgeGuarantee(story: SessionStory, sim: Simulation): Verdict {
  const history = historyFromRun(sim.trace.ops, sim.strategy.id);
  if (!history) return { result: 'unknown', reason: 'the run is not of registers' };
  // Causality needs sessions that wait for each answer (check/sessions.ts).
  return story.guarantee === 'causal' ? causalConsistency(bySession(history)).cc : sessionGuarantees(history)[story.guarantee];
}

function percentiles(xs: number[]): Percentiles | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Run a story's workload with a fix and measure it: the verdict, latencies of what succeeded, and what succeeded during the partition. */
export function measureFix(storyId: StoryId, fix: FixId): FixCost {
  const story = SESSION_STORIES.find((s) => s.id === storyId)!;
  const sim = new Simulation(workload(storyId, fix));
  sim.runUntil(LENGTH + 5000);
  const ops = sim.trace.ops;
  const took = (kind: 'read' | 'write') => ops.filter((o) => o.kind === kind && o.outcome === 'ok').map((o) => o.completedAt! - o.invokedAt);
  const during = ops.filter((o) => o.invokedAt >= PARTITION.from && o.invokedAt < PARTITION.until);
  return {
    fix,
    verdict: judgeGuarantee(story, sim).result,
    read: percentiles(took('read')),
    write: percentiles(took('write')),
    partition: { started: during.length, succeeded: during.filter((o) => o.outcome === 'ok').length },
    heldMs: longestHold(sim),
  };
}

function longestHold(sim: Simulation): number | null {
  const holds = sim.trace.waits.filter((w) => w.kind === 'update').map((w) => (w.until ?? sim.now) - w.from);
  return holds.length > 0 ? Math.max(...holds) : null;
}
