import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent } from './format.ts';

describe('formatting', () => {
  it('writes times in the unit that reads best', () => {
    expect([0, 3.4, 57.46, 1478.6, NaN].map(formatMs)).toEqual(['0', '3.40 ms', '57 ms', '1.48 s', '—']);
  });
  it('keeps enough digits near 0% and 100%', () => {
    expect([0, 1, 0.4375, 0.9995, 0.000004, 0.0004].map(formatPercent)).toEqual(['0%', '100%', '43.8%', '99.950%', '< 0.001%', '0.040%']);
  });
});
