import type { MessageRecord } from '../sim/trace.ts';
import { isDropped } from './messageStyle.ts';
import { along, type Point } from './layout.ts';

/** How long (virtual ms) a dropped message stays on screen where it died. */
export const DROP_LINGER_MS = 250;

export interface MessageMark {
  readonly message: MessageRecord;
  readonly at: Point;
  /** 0 at the sender, 1 at the receiver. */
  readonly progress: number;
  /** True once the message has been dropped (drawn as a fading ×). */
  readonly dropped: boolean;
  /** 1 while flying; fades to 0 over the linger after a drop. */
  readonly opacity: number;
}

/**
 * Where a message is drawn at time t, or null if it is not on screen. Position is a pure
 * function of (message, t), so play, pause, scrub and step all agree.
 * With reduced motion a message does not glide: it sits at the middle of its link for
 * the whole flight.
 *
 * @example messageMark(m, 150, from, to, false) // halfway along if sent at 100, due at 200
 */
export function messageMark(m: MessageRecord, t: number, from: Point, to: Point, reducedMotion: boolean): MessageMark | null {
  if (t < m.sentAt) return null;
  const flight = Math.max(m.deliverAt - m.sentAt, 1e-9);
  const dropped = isDropped(m);
  const end = m.endAt;
  if (dropped) {
    if (t > end + DROP_LINGER_MS) return null;
  } else if (t >= end && m.fate !== 'in-flight') {
    return null;
  }
  const diedAt = dropped && t >= end;
  const progress = Math.min(1, Math.max(0, ((diedAt ? end : t) - m.sentAt) / flight));
  const shown = reducedMotion ? 0.5 : progress;
  const opacity = diedAt ? Math.max(0, 1 - (t - end) / DROP_LINGER_MS) : 1;
  return { message: m, at: along(from, to, shown), progress, dropped: diedAt, opacity };
}
