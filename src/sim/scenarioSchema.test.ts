import { describe, expect, it } from 'vitest';
import { makeScenario } from './scenario.ts';
import { validateScenario } from './scenarioSchema.ts';

function error(input: unknown): string {
  const v = validateScenario(input);
  if (v.ok) throw new Error('expected a rejection');
  return v.error;
}

describe('validateScenario', () => {
  it('accepts a full scenario and returns it unchanged', () => {
    const s = makeScenario({
      seed: 7,
      cluster: { replicas: 5, n: 3, w: 2, r: 2, strategy: 'mv', skew: { B: 250 } },
      network: { latency: { kind: 'mix', parts: [{ weight: 1, dist: { kind: 'pareto', xm: 1, alpha: 2 } }] }, loss: 0.1, links: [{ from: 'A', to: 'c1', loss: 0.5 }] },
      script: [
        { at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'cart', value: 'TV' },
        { at: 10, type: 'partition', groups: [['A', 'c1'], ['B', 'C']] },
        { at: 20, type: 'cut', from: 'A', to: 'B', oneWay: true },
        { at: 30, type: 'crash', node: 'B', loseUndurable: true },
        { at: 40, type: 'set-quorum', w: 1 },
        { at: 50, type: 'heal-all' },
      ],
    });
    const v = validateScenario(JSON.parse(JSON.stringify(s)));
    expect(v).toEqual({ ok: true, value: s });
  });

  it('fills in defaults for what is left out', () => {
    const v = validateScenario({ version: 1 });
    expect(v.ok && v.value).toEqual(makeScenario({}));
  });

  it('names the field that is wrong', () => {
    expect(error({ version: 1, cluster: { n: 5 } })).toBe('cluster.n must be between 1 and 3, not 5');
    expect(error({ version: 1, cluster: { replicas: 5, n: 3, w: 4 } })).toBe('cluster.w must be between 1 and 3, not 4');
    expect(error({ version: 1, seed: 'abc' })).toBe('seed must be a number, not "abc"');
    expect(error({ version: 2 })).toBe('version must be between 1 and 1, not 2');
    expect(error({ version: 1, script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'Z', key: 'x', value: '1' }] })).toMatch(/^script\[0\]\.coordinator must name a replica of this cluster/);
    expect(error({ version: 1, script: [{ at: -1, type: 'heal-all' }] })).toMatch(/^script\[0\]\.at must be between 0/);
    expect(error({ version: 1, script: [{ at: 0, type: 'explode' }] })).toMatch(/^script\[0\]\.type must be one of write, read/);
    expect(error({ version: 1, network: { latency: { kind: 'pareto', xm: 1 } } })).toBe('network.latency.alpha is missing');
    expect(error({ version: 1, cluster: { clients: ['c1', 'c1'] } })).toBe('cluster.clients must not repeat a name');
    expect(error({ version: 1, cluster: { sneaky: 1 } })).toBe('cluster.sneaky is not a field this lab knows');
  });

  it('refuses what is not an object at all', () => {
    for (const bad of [null, 3, 'x', [], true]) expect(validateScenario(bad).ok).toBe(false);
    expect(error(null)).toBe('the scenario must be an object, not null');
  });

  it('refuses hostile shapes without throwing', () => {
    expect(error({ version: 1, __proto__: { polluted: true }, constructor: 1 })).toBe('constructor is not a field this lab knows');
    expect(error(JSON.parse('{"version":1,"__proto__":{"polluted":true}}'))).toBe('__proto__ is not a field this lab knows');
  });

  it('quotes an unknown field short, with control and direction characters spelled out', () => {
    expect(error({ version: 1, cluster: { ['k'.repeat(10_000)]: 1 } })).toBe(`cluster.${'k'.repeat(24)}… is not a field this lab knows`);
    expect(error({ version: 1, ['evil\u202Egnp.exe']: 1 })).toBe('evilU+202Egnp.exe is not a field this lab knows');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = { kind: 'mix', parts: [{ weight: 1, dist: { kind: 'mix', parts: [{ weight: 1, dist: { kind: 'mix', parts: [{ weight: 1, dist: { kind: 'mix', parts: [] } }] } }] } }] };
    expect(error({ version: 1, network: { latency: deep } })).toMatch(/nests mixes deeper than 3/);
    expect(error({ version: 1, script: new Array(20_001).fill({ at: 0, type: 'heal-all' }) })).toMatch(/at most 20000 items/);
    expect(error({ version: 1, script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'a\u0000b' }] })).toMatch(/value must be a value of at most 40 characters/);
    expect(error({ version: 1, script: [{ at: 0, type: 'write', client: 'c1', coordinator: 'A', key: 'x', value: 'a\ud800' }] })).toMatch(/without control characters/);
    // Values that are not JSON at all (a postMessage can carry them) get a message, not a throw.
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(error({ version: 1, script: [{ at: 0, type: 'read', client: 'c1', coordinator: circular, key: 'x' }] })).toMatch(/coordinator must name a replica of this cluster \(A, B, C\), not an object/);
    expect(error({ version: 1, script: [{ at: 0, type: 'read', client: 'c1', coordinator: 10n, key: 'x' }] })).toMatch(/coordinator must name a replica/);
    expect(error({ version: 1, script: [{ at: 0, type: 'partition', groups: [['A', 'B'], ['B', 'C']] }] })).toBe('script[0].groups must not put a node in two groups');
  });
});
