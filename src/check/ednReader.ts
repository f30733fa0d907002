/**
 * A reader for the subset of EDN that Jepsen's history lines use (maps, vectors, keywords,
 * strings, integers, nil, booleans; commas as whitespace), one line at a time, with its
 * errors as sentences. Used by parseJepsenEdn.ts.
 */
/**
 * How deep vectors and maps may nest on one line. A register history needs three levels
 * (the line's map, an independent tuple, the [from to] of a compare-and-set); the bound
 * keeps a hostile line (`[[[[…`) from exhausting the stack, and the reader says so when
 * it is passed.
 */
export const MAX_EDN_DEPTH = 32;

/** One value of the EDN subset this reader accepts. */
export type Edn =
  | { readonly t: 'nil' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'int'; readonly v: number }
  | { readonly t: 'str'; readonly v: string }
  | { readonly t: 'kw'; readonly v: string }
  | { readonly t: 'vec'; readonly items: readonly Edn[] }
  | { readonly t: 'map'; readonly entries: readonly (readonly [Edn, Edn])[] };

export type EdnMap = Extract<Edn, { t: 'map' }>;

/** A value read, or a sentence saying why it could not be. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const NIL: Edn = { t: 'nil' };

/** A reading that failed, with its sentence. */
export function fail<T>(error: string): Read<T> {
  return { ok: false, error };
}

export function print(v: Edn, budget = 40): string {
  const s = printFull(v, budget);
  return s.length > budget ? `${s.slice(0, budget)}…` : s;
}

function printFull(v: Edn, budget: number): string {
  switch (v.t) {
    case 'nil':
      return 'nil';
    case 'bool':
      return String(v.v);
    case 'int':
      return String(v.v);
    case 'str':
      return JSON.stringify(v.v.length > budget ? v.v.slice(0, budget) : v.v);
    case 'kw':
      return `:${v.v}`;
    case 'vec': {
      let s = '[';
      for (const item of v.items) {
        if (s.length > budget) break;
        s += (s === '[' ? '' : ' ') + printFull(item, budget);
      }
      return `${s}]`;
    }
    case 'map': {
      let s = '{';
      for (const [k, item] of v.entries) {
        if (s.length > budget) break;
        s += (s === '{' ? '' : ', ') + printFull(k, budget) + ' ' + printFull(item, budget);
      }
      return `${s}}`;
    }
  }
}

// ——— The reader: the EDN subset, one line at a time ———

/** Whitespace in EDN: commas count as whitespace. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x2c || c === 0x0d || c === 0x0a || c === 0x0c || c === 0x0b;
}

/** Characters that end a bare token (a number, keyword or word). */
function isDelimiter(c: number): boolean {
  return isSpace(c) || c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x28 || c === 0x29 || c === 0x22 || c === 0x3b;
}

const INTEGER = /^[+-]?\d+$/;
const KEYWORD = /^:[^:]/;
const WORD = /^[A-Za-z*!_?$%&=<>.+-][^\s]*$/;

export function readLine(line: string): Read<EdnMap> {
  const r = new Reader(line);
  r.skipSpace();
  const first = line.charCodeAt(r.pos);
  if (first !== 0x7b) {
    if (line.startsWith('INFO', r.pos)) return fail('it is a line of the etcd log format, in an EDN history: a history is in one format');
    return fail('it is not an EDN map: a Jepsen history has one map a line, like {:process 0, :type :invoke, :f :write, :value 3}');
  }
  const v = r.read(0);
  if (!v.ok) return v;
  r.skipSpace();
  if (r.pos < line.length) return fail(`there is more after the map, at column ${r.pos + 1}: a Jepsen history has one map a line`);
  return v as Read<EdnMap>;
}

class Reader {
  pos = 0;
  constructor(private readonly src: string) {}

