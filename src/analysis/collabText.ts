/**
 * Two replicas of a text, each taking one insert at the same moment, then exchanging them:
 * the module's seventh question, done three ways.
 *
 * - Position only: each replica applies the other's insert at the position it was made
 *   at. Both positions were right for the text their author saw, not for the text the
 *   other replica now holds, so the replicas can end up with different texts.
 * - Operational transformation: before applying a remote insert, shift its position past
 *   the local insert that went first; two inserts at one position are ordered by site
 *   name (the first site's text first), the same way on both replicas.
 * - A sequence CRDT, RGA (Roh et al., 2011): every character gets a unique id (a counter
 *   and its site), and an insert names the character it goes after, not a position.
 *   Characters inserted after the same one are ordered by id, the larger first, so every
 *   replica places them alike whatever order they arrive in.
 *
 * Pure: the quiz's answers and its demo both come from here.
 */

export interface Insert {
  readonly site: string;
  readonly pos: number;
  readonly text: string;
}

export interface Outcome {
  /** Each replica's text after both inserts, keyed by site. */
  readonly texts: Readonly<Record<string, string>>;
  readonly converged: boolean;
}

const clampPos = (doc: string, pos: number) => Math.max(0, Math.min(doc.length, Math.trunc(pos)));
const insertAt = (doc: string, pos: number, text: string) => doc.slice(0, clampPos(doc, pos)) + text + doc.slice(clampPos(doc, pos));

function outcome(texts: Record<string, string>): Outcome {
  return { texts, converged: new Set(Object.values(texts)).size === 1 };
}

/** Each replica applies its own insert, then the other's at its original position. */
export function positionOnly(doc: string, a: Insert, b: Insert): Outcome {
  return outcome({ [a.site]: insertAt(insertAt(doc, a.pos, a.text), b.pos, b.text), [b.site]: insertAt(insertAt(doc, b.pos, b.text), a.pos, a.text) });
}

/** `op` transformed to apply after `applied` (both made on the same text): moved past it when `applied` comes first. */
export function transform(op: Insert, applied: Insert, doc: string): Insert {
  const p = clampPos(doc, op.pos);
  const q = clampPos(doc, applied.pos);
  const appliedFirst = q < p || (q === p && applied.site < op.site);
  return appliedFirst ? { ...op, pos: p + applied.text.length } : { ...op, pos: p };
}

/** Each replica applies its own insert, then the other's transformed against it. */
export function operationalTransform(doc: string, a: Insert, b: Insert): Outcome {
  const atA = insertAt(insertAt(doc, a.pos, a.text), transform(b, a, doc).pos, b.text);
  const atB = insertAt(insertAt(doc, b.pos, b.text), transform(a, b, doc).pos, a.text);
  return outcome({ [a.site]: atA, [b.site]: atB });
}

interface Char {
  readonly id: readonly [number, string];
  readonly after: readonly [number, string] | null;
  readonly ch: string;
}

/** Ids compare by counter, then by site. */
const cmpId = (x: readonly [number, string], y: readonly [number, string]) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
const sameId = (x: readonly [number, string] | null, y: readonly [number, string] | null) => (x === null || y === null ? x === y : cmpId(x, y) === 0);

/** An RGA: the characters in document order; integrating one walks past the siblings with larger ids. */
class Rga {
  readonly chars: Char[] = [];

  integrate(c: Char): void {
    if (this.chars.some((x) => sameId(x.id, c.id))) return;
    let i = c.after === null ? 0 : this.chars.findIndex((x) => sameId(x.id, c.after)) + 1;
    // Skip characters that belong before this one: any with a larger id than it, and what was inserted after them.
    while (i < this.chars.length && cmpId(this.chars[i]!.id, c.id) > 0) i++;
    this.chars.splice(i, 0, c);
  }

  text(): string {
    return this.chars.map((c) => c.ch).join('');
  }
}

/** The characters an insert makes on a replica whose text is `chars`: a chain, each after the previous. */
function rgaInsert(chars: readonly Char[], ins: Insert, counter: number): Char[] {
  const p = Math.max(0, Math.min(chars.length, Math.trunc(ins.pos)));
  let after = p === 0 ? null : chars[p - 1]!.id;
  return [...ins.text].map((ch, i) => {
    const c: Char = { id: [counter + i, ins.site], after, ch };
    after = c.id;
    return c;
  });
}

/** Both replicas start from `doc` (written by a third site), make their insert, then integrate the other's characters. */
export function rga(doc: string, a: Insert, b: Insert): Outcome {
  const base: Char[] = [];
  let prev: readonly [number, string] | null = null;
  for (const [i, ch] of [...doc].entries()) {
    const c: Char = { id: [i + 1, '0'], after: prev, ch };
    base.push(c);
    prev = c.id;
  }
  const start = doc.length + 1;
  const fromA = rgaInsert(base, a, start);
  const fromB = rgaInsert(base, b, start);
  const replica = (own: Char[], other: Char[]) => {
    const r = new Rga();
    for (const c of [...base, ...own, ...other]) r.integrate(c);
    return r.text();
  };
  return outcome({ [a.site]: replica(fromA, fromB), [b.site]: replica(fromB, fromA) });
}
