import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../check/history.ts';
import { checkSpectrum } from '../check/spectrum.ts';
import { partialSentence, seconds, witnessSentence } from './witnessWords.ts';

const ops: HistoryOp[] = [
  { id: 0, process: 'c1', key: 'x', f: 'write', value: '2', call: 2500, ret: 2900, source: 0 },
  { id: 1, process: 'c1', key: 'x', f: 'read', value: null, readsFrom: [], call: 3200, ret: 3300, source: 1 },
];

describe('witness sentences', () => {
  it('say which operations broke read-your-writes, and when, in the issue’s words', () => {
    const { verdicts } = checkSpectrum(ops);
    expect(witnessSentence('read-your-writes', verdicts['read-your-writes'], ops, seconds)).toBe('Read your writes: broken. c1 read x = nothing at 3.20 s although its own write of x = 2 had completed at 2.90 s.');
  });

  it('for a stronger model broken by implication, say which weaker one the run breaks', () => {
    const { verdicts } = checkSpectrum(ops);
    expect(verdicts.pram.result).toBe('violated');
    expect(witnessSentence('linearizable', verdicts.linearizable, ops, seconds)).toMatch(/^Linearizable: broken\. /);
    expect(witnessSentence('pram', verdicts.pram, ops, seconds)).toBe('PRAM: broken. c1 read x = nothing at 3.20 s although its own write of x = 2 had completed at 2.90 s.');
  });

  it('for a model that holds or is undecided, say so and why', () => {
    const { verdicts } = checkSpectrum([ops[0]!]);
    expect(witnessSentence('causal', verdicts.causal, [ops[0]!], seconds)).toBe('Causal: holds for this run.');
    expect(witnessSentence('eventual', verdicts.eventual, [ops[0]!], seconds)).toBe('Eventual: not decided, because a history of what clients saw does not show the replicas.');
  });

  it('tell the longest order a search found, for the two searching checkers only, and never for a verdict inferred from another model', () => {
    const { verdicts } = checkSpectrum(ops);
    // Linearizable's own search: the write fits first, then the read of nothing fits nowhere.
    expect(verdicts.linearizable.by).toBeUndefined();
    expect(partialSentence('linearizable', verdicts.linearizable, ops)).toBe(
      'The longest order the search found for x (numbered on the diagram): 1. c1 wrote x = 2. After these, no remaining operation on x can take effect next, between its start and its end, and still give the answer it gave.',
    );
    expect(partialSentence('read-your-writes', verdicts['read-your-writes'], ops)).toBeNull();
    expect(partialSentence('linearizable', { result: 'violated', witness: { ops: [0, 1], partial: [0], key: 'x' }, by: 'read-your-writes' }, ops)).toBeNull();
    expect(partialSentence('sequential', { result: 'violated', witness: { ops: [1], partial: [], key: 'x' } }, ops)).toBe(
      'No operation with a known answer can come first, after its client’s earlier operations, and still give the answer it gave.',
    );
  });
});
