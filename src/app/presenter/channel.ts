/**
 * The speaker view and the projected window talk over a BroadcastChannel (same origin,
 * same browser): the projected window says what is on show and what comes next; the
 * speaker view asks for the next or previous one. A channel is open to every page of the
 * origin, so its name holds a random token the projected window makes and hands its own
 * speaker window (in the address's fragment, never sent to a server); and every message
 * is checked.
 */

const CHANNEL = 'ec-lab-presenter/v1/';

/** A fresh token for one projected window and its speaker view. */
export function newToken(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ShownState {
  readonly type: 'shown';
  /** "Item 2 of 5", "Story 1 of 4", or '' when nothing is stepped through. */
  readonly position: string;
  readonly title: string;
  readonly point: string;
  readonly next: { readonly title: string; readonly point: string } | null;
  /** Whether the projected screen is blanked (b). */
  readonly blank: boolean;
}

export type SpeakerMessage = { readonly type: 'hello' } | { readonly type: 'next' } | { readonly type: 'previous' } | { readonly type: 'blank' };

const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

export function isShownState(data: unknown): data is ShownState {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  const next = d.next as Record<string, unknown> | null | undefined;
  return (
    d.type === 'shown' &&
    text(d.position, 200) &&
    text(d.title, 400) &&
    text(d.point, 2_000) &&
    typeof d.blank === 'boolean' &&
    (next === null || (typeof next === 'object' && next !== undefined && text(next.title, 400) && text(next.point, 2_000)))
  );
}

export function isSpeakerMessage(data: unknown): data is SpeakerMessage {
  return typeof data === 'object' && data !== null && ['hello', 'next', 'previous', 'blank'].includes((data as { type?: unknown }).type as string);
}

/** The channel of one projected window and its speaker view, or null where the browser has none (then the speaker view says so). */
export function openChannel(token: string): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL + token);
  } catch {
    return null;
  }
}
