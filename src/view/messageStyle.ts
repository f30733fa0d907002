import type { Fate, MessageKind, MessageRecord } from '../sim/trace.ts';

/**
 * How each kind of message looks and is named, shared by the cluster picture, the
 * space-time diagram and the narration. Colour is never the only signal: every kind
 * also has a short label, and a dropped message a distinct mark and dash.
 */
export interface KindStyle {
  /** Short label drawn on the message: "write", "ack"… */
  readonly label: string;
  /** Words for screen readers and the inspector. */
  readonly description: string;
  /** A CSS custom property name holding the colour, so light and dark themes both work. */
  readonly colorVar: string;
  /** The fallback colour (used in exported SVG/PNG, where page CSS does not reach). */
  readonly color: string;
}

export const KIND_STYLES: Record<MessageKind, KindStyle> = {
  'client-write': { label: 'write', description: 'write request from a client', colorVar: '--msg-write', color: '#c2410c' },
  'client-read': { label: 'read', description: 'read request from a client', colorVar: '--msg-read', color: '#1d4ed8' },
  'write-reply': { label: 'ack', description: 'answer to a client’s write', colorVar: '--msg-ack', color: '#15803d' },
  'read-reply': { label: 'result', description: 'answer to a client’s read', colorVar: '--msg-result', color: '#0e7490' },
  replicate: { label: 'repl', description: 'replication of a write to a replica', colorVar: '--msg-write', color: '#c2410c' },
  'replicate-ack': { label: 'ack', description: 'a replica acknowledging a write', colorVar: '--msg-ack', color: '#15803d' },
  'read-req': { label: 'read', description: 'a coordinator asking a replica for its value', colorVar: '--msg-read', color: '#1d4ed8' },
  'read-resp': { label: 'resp', description: 'a replica answering a read', colorVar: '--msg-result', color: '#0e7490' },
  repair: { label: 'repair', description: 'read repair: the merged value sent to a replica that was behind', colorVar: '--msg-repair', color: '#7e22ce' },
  sync: { label: 'sync', description: 'anti-entropy: a replica sending its state to a peer', colorVar: '--msg-sync', color: '#6b7280' },
  'sync-reply': { label: 'sync', description: 'anti-entropy: the peer sending back what differed', colorVar: '--msg-sync', color: '#6b7280' },
  handoff: { label: 'hint', description: 'hinted handoff: a stand-in handing a write back to the replica it was meant for', colorVar: '--msg-repair', color: '#7e22ce' },
  'handoff-ack': { label: 'ack', description: 'the replica confirming it took a handed-off write', colorVar: '--msg-ack', color: '#15803d' },
  'write-back': { label: 'back', description: 'write-back: a read making sure W replicas hold the value before returning it', colorVar: '--msg-repair', color: '#7e22ce' },
  'write-back-ack': { label: 'ack', description: 'a replica confirming it took a read’s write-back', colorVar: '--msg-ack', color: '#15803d' },
  heartbeat: { label: 'beat', description: 'a leader’s term and log length, sent to a follower', colorVar: '--msg-sync', color: '#6b7280' },
  'log-ack': { label: 'ack', description: 'a follower’s answer: how much of the log it holds, or a newer term', colorVar: '--msg-ack', color: '#15803d' },
};

export const FATE_WORDS: Record<Fate, string> = {
  'in-flight': 'in flight',
  delivered: 'delivered',
  lost: 'lost by the network',
  cut: 'dropped at a cut link',
  crash: 'dropped: the receiver was down',
};

export function isDropped(m: MessageRecord): boolean {
  return m.fate === 'lost' || m.fate === 'cut' || m.fate === 'crash';
}

/** What a message is and where it goes, without its fate: "repl x from A to C". */
export function describeRoute(m: MessageRecord): string {
  const key = m.key !== null ? ` ${m.key}` : '';
  const value = m.value !== null ? `=${m.value}` : '';
  return `${KIND_STYLES[m.kind].label}${key}${value} from ${m.from} to ${m.to}`;
}

/** One line about a message with its final fate: "repl x from A to C (delivered)". */
export function describeMessage(m: MessageRecord): string {
  return `${describeRoute(m)} (${FATE_WORDS[m.fate]})`;
}
