import { describe, expect, it } from 'vitest';
import { lagRun, syncTwice, whichWon } from './handsOn.ts';

describe('the hands-on exercise, in the lab', () => {
  it('replication lag: right after the acknowledgement an eventual store can return the old value; one that waits for every replica cannot', () => {
    const eventual = lagRun('eventual', 0);
    const strong = lagRun('strong', 0);
    expect(eventual.read).toBe('1');
    expect(strong.read).toBe('2');
    // The price: the strong write is acknowledged only once every replica has it.
    expect(strong.ackMs).toBeGreaterThan(eventual.ackMs);
    expect(strong.everywhereMs).toBeLessThanOrEqual(strong.ackMs);
    expect(eventual.everywhereMs).toBeGreaterThan(eventual.ackMs);
    // Wait long enough and the eventual store has caught up.
    expect(lagRun('eventual', 600).read).toBe('2');
  });

  it('which value won: half a second apart, the later; 5 ms apart, either, as the network decides; with B’s clock a second behind, the earlier', () => {
    expect(whichWon(500, 0)).toEqual(['from-b']);
    expect(whichWon(5, 0)).toEqual(['from-a', 'from-b']);
    expect(whichWon(500, -1000)).toEqual(['from-a']);
  });

  it('a like counter: syncing twice counts once when merged by maximum, twice when added', () => {
    expect(syncTwice('max')).toBe(4 + 3);
    expect(syncTwice('sum')).toBe(4 + 2 + 2 + 1 + 3 + 3);
  });
});
