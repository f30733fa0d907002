import { describe, expect, it } from 'vitest';
import { likesAtOnce, takeTwice } from './tryThis.ts';

describe('the “Try this” runs (quiz question 4)', () => {
  it('a balance of 100: without waiting for each other both sides pay out 80; with majority quorums the lone side refuses', () => {
    expect(takeTwice('eventual', 100, 80)).toEqual({ accepted: 2, tried: 2, start: 100, end: 20 });
    expect(takeTwice('strong', 100, 80)).toEqual({ accepted: 1, tried: 2, start: 100, end: 20 });
  });

  it('the last item in stock: sold twice, or once', () => {
    expect(takeTwice('eventual', 1, 1).accepted).toBe(2);
    expect(takeTwice('strong', 1, 1).accepted).toBe(1);
  });

  it('two likes at once: a last-write-wins total loses one, a G-Counter counts both', () => {
    expect(likesAtOnce('lww-counter')).toEqual({ made: 7, counted: 6 });
    expect(likesAtOnce('g-counter')).toEqual({ made: 7, counted: 7 });
  });
});
