import type { LwwState } from '../sim/values/lww.ts';
import { historyOf, type MvState } from '../sim/values/mv.ts';
import { formatContext } from '../sim/values/causalContext.ts';
import type { StrategyId } from '../sim/values/types.ts';

/**
 * How a value strategy's states and writes are put in words: the simulator's value
 * strategies (sim/values/) compute, and these say. Times are in seconds everywhere, as the
 * picture, the table and the narration show them.
 */
export interface ValueWords {
  readonly label: string;
  /** One line for the table view and the inspector. */
  describe(state: unknown): string;
  /** The version alone, short enough to sit under a value in the picture: "@1.234 s A", "{A:2, B:1}". */
  stamp(state: unknown): string;
  /**
   * For strategies whose writes are operations rather than values: a write in words, as a
   * clause ("adds tv to cart") and as a subject ("Adding tv to cart").
   */
  describeWrite?(key: string, value: string): { readonly clause: string; readonly subject: string };
}

/** A last-write-wins stamp: "@1.234 s A". */
export function lwwStamp(state: LwwState): string {
  return state === null ? '' : `@${(state.ts / 1000).toFixed(3)} s ${state.node}`;
}

export const LWW_WORDS: ValueWords = {
  label: 'Last write wins',
  stamp: (s) => lwwStamp(s as LwwState),
  describe: (s) => (s === null ? 'empty' : `${(s as NonNullable<LwwState>).value} ${lwwStamp(s as LwwState)}`),
};

export const MV_WORDS: ValueWords = {
  label: 'Multi-value (version vectors)',
  stamp: (s) => (s as MvState).map((x) => formatContext(historyOf(x))).join(' | '),
  describe: (s) => ((s as MvState).length === 0 ? 'empty' : (s as MvState).map((x) => `${x.value} ${formatContext(historyOf(x))}`).join(' | ')),
};

const registered = new Map<StrategyId, ValueWords>([
  ['lww', LWW_WORDS],
  ['mv', MV_WORDS],
]);

/** Words for a strategy registered elsewhere (the carts register theirs with the conflicts lab). */
export function registerValueWords(id: StrategyId, words: ValueWords): void {
  registered.set(id, words);
}

/** The words for a strategy. A strategy with no words registered is a bug: it says so. */
export function valueWords(id: StrategyId): ValueWords {
  const words = registered.get(id);
  if (!words) throw new Error(`no words registered for the value strategy "${id}"`);
  return words;
}
