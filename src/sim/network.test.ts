import { describe, expect, it } from 'vitest';
import { ms, nodeId, type Millis } from './ids.ts';
import { MessageLog } from './messageLog.ts';
import { Network } from './network.ts';
import { createRng } from './rng.ts';

const A = nodeId('A');
const B = nodeId('B');
const C = nodeId('C');
const body = { kind: 'read-req' as const, op: 0 as never, key: 'x' };

function net(config: Partial<ConstructorParameters<typeof Network>[0]> = {}) {
  const log = new MessageLog([A, B, C]);
  const n = new Network({ latency: { kind: 'constant', ms: 10 }, loss: 0, links: [], ...config }, createRng(1), log);
  /** Send, and return the logged message's id (whether or not it is in flight). */
  const send = (at: number, from: typeof A, to: typeof A) => {
    n.send(at, from, to, body);
    return log.length - 1;
  };
  return { n, log, send };
}

describe('Network', () => {
  it('delivers after the link latency and records the message', () => {
    const { n, log } = net();
    const id = n.send(ms(5), A, B, body);
    expect(id).toBe(0);
    expect(log.length).toBe(1);
    expect(log.get(0)).toMatchObject({ id: 0, from: 'A', to: 'B', kind: 'read-req', op: 0, key: 'x', sentAt: 5, deliverAt: 15, endAt: 15, fate: 'in-flight' });
    expect(log.arrive(id, true)).toBe(true);
    expect(log.fate(id)).toBe('delivered');
  });

  it('cuts one direction only when asked, and drops a message sent on a cut link at once', () => {
    const { n, log, send } = net();
    n.cutLink(A, B, ms(0));
    expect(n.isCut(A, B)).toBe(true);
    expect(n.isCut(B, A)).toBe(false);
    expect(n.send(ms(3), A, B, body)).toBe(-1);
    expect(log.get(0)).toMatchObject({ fate: 'cut', endAt: 3 });
    expect(log.fate(send(ms(3), B, A))).toBe('in-flight');
  });

  it('drops messages in flight on a link at the moment it is cut', () => {
    const { n, log, send } = net();
    const m = send(ms(0), A, C);
    const other = send(ms(0), A, B);
    n.cutLink(A, C, 4 as Millis);
    expect(log.get(m)).toMatchObject({ fate: 'cut', endAt: 4 });
    expect(log.fate(other)).toBe('in-flight');
    expect(log.arrive(m, true)).toBe(false);
    n.healLink(A, C);
    expect(log.fate(send(ms(5), A, C))).toBe('in-flight');
  });

  it('drops a message whose receiver is down when it arrives', () => {
    const { log, send } = net();
    const m = send(ms(0), A, B);
    expect(log.arrive(m, false)).toBe(false);
    expect(log.fate(m)).toBe('crash');
  });

  it('loses messages with the link loss probability, overriding the default per link', () => {
    const { log, send } = net({ loss: 0, links: [{ from: 'A', to: 'B', loss: 1 }] });
    const lost1 = send(ms(0), A, B);
    // Shown vanishing halfway along its flight.
    expect(log.get(lost1)).toMatchObject({ fate: 'lost', endAt: 5 });
    expect(log.fate(send(ms(0), B, A))).toBe('in-flight');
    const { log: lossyLog, send: lossy } = net({ loss: 0.3 });
    let lost = 0;
    for (let i = 0; i < 5000; i++) if (lossyLog.fate(lossy(ms(0), A, B)) === 'lost') lost++;
    expect(lost / 5000).toBeCloseTo(0.3, 1);
  });

  it('uses a per-link latency where one is set', () => {
    const { log, send } = net({ links: [{ from: 'B', to: 'C', latency: { kind: 'constant', ms: 99 } }] });
    expect(log.deliverAt(send(ms(1), B, C))).toBe(100);
    expect(log.deliverAt(send(ms(1), C, B))).toBe(11);
  });

  it('lists the cut links', () => {
    const { n } = net();
    n.cutLink(C, A, ms(0));
    n.cutLink(A, B, ms(0));
    expect(n.cutLinks()).toEqual([
      [A, B],
      [C, A],
    ]);
  });
});
