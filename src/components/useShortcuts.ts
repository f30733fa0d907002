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

/** Arrow and page keys belong to a control that moves with them (a slider, a radio group, a list, a field) and to a scrolled box. */
function navigationBelongsToTarget(key: string, target: EventTarget | null): boolean {
  if (!/^(Arrow|Page)/.test(key) || !(target instanceof Element)) return false;
  return target.closest('input, select, textarea, [role="slider"], [role="radiogroup"], [role="radio"], [role="tablist"], [role="listbox"], [role="menu"], [role="grid"], [role="tree"]') !== null;
}

/** Space belongs to whatever control has focus: it presses buttons and ticks boxes. */
function spaceBelongsToTarget(key: string, target: EventTarget | null): boolean {
  return key === ' ' && target instanceof Element && target.closest('button, a, summary, input, select, textarea, [role="button"], [role="listitem"], [tabindex]') !== null;
}

/**
 * Page-wide keyboard shortcuts that never fire while the learner types in a field, or
 * with Ctrl, Alt or Meta held (those belong to the browser and assistive technology).
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target) || spaceBelongsToTarget(e.key, e.target) || navigationBelongsToTarget(e.key, e.target)) return;
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
