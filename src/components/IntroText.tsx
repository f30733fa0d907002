import { useStore } from 'zustand';
import { presenterStore, selectOn } from '../store/presenterStore.ts';
import { useSyncExternalStore, type ReactNode } from 'react';

/** A phone, or a docs page's short frame: there the picture must come before a paragraph of intro. */
export const SHORT_NARROW = '(max-width: 999px) and (max-height: 760px)';

/** One subscriber per query, so React does not subscribe again on every render. */
const subscribers = new Map<string, (onChange: () => void) => () => void>();
function subscribe(query: string) {
  let s = subscribers.get(query);
  if (!s) {
    s = (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    };
    subscribers.set(query, s);
  }
  return s;
}

/** Whether a media query matches now, kept current. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    subscribe(query),
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/**
 * A lab's introductory paragraph: as it is on a laptop or a projector; folded under
 * "About this lab" in a short, narrow frame and in presenter mode, so the picture is on the first screen there.
 * Folded, not dropped: one tap opens it.
 */
export function IntroText({ children }: { readonly children: ReactNode }) {
  const short = useMediaQuery(SHORT_NARROW);
  // In front of a class the picture comes first: the presenter opens it if the room needs it.
  const presenting = useStore(presenterStore, selectOn);
  if (!short && !presenting) return <p>{children}</p>;
  return (
    <details className="intro-fold">
      <summary>About this lab</summary>
      <p>{children}</p>
    </details>
  );
}
