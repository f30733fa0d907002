import { useEffect, useState } from 'react';
import { loadLostWriteWords, lostWriteWordsIfLoaded, type LostWriteWords } from '../controller/lostWords.ts';

/**
 * The function that says why a write is lost, for a panel that has one to tell: null on
 * the render that first needs it, until the words have loaded (controller/lostWords.ts).
 */
export function useLostWriteWords(needed: boolean): LostWriteWords | null {
  const [say, setSay] = useState<LostWriteWords | null>(() => (needed ? lostWriteWordsIfLoaded() : null));
  useEffect(() => {
    if (!needed || say) return;
    let live = true;
    void loadLostWriteWords().then((f) => live && setSay(() => f));
    return () => {
      live = false;
    };
  }, [needed, say]);
  return say;
}
