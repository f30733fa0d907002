import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether an element is at least partly on screen. A picture scrolled out of view need not
 * be redrawn every frame: canvas drawing in particular costs the same seen or not.
 */
export function useIsVisible(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => entry && setVisible(entry.isIntersecting));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return visible;
}
