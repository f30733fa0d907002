import { REPLICA_NAMES } from '../sim/ids.ts';
import type { Action, ActionType } from '../sim/scenario.ts';
import { ReadError, type ByteReader, type ByteWriter } from './bytes.ts';

/*
 * A scenario's script as bytes, the bulk of a run's link. Each action starts with one
 * byte: its type in the low 4 bits, two flags (booleans, or which optional fields follow)
 * and how its time is written in the top 2. A time on the 0.1 ms grid is a step forward
 * from the previous one (two bytes for gaps up to 1.6 s); an earlier time is written
 * whole, and a time off the grid as an exact number (a double's 8 bytes). Nodes and keys
 * are numbers in a table that starts A…I then the clients; a new name is spelt out once
 * and takes the next number. Values, skews, quorums and latencies follow as they are.
 */

/** An action's code is its place here: part of the format, so add at the end, never reorder. */
const TYPES: readonly ActionType[] = ['write', 'read', 'cut', 'heal', 'partition', 'heal-all', 'crash', 'recover', 'set-skew', 'set-quorum', 'set-network'];
const FLAG_1 = 0x10;
const FLAG_2 = 0x20;
const TIME_STEP = 0x00;
const TIME_GRID = 0x40;
const TIME_EXACT = 0x80;
/** The flags each type may set. */
const FLAGS: Record<ActionType, number> = { write: FLAG_1, read: 0, cut: FLAG_1, heal: FLAG_1, partition: 0, 'heal-all': 0, crash: FLAG_1, recover: 0, 'set-skew': 0, 'set-quorum': FLAG_1 | FLAG_2, 'set-network': FLAG_1 | FLAG_2 };
/** Beyond this many tenths a time is written as an exact number (the schema stops at 24 hours). */
const MAX_TENTHS = 2 ** 40;

/**
 * Append a script to `out`. `clients` must be the cluster's, in order: they start the name
 * table with the replica names.
 *
 * @example
 * writeScript(out, [{ at: 0, type: 'read', client: 'c1', coordinator: 'A', key: 'x' }], ['c1'])
 */
export function writeScript(out: ByteWriter, script: readonly Action[], clients: readonly string[]): void {
  const table = [...REPLICA_NAMES, ...clients];
  // The first of two equal names wins, as it does when the reader looks a number up.
  const index = new Map(table.map((name, i) => [name, i] as const).reverse());
  let size = table.length;
  const name = (value: string) => {
    const known = index.get(value);
    if (known !== undefined) return out.uint(known);
    out.uint(size);
    out.text(value);
    index.set(value, size++);
  };
  let last = 0;
  for (const a of script) {
    const code = TYPES.indexOf(a.type);
    if (code < 0) throw new TypeError(`writeScript: unknown action type ${JSON.stringify(a.type)}`);
    const tenths = Math.round(a.at * 10);
    const onGrid = tenths / 10 === a.at && tenths >= 0 && tenths <= MAX_TENTHS;
    const timing = !onGrid ? TIME_EXACT : tenths >= last ? TIME_STEP : TIME_GRID;
    out.byte(code | flagsOf(a) | timing);
    if (timing === TIME_EXACT) out.num(a.at);
    else out.uint(timing === TIME_STEP ? tenths - last : tenths);
    if (onGrid) last = tenths;
    switch (a.type) {
      case 'write':
      case 'read':
        [a.client, a.coordinator, a.key].forEach(name);
        if (a.type === 'write') out.text(a.value);
        break;
      case 'cut':
      case 'heal':
        [a.from, a.to].forEach(name);
        break;
      case 'partition':
        out.uint(a.groups.length);
        for (const group of a.groups) {
          out.uint(group.length);
          group.forEach(name);
        }
        break;
      case 'crash':
      case 'recover':
      case 'set-skew':
        name(a.node);
        if (a.type === 'set-skew') out.num(a.ms);
        break;
      case 'set-quorum':
        if (a.w !== undefined) out.num(a.w);
        if (a.r !== undefined) out.num(a.r);
        break;
      case 'set-network':
        if (a.latency !== undefined) out.text(JSON.stringify(a.latency));
        if (a.loss !== undefined) out.num(a.loss);
        break;
    }
  }
}

