import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicaIds } from '../sim/ids.ts';
import { makeScenario, type Action, type Scenario } from '../sim/scenario.ts';
import { validateScenario } from '../sim/scenarioSchema.ts';
import { clusterShape, distribution, faults, operations, scenarioOf, slowLinks } from '../sim/testing/arbitraries.ts';
import { decodeBase64Url } from './base64url.ts';
import type { ByteWriter } from './bytes.ts';
import { anyChar, crafted, learnerScript, mixDistribution, rareActions, seal, seed } from './testing/runs.ts';
import { decodeRun, encodeRun, runFromSearch } from './urlCodec.ts';

const CANNOT = "This link's run could not be read: ";
/** The bound a learner's 50-action run must stay under. */
const FIFTY_ACTION_BOUND = 600;

function error(param: string): string {
  const decoded = decodeRun(param);
  if (decoded.ok) throw new Error('expected the link to be refused');
  return decoded.error;
}

function expectRoundTrip(scenario: Scenario, time: number): string {
  const valid = validateScenario(scenario);
  if (!valid.ok) throw new Error(`the generator made an invalid scenario: ${valid.error}`);
  const param = encodeRun({ scenario, time });
  expect(param).toMatch(/^1\.[A-Za-z0-9_-]+$/);
  const decoded = decodeRun(param);
  if (!decoded.ok) throw new Error(decoded.error);
  expect(decoded.scenario).toEqual(valid.value);
  expect(Math.abs(decoded.time - time)).toBeLessThanOrEqual(0.05 + 1e-6);
  return param;
}

describe('encodeRun and decodeRun', () => {
  it('give back any scenario the simulator tests use, and the playhead to 0.1 ms', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) =>
          fc.record({
            shape: fc.constant(shape),
            ops: operations(shape, 5000, 40),
            faults: faults(shape, 5000),
            links: slowLinks(shape),
            seed,
            latency: distribution,
            loss: fc.double({ min: 0, max: 1, noNaN: true }),
            skew: fc.dictionary(fc.constantFrom(...(replicaIds(shape.replicas) as string[])), fc.integer({ min: -500, max: 500 })),
            antiEntropyMs: fc.constantFrom(0, 1000, 3000),
            durabilityMs: fc.constantFrom(0, 50),
            time: fc.double({ min: 0, max: 3_600_000, noNaN: true }),
          }),
        ),
        ({ shape, ops, faults, time, ...parts }) => void expectRoundTrip(scenarioOf(shape, { ...parts, script: [...ops, ...faults] }), time),
      ),
      { numRuns: 200 },
    );
  });

  it('give back every other kind of action and setting exactly: odd times, values, skews, latencies', () => {
    const clients = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.tuple(clusterShape('any'), clients).chain(([base, names]) => {
          const shape = { ...base, clients: names };
          return fc.record({ shape: fc.constant(shape), ops: operations(shape, 5000, 10), rare: rareActions(shape), seed, latency: fc.oneof(distribution, mixDistribution) });
        }),
        fc.record({ timeoutMs: fc.double({ min: 1, max: 600_000, noNaN: true }), readRepair: fc.boolean(), durabilityMs: fc.double({ min: 0, max: 600_000, noNaN: true }) }),
        ({ shape, ops, rare, seed, latency }, cluster) => {
          const scenario = scenarioOf(shape, { seed, latency, script: [...rare, ...ops] });
          expectRoundTrip({ ...scenario, cluster: { ...scenario.cluster, ...cluster } }, 0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keep every character a value may hold: accents, CJK, emoji, nothing at all', () => {
    // Byte order marks and lone surrogates, which UTF-8 would change, are refused by the schema.
    const script: Action[] = ['é 日本 \u{1F600}', 'a\u200Db', ''].map((value, i) => ({ at: i, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value }));
    expectRoundTrip(makeScenario({ script }), 0);
  });

  it('fit a learner’s 50-action run in a short link', () => {
    const param = expectRoundTrip(makeScenario({ seed: 2_654_435_761, script: learnerScript() }), 18_765.4);
    expect(param.length).toBeLessThan(FIFTY_ACTION_BOUND); // 525 when written
  });

  it('fit any 50 reads, writes and faults well under 2,000 characters, even at times off the 0.1 ms grid', () => {
    fc.assert(
      fc.property(
        clusterShape('any').chain((shape) => fc.record({ shape: fc.constant(shape), ops: operations(shape, 60_000, 50), faults: faults(shape, 60_000), seed })),
        ({ shape, ops, faults, seed }) => {
          // In time order, as a learner makes them; the longest seen were 725 and 1178 characters.
          const script = [...ops, ...faults].slice(0, 50).sort((a, b) => a.at - b.at);
          const run = (s: Action[]) => encodeRun({ scenario: scenarioOf(shape, { seed, latency: { kind: 'uniform', min: 40, max: 120 }, script: s }), time: 12_345 });
          expect(run(script).length).toBeLessThan(900);
          expect(run(script.map((a) => ({ ...a, at: a.at + 0.123_456_789 }))).length).toBeLessThan(1500);
        },
      ),
    );
  });

  it('keep a run with nothing changed tiny, and round the playhead (0 when it is not a time)', () => {
    expect(encodeRun({ scenario: makeScenario({}), time: 0 })).toBe('1.BAAAZZ0');
    expect(decodeRun(encodeRun({ scenario: makeScenario({}), time: 1234.56 }))).toMatchObject({ ok: true, time: 1234.6 });
    for (const time of [-5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(decodeRun(encodeRun({ scenario: makeScenario({}), time }))).toMatchObject({ ok: true, time: 0 });
    }
  });

  it('still read links made by this version of the format, and write them the same way', () => {
    // If these fail, links already shared would break: change the format under a new version.
    expect(decodeRun('1.HJh1AIuT')).toEqual({ ok: true, scenario: makeScenario({ seed: 7 }), time: 1500 });
    const link =
      '1.vPfb1Td7VHsiY2x1c3RlciI6eyJyZXBsaWNhcyI6NSwic3RyYXRlZ3kiOiJtdiJ9fQAACQALCGNhcnQEVFYBZwoBC0QyAgIACQIBAroDQBx-az_p-ts0eyJraW5kIjoiY29uc3RhbnQiLCJtcyI6NX0BCDAuMjUIHgABCi0xMi41kB8';
    const scenario = makeScenario({
      seed: 3_735_928_559,
      cluster: { replicas: 5, strategy: 'mv' },
      script: [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'cart', value: 'TV' },
        { at: 10.3, type: 'read', client: 'c2', coordinator: 'B', key: 'cart' },
        { at: 5, type: 'partition', groups: [['A', 'c1'], ['B', 'C']] },
        { at: 7.123456, type: 'set-network', latency: { kind: 'constant', ms: 5 }, loss: 0.25 },
        { at: 8, type: 'set-skew', node: 'A', ms: -12.5 },
      ],
    });
    expect(decodeRun(link)).toEqual({ ok: true, scenario, time: 12.3 });
    expect(encodeRun({ scenario, time: 12.3 })).toBe(link);
  });
});

