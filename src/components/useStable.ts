import { useState } from 'react';

/**
 * The value from an earlier render while `same` says the new one equals it: a value made
 * afresh each render (sizes worked out from the moment) keeps its identity, so what is
 * memoized on it is worked out again only when it really changes. (React's way of keeping
 * state derived from props: set during render when it changes.)
 */
export function useStable<T>(value: T, same: (a: T, b: T) => boolean): T {
  const [kept, setKept] = useState(value);
  if (kept === value || same(kept, value)) return kept;
  setKept(value);
  return value;
}
