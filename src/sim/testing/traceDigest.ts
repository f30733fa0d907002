import type { Trace } from '../trace.ts';

/**
 * A trace as canonical text, one line per record, and a short hash of it: what the golden
 * test compares, so a change to how the trace is stored can be checked against the runs
 * the engine gave before. Test-only code.
 *
 * A message line holds what the trace keeps of it for good: route, kind, operation, key,
 * times, fate, and what it carried (the value a client wrote, or a replica state).
 */
export function traceLines(trace: Trace): string[] {
  const out: string[] = [];
  for (const m of trace.messages) {
    out.push(`m ${m.id} ${m.from}>${m.to} ${m.kind} op=${m.op ?? '-'} key=${m.key ?? '-'} ${m.sentAt} ${m.deliverAt} ${m.endAt} ${m.fate} ${canonical(m.kind === 'client-write' ? m.value : m.states ? Object.fromEntries(m.states) : m.state)}`);
  }
  for (const e of trace.events) out.push(`e ${canonical(e)}`);
  for (const c of trace.changes) out.push(`c ${c.at} ${c.node} ${c.key} ${c.cause} ${canonical(c.state)}`);
  for (const o of trace.ops) out.push(`o ${canonical(o)}`);
  for (const h of trace.hints) out.push(`h ${canonical(h)}`);
  return out;
}

/** cyrb53 of the canonical text: 53 bits, as 14 hex digits. */
export function traceDigest(trace: Trace): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const line of traceLines(trace)) {
    for (let i = 0; i <= line.length; i++) {
      const ch = i < line.length ? line.charCodeAt(i) : 10;
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** JSON with object keys sorted and Maps and Sets spelled out, so equal values give equal text. */
export function canonical(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v instanceof Map) return `Map${canonical([...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)))}`;
  if (v instanceof Set) return `Set${canonical([...v].map((x) => canonical(x)).sort())}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
