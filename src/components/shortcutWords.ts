import type { ShortcutAction } from './shortcutTable.ts';

/** What each shortcut's keys are shown as, and what it does, in the help dialog's words. */
export const SHORTCUT_WORDS: Readonly<Record<ShortcutAction, { readonly shown: string; readonly does: string }>> = {
  toggle: { shown: 'k or Space', does: 'Play or pause' },
  step: { shown: '.', does: 'Step to the next event (over any quiet stretch)' },
  reset: { shown: 'Shift+R', does: 'Reset the run' },
  help: { shown: '?', does: 'This list' },
  presenter: { shown: 'Shift+P', does: 'Presenter mode on or off' },
  next: { shown: 'PageDown or →', does: 'Next story, demo, lesson step, question or playlist item' },
  previous: { shown: 'PageUp or ←', does: 'The one before' },
  blank: { shown: 'b', does: 'Blank the screen, or show it again' },
  fullscreen: { shown: 'f', does: 'Full screen on or off' },
  speaker: { shown: 's', does: 'Open the speaker view in a second window' },
};
