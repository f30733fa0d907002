import { FIX_WORDS } from './sessionFixWords.ts';
import { describe, expect, it } from 'vitest';
import { judgeGuarantee } from '../analysis/sessionCosts.ts';
import { describeOp } from '../check/history.ts';
import { historyFromRun } from '../check/fromTrace.ts';
import { sessionGuarantees } from '../check/sessions.ts';
import { Simulation } from '../sim/simulation.ts';
import { SESSION_STORIES, type FixId } from './sessionStories.ts';

function run(storyId: string, fix: FixId) {
  const story = SESSION_STORIES.find((s) => s.id === storyId)!;
  const sim = new Simulation(story.scenario(fix));
  sim.runUntil(10_000);
  return { story, sim, told: historyFromRun(sim.trace.ops, 'lww')!.map(describeOp) };
}

describe('session stories', () => {
  it('happen as told, with no fix: the guarantee each is about is broken', () => {
    expect(run('own-write', 'none').told).toEqual(['alice wrote x = 1', 'alice read x = nothing']);
    expect(run('count-down', 'none').told).toEqual(['alice wrote x = 1', 'alice wrote x = 2', 'bob read x = 2', 'bob read x = 1']);
    expect(run('comment-first', 'none').told).toEqual(['alice wrote post = Hello', 'alice wrote comment = First!', 'bob read comment = First!', 'bob read post = nothing']);
    expect(run('old-price', 'none').told).toEqual(['alice wrote price = 10', 'alice wrote price = 12', 'alice wrote live = yes', 'bob read live = yes', 'bob read price = 10']);
    expect(run('reply-first', 'none').told).toEqual(['alice wrote question = Lunch?', 'bob read question = Lunch?', 'bob wrote reply = Yes!', 'carol read reply = Yes!', 'carol read question = nothing']);
    for (const story of SESSION_STORIES) {
      const { sim } = run(story.id, 'none');
      expect(judgeGuarantee(story, sim).result, story.id).toBe('violated');
    }
  });

  it('the two stories beyond the module’s break their own guarantee and no other session guarantee', () => {
    const broken = (id: string) => {
      const { sim } = run(id, 'none');
      const guarantees = sessionGuarantees(historyFromRun(sim.trace.ops, 'lww')!);
      return Object.entries(guarantees).filter(([, v]) => v.result === 'violated').map(([g]) => g);
    };
    expect(broken('old-price')).toEqual(['monotonic-writes']);
    expect(broken('reply-first')).toEqual(['writes-follow-reads']);
  });

  it('a home replica serves the story’s keys whatever replica each request named', () => {
    const { sim } = run('comment-first', 'home');
    expect(sim.trace.ops.map((o) => o.coordinator)).toEqual(['A', 'A', 'A', 'A']);
  });

  it('are fixed by every fix each lists: the same story, its guarantee kept', () => {
    for (const story of SESSION_STORIES) {
      for (const fix of story.fixes.filter((f) => f !== 'none')) {
        const { sim } = run(story.id, fix);
        expect(judgeGuarantee(story, sim).result, `${story.id} with ${fix}`).toBe('satisfied');
        expect(sim.trace.ops.every((o) => o.outcome === 'ok'), `${story.id} with ${fix}: every operation answered`).toBe(true);
      }
    }
  });

  it('wait for the fix’s slower write before the next step, as a user would: synchronous replication makes Alice wait', () => {
    const plain = run('own-write', 'none').sim.trace.ops[0]!;
    const sync = run('own-write', 'sync').sim.trace.ops;
    expect(plain.completedAt).toBe(100);
    // The write waits for B over its 900 ms link; the read starts only after it.
    expect(sync[0]!.completedAt).toBe(1050);
    expect(sync[1]!.invokedAt).toBeGreaterThan(1050);
  });

  it('name a fix only where it has words', () => {
    for (const story of SESSION_STORIES) for (const fix of story.fixes) expect(FIX_WORDS[fix].what.length, fix).toBeGreaterThan(20);
  });

  it('test a fix with a fault: when A crashes, a sticky user fails over to B, which never got the write, and read-your-writes breaks there', () => {
    const story = SESSION_STORIES.find((s) => s.id === 'own-write')!;
    const runWith = (fix: FixId) => {
      const sim = new Simulation(story.scenario(fix, { twist: true }));
      sim.runUntil(10_000);
      return sim;
    };
    const sticky = runWith('sticky');
    expect(sticky.trace.events.filter((e) => e.type === 'failover').map((e) => e.type === 'failover' && `${e.from}→${e.to}`)).toEqual(['A→B']);
    expect(judgeGuarantee(story, sticky).result).toBe('violated');
    for (const fix of ['version', 'quorum'] as const) expect(judgeGuarantee(story, runWith(fix)).result, fix).toBe('satisfied');
    // Synchronous replication cannot finish the write: Alice is told it failed, and nothing acknowledged goes missing.
    const sync = runWith('sync');
    expect(sync.trace.ops[0]!.outcome).toBe('fail');
    expect(judgeGuarantee(story, sync).result).toBe('satisfied');
  });

  it('show a version vector’s false dependency: Bob’s unrelated note waits at B for the post by vector, not by explicit dependencies', () => {
    const story = SESSION_STORIES.find((s) => s.id === 'comment-first')!;
    const noteAtB = (fix: FixId) => {
      const sim = new Simulation(story.scenario(fix, { twist: true }));
      sim.runUntil(10_000);
      expect(judgeGuarantee(story, sim).result, fix).toBe('satisfied');
      return [...sim.trace.changes].find((c) => c.node === 'B' && c.key === 'note')!.at;
    };
    // Bob's note reaches B, its coordinator, at 270 ms; the post reaches B at 950 ms.
    expect(noteAtB('deps')).toBe(270);
    expect(noteAtB('vector')).toBe(950);
  });
});
