import fc from 'fast-check';
import type { Distribution } from '../../sim/distributions.ts';
import { replicaIds } from '../../sim/ids.ts';
import type { Action } from '../../sim/scenario.ts';
import { distribution, type ClusterShape } from '../../sim/testing/arbitraries.ts';
import { encodeBase64Url } from '../base64url.ts';
import { ByteWriter, checksum } from '../bytes.ts';

/** Runs, hand-made links and generators for the embed tests. Test-only code. */

/** A link around hand-made bytes, with a correct check, so the reader itself is tested. */
export function seal(payload: Uint8Array): string {
  const sum = checksum(payload);
  return `1.${encodeBase64Url(Uint8Array.from([...payload, sum >> 8, sum & 0xff]))}`;
}

/** Seed 1, playhead 0, the given settings JSON, then whatever `script` writes. */
export function crafted(settings: string, script: (out: ByteWriter) => void = () => {}): string {
  const out = new ByteWriter();
  out.num(1);
  out.uint(0);
  out.text(settings);
  script(out);
  return seal(out.bytes());
}

/** What a learner does in a session: writes and reads through different replicas, and some faults. */
export function learnerScript(): Action[] {
  const script: Action[] = [];
  const faultsAt: Record<number, Action['type']> = { 10: 'cut', 20: 'crash', 30: 'heal', 35: 'recover', 40: 'partition', 45: 'heal-all' };
  for (let i = 0; i < 50; i++) {
    const at = Math.round(i * 4373 + (i % 7) * 310) / 10;
    const client = i % 3 === 0 ? 'c2' : 'c1';
    const coordinator = 'ABC'[i % 3]!;
    const key = i % 4 === 0 ? 'cart' : 'x';
    const fault = faultsAt[i];
    if (fault === 'cut' || fault === 'heal') script.push({ at, type: fault, from: 'A', to: 'B' });
    else if (fault === 'crash' || fault === 'recover') script.push({ at, type: fault, node: 'B' });
    else if (fault === 'partition') script.push({ at, type: 'partition', groups: [['A', 'c1'], ['B', 'C', 'c2']] });
    else if (fault === 'heal-all') script.push({ at, type: 'heal-all' });
    else if (i % 2 === 0) script.push({ at, type: 'write', client, coordinator, key, value: `v${i}` });
    else script.push({ at, type: 'read', client, coordinator, key });
  }
  return script;
}

export const seed = fc.integer({ min: 0, max: 0xffffffff });
/** Any code point, lone surrogates included (fast-check's 'binary' unit leaves them out). */
export const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
export const anyValue = fc.string({ unit: anyChar, maxLength: 40 }).filter((v) => /^[^\p{Cc}\p{Cs}\uFEFF]{0,40}$/u.test(v));
/** Times on the 0.1 ms grid, whole, and anywhere at all, up to the schema's 24 hours. */
export const anyTime = fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 0, max: 36_000_000 }).map((t) => t / 10), fc.double({ min: 0, max: 3_600_000, noNaN: true }));
export const mixDistribution: fc.Arbitrary<Distribution> = fc.record({
  kind: fc.constant('mix' as const),
  parts: fc.array(fc.record({ weight: fc.double({ min: 0.5, max: 10, noNaN: true }), dist: distribution }), { minLength: 1, maxLength: 3 }),
});

/** The actions the shared arbitraries leave out, and writes with any key and value, all at any time. */
export function rareActions(shape: ClusterShape): fc.Arbitrary<Action[]> {
  const replicas = replicaIds(shape.replicas) as string[];
  const node = fc.constantFrom(...replicas);
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({ at: anyTime, client: fc.constantFrom(...shape.clients), coordinator: node, key: fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/), value: anyValue, blind: fc.boolean() }).map(
      ({ blind, ...a }): Action => ({ ...a, type: 'write', ...(blind ? { blind } : {}) }),
    ),
    fc.record({ at: anyTime, node, ms: fc.double({ min: -3_600_000, max: 3_600_000, noNaN: true }) }).map(({ at, node, ms }): Action => ({ at, type: 'set-skew', node, ms: ms + 0 })),
    fc.record({ at: anyTime, w: fc.integer({ min: 1, max: shape.n }), r: fc.integer({ min: 1, max: shape.n }), which: fc.nat(2) }).map(
      ({ at, w, r, which }): Action => ({ at, type: 'set-quorum', ...(which !== 1 ? { w } : {}), ...(which !== 0 ? { r } : {}) }),
    ),
    fc.record({ at: anyTime, latency: fc.oneof(distribution, mixDistribution), loss: fc.double({ min: 0, max: 1, noNaN: true }), which: fc.nat(2) }).map(
      ({ at, latency, loss, which }): Action => ({ at, type: 'set-network', ...(which !== 1 ? { latency } : {}), ...(which !== 0 ? { loss } : {}) }),
    ),
    anyTime.map((at): Action => ({ at, type: 'heal-all' })),
  );
  return fc.array(action, { maxLength: 12 });
}

