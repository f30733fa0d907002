import { useEffect } from 'react';

/** Keys mapped to what they do; a key with Shift is written "Shift+R". */
export type Shortcuts = Readonly<Record<string, () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Range sliders and checkboxes take arrow keys and space, not letters: shortcuts still work there.
  const type = (target as HTMLInputElement).type;
  return !['range', 'checkbox', 'radio', 'button', 'submit'].includes(type);
}

/**
 * Arrow keys belong to a control that moves with them (a slider, a radio group, a list).
 * PageUp and PageDown do not: they are what a presenter's clicker sends, and a clicker
 * must step the lesson whatever was clicked last (a field, where they belong to the text,
 * is left out by isTyping).
 */
function navigationBelongsToTarget(key: string, target: EventTarget | null): boolean {
  if (!key.startsWith('Arrow') || !(target instanceof Element)) return false;
  return target.closest('input, select, textarea, [role="slider"], [role="radiogroup"], [role="radio"], [role="tablist"], [role="listbox"], [role="menu"], [role="grid"], [role="tree"]') !== null;
}

/** Space belongs to whatever control has focus: it presses buttons and ticks boxes. */
function spaceBelongsToTarget(key: string, target: EventTarget | null): boolean {
  return key === ' ' && target instanceof Element && target.closest('button, a, summary, input, select, textarea, [role="button"], [role="listitem"], [tabindex]') !== null;
}

/**
 * Page-wide keyboard shortcuts that never fire while the learner types in a field, with
 * Ctrl, Alt or Meta held (those belong to the browser and assistive technology), or while
 * a modal dialog is open (its keys are its own). A letter held down acts once.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target) || spaceBelongsToTarget(e.key, e.target) || navigationBelongsToTarget(e.key, e.target)) return;
      if ((e.repeat && /^[a-z]$/i.test(e.key)) || document.querySelector('dialog[open]:modal') !== null) return;
      // A letter is the same key with Caps Lock on.
      const name = e.key.length === 1 ? (e.shiftKey ? `Shift+${e.key.toUpperCase()}` : e.key.toLowerCase()) : e.key;
      const run = shortcuts[name];
      if (!run) return;
      e.preventDefault();
      run();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts]);
}