function flagsOf(a: Action): number {
  const flags = (first: unknown, second?: unknown) => (first ? FLAG_1 : 0) | (second ? FLAG_2 : 0);
  switch (a.type) {
    case 'write':
      return flags(a.blind);
    case 'cut':
    case 'heal':
      return flags(a.oneWay);
    case 'crash':
      return flags(a.loseUndurable);
    case 'set-quorum':
      return flags(a.w !== undefined, a.r !== undefined);
    case 'set-network':
      return flags(a.latency !== undefined, a.loss !== undefined);
    default:
      return 0;
  }
}

/**
 * Read the rest of `input` as a script written by `writeScript`, as plain objects still to
 * be checked by `validateScenario`. Throws a ReadError that names the action:
 * "script[3] is cut short".
 *
 * @example
 * readScript(new ByteReader(bytes), ['c1']) // [{ at: 0, type: 'read', client: 'c1', … }]
 */
export function readScript(input: ByteReader, clients: readonly string[]): Record<string, unknown>[] {
  const names = [...REPLICA_NAMES, ...clients];
  const name = (): string => {
    const index = input.uint();
    if (index < names.length) return names[index]!;
    if (index > names.length) throw new ReadError(`uses name number ${index}, but only ${names.length} have been given`);
    const added = input.text();
    names.push(added);
    return added;
  };
  const script: Record<string, unknown>[] = [];
  let last = 0;
  // Each action reads at least one byte, so this ends whatever counts the bytes claim.
  while (!input.done) {
    try {
      const head = input.byte();
      const type = TYPES[head & 0x0f];
      if (type === undefined) throw new ReadError(`is an action of a kind this lab does not know (code ${head & 0x0f})`);
      if ((head & (FLAG_1 | FLAG_2) & ~FLAGS[type]) !== 0) throw new ReadError(`is a ${type} with flags this lab does not know`);
      const timing = head & 0xc0;
      if (timing !== TIME_STEP && timing !== TIME_GRID && timing !== TIME_EXACT) throw new ReadError('gives its time in a form this lab does not know');
      const tenths = timing === TIME_EXACT ? null : timing === TIME_STEP ? last + input.uint() : input.uint();
      const f: Record<string, unknown> = { at: tenths === null ? input.num() : tenths / 10, type };
      last = tenths ?? last;
      readFields(f, type, (head & FLAG_1) !== 0, (head & FLAG_2) !== 0, input, name);
      script.push(f);
    } catch (e) {
      throw e instanceof ReadError ? new ReadError(`script[${script.length}] ${e.message}`) : e;
    }
  }
  return script;
}

function readFields(f: Record<string, unknown>, type: ActionType, flag1: boolean, flag2: boolean, input: ByteReader, name: () => string): void {
  switch (type) {
    case 'write':
    case 'read':
      [f.client, f.coordinator, f.key] = [name(), name(), name()];
      if (type === 'write') f.value = input.text();
      if (flag1) f.blind = true;
      break;
    case 'cut':
    case 'heal':
      [f.from, f.to] = [name(), name()];
      if (flag1) f.oneWay = true;
      break;
    case 'partition': {
      const groups: string[][] = [];
      for (let g = input.uint(); g > 0; g--) {
        const size = input.uint();
        if (size > input.remaining) throw new ReadError('is cut short');
        groups.push(Array.from({ length: size }, name));
      }
      f.groups = groups;
      break;
    }
    case 'crash':
    case 'recover':
    case 'set-skew':
      f.node = name();
      if (type === 'set-skew') f.ms = input.num();
      if (type === 'crash' && flag1) f.loseUndurable = true;
      break;
    case 'set-quorum':
      if (flag1) f.w = input.num();
      if (flag2) f.r = input.num();
      break;
    case 'set-network':
      if (flag1) {
        try {
          f.latency = JSON.parse(input.text());
        } catch (e) {
          throw e instanceof ReadError ? e : new ReadError('holds a latency that is not valid JSON');
        }
      }
      if (flag2) f.loss = input.num();
      break;
    case 'heal-all':
      break;
  }
}
