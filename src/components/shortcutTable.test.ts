import { describe, expect, it } from 'vitest';
import { SHORTCUTS, bindings } from './shortcutTable.ts';

describe('the one table of shortcuts', () => {
  it('gives no key to two actions', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('binds each key of the actions given, and no other', () => {
    const calls: string[] = [];
    const map = bindings({ toggle: () => void calls.push('toggle'), next: () => void calls.push('next') });
    expect(Object.keys(map).sort()).toEqual([' ', 'ArrowRight', 'PageDown', 'k']);
    map['PageDown']!();
    map[' ']!();
    expect(calls).toEqual(['next', 'toggle']);
  });
});
