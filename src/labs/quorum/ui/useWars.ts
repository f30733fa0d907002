import { useEffect, useRef, useState } from 'react';
import type { WarsRequest, WarsSummary } from '../model/warsProtocol.ts';

/**
 * The WARS summary for a request, computed in a Web Worker so the page stays responsive.
 * A newer request supersedes an older one; where workers are unavailable it runs inline.
 * `busy` is true while the summary shown is for an older request.
 */
export function useWars(request: Omit<WarsRequest, 'id'>): { summary: WarsSummary | null; busy: boolean } {
  const [done, setDone] = useState<{ key: string; summary: WarsSummary } | null>(null);
  const worker = useRef<Worker | null>(null);
  const sent = useRef(new Map<number, string>());
  const nextId = useRef(0);
  const [broken, setBroken] = useState(false);
  const key = JSON.stringify(request);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const w = new Worker(new URL('../warsWorker.ts', import.meta.url), { type: 'module' });
    const pending = sent.current;
    w.onmessage = (e: MessageEvent<WarsSummary>) => {
      const forKey = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (forKey !== undefined) setDone({ key: forKey, summary: e.data });
    };
    // A worker that cannot load (a sandbox, a strict content policy): compute on the page.
    w.onerror = () => setBroken(true);
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    const id = ++nextId.current;
    const req: WarsRequest = { ...(JSON.parse(key) as Omit<WarsRequest, 'id'>), id };
    if (worker.current && !broken) {
      sent.current.set(id, key);
      worker.current.postMessage(req);
      return;
    }
    // No worker (an old browser or a strict sandbox): compute here. The Monte Carlo's code
    // is loaded only then, so the lab's first screen does not carry it twice.
    let cancelled = false;
    void import('../model/warsProtocol.ts').then(({ summarise }) => {
      if (!cancelled) setDone({ key, summary: summarise(req, () => performance.now()) });
    });
    return () => {
      cancelled = true;
    };
  }, [key, broken]);

  const current = done?.key === key;
  return { summary: done?.summary ?? null, busy: !current };
}