describe('decodeRun refuses what it cannot read, in words a learner can follow', () => {
  const good = encodeRun({ scenario: makeScenario({ script: learnerScript() }), time: 500 });

  it('refuses text that is not a run of this format', () => {
    expect(error('')).toBe(`${CANNOT}it is empty.`);
    expect(error('hello')).toBe(`${CANNOT}it is not in a format this lab knows.`);
    expect(error('7.AAAA')).toBe(`${CANNOT}it is not in a format this lab knows (version 7).`);
    expect(error(`v2${good.slice(1)}`)).toBe(`${CANNOT}it is not in a format this lab knows (version v2).`);
    expect(error(undefined as unknown as string)).toBe(`${CANNOT}it is not text.`);
  });

  it('refuses a parameter over 100,000 characters before looking inside it', () => {
    expect(error(`1.${'A'.repeat(99_998)}`)).toBe(`${CANNOT}it was changed or cut short on its way (its check digits do not match).`);
    expect(error(`1.${'A'.repeat(99_999)}`)).toBe(`${CANNOT}it is 100001 characters long, more than the 100000 a run may have.`);
    expect(error('%'.repeat(5_000_000))).toBe(`${CANNOT}it is 5000000 characters long, more than the 100000 a run may have.`);
  });

  it('refuses characters base64url never uses', () => {
    expect(error('1.ab%cd')).toBe(`${CANNOT}it contains "%", which no run contains (was the link changed?).`);
    expect(error(`${good} `)).toBe(`${CANNOT}it contains " ", which no run contains (was the link changed?).`);
    expect(error(`${good.slice(0, 10)}+${good.slice(11)}`)).toBe(`${CANNOT}it contains "+", which no run contains (was the link changed?).`);
  });

  it('refuses a link cut short or changed on its way, rather than reading another run', () => {
    const damaged = `${CANNOT}it was changed or cut short on its way (its check digits do not match).`;
    for (let cut = 2; cut < good.length; cut += 7) expect(error(good.slice(0, cut)), `cut at ${cut}`).toBe(damaged);
    for (let i = 2; i < good.length; i += 5) {
      const changed = good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1);
      expect(error(changed), `changed at ${i}`).toBe(damaged);
    }
    expect(error('1.')).toBe(damaged);
    expect(error('1.A')).toBe(damaged);
  });

  it('refuses settings that are not JSON, or JSON of the wrong shape', () => {
    expect(error(crafted('{"cluster":'))).toBe(`${CANNOT}its settings are not valid JSON.`);
    expect(error(crafted('[1,2]'))).toBe(`${CANNOT}settings must be an object, not a list.`);
    expect(error(crafted('null'))).toBe(`${CANNOT}settings must be an object, not null.`);
    expect(error(crafted('{"script":[]}'))).toBe(`${CANNOT}settings.script is not a field this lab knows.`);
    expect(error(crafted('{"cluster":{"n":5}}'))).toBe(`${CANNOT}cluster.n must be between 1 and 3, not 5.`);
    expect(error(crafted('{"cluster":{"clients":"c1"}}'))).toBe(`${CANNOT}cluster.clients must be a list, not "c1".`);
    expect(error(crafted('{"network":{"latency":{"kind":"pareto","xm":1}}}'))).toBe(`${CANNOT}network.latency.alpha is missing.`);
  });

  it('refuses prototype-pollution attempts, and nothing gets polluted', () => {
    expect(error(crafted('{"__proto__":{"polluted":true}}'))).toBe(`${CANNOT}settings.__proto__ is not a field this lab knows.`);
    expect(error(crafted('{"cluster":{"__proto__":{"replicas":9}}}'))).toBe(`${CANNOT}cluster.__proto__ is not a field this lab knows.`);
    expect(error(crafted('{"network":{"constructor":{"prototype":{"polluted":true}}}}'))).toBe(`${CANNOT}network.constructor is not a field this lab knows.`);
    const latency = (out: ByteWriter) => {
      out.byte(10 | 0x10); // set-network with a latency, at 0
      out.uint(0);
      out.text('{"kind":"constant","ms":5,"__proto__":{"polluted":true}}');
    };
    expect(error(crafted('', latency))).toBe(`${CANNOT}script[0].latency.__proto__ is not a field this lab knows.`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the field of the script that is wrong, with the schema’s own words', () => {
    const script = learnerScript();
    script[3] = { at: script[3]!.at, type: 'read', client: 'c1', coordinator: 'Z', key: 'x' };
    expect(error(encodeRun({ scenario: makeScenario({ script }), time: 0 }))).toBe(`${CANNOT}script[3].coordinator must name a replica of this cluster (A, B, C), not "Z".`);
    const tooFar: Action = { at: 0, type: 'write', client: 'c1', coordinator: 'E', key: 'x', value: '1' };
    expect(error(encodeRun({ scenario: makeScenario({ script: [tooFar] }), time: 0 }))).toBe(`${CANNOT}script[0].coordinator must name a replica of this cluster (A, B, C), not "E".`);
    const late: Action = { at: 90_000_000, type: 'heal-all' };
    expect(error(encodeRun({ scenario: makeScenario({ script: [late] }), time: 0 }))).toBe(`${CANNOT}script[0].at must be between 0 and 3600000, not 90000000.`);
    expect(error(encodeRun({ scenario: makeScenario({ cluster: { ...makeScenario({}).cluster, antiEntropyMs: 1 } }), time: 0 }))).toBe(`${CANNOT}cluster.antiEntropyMs must be 0 (off) or at least 250, not 1.`);
    const many = new Array<Action>(20_001).fill({ at: 0, type: 'heal-all' });
    expect(error(encodeRun({ scenario: makeScenario({ script: many }), time: 0 }))).toBe(`${CANNOT}script may hold at most 20000 items, not 20001.`);
  });

  it('says where bytes that pass the check still cannot be read', () => {
    const read = (out: ByteWriter) => {
      out.byte(1); // a read at 0: client, coordinator, key
      out.uint(0);
      out.uint(9);
    };
    expect(error(seal(Uint8Array.from([0x80])))).toBe(`${CANNOT}the seed is cut short.`);
    expect(error(seal(Uint8Array.from([2, 0, 200])))).toBe(`${CANNOT}the part holding the settings is cut short.`);
    expect(error(crafted('', read))).toBe(`${CANNOT}script[0] is cut short.`);
    const reading = (...parts: [kind: 'byte' | 'uint' | 'text', value: number | string][]) => (out: ByteWriter) => {
      for (const [kind, value] of parts) {
        if (kind === 'text') out.text(String(value));
        else out[kind](Number(value));
      }
    };
    expect(error(crafted('', reading(['byte', 1], ['uint', 0], ['uint', 9], ['uint', 0], ['uint', 40])))).toBe(`${CANNOT}script[0] uses name number 40, but only 11 have been given.`);
    expect(error(crafted('', reading(['byte', 11], ['uint', 0])))).toBe(`${CANNOT}script[0] is an action of a kind this lab does not know (code 11).`);
    expect(error(crafted('', reading(['byte', 5 | 0xc0], ['uint', 0])))).toBe(`${CANNOT}script[0] gives its time in a form this lab does not know.`);
    expect(error(crafted('', reading(['byte', 10 | 0x10], ['uint', 0], ['text', '{kind'])))).toBe(`${CANNOT}script[0] holds a latency that is not valid JSON.`);
    expect(error(crafted('', reading(['byte', 5], ['uint', 0], ['byte', 4], ['uint', 1])))).toBe(`${CANNOT}script[1] is cut short.`);
    expect(error(crafted('', reading(['byte', 4], ['uint', 0], ['uint', 1], ['uint', 50], ['uint', 0])))).toBe(`${CANNOT}script[0] is cut short.`);
  });

  it('never throws, whatever it is given', () => {
    const bytes = decodeBase64Url(good.slice(2))!.slice(0, -2);
    const mutated = fc
      .array(fc.record({ at: fc.nat(bytes.length), byte: fc.nat(255), how: fc.constantFrom('set', 'insert', 'delete') }), { minLength: 1, maxLength: 6 })
      .map((edits) => {
        const out = [...bytes];
        for (const { at, byte, how } of edits) out.splice(at, how === 'insert' ? 0 : 1, ...(how === 'delete' ? [] : [byte]));
        return seal(Uint8Array.from(out));
      });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyChar }), fc.string().map((s) => `1.${s}`), fc.base64String().map((s) => `1.${s}`), mutated), (param) => {
        const decoded = decodeRun(param);
        if (decoded.ok) {
          expect(validateScenario(decoded.scenario).ok).toBe(true);
          expect(Number.isFinite(decoded.time) && decoded.time >= 0).toBe(true);
        } else {
          expect(decoded.error.startsWith(CANNOT)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('runFromSearch', () => {
  it('finds the run among the other parameters, or says why it cannot', () => {
    const scenario = makeScenario({ seed: 7 });
    expect(runFromSearch('')).toEqual({ run: null, error: null });
    expect(runFromSearch('?lab=quorum')).toEqual({ run: null, error: null });
    expect(runFromSearch('?lab=quorum&run=1.HJh1AIuT')).toEqual({ run: { scenario, time: 1500 }, error: null });
    expect(runFromSearch('run=1.HJh1AIuT')).toEqual({ run: { scenario, time: 1500 }, error: null });
    expect(runFromSearch('?run=7.AAAA&lab=quorum')).toEqual({ run: null, error: `${CANNOT}it is not in a format this lab knows (version 7).` });
    // A parameter with no value counts as absent, as the address module reads every parameter.
    expect(runFromSearch('?run=')).toEqual({ run: null, error: null });
    expect(runFromSearch('?run=1.HJh1%25uT')).toEqual({ run: null, error: `${CANNOT}it contains "%", which no run contains (was the link changed?).` });
  });
});

describe('decodeRun against links found in review', () => {
  it('refuses a playhead past the hour instead of simulating for ever', () => {
    const result = decodeRun('1.BIDAyvOEowIyeyJjbHVzdGVyIjp7InciOjEsInIiOjF9ffnS');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/its moment, \d+ s, is past the hour a run may last/);
  });

  it('names an invisible or direction-changing character by its code point', () => {
    const result = decodeRun('1.AAAA\u202E');
    expect(!result.ok && result.error).toContain('"U+202E"');
    expect(!result.ok && result.error).not.toContain('\u202E');
  });
});
