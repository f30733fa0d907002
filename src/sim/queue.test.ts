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

  it('keeps the order when pushes and pops interleave, past its first size', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 50 })), { minLength: 2500, maxLength: 3000 }), (steps) => {
        const q = new EventQueue<number>();
        // A model: every pushed (time, order) not yet popped; the smallest pops first.
        const model: [number, number][] = [];
        let clock = 0;
        // One step in four pops, so the queue outgrows its first 1,024 slots.
        steps.forEach(([roll, dt], i) => {
          if (roll === 0 && model.length > 0) {
            model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            const [t, id] = model.shift()!;
            expect(q.pop()).toBe(id);
            expect(q.lastTime).toBe(t);
            clock = t;
          } else {
            q.push(clock + dt, i);
            model.push([clock + dt, i]);
          }
          expect(q.size).toBe(model.length);
        });
      }),
      // No shrinking: a failing list of 3,000 steps takes minutes to shrink, and the first failure says enough.
      { numRuns: 15, endOnFailure: true },
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
