import { describe, expect, it } from 'vitest';
import { nodeId, type OpId } from './ids.ts';
import { MESSAGE_KINDS, MessageLog } from './messageLog.ts';
import type { MessageBody } from './trace.ts';

const nodes = [nodeId('A'), nodeId('B'), nodeId('c1')];
const op = 7 as OpId;
const state = { value: 'v', ts: 1 };
const BODIES: Record<MessageBody['kind'], MessageBody> = {
  'client-write': { kind: 'client-write', op, key: 'x', value: 'v', context: null },
  'client-read': { kind: 'client-read', op, key: 'x' },
  'write-reply': { kind: 'write-reply', op, key: 'x', ok: true, reason: '', context: null },
  'read-reply': { kind: 'read-reply', op, key: 'x', ok: true, reason: '', state },
  replicate: { kind: 'replicate', op, key: 'x', state },
  'replicate-ack': { kind: 'replicate-ack', op, key: 'x' },
  'read-req': { kind: 'read-req', op, key: 'x' },
  'read-resp': { kind: 'read-resp', op, key: 'x', state },
  repair: { kind: 'repair', op, key: 'x', state },
  sync: { kind: 'sync', states: new Map([['x', state]]) },
  'sync-reply': { kind: 'sync-reply', states: new Map([['y', state]]) },
  handoff: { kind: 'handoff', key: 'y', owner: nodeId('B'), state },
  'handoff-ack': { kind: 'handoff-ack', key: 'y', owner: nodeId('B'), state },
  'write-back': { kind: 'write-back', op, key: 'x', state },
  'write-back-ack': { kind: 'write-back-ack', op, key: 'x' },
  heartbeat: { kind: 'heartbeat', term: 2, length: 5, lastTerm: 1 },
  'log-ack': { kind: 'log-ack', term: 2, length: 5, ok: true },
};

describe('MessageLog', () => {
  it('gives back each kind of message with what the log keeps of it', () => {
    const log = new MessageLog(nodes);
    for (const kind of MESSAGE_KINDS) log.append(0, 1, BODIES[kind], 1, 2);
    const got = log.slice();
    expect(got.map((m) => m.kind)).toEqual(MESSAGE_KINDS);
    const byKind = new Map(got.map((m) => [m.kind, m]));
    expect(byKind.get('client-write')).toMatchObject({ op, key: 'x', value: 'v', state: undefined, states: null });
    expect(byKind.get('replicate')).toMatchObject({ op, key: 'x', value: null, state });
    expect(byKind.get('read-resp')?.state).toBe(state);
    expect(byKind.get('replicate-ack')).toMatchObject({ op, key: 'x', value: null, state: undefined, states: null });
    expect(byKind.get('sync')).toMatchObject({ op: null, key: null, states: new Map([['x', state]]) });
    expect(byKind.get('handoff')).toMatchObject({ op: null, key: 'y', state });
    expect(byKind.get('write-back')).toMatchObject({ op, key: 'x', state });
    expect(byKind.get('write-back-ack')).toMatchObject({ op, key: 'x', state: undefined });
    expect(got[0]).toMatchObject({ from: 'A', to: 'B', sentAt: 1, deliverAt: 2, endAt: 2, fate: 'in-flight' });
  });

  it('spans chunks: messages past the first 16,384 read back as written', () => {
    const log = new MessageLog(nodes);
    const n = 40_000;
    for (let i = 0; i < n; i++) log.append(i % 3, (i + 1) % 3, BODIES['read-req'], i, i + 10 + (i % 7));
    expect(log.length).toBe(n);
    for (const i of [0, 16_383, 16_384, 32_768, n - 1]) {
      expect(log.get(i)).toMatchObject({ id: i, from: nodes[i % 3], to: nodes[(i + 1) % 3], sentAt: i, deliverAt: i + 10 + (i % 7) });
    }
    expect(log.longestFlight).toBe(16);
    expect(log.get(n)).toBeUndefined();
    expect(log.get(-1)).toBeUndefined();
  });

  it('finds messages by send time, ties included', () => {
    const log = new MessageLog(nodes);
    for (const t of [0, 5, 5, 5, 9]) log.append(0, 1, BODIES['read-req'], t, t + 1);
    expect(log.firstSentAtOrAfter(5)).toBe(1);
    expect(log.lastSentAtOrBefore(5)).toBe(3);
    expect(log.firstSentAtOrAfter(6)).toBe(4);
    expect(log.lastSentAtOrBefore(-1)).toBe(-1);
    expect(log.firstSentAtOrAfter(10)).toBe(5);
  });

  it('drops only the messages in flight on the cut link, and arrives a message once', () => {
    const log = new MessageLog(nodes);
    const ab = log.append(0, 1, BODIES['read-req'], 0, 10);
    const ba = log.append(1, 0, BODIES['read-req'], 0, 10);
    const landed = log.append(0, 1, BODIES['read-req'], 0, 1);
    expect(log.arrive(landed, true)).toBe(true);
    log.cutInFlight(0, 1, 4);
    expect(log.get(ab)).toMatchObject({ fate: 'cut', endAt: 4 });
    expect(log.fate(ba)).toBe('in-flight');
    expect(log.fate(landed)).toBe('delivered');
    expect(log.arrive(ab, true)).toBe(false);
    expect(log.arrive(ba, false)).toBe(false);
    expect(log.fate(ba)).toBe('crash');
  });

  it('keeps when a lost message vanished, and a due message ends when due', () => {
    const log = new MessageLog(nodes);
    const lost = log.append(0, 1, BODIES['read-req'], 10, 30);
    log.drop(lost, 'lost', 20);
    const down = log.append(0, 1, BODIES['read-req'], 10, 40);
    log.arrive(down, false);
    expect(log.get(lost)).toMatchObject({ fate: 'lost', endAt: 20, deliverAt: 30 });
    expect(log.get(down)).toMatchObject({ fate: 'crash', endAt: 40 });
  });

  it('serialises as a list of records', () => {
    const log = new MessageLog(nodes);
    log.append(2, 0, BODIES['client-read'], 3, 4);
    expect(JSON.parse(JSON.stringify({ messages: log }))).toEqual({ messages: [{ id: 0, from: 'c1', to: 'A', kind: 'client-read', op, key: 'x', value: null, states: null, sentAt: 3, deliverAt: 4, endAt: 4, fate: 'in-flight' }] });
  });
});
