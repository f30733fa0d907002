import './sessions/install.ts';
import './protocols/leaderInstall.ts';
import type { Distribution, MixPart } from './distributions.ts';
import { MAX_REPLICAS, MIN_REPLICAS, replicaIds } from './ids.ts';
import { CAUSAL_DELIVERY, DEFAULT_CLUSTER, DEFAULT_NETWORK, MAX_TIME, SESSION_READS, TOPOLOGIES, type Action, type ClusterConfig, type LinkOverride, type NetworkConfig, type Scenario } from './scenario.ts';
import { SchemaError, bool, describeValue, fields, int, list, num, oneOf, str, type Reader } from './schema.ts';
import { strategyIds } from './values/index.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string; path: string };

const MAX_SCRIPT = 20_000;
/** Anti-entropy more often than this would flood the picture and the simulator. */
export const MIN_ANTI_ENTROPY_MS = 250;
const CLIENT_ID = /^[a-z][a-z0-9-]{0,11}$/;
const KEY = /^[A-Za-z0-9_-]{1,16}$/;
/** Keys written synchronously: a handful is a lesson; more is a cluster with W = N. */
const MAX_SYNC_KEYS = 20;

/**
 * Check untrusted input against the scenario schema. Missing optional parts take their
 * defaults; anything wrong is reported with the path of the field that is wrong.
 *
 * @example
 * validateScenario({ version: 1, seed: 1, cluster: { n: 5 } })
 * // { ok: false, path: 'cluster.n', error: 'cluster.n must be between 1 and 3, not 5' }
 */
export function validateScenario(input: unknown): Validated<Scenario> {
  try {
    return { ok: true, value: readScenario(input, '') };
  } catch (e) {
    if (e instanceof SchemaError) return { ok: false, error: e.message, path: e.path };
    throw e;
  }
}

function readScenario(input: unknown, path: string): Scenario {
  const get = fields(input, path, ['version', 'seed', 'cluster', 'network', 'script']);
  get('version', int(1, 1));
  const seed = get('seed', int(0, 0xffffffff), 1);
  const cluster = get('cluster', readCluster, DEFAULT_CLUSTER);
  const network = get('network', readNetwork(cluster), DEFAULT_NETWORK);
  const script = get('script', list(readAction(cluster), MAX_SCRIPT), []);
  return { version: 1, seed, cluster, network, script };
}

function readCluster(value: unknown, path: string): ClusterConfig {
  const d = DEFAULT_CLUSTER;
  const get = fields(value, path, Object.keys(d));
  const replicas = get('replicas', int(MIN_REPLICAS, MAX_REPLICAS), d.replicas);
  const clients = get('clients', list(str(CLIENT_ID, 'a short lower-case name like "c1"'), 6), [...d.clients]);
  if (clients.length === 0) throw new SchemaError(`${path}.clients`, 'must name at least one client');
  if (new Set(clients).size !== clients.length) throw new SchemaError(`${path}.clients`, 'must not repeat a name');
  const n = get('n', int(1, replicas), Math.min(d.n, replicas));
  const w = get('w', int(1, n), Math.min(d.w, n));
  const r = get('r', int(1, n), Math.min(d.r, n));
  const nodes = replicaIds(replicas) as string[];
  const skew = get('skew', readSkew(nodes), {});
  const cluster: ClusterConfig = {
    replicas,
    clients,
    n,
    w,
    r,
    strategy: get('strategy', oneOf(strategyIds()), d.strategy),
    timeoutMs: get('timeoutMs', num(1, 600_000), d.timeoutMs),
    readRepair: get('readRepair', bool(), d.readRepair),
    readWriteBack: get('readWriteBack', bool(), d.readWriteBack),
    sloppyQuorum: get('sloppyQuorum', bool(), d.sloppyQuorum),
    hintedHandoffMs: get('hintedHandoffMs', antiEntropy, d.hintedHandoffMs),
    antiEntropyMs: get('antiEntropyMs', antiEntropy, d.antiEntropyMs),
    durabilityMs: get('durabilityMs', num(0, 600_000), d.durabilityMs),
    skew,
    sticky: get('sticky', bool(), d.sticky),
    sessionReads: get('sessionReads', oneOf(SESSION_READS), d.sessionReads),
    syncKeys: get('syncKeys', list(str(KEY, 'a key of 1 to 16 letters, digits, - or _'), MAX_SYNC_KEYS), [...d.syncKeys]),
    causalDelivery: get('causalDelivery', oneOf(CAUSAL_DELIVERY), d.causalDelivery),
    homeKeys: get('homeKeys', list(str(KEY, 'a key of 1 to 16 letters, digits, - or _'), MAX_SYNC_KEYS), [...d.homeKeys]),
    home: get('home', oneOf(nodes), d.home),
    topology: get('topology', oneOf(TOPOLOGIES), d.topology),
    followerAcks: get('followerAcks', int(0, replicas - 1), Math.min(d.followerAcks, replicas - 1)),
    followerReads: get('followerReads', bool(), d.followerReads),
    failoverMs: get('failoverMs', failover, d.failoverMs),
  };
  if (cluster.topology !== 'leaderless') checkLeaders(cluster, `${path}.topology`);
  if (cluster.causalDelivery !== 'off') {
    const where = `${path}.causalDelivery`;
    if (cluster.n !== replicas) throw new SchemaError(where, `needs every replica to hold every key (n = ${replicas}, not ${cluster.n})`);
    if (cluster.antiEntropyMs > 0 || cluster.readRepair || cluster.readWriteBack || cluster.sloppyQuorum) throw new SchemaError(where, 'cannot be combined with anti-entropy, read repair, write-back or sloppy quorums, which move data without its dependencies');
    if (cluster.strategy !== 'lww' && cluster.strategy !== 'mv') throw new SchemaError(where, 'works with registers only (last write wins, or siblings)');
    // A crash that loses writes not yet on disk would roll storage back under what a replica says it has applied.
    if (cluster.durabilityMs > 0) throw new SchemaError(where, 'cannot be combined with writes that a crash can lose (durabilityMs above 0)');
  }
  return cluster;
}

