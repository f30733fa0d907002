/**
 * Base64url (RFC 4648 §5) without padding, on bytes. Written here rather than through
 * `btoa`/`atob`, which work on Latin-1 strings, are missing from some workers and would
 * need a string detour for binary data.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The value of each character code below 128, or -1 for characters outside the alphabet. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/**
 * Encode bytes as base64url, without padding.
 *
 * @example
 * encodeBase64Url(new Uint8Array([251, 255])) // '-_8'
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

/**
 * Decode base64url without padding. Returns null for anything that is not exactly the
 * encoding of some bytes: a character outside the alphabet, padding, an impossible length,
 * or stray bits in the last character. Strict, so each byte string has one spelling.
 *
 * @example
 * decodeBase64Url('-_8') // Uint8Array [251, 255]
 * decodeBase64Url('a+b') // null
 */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUES[code]! : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/**
 * The first character of `text` that base64url never uses, or null if there is none.
 * For error messages that point at what is wrong.
 *
 * @example
 * firstForeignChar('abc%20') // '%'
 */
export function firstForeignChar(text: string): string | null {
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length > 1 || code >= 128 || VALUES[code]! < 0) return ch;
  }
  return null;
}
