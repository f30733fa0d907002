import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url, firstForeignChar } from './base64url.ts';
import { anyChar } from './testing/runs.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('base64url', () => {
  it('matches the test vectors of RFC 4648, without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64Url(ascii(plain))).toBe(encoded);
      expect(decodeBase64Url(encoded)).toEqual(ascii(plain));
    }
  });

  it('uses - and _ where base64 uses + and /', () => {
    expect(encodeBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
    expect(decodeBase64Url('-_8')).toEqual(new Uint8Array([251, 255]));
  });

  it('gives back any bytes it encoded, in URL-safe characters only', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text.length).toBe(Math.ceil((bytes.length * 4) / 3));
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses anything that is not exactly an encoding', () => {
    for (const bad of ['Zm9v+', 'Zm9/', 'Zg==', 'Zm9vY', 'Zh', 'Zm9', 'Zm 9v', 'Zé', 'Z\u{1F600}']) {
      expect(decodeBase64Url(bad), bad).toBeNull();
    }
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: anyChar, maxLength: 60 }), (text) => void decodeBase64Url(text)));
  });

  it('points at the first character that does not belong', () => {
    expect(firstForeignChar('abc-_09')).toBeNull();
    expect(firstForeignChar('abc%20')).toBe('%');
    expect(firstForeignChar('ab=')).toBe('=');
    expect(firstForeignChar('a\u{1F600}b')).toBe('\u{1F600}');
  });
});