/** A failover sooner than this would promote a follower while the old leader is only slow. */
export const MIN_FAILOVER_MS = 200;

const failover: Reader<number> = (value, path) => {
  const ms = num(0, 600_000)(value, path);
  if (ms > 0 && ms < MIN_FAILOVER_MS) throw new SchemaError(path, `must be 0 (never) or at least ${MIN_FAILOVER_MS}, not ${ms}`);
  return ms;
};

/**
 * With leaders, the leaders' streams are how replicas catch up: the leaderless protocol's
 * extras (anti-entropy is simply not run) and the session fixes, which read its quorums
 * and tokens, have no meaning here. One leader's log decides which write is newest, so it
 * keeps one value per key; two leaders merge by the value strategy, any of them.
 */
function checkLeaders(c: ClusterConfig, where: string): void {
  if (c.topology === 'single-leader' && c.strategy !== 'lww') throw new SchemaError(where, 'single-leader replication keeps one value per key, in the order of the leader’s log: use the strategy "lww"');
  if (c.readRepair || c.readWriteBack || c.sloppyQuorum) throw new SchemaError(where, 'cannot be combined with read repair, write-back or sloppy quorums, which belong to leaderless replication');
  if (c.sticky || c.sessionReads !== 'off' || c.causalDelivery !== 'off' || c.syncKeys.length > 0 || c.homeKeys.length > 0) throw new SchemaError(where, 'cannot be combined with the session fixes or per-key settings of the leaderless lab');
  // The log is kept through a crash, like a database's write-ahead log.
  if (c.durabilityMs > 0) throw new SchemaError(where, 'keeps what it has written through a crash: durabilityMs must be 0');
}

const antiEntropy: Reader<number> = (value, path) => {
  const ms = num(0, 3_600_000)(value, path);
  if (ms > 0 && ms < MIN_ANTI_ENTROPY_MS) throw new SchemaError(path, `must be 0 (off) or at least ${MIN_ANTI_ENTROPY_MS}, not ${ms}`);
  return ms;
};

function readSkew(nodes: string[]): Reader<Record<string, number>> {
  return (value, path) => {
    const get = fields(value, path, nodes);
    const out: Record<string, number> = {};
    for (const node of nodes) {
      const v = get(node, num(-3_600_000, 3_600_000), 0);
      if (v !== 0) out[node] = v;
    }
    return out;
  };
}

const MAX_DEPTH = 3;

export function readDistribution(value: unknown, path: string, depth = 0): Distribution {
  const kind = fields(value, path, ['kind', 'ms', 'min', 'max', 'rate', 'xm', 'alpha', 'parts'])(
    'kind',
    oneOf(['constant', 'uniform', 'exponential', 'pareto', 'mix'] as const),
  );
  const get = fields(value, path, ['kind', ...distributionFields[kind]]);
  switch (kind) {
    case 'constant':
      return { kind, ms: get('ms', num(0, 600_000)) };
    case 'uniform': {
      const min = get('min', num(0, 600_000));
      const max = get('max', num(min, 600_000));
      return { kind, min, max };
    }
    case 'exponential':
      return { kind, rate: get('rate', num(1e-6, 1e6)) };
    case 'pareto':
      return { kind, xm: get('xm', num(1e-6, 600_000)), alpha: get('alpha', num(0.1, 100)) };
    case 'mix': {
      if (depth >= MAX_DEPTH) throw new SchemaError(path, `nests mixes deeper than ${MAX_DEPTH}`);
      const parts = get('parts', list(readPart(depth + 1), 8));
      if (parts.length === 0) throw new SchemaError(`${path}.parts`, 'must hold at least one part');
      if (!parts.some((p) => p.weight > 0)) throw new SchemaError(`${path}.parts`, 'must have a weight above 0');
      return { kind, parts };
    }
  }
}

const distributionFields = {
  constant: ['ms'],
  uniform: ['min', 'max'],
  exponential: ['rate'],
  pareto: ['xm', 'alpha'],
  mix: ['parts'],
} as const;

