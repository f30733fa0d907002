import type { FixId, StoryId } from '../../../content/sessionStories.ts';
import type { Verdict } from '../../../check/verdict.ts';
import type { FixCost } from '../../../analysis/sessionCosts.ts';

/** What the page asks the sessions worker (costWorker.ts), and what it answers: a verdict on a story's run, or one fix's costs at a time. */
export type CostAsk = { readonly kind: 'story'; readonly story: StoryId; readonly fix: FixId; readonly twist: boolean } | { readonly kind: 'costs'; readonly story: StoryId };
export type CostRequest = CostAsk & { readonly id: number };

export type CostResponse =
  | { readonly id: number; readonly kind: 'story'; readonly verdict: Verdict }
  | { readonly id: number; readonly kind: 'cost'; readonly row: FixCost; readonly last: boolean };

/** Answer a request, row by row for costs (each row is one run of the workload). */
export async function answer(req: CostRequest, post: (r: CostResponse) => void, pause: () => Promise<void>): Promise<void> {
  const { SESSION_STORIES } = await import('../../../content/sessionStories.ts');
  const { judgeGuarantee, measureFix } = await import('../../../analysis/sessionCosts.ts');
  const { Simulation } = await import('../../../sim/simulation.ts');
  const story = SESSION_STORIES.find((s) => s.id === req.story)!;
  if (req.kind === 'story') {
    const sim = new Simulation(story.scenario(req.fix, { twist: req.twist }));
    sim.runUntil(10_000);
    post({ id: req.id, kind: 'story', verdict: judgeGuarantee(story, sim) });
    return;
  }
  for (const [i, fix] of story.fixes.entries()) {
    post({ id: req.id, kind: 'cost', row: measureFix(req.story, fix), last: i === story.fixes.length - 1 });
    await pause();
  }
}
