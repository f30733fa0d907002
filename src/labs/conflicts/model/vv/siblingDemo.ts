import { nodeId, type OpId } from '../../../../sim/ids.ts';
import { EMPTY_CONTEXT, formatContext, union, type CausalContext } from '../../../../sim/values/causalContext.ts';
import { historyOf, mv, type MvState, type Sibling } from '../../../../sim/values/mv.ts';
import { list } from './explain.ts';

/**
 * Two replicas of one key kept as a multi-value register (`mv`), with one client at
 * each. A client remembers what it has read and written at its replica, and sends that
 * as the context of its next write; so a write replaces exactly the versions its writer
 * had seen, and two writes that did not see each other both survive as siblings.
 */
export const DEMO_NODES = ['Node1', 'Node2'] as const;
export type DemoNode = (typeof DEMO_NODES)[number];

export const MAX_VALUE_LENGTH = 20;

export interface ReadResult {
  readonly values: readonly string[];
  /** What the client now carries into its next write. */
  readonly context: string;
}

export interface DemoReplica {
  readonly state: MvState;
  /** The coordinator's write counter: only grows. */
  readonly counter: number;
  /** What the client at this replica has read and written. */
  readonly seen: CausalContext;
  /** The last read here, until the replica's state changes. */
  readonly lastRead: ReadResult | null;
}

export interface DemoState {
  readonly replicas: Readonly<Record<DemoNode, DemoReplica>>;
  readonly writes: number;
  /** One or two sentences about the last action, for the live region. */
  readonly event: string;
}

export type DemoAction =
  | { readonly type: 'write'; readonly node: DemoNode; readonly value: string }
  | { readonly type: 'read'; readonly node: DemoNode }
  | { readonly type: 'sync' }
  | { readonly type: 'story' }
  | { readonly type: 'reset' };

const EMPTY_REPLICA: DemoReplica = { state: [], counter: 0, seen: EMPTY_CONTEXT, lastRead: null };

export const INITIAL_DEMO: DemoState = {
  replicas: { Node1: EMPTY_REPLICA, Node2: EMPTY_REPLICA },
  writes: 0,
  event: 'Both replicas are empty. Write a value at one of them.',
};

/** A version as the module writes it: every demo node listed, zeros included. */
export function versionText(ctx: CausalContext): string {
  const vv: Record<string, number> = { ...ctx.vv };
  for (const n of DEMO_NODES) vv[n] ??= 0;
  return formatContext({ vv, dots: ctx.dots });
}

export function siblingVersion(s: Sibling): string {
  return versionText(historyOf(s));
}

/** The sibling's version as plain vector entries, when it has no loose dots (always, in this demo). */
export function siblingEntries(s: Sibling): { node: string; count: number }[] | null {
  const h = historyOf(s);
  if (h.dots.length > 0) return null;
  return DEMO_NODES.map((node): { node: string; count: number } => ({ node, count: h.vv[node] ?? 0 })).concat(
    Object.keys(h.vv)
      .filter((n) => !(DEMO_NODES as readonly string[]).includes(n))
      .map((node) => ({ node, count: h.vv[node]! })),
  );
}

export function demoReducer(state: DemoState, action: DemoAction): DemoState {
  switch (action.type) {
    case 'write':
      return write(state, action.node, action.value);
    case 'read':
      return read(state, action.node);
    case 'sync':
      return sync(state);
    case 'reset':
      return INITIAL_DEMO;
    case 'story': {
      const steps: DemoAction[] = [
        { type: 'write', node: 'Node1', value: 'v1' },
        { type: 'sync' },
        { type: 'read', node: 'Node2' },
        { type: 'write', node: 'Node1', value: 'v2' },
        { type: 'write', node: 'Node2', value: 'v3' },
      ];
      const end = steps.reduce(demoReducer, INITIAL_DEMO);
      return {
        ...end,
        event:
          'The module\'s story: Node1 wrote v1 and the replicas synced, {Node1:1, Node2:0}. Then Node1 wrote v2, {Node1:2, Node2:0}, while Node2, which had seen only v1, wrote v3, {Node1:1, Node2:1}. Sync, then read, to see the conflict.',
      };
    }
  }
}

