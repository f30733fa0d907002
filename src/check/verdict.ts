/**
 * A checker's answer. `violated` comes with a witness; `unknown` when the checker could not
 * decide (past its budget, or the history lacks what the model needs), with the reason in
 * a few words. Never a guess.
 */
export type Verdict =
  | { readonly result: 'satisfied'; readonly order?: readonly number[] }
  | { readonly result: 'violated'; readonly witness: Witness }
  | { readonly result: 'unknown'; readonly reason: string };

export interface Witness {
  /** The few operations (history ids) that break the model, the smallest set found. */
  readonly ops: readonly number[];
  /** For the search-based checkers: the longest order of operations found before it was stuck (history ids); else empty. */
  readonly partial: readonly number[];
  /** The key whose operations these are ('' for one register, or when several keys are involved). */
  readonly key: string;
  /** Which rule was broken, where a model has several (a bad pattern's name, a session guarantee's). */
  readonly pattern?: string;
}
