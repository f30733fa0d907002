import { describe, expect, it } from 'vitest';
import { SESSION_STORIES } from '../content/sessionStories.ts';
import { measureFix } from './sessionCosts.ts';

describe('what each session fix costs, on its story’s busier workload', () => {
  for (const story of SESSION_STORIES) {
    it(`${story.title}: broken without a fix, kept with each`, () => {
      expect(measureFix(story.id, 'none').verdict).toBe('violated');
      for (const fix of story.fixes.filter((f) => f !== 'none')) expect(measureFix(story.id, fix).verdict, fix).toBe('satisfied');
    });
  }

  it('shows each fix’s price: quorums slow every read and write, synchronous writes wait for all, and both lose availability while A is cut off', () => {
    const none = measureFix('own-write', 'none');
    const quorum = measureFix('own-write', 'quorum');
    const sync = measureFix('own-write', 'sync');
    const version = measureFix('own-write', 'version');
    const sticky = measureFix('own-write', 'sticky');
    expect(none.partition.succeeded).toBe(none.partition.started);
    expect(quorum.read!.p50).toBeGreaterThan(none.read!.p50);
    expect(quorum.write!.p50).toBeGreaterThan(none.write!.p50);
    expect(sync.write!.p50).toBeGreaterThan(quorum.write!.p50);
    expect(quorum.partition.succeeded).toBeLessThan(quorum.partition.started);
    expect(sync.partition.succeeded).toBeLessThan(quorum.partition.succeeded);
    // A version-based read waits for a replica to catch up: its slowest reads are slower, and a few fail during the cut.
    expect(version.read!.p99).toBeGreaterThan(none.read!.p99);
    expect(version.partition.succeeded).toBeLessThan(version.partition.started);
    // Sticky sessions cost nothing here: every client can still reach its replica.
    expect(sticky.partition.succeeded).toBe(sticky.partition.started);
    // None of these holds a write back.
    for (const cost of [none, quorum, sync, version, sticky]) expect(cost.heldMs, cost.fix).toBeNull();
  });

  it('shows causal delivery’s hidden price: a write acknowledged during the partition stays unseen on the other side until the heal', () => {
    for (const fix of ['deps', 'vector'] as const) {
      const held = measureFix('comment-first', fix).heldMs!;
      // Held for most of the 6 s cut, never beyond the run.
      expect(held, fix).toBeGreaterThan(4000);
      expect(held, fix).toBeLessThan(10_000);
    }
  });
});
