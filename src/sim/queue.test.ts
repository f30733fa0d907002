import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './queue.ts';

describe('EventQueue', () => {
  it('pops in time order, and simultaneous events in the order they were pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue<number>();
        times.forEach((t, i) => q.push(t, i));
        const out: [number, number][] = [];
        for (let e = q.pop(); e !== undefined; e = q.pop()) out.push([q.lastTime, e]);
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });

  it('reports the next time, and Infinity when empty', () => {
    const q = new EventQueue<string>();
    expect(q.peekTime()).toBe(Infinity);
    q.push(5, 'b');
    q.push(2, 'a');
    expect(q.peekTime()).toBe(2);
    expect(q.size).toBe(2);
    expect(q.pop()).toBe('a');
    expect(q.lastTime).toBe(2);
  });
});
