import { describe, expect, it } from 'vitest';
import { ms, nodeId, type Millis } from './ids.ts';
import { Network } from './network.ts';
import { createRng } from './rng.ts';
import type { MessageRecord } from './trace.ts';

const A = nodeId('A');
const B = nodeId('B');
const C = nodeId('C');
const body = { kind: 'read-req' as const, op: 0 as never, key: 'x' };

function net(config: Partial<ConstructorParameters<typeof Network>[1]> = {}) {
  const log: MessageRecord[] = [];
  const n = new Network([A, B, C], { latency: { kind: 'constant', ms: 10 }, loss: 0, links: [], ...config }, createRng(1), log);
  return { n, log };
}

describe('Network', () => {
  it('delivers after the link latency and records the message', () => {
    const { n, log } = net();
    const m = n.send(ms(5), A, B, body);
    expect(m.deliverAt).toBe(15);
    expect(log).toEqual([m]);
    expect(n.arrive(m, true)).toBe(true);
    expect(m.fate).toBe('delivered');
  });

  it('cuts one direction only when asked, and drops a message sent on a cut link at once', () => {
    const { n } = net();
    n.cutLink(A, B, ms(0));
    expect(n.isCut(A, B)).toBe(true);
    expect(n.isCut(B, A)).toBe(false);
    const m = n.send(ms(3), A, B, body);
    expect(m.fate).toBe('cut');
    expect(m.endAt).toBe(3);
    expect(n.send(ms(3), B, A, body).fate).toBe('in-flight');
  });

  it('drops messages in flight on a link at the moment it is cut', () => {
    const { n } = net();
    const m = n.send(ms(0), A, C, body);
    n.cutLink(A, C, 4 as Millis);
    expect(m.fate).toBe('cut');
    expect(m.endAt).toBe(4);
    expect(n.arrive(m, true)).toBe(false);
    n.healLink(A, C);
    expect(n.send(ms(5), A, C, body).fate).toBe('in-flight');
  });

  it('drops a message whose receiver is down when it arrives', () => {
    const { n } = net();
    const m = n.send(ms(0), A, B, body);
    expect(n.arrive(m, false)).toBe(false);
    expect(m.fate).toBe('crash');
  });

  it('loses messages with the link loss probability, overriding the default per link', () => {
    const { n } = net({ loss: 0, links: [{ from: 'A', to: 'B', loss: 1 }] });
    const lost1 = n.send(ms(0), A, B, body);
    expect(lost1.fate).toBe('lost');
    // Shown vanishing halfway along its flight.
    expect(lost1.endAt).toBe(5);
    expect(n.send(ms(0), B, A, body).fate).toBe('in-flight');
    const { n: lossy } = net({ loss: 0.3 });
    let lost = 0;
    for (let i = 0; i < 5000; i++) if (lossy.send(ms(0), A, B, body).fate === 'lost') lost++;
    expect(lost / 5000).toBeCloseTo(0.3, 1);
  });

  it('uses a per-link latency where one is set', () => {
    const { n } = net({ links: [{ from: 'B', to: 'C', latency: { kind: 'constant', ms: 99 } }] });
    expect(n.send(ms(1), B, C, body).deliverAt).toBe(100);
    expect(n.send(ms(1), C, B, body).deliverAt).toBe(11);
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
