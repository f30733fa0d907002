/**
 * A small byte format for links: unsigned varints (7 bits a byte, low first); numbers as
 * zigzag varints when whole, else as their decimal text when that is short ("0.25"), else
 * as the 8 bytes of the double; strings as a length and UTF-8. Exact for every number and
 * every JS string (lone surrogates, which UTF-8 cannot carry, go as JSON-escaped text).
 */

/** Thrown by ByteReader. The message is the end of a sentence: "script[3] is cut short". */
export class ReadError extends Error {
  override readonly name = 'ReadError';
}

const MAX_VARINT_BYTES = 8;
/** Whole numbers up to this size travel as varints; larger ones like any other number. */
const MAX_WHOLE = 2 ** 40;
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?(e[+-]?[0-9]+)?$/;
/** A number starts with a varint: even for a whole number (its zigzag, doubled), else one of these. */
const TEXT = 1;
const DOUBLE = 3;
const LONE_SURROGATE = /\p{Cs}/u;
const utf8Out = new TextEncoder();
const utf8In = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Collects bytes for a link.
 *
 * @example
 * const out = new ByteWriter();
 * out.num(-3); out.text('héllo');
 * out.bytes() // Uint8Array [10, 12, 104, 195, 169, 108, 108, 111]
 */
export class ByteWriter {
  private readonly out: number[] = [];
  private readonly scratch = new DataView(new ArrayBuffer(8));

  byte(b: number): void {
    this.out.push(b & 0xff);
  }

  /** A whole number from 0 to 2^53 - 1. */
  uint(value: number): void {
    let v = value;
    while (v >= 128) {
      this.out.push((v % 128) + 128);
      v = Math.floor(v / 128);
    }
    this.out.push(v);
  }

  /** Any number, exactly: one byte for small whole numbers, at most ten for any other. */
  num(value: number): void {
    const decimal = String(value);
    if (Number.isInteger(value) && Math.abs(value) <= MAX_WHOLE) {
      this.uint(2 * (value >= 0 ? 2 * value : -2 * value - 1));
    } else if (decimal.length < 8 && DECIMAL.test(decimal)) {
      this.uint(TEXT);
      this.text(decimal);
    } else {
      this.uint(DOUBLE);
      this.scratch.setFloat64(0, value);
      for (let i = 0; i < 8; i++) this.out.push(this.scratch.getUint8(i));
    }
  }

  /** A string: its UTF-8 length times two, then its UTF-8 (JSON-escaped when the low bit is set). */
  text(value: string): void {
    const lone = LONE_SURROGATE.test(value);
    const bytes = utf8Out.encode(lone ? JSON.stringify(value) : value);
    this.uint(bytes.length * 2 + (lone ? 1 : 0));
    for (const b of bytes) this.out.push(b);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/**
 * Reads what a ByteWriter wrote, checking every length against the bytes that are there.
 * Throws a ReadError, never reads past the end, and allocates nothing a length claims
 * before the bytes are there to back it.
 *
 * @example
 * const input = new ByteReader(Uint8Array.from([10, 4, 104, 105]));
 * input.num()  // -3
 * input.text() // 'hi'
 */
export class ByteReader {
  private pos = 0;

  constructor(private readonly data: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.data.length;
  }

  /** Bytes not yet read. */
  get remaining(): number {
    return this.data.length - this.pos;
  }

  byte(): number {
    if (this.pos >= this.data.length) throw new ReadError('is cut short');
    return this.data[this.pos++]!;
  }

  uint(): number {
    let value = 0;
    for (let i = 0, scale = 1; i < MAX_VARINT_BYTES; i++, scale *= 128) {
      const b = this.byte();
      value += (b & 127) * scale;
      if (b < 128) {
        if (value > Number.MAX_SAFE_INTEGER) break;
        return value;
      }
    }
    throw new ReadError('holds a number larger than any this lab writes');
  }

  num(): number {
    const v = this.uint();
    if (v % 2 === 0) {
      const zig = v / 2;
      return zig % 2 === 0 ? zig / 2 : -(zig + 1) / 2;
    }
    if (v === DOUBLE) {
      if (this.remaining < 8) throw new ReadError('is cut short');
      const bytes = this.data.subarray(this.pos, (this.pos += 8));
      return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0);
    }
    if (v !== TEXT) throw new ReadError(`holds a number in a form this lab does not know (${v})`);
    const text = this.text();
    if (!DECIMAL.test(text)) throw new ReadError(`holds ${JSON.stringify(text.slice(0, 24))} where a number belongs`);
    return Number(text);
  }

  text(): string {
    const head = this.uint();
    const length = Math.floor(head / 2);
    if (length > this.remaining) throw new ReadError('is cut short');
    const slice = this.data.subarray(this.pos, this.pos + length);
    this.pos += length;
    let text: string;
    try {
      text = utf8In.decode(slice);
    } catch {
      throw new ReadError('holds text that is not UTF-8');
    }
    if (head % 2 === 0) return text;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // Reported below, with the same words as a parse that gives something other than a string.
    }
    throw new ReadError('holds escaped text that cannot be read');
  }
}

/**
 * A 16-bit check value (FNV-1a folded), so a link changed or cut short on its way is
 * refused instead of being read as a different run.
 *
 * @example
 * checksum(new Uint8Array([1, 2, 3])) // a number from 0 to 65535, the same every time
 */
export function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return ((h >>> 16) ^ h) & 0xffff;
}