function readPart(depth: number): Reader<MixPart> {
  return (value, path) => {
    const get = fields(value, path, ['weight', 'dist']);
    return { weight: get('weight', num(0, 1e6)), dist: get('dist', (v, p) => readDistribution(v, p, depth)) };
  };
}

function readNetwork(cluster: ClusterConfig): Reader<NetworkConfig> {
  const node = nodeReader(cluster, 'any');
  return (value, path) => {
    const get = fields(value, path, ['latency', 'loss', 'links']);
    const links = get(
      'links',
      list<LinkOverride>((v, p) => {
        const g = fields(v, p, ['from', 'to', 'latency', 'loss']);
        const link: { from: string; to: string; latency?: Distribution; loss?: number } = { from: g('from', node), to: g('to', node) };
        const latency = g('latency', readDistribution, undefined);
        const loss = g('loss', num(0, 1), undefined);
        if (latency) link.latency = latency;
        if (loss !== undefined) link.loss = loss;
        return link;
      }, 200),
      [],
    );
    return { latency: get('latency', readDistribution, DEFAULT_NETWORK.latency), loss: get('loss', num(0, 1), 0), links };
  };
}

function nodeReader(cluster: ClusterConfig, which: 'replica' | 'client' | 'any'): Reader<string> {
  const replicas = replicaIds(cluster.replicas) as string[];
  const allowed = which === 'replica' ? replicas : which === 'client' ? [...cluster.clients] : [...replicas, ...cluster.clients];
  const what = which === 'replica' ? 'a replica' : which === 'client' ? 'a client' : 'a node';
  return (value, path) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new SchemaError(path, `must name ${what} of this cluster (${allowed.join(', ')}), not ${describeValue(value)}`);
    }
    return value;
  };
}

const ACTION_FIELDS: Record<Action['type'], readonly string[]> = {
  write: ['client', 'coordinator', 'key', 'value', 'blind'],
  read: ['client', 'coordinator', 'key'],
  cut: ['from', 'to', 'oneWay'],
  heal: ['from', 'to', 'oneWay'],
  partition: ['groups'],
  'heal-all': [],
  crash: ['node', 'loseUndurable'],
  recover: ['node'],
  'set-skew': ['node', 'ms'],
  'set-quorum': ['w', 'r'],
  'set-network': ['latency', 'loss'],
};

function readAction(cluster: ClusterConfig): Reader<Action> {
  const replica = nodeReader(cluster, 'replica');
  const client = nodeReader(cluster, 'client');
  const any = nodeReader(cluster, 'any');
  const key = str(KEY, 'a key of 1 to 16 letters, digits, - or _');
  const value = str(/^[^\p{Cc}\p{Cs}\uFEFF]{0,40}$/u, 'a value of at most 40 characters, without control characters');
  return (input, path) => {
    const type = fields(input, path, ['at', 'type', ...Object.values(ACTION_FIELDS).flat()])('type', oneOf(Object.keys(ACTION_FIELDS) as Action['type'][]));
    const get = fields(input, path, ['at', 'type', ...ACTION_FIELDS[type]]);
    const at = get('at', num(0, MAX_TIME));
    switch (type) {
      case 'write': {
        const blind = get('blind', bool(), false);
        return { at, type, client: get('client', client), coordinator: get('coordinator', replica), key: get('key', key), value: get('value', value), ...(blind ? { blind } : {}) };
      }
      case 'read':
        return { at, type, client: get('client', client), coordinator: get('coordinator', replica), key: get('key', key) };
      case 'cut':
      case 'heal': {
        const from = get('from', any);
        const to = get('to', any);
        if (from === to) throw new SchemaError(`${path}.to`, 'must differ from "from"');
        return { at, type, from, to, ...(get('oneWay', bool(), false) ? { oneWay: true } : {}) };
      }
      case 'partition': {
        const groups = get('groups', list(list(any, 20), 9));
        const all = groups.flat();
        if (new Set(all).size !== all.length) throw new SchemaError(`${path}.groups`, 'must not put a node in two groups');
        return { at, type, groups };
      }
      case 'heal-all':
        return { at, type };
      case 'crash':
        return { at, type, node: get('node', replica), ...(get('loseUndurable', bool(), false) ? { loseUndurable: true } : {}) };
      case 'recover':
        return { at, type, node: get('node', replica) };
      case 'set-skew':
        return { at, type, node: get('node', replica), ms: get('ms', num(-3_600_000, 3_600_000)) };
      case 'set-quorum': {
        const w = get('w', int(1, cluster.n), undefined);
        const r = get('r', int(1, cluster.n), undefined);
        return { at, type, ...(w !== undefined ? { w } : {}), ...(r !== undefined ? { r } : {}) };
      }
      case 'set-network': {
        const latency = get('latency', readDistribution, undefined);
        const loss = get('loss', num(0, 1), undefined);
        return { at, type, ...(latency ? { latency } : {}), ...(loss !== undefined ? { loss } : {}) };
      }
    }
  };
}