function write(state: DemoState, node: DemoNode, raw: string): DemoState {
  const value = raw.trim();
  if (valueProblem(value)) return state;
  const r = state.replicas[node];
  const counter = r.counter + 1;
  const { version, delta, context } = mv.create(r.state, value, {
    node: nodeId(node),
    clock: counter,
    counter,
    context: r.seen,
    op: (state.writes + 1) as OpId,
  });
  const replaced = r.state.filter((s) => !delta.includes(s));
  const kept = delta.filter((s) => s !== version);
  let event = `${node} stored "${value}" with version ${siblingVersion(version)}.`;
  if (replaced.length > 0) event += ` It replaces ${quoted(replaced)}: its writer had seen ${replaced.length === 1 ? 'that version' : 'those versions'}.`;
  if (kept.length > 0) event += ` ${quoted(kept)} stays beside it as a sibling: the writer had not seen ${kept.length === 1 ? 'it' : 'them'}.`;
  const next: DemoReplica = { state: delta, counter, seen: context ?? r.seen, lastRead: null };
  return { replicas: { ...state.replicas, [node]: next }, writes: state.writes + 1, event };
}

function read(state: DemoState, node: DemoNode): DemoState {
  const r = state.replicas[node];
  const values = mv.values(r.state);
  const ctx = mv.context(r.state) ?? EMPTY_CONTEXT;
  const seen = union(r.seen, ctx);
  const lastRead: ReadResult = { values, context: versionText(seen) };
  let event: string;
  if (values.length === 0) event = `A read at ${node} finds nothing yet.`;
  else if (values.length === 1) event = `A read at ${node} returns one value, ${quoted(r.state)}, with version ${siblingVersion(r.state[0]!)}.`;
  else
    event =
      `A read at ${node} returns ${values.length} values, siblings: ${r.state.map((s) => `"${s.value}" ${siblingVersion(s)}`).join(' and ')}. ` +
      `Their versions are concurrent, so neither replaced the other. The client now carries ${versionText(seen)}, and its next write at ${node} replaces them all.`;
  return { ...state, replicas: { ...state.replicas, [node]: { ...r, seen, lastRead } }, event };
}

function sync(state: DemoState): DemoState {
  const [one, two] = [state.replicas.Node1, state.replicas.Node2];
  const merged = mv.merge(one.state, two.state);
  const same1 = mv.equals(merged, one.state);
  const same2 = mv.equals(merged, two.state);
  const event =
    same1 && same2
      ? 'Sync: Node1 and Node2 already held the same versions; nothing changed.'
      : merged.length > 1
        ? `Sync: each replica sent the other its versions. Both now hold ${merged.length} siblings, ${quoted(merged)}, because no version had seen the others.`
        : merged.length === 1
          ? `Sync: each replica sent the other its versions. Both now hold ${quoted(merged)}, version ${siblingVersion(merged[0]!)}; it had seen everything else.`
          : 'Sync: both replicas are empty.';
  return {
    ...state,
    replicas: {
      Node1: same1 ? one : { ...one, state: merged, lastRead: null },
      Node2: same2 ? two : { ...two, state: merged, lastRead: null },
    },
    event,
  };
}

/** Why a value cannot be written, or null. */
export function valueProblem(value: string): string | null {
  const v = value.trim();
  if (v === '') return 'Type a value to write first.';
  if ([...v].length > MAX_VALUE_LENGTH) return `A value here is at most ${MAX_VALUE_LENGTH} characters.`;
  if (/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}"]/u.test(v)) return 'A value cannot contain quotation marks or control characters.';
  return null;
}

function quoted(siblings: readonly Sibling[]): string {
  return list(siblings.map((s) => `"${s.value}"`));
}
