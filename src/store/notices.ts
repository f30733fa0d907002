import { smallerRunLabel } from '../content/budgetWords.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { Notice } from './labStore.ts';

/**
 * The notice a lab opens with when its address had values it could not use: every
 * sentence, and where a run was too big, a button that opens the smaller one offered.
 */
export function addressNotice(problems: readonly string[], smaller?: { readonly scenario: Scenario; readonly time: number; readonly cut?: 'time' | 'actions' } | null): Notice | null {
  if (problems.length === 0) return null;
  const offer = smaller ? { label: smallerRunLabel(smaller), scenario: smaller.scenario, time: smaller.time } : undefined;
  return { kind: 'error', text: problems.join(' '), ...(offer ? { offer } : {}) };
}