  skipSpace(): void {
    while (this.pos < this.src.length && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
  }

  /** One value from pos; depth is how many collections enclose it. */
  read(depth: number): Read<Edn> {
    const src = this.src;
    const start = this.pos;
    const col = start + 1;
    if (start >= src.length) return fail('the line ends where a value should be');
    const c = src[start]!;
    if (c === '{' || c === '[') {
      if (depth >= MAX_EDN_DEPTH) return fail(`vectors and maps nest more than ${MAX_EDN_DEPTH} deep at column ${col}: the reader stops there`);
      const close = c === '{' ? '}' : ']';
      this.pos++;
      const items: Edn[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= src.length) return fail(`the ${c === '{' ? 'map' : 'vector'} opened at column ${col} is never closed (a history has one map a line)`);
        const d = src[this.pos]!;
        if (d === close) break;
        if (d === '}' || d === ']' || d === ')') return fail(`“${d}” at column ${this.pos + 1} does not close the ${c === '{' ? 'map' : 'vector'} opened at column ${col}`);
        const item = this.read(depth + 1);
        if (!item.ok) return item;
        items.push(item.value);
      }
      this.pos++;
      if (c === '[') return { ok: true, value: { t: 'vec', items } };
      if (items.length % 2 !== 0) return fail(`the map opened at column ${col} has a key without a value`);
      const entries: (readonly [Edn, Edn])[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < items.length; i += 2) {
        const k = items[i]!;
        if (k.t === 'nil' || k.t === 'bool' || k.t === 'int' || k.t === 'str' || k.t === 'kw') {
          const id = `${k.t}:${k.t === 'nil' ? '' : String(k.v)}`;
          if (seen.has(id)) return fail(`the map opened at column ${col} has the key ${print(k)} twice`);
          seen.add(id);
        }
        entries.push([k, items[i + 1]!]);
      }
      return { ok: true, value: { t: 'map', entries } };
    }
    if (c === '"') return this.readString();
    if (c === '}' || c === ']' || c === ')') return fail(`“${c}” at column ${col} closes nothing`);
    if (c === '(') return fail(`lists (…) are not in the EDN this reader accepts (column ${col}): use a vector […]`);
    if (c === '#') return fail(`sets, tags and other #-forms are not in the EDN this reader accepts (column ${col})`);
    if (c === ';') return fail(`comments are not in the EDN this reader accepts (column ${col})`);
    if (c === '\\') return fail(`characters (\\c) are not in the EDN this reader accepts (column ${col}): use a string`);
    while (this.pos < src.length && !isDelimiter(src.charCodeAt(this.pos))) this.pos++;
    const token = src.slice(start, this.pos);
    const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
    if (INTEGER.test(token)) {
      const n = Number(token);
      if (!Number.isSafeInteger(n)) return fail(`the integer ${shown} at column ${col} is too large to hold exactly`);
      return { ok: true, value: { t: 'int', v: n === 0 ? 0 : n } };
    }
    if (/^[+-]?\d/.test(token)) return fail(`“${shown}” at column ${col} is not an integer: the reader takes whole numbers only`);
    if (token.startsWith(':')) {
      if (!KEYWORD.test(token)) return fail(`“${shown}” at column ${col} is not a keyword`);
      return { ok: true, value: { t: 'kw', v: token.slice(1) } };
    }
    if (token === 'nil') return { ok: true, value: NIL };
    if (token === 'true' || token === 'false') return { ok: true, value: { t: 'bool', v: token === 'true' } };
    if (WORD.test(token)) return fail(`“${shown}” at column ${col} is a symbol: the reader takes nil, true, false, keywords, strings and integers`);
    return fail(`“${shown}” at column ${col} is not EDN this reader accepts`);
  }

  /** A string from the quote at pos, its escapes resolved. */
  private readString(): Read<Edn> {
    const src = this.src;
    const col = this.pos + 1;
    const parts: string[] = [];
    let run = ++this.pos;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (c === '"') {
        parts.push(src.slice(run, this.pos));
        this.pos++;
        return { ok: true, value: { t: 'str', v: parts.join('') } };
      }
      if (c !== '\\') {
        this.pos++;
        continue;
      }
      parts.push(src.slice(run, this.pos));
      const e = src[this.pos + 1];
      const simple = e === undefined ? undefined : ESCAPES[e];
      if (simple !== undefined) {
        parts.push(simple);
        this.pos += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(this.pos + 2, this.pos + 6))) {
        parts.push(String.fromCharCode(parseInt(src.slice(this.pos + 2, this.pos + 6), 16)));
        this.pos += 6;
      } else if (e === undefined) {
        break;
      } else {
        return fail(`the escape \\${e === 'u' ? 'u without four hex digits' : e} at column ${this.pos + 1} is not one EDN strings have (\\" \\\\ \\n \\t \\r \\b \\f \\uXXXX)`);
      }
      run = this.pos;
    }
    return fail(`the string opened at column ${col} is never closed (strings do not span lines)`);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
