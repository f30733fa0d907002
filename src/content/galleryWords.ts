/**
 * What the CRDT gallery says about its MV-Register, in one place to check against the code
 * that does it: `sim/values/mv.ts` (a sibling is replaced exactly when a write's context
 * holds its dot) and the simulator's client sessions (`remember` in `sim/simulation.ts`:
 * a client keeps the union of every read's context and every write's, and sends it with
 * its next write unless the write is blind). The gallery's reducer does the same; a
 * property test runs both on the same steps.
 */

/** "red", "red and blue", "red, blue and green". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export const MV_REGISTER_TEXT = {
  how: [
    'Each value is kept with its version: the writes it includes, its own and those its client had seen (how to read one is below). A value is replaced only by a write whose client had seen it; values no write has replaced are siblings, and a read returns them all.',
    'Each replica has a client that remembers what it has read and written there, and Write sends all of that as the write’s context: a write made after reading the siblings replaces them, which is how an application settles a conflict. Write blind sends no context, as a client that never read would, so its value joins the siblings.',
  ],
  tryThis: 'Write at A and at B, then send A → B: B holds two siblings. Read at B, then Write at B: one value replaces both. Then Write blind at B: its value sits beside that one as a sibling.',
} as const;

/** The label beside a replica's client context, which its next Write sends. */
export const MV_CLIENT_LABEL = 'Its client has seen';

export interface MvWrite {
  readonly replica: string;
  readonly value: string;
  /** The context the write sent, as written by formatContext; null for a blind write. */
  readonly sent: string | null;
  /** The new value's version, as written by formatContext. */
  readonly version: string;
  /** Values the write replaced: those its context covered. */
  readonly replaced: readonly string[];
  /** Values left beside it as siblings: its client had not seen them, or sent no context. */
  readonly kept: readonly string[];
}

/** What the gallery says after an MV-Register write. */
export function mvWriteNote(w: MvWrite): string {
  const r = w.replica;
  const how = w.sent === null ? `wrote ${w.value} blind, sending no context` : `wrote ${w.value}, sending the context ${w.sent}: what it had read and written at ${r}`;
  let note = `The client at ${r} ${how}. The new version is ${w.version}.`;
  if (w.replaced.length > 0) note += ` It replaces ${listWords(w.replaced)}: the client had seen ${w.replaced.length === 1 ? 'it' : 'them'}.`;
  if (w.kept.length > 0) {
    const one = w.kept.length === 1;
    // A blind write replaces nothing, whatever its client has seen: it sent no context.
    const why = w.sent === null ? 'a write with no context replaces nothing' : `the client had not seen ${one ? 'it' : 'them'}`;
    note += ` It leaves ${listWords(w.kept)} beside it as ${one ? 'a sibling' : 'siblings'}: ${why}.`;
  }
  return note;
}

/** What the gallery says after the client at a replica reads it. */
export function mvReadNote(replica: string, values: readonly string[], seen: string): string {
  if (values.length === 0) return `The client at ${replica} read ${replica} and found nothing yet.`;
  return `The client at ${replica} read ${listWords(values)} and has now seen ${seen}. Its next Write sends that context and replaces what it read; Write blind sends none.`;
}

/** The gallery's data types by name, as its tabs show them. */
export const GALLERY_NAMES = {
  'g-counter': 'G-Counter',
  'pn-counter': 'PN-Counter',
  'g-set': 'G-Set',
  '2p-set': '2P-Set',
  'or-set': 'OR-Set',
  'lww-register': 'LWW-Register',
  'mv-register': 'MV-Register',
} as const;
