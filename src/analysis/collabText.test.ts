import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationalTransform, positionOnly, rga, type Insert } from './collabText.ts';

const A = (pos: number, text: string): Insert => ({ site: 'A', pos, text });
const B = (pos: number, text: string): Insert => ({ site: 'B', pos, text });

describe('two inserts at once, three ways (the module’s question 7)', () => {
  it('the module’s case: “Hello” and “World” both at position 0', () => {
    expect(positionOnly('', A(0, 'Hello'), B(0, 'World'))).toEqual({ texts: { A: 'WorldHello', B: 'HelloWorld' }, converged: false });
    expect(operationalTransform('', A(0, 'Hello'), B(0, 'World'))).toEqual({ texts: { A: 'HelloWorld', B: 'HelloWorld' }, converged: true });
    expect(rga('', A(0, 'Hello'), B(0, 'World'))).toEqual({ texts: { A: 'WorldHello', B: 'WorldHello' }, converged: true });
  });

  it('inserts at different places in a text: position only goes wrong at the later one, the others keep both where their authors put them', () => {
    // A inserts at the start, B near the end: B's position is stale once A's text is in front.
    expect(positionOnly('cat', A(0, 'the '), B(3, 's')).texts).toEqual({ A: 'thes cat', B: 'the cats' });
    expect(operationalTransform('cat', A(0, 'the '), B(3, 's')).texts).toEqual({ A: 'the cats', B: 'the cats' });
    expect(rga('cat', A(0, 'the '), B(3, 's')).texts).toEqual({ A: 'the cats', B: 'the cats' });
  });

  const word = fc.stringMatching(/^[a-z]{1,5}$/);
  const cases = fc.record({ doc: fc.stringMatching(/^[a-z]{0,8}$/), a: word, b: word, pa: fc.nat(10), pb: fc.nat(10) });

  it('transformation and the sequence CRDT always converge, keeping each insert whole', () => {
    fc.assert(
      fc.property(cases, ({ doc, a, b, pa, pb }) => {
        for (const how of [operationalTransform, rga]) {
          const out = how(doc, A(pa, a), B(pb, b));
          expect(out.converged).toBe(true);
          const text = out.texts.A!;
          expect(text.length).toBe(doc.length + a.length + b.length);
          expect(text).toContain(a);
          expect(text).toContain(b);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('position only diverges on some concurrent inserts', () => {
    expect(fc.sample(cases, 200).some(({ doc, a, b, pa, pb }) => !positionOnly(doc, A(pa, a), B(pb, b)).converged)).toBe(true);
  });
});
