import { useLayoutEffect, useState, type RefObject } from 'react';

/** Below this width the labs are one column, and the playback bar and timeline come under the picture. */
export const NARROW_PX = 1000;

/**
 * How big a lab's picture is drawn, in CSS pixels: as wide as its box, and as high as fits
 * between where it starts on the page and the bottom of the first screen, less `below`
 * (the timeline under it, and on a narrow screen the playback bar), so that at 1366 × 768
 * the picture, its controls and the timeline are all on the first screen. Never higher
 * than two thirds of its width, nor lower than `minRem`. `rem` is the page's root font size
 * (larger in presenter mode), by which a picture can scale its drawing.
 *
 * Measured on mount, when the window or the box's width changes, and when the page's
 * height changes (a notice above it, a panel loading): its height follows where it starts,
 * not the page's height, so its own growth never feeds back into it.
 */
export function useFittedSize(ref: RefObject<HTMLElement | null>, { below = 5.5, belowNarrow = 9, minRem = 18.75 }: { below?: number; belowNarrow?: number; minRem?: number } = {}) {
  const [size, setSize] = useState({ width: 800, height: 544, rem: 16 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rect = el.getBoundingClientRect();
      const width = Math.round(rect.width);
      // Not laid out yet (a hidden tab, a collapsed frame): nothing to fit.
      if (width === 0) return;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const narrow = window.innerWidth < NARROW_PX;
      const top = rect.top + window.scrollY;
      const room = window.innerHeight - top - (narrow ? belowNarrow : below) * rem;
      // The least height in the page's usual pixels: a projector's larger type must not push the picture off the screen.
      const height = Math.round(Math.max(minRem * Math.min(rem, 16), Math.min(width * 0.68, room)));
      setSize((s) => (s.width === width && s.height === height && s.rem === rem ? s : { width, height, rem }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(document.body);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, below, belowNarrow, minRem]);
  return size;
}
