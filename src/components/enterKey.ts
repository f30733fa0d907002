import type { KeyboardEvent } from 'react';

/** Enter in a text field does what the form's first button does, without a form submission. */
export function enterWrites(e: KeyboardEvent<HTMLElement>, act: () => void): void {
  if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement) || e.target.type === 'checkbox' || e.target.type === 'radio') return;
  e.preventDefault();
  act();
}
