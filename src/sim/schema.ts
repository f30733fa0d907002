import { safeText } from './safeText.ts';
/**
 * A tiny schema checker for untrusted JSON (URLs, files, postMessage). Each reader takes
 * a value and a path, and either returns the typed value or throws a SchemaError whose
 * message names the field ("cluster.w must be …"). Hand-written because the shapes are
 * few and small, and a schema library would cost more bytes than these lines.
 */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || 'the scenario'} ${problem}`);
    this.name = 'SchemaError';
  }
}

export type Reader<T> = (value: unknown, path: string) => T;


export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 24 ? 'a long string' : JSON.stringify(safeText(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function num(min: number, max: number, opts: { integer?: boolean } = {}): Reader<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new SchemaError(path, `must be a number, not ${describeValue(value)}`);
    }
    if (opts.integer && !Number.isInteger(value)) {
      throw new SchemaError(path, `must be a whole number, not ${value}`);
    }
    if (value < min || value > max) {
      throw new SchemaError(path, `must be between ${min} and ${max}, not ${value}`);
    }
    return value;
  };
}

export function int(min: number, max: number): Reader<number> {
  return num(min, max, { integer: true });
}

export function bool(): Reader<boolean> {
  return (value, path) => {
    if (typeof value !== 'boolean') throw new SchemaError(path, `must be true or false, not ${describeValue(value)}`);
    return value;
  };
}

export function str(pattern: RegExp, hint: string): Reader<string> {
  return (value, path) => {
    if (typeof value !== 'string' || !pattern.test(value)) {
      throw new SchemaError(path, `must be ${hint}, not ${describeValue(value)}`);
    }
    return value;
  };
}

export function oneOf<T extends string>(choices: readonly T[]): Reader<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      throw new SchemaError(path, `must be one of ${choices.join(', ')}, not ${describeValue(value)}`);
    }
    return value as T;
  };
}

export function list<T>(item: Reader<T>, maxLength: number): Reader<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new SchemaError(path, `must be a list, not ${describeValue(value)}`);
    if (value.length > maxLength) throw new SchemaError(path, `may hold at most ${maxLength} items, not ${value.length}`);
    return value.map((v, i) => item(v, `${path}[${i}]`));
  };
}

/** A plain object: returns a getter that reads one field with a reader, or a default. */
export function fields(value: unknown, path: string, allowed: readonly string[]) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SchemaError(path, `must be an object, not ${describeValue(value)}`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // The key comes from the file or link: shown short and with control characters spelled out.
    if (!allowed.includes(key)) throw new SchemaError(join(path, shortKey(key)), 'is not a field this lab knows');
  }
  function get<T>(key: string, reader: Reader<T>): T;
  function get<T>(key: string, reader: Reader<T>, fallback: T): T;
  function get<T>(key: string, reader: Reader<T>, ...fallback: [T?]): T {
    const v = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    if (v === undefined) {
      if (fallback.length > 0) return fallback[0] as T;
      throw new SchemaError(join(path, key), 'is missing');
    }
    return reader(v, join(path, key));
  }
  return get;
}

/** An unknown key as a message may quote it: at most 24 characters, control and format characters spelled out. */
function shortKey(key: string): string {
  const chars = [...key];
  const text = safeText(chars.slice(0, 24).join(''));
  return chars.length > 24 ? `${text}…` : text;
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
