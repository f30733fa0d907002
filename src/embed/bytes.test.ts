import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, ReadError, checksum } from './bytes.ts';
import { anyChar } from './testing/runs.ts';

function written(write: (out: ByteWriter) => void): ByteReader {
  const out = new ByteWriter();
  write(out);
  return new ByteReader(out.bytes());
}

function readError(bytes: number[], read: (input: ByteReader) => unknown): string {
  try {
    read(new ByteReader(Uint8Array.from(bytes)));
  } catch (e) {
    if (e instanceof ReadError) return e.message;
    throw e;
  }
  throw new Error('expected a ReadError');
}

describe('ByteWriter and ByteReader', () => {
  it('write small whole numbers in one byte and larger ones in a few', () => {
    const sizes = [0, 127, 128, 16_383, 16_384, 2 ** 53 - 1].map((n) => written((out) => out.uint(n)).remaining);
    expect(sizes).toEqual([1, 1, 2, 2, 3, 8]);
    expect(written((out) => out.num(-3)).remaining).toBe(1);
  });

  it('give back every unsigned whole number up to 2^53 - 1', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const input = written((out) => out.uint(n));
        expect(input.uint()).toBe(n);
        expect(input.done).toBe(true);
      }),
    );
  });

  it('give back every number exactly (-0 as 0, as JSON does), in at most ten bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.maxSafeInteger()), (x) => {
        const input = written((out) => out.num(x));
        expect(input.remaining).toBeLessThanOrEqual(10);
        expect(input.num()).toBe(x === 0 ? 0 : x);
      }),
    );
    const sizes = [0.25, 12.5, 0.1, Math.PI, 1e300, 2 ** 41].map((x) => written((out) => out.num(x)).remaining);
    expect(sizes).toEqual([6, 6, 5, 9, 8, 9]);
  });

  it('give back every string, lone surrogates and byte order marks included', () => {
    const edge = fc.constantFrom('', '\uFEFFstarts with a BOM', 'lone \uD800 high', 'lone \uDC00 low', 'é 日本 \u{1F600}', '"quoted"\\');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyChar, maxLength: 50 }), edge), (text) => {
        const input = written((out) => {
          out.text(text);
          out.text(text);
        });
        expect([input.text(), input.text()]).toEqual([text, text]);
      }),
    );
  });

  it('say plainly what is wrong with bytes they cannot read', () => {
    expect(readError([], (i) => i.byte())).toBe('is cut short');
    expect(readError([0x80, 0x80], (i) => i.uint())).toBe('is cut short');
    expect(readError([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], (i) => i.uint())).toBe('holds a number larger than any this lab writes');
    expect(readError([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], (i) => i.uint())).toBe('holds a number larger than any this lab writes');
    expect(readError([6, 65, 66], (i) => i.text())).toBe('is cut short');
    expect(readError([4, 0xc3, 0x28], (i) => i.text())).toBe('holds text that is not UTF-8');
    expect(readError([7, 65, 66, 67], (i) => i.text())).toBe('holds escaped text that cannot be read');
    expect(readError([5], (i) => i.num())).toBe('holds a number in a form this lab does not know (5)');
    expect(readError([3, 1, 2, 3], (i) => i.num())).toBe('is cut short');
    expect(readError([1, 16, ...new TextEncoder().encode('Infinity')], (i) => i.num())).toBe('holds "Infinity" where a number belongs');
    expect(readError([1, 6, ...new TextEncoder().encode('0x1')], (i) => i.num())).toBe('holds "0x1" where a number belongs');
  });
});

describe('checksum', () => {
  it('is 16 bits, the same for the same bytes, and notices a changed or missing byte', () => {
    const bytes = Uint8Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff);
    const sum = checksum(bytes);
    expect(sum).toBe(checksum(bytes.slice()));
    expect(sum).toBeGreaterThanOrEqual(0);
    expect(sum).toBeLessThan(65_536);
    let missed = 0;
    for (let i = 0; i < bytes.length; i++) {
      const changed = bytes.slice();
      changed[i] = changed[i]! ^ 1;
      if (checksum(changed) === sum) missed++;
      if (checksum(bytes.subarray(0, i)) === sum) missed++;
    }
    expect(missed).toBe(0);
  });
});
