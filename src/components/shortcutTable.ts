/**
 * Every keyboard shortcut of the app, in one table: no two actions share a key, whichever
 * lab is in view (a test checks it), and the help dialog (? in any lab) lists them from
 * here. None fires while the learner types in a field, nor with Ctrl, Alt or Meta held;
 * the arrow and page keys never fire on a control that uses them itself (a slider, a
 * radio group, a list). Keys are KeyboardEvent.key values; a letter with Shift is
 * written "Shift+R".
 */

export type ShortcutAction = 'toggle' | 'step' | 'reset' | 'help' | 'next' | 'previous' | 'blank' | 'fullscreen' | 'presenter' | 'speaker';

/** Where a shortcut works: on a lab with a run, in presenter mode, or on every page. */
export type ShortcutScope = 'run' | 'presenter' | 'page';

export interface Shortcut {
  readonly action: ShortcutAction;
  readonly keys: readonly string[];
  /** The keys as the help dialog shows them. */
  readonly shown: string;
  readonly does: string;
  readonly scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle', keys: ['k', ' '], shown: 'k or Space', does: 'Play or pause', scope: 'run' },
  { action: 'step', keys: ['.'], shown: '.', does: 'Step to the next event (over any quiet stretch)', scope: 'run' },
  { action: 'reset', keys: ['Shift+R'], shown: 'Shift+R', does: 'Reset the run', scope: 'run' },
  { action: 'help', keys: ['?', 'Shift+?'], shown: '?', does: 'This list', scope: 'page' },
  { action: 'presenter', keys: ['Shift+P'], shown: 'Shift+P', does: 'Presenter mode on or off', scope: 'page' },
  { action: 'next', keys: ['PageDown', 'ArrowRight'], shown: 'PageDown or →', does: 'Next story, demo, lesson step, question or playlist item', scope: 'presenter' },
  { action: 'previous', keys: ['PageUp', 'ArrowLeft'], shown: 'PageUp or ←', does: 'The one before', scope: 'presenter' },
  { action: 'blank', keys: ['b'], shown: 'b', does: 'Blank the screen, or show it again', scope: 'presenter' },
  { action: 'fullscreen', keys: ['f'], shown: 'f', does: 'Full screen on or off', scope: 'presenter' },
  { action: 'speaker', keys: ['s'], shown: 's', does: 'Open the speaker view in a second window', scope: 'presenter' },
];

/** The keys of one action. */
export function keysOf(action: ShortcutAction): readonly string[] {
  return SHORTCUTS.find((s) => s.action === action)!.keys;
}

/** The keys of one action as aria-keyshortcuts spells them ("Shift+R", "Space"). */
export function ariaKeysOf(action: ShortcutAction): string {
  return keysOf(action)
    .map((k) => (k === ' ' ? 'Space' : k))
    .join(' ');
}

/** A key-to-handler map for useShortcuts, for the actions given. */
export function bindings(handlers: Partial<Record<ShortcutAction, () => void>>): Readonly<Record<string, () => void>> {
  const map: Record<string, () => void> = {};
  for (const s of SHORTCUTS) {
    const run = handlers[s.action];
    if (run) for (const key of s.keys) map[key] = run;
  }
  return map;
}
