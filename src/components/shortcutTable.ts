/**
 * Every keyboard shortcut of the app, in one table: no two actions share a key, whichever
 * lab is in view (a test checks it), and the help dialog (? in any lab) lists them in this
 * order, with the words for each (shortcutWords.ts, loaded with the dialog). None fires while the learner types in a field, nor with Ctrl, Alt or Meta held;
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
  readonly scope: ShortcutScope;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle', keys: ['k', ' '], scope: 'run' },
  { action: 'step', keys: ['.'], scope: 'run' },
  { action: 'reset', keys: ['Shift+R'], scope: 'run' },
  { action: 'help', keys: ['?', 'Shift+?'], scope: 'page' },
  { action: 'presenter', keys: ['Shift+P'], scope: 'page' },
  { action: 'next', keys: ['PageDown', 'ArrowRight'], scope: 'presenter' },
  { action: 'previous', keys: ['PageUp', 'ArrowLeft'], scope: 'presenter' },
  { action: 'blank', keys: ['b'], scope: 'presenter' },
  { action: 'fullscreen', keys: ['f'], scope: 'presenter' },
  { action: 'speaker', keys: ['s'], scope: 'presenter' },
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
