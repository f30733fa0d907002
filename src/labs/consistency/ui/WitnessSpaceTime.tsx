import { useMemo } from 'react';
import type { ModelId } from '../../../check/models.ts';
import { SpaceTimePanel } from '../../../components/SpaceTimePanel.tsx';
import { MODEL_NAMES } from '../../../content/modelNames.ts';
import type { OpId } from '../../../sim/ids.ts';
import type { Judgement } from '../model/judgeRun.ts';

/** The run's space-time diagram, with the chosen model's witness and its messages brought forward while nothing is pointed at. */
export function WitnessSpaceTime({ judgement, model, reducedMotion }: { readonly judgement: Judgement | null; readonly model: ModelId; readonly reducedMotion: boolean }) {
  const verdict = judgement?.verdicts[model];
  const marked = useMemo(() => {
    if (!judgement || verdict?.result !== 'violated') return undefined;
    const witness = new Set(verdict.witness.ops);
    // A run's history names each operation's simulator id as its source.
    const ops = new Set(judgement.history.filter((o) => witness.has(o.id)).map((o) => o.source as OpId));
    return { ops, caption: `Marked: the operations that break ${MODEL_NAMES[model].toLowerCase()}, with their messages. Point at anything to light it up instead.` };
  }, [judgement, verdict, model]);
  return <SpaceTimePanel reducedMotion={reducedMotion} {...(marked ? { marked } : {})} />;
}
