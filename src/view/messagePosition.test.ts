import { describe, expect, it } from 'vitest';
import type { MessageId, Millis, NodeId } from '../sim/ids.ts';
import type { MessageRecord } from '../sim/trace.ts';
import { DROP_LINGER_MS, messageMark } from './messagePosition.ts';

const msg = (fate: MessageRecord['fate'], endAt = 200): MessageRecord => ({
  id: 1 as MessageId,
  from: 'A' as NodeId,
  to: 'B' as NodeId,
  kind: 'sync',
  op: null,
  key: null,
  value: null,
  state: undefined,
  states: new Map(),
  sentAt: 100 as Millis,
  deliverAt: 200 as Millis,
  endAt: endAt as Millis,
  fate,
});
const from = { x: 0, y: 0 };
const to = { x: 100, y: 0 };

describe('messageMark', () => {
  it('moves a message along its link in proportion to its flight', () => {
    expect(messageMark(msg('delivered'), 50, from, to, false)).toBeNull();
    expect(messageMark(msg('delivered'), 150, from, to, false)?.at).toEqual({ x: 50, y: 0 });
    expect(messageMark(msg('delivered'), 200, from, to, false)).toBeNull();
  });

  it('shows a dropped message where it died, fading, then not at all', () => {
    const lost = msg('lost', 150);
    expect(messageMark(lost, 120, from, to, false)).toMatchObject({ dropped: false, at: { x: 20, y: 0 } });
    const dead = messageMark(lost, 150 + DROP_LINGER_MS / 2, from, to, false)!;
    expect(dead).toMatchObject({ dropped: true, at: { x: 50, y: 0 } });
    expect(dead.opacity).toBeCloseTo(0.5);
    expect(messageMark(lost, 151 + DROP_LINGER_MS, from, to, false)).toBeNull();
  });

  it('with reduced motion, holds a message still at the middle of its link', () => {
    expect(messageMark(msg('delivered'), 110, from, to, true)?.at).toEqual({ x: 50, y: 0 });
    expect(messageMark(msg('delivered'), 190, from, to, true)?.at).toEqual({ x: 50, y: 0 });
  });
});
