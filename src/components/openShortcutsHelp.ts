import { createStore } from 'zustand/vanilla';

/**
 * Asking for the list of shortcuts (? or the playback bar's button). The dialog itself
 * (ShortcutsHelp.tsx) loads the first time it is asked for: no lab's first screen carries it.
 */
export const shortcutsHelpAsked = createStore<{ readonly asked: number }>(() => ({ asked: 0 }));

export const selectAsked = (s: { readonly asked: number }) => s.asked;

/** Open the page's list of shortcuts. */
export function openShortcutsHelp(): void {
  shortcutsHelpAsked.setState((s) => ({ asked: s.asked + 1 }));
}
