import type { lostWriteWords } from '../content/lostWriteWords.ts';

/*
 * Why a write is lost takes a paragraph of words (content/lostWriteWords.ts) that a lab
 * needs only once a write has been lost, never on its first screen. They load on demand;
 * the narration and the panels that tell lost writes wait for them, a moment at most.
 */
export type LostWriteWords = typeof lostWriteWords;

let loaded: LostWriteWords | null = null;
let loading: Promise<LostWriteWords> | null = null;

/** Load the words (once); resolves with the function that says why a write is lost. */
export function loadLostWriteWords(): Promise<LostWriteWords> {
  loading ??= import('../content/lostWriteWords.ts').then((m) => (loaded = m.lostWriteWords));
  return loading;
}

/** The words if they have loaded, else null (and they start loading). */
export function lostWriteWordsIfLoaded(): LostWriteWords | null {
  if (!loaded) void loadLostWriteWords();
  return loaded;
}
