import { useLayoutEffect, useRef } from 'react';
import type { ReplicaName } from './galleryKinds.ts';

interface Point {
  readonly x: number;
  readonly y: number;
}
export type Locate = (from: ReplicaName, to: ReplicaName) => { from: Point; to: Point } | null;

/**
 * A message on its way, drawn as a dot that travels from one replica's box to the
 * other's by a CSS animation. A held message stops halfway. With reduced motion the dot
 * is not drawn at all (gallery.css) and the message is delivered at once.
 */
export function FlyingDot({ from, to, held, locate }: { from: ReplicaName; to: ReplicaName; held: boolean; locate: Locate }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const points = locate(from, to);
    if (!el || !points) return;
    el.style.setProperty('--x0', `${points.from.x}px`);
    el.style.setProperty('--y0', `${points.from.y}px`);
    el.style.setProperty('--dx', `${points.to.x - points.from.x}px`);
    el.style.setProperty('--dy', `${points.to.y - points.from.y}px`);
  }, [from, to, locate]);
  return (
    <span ref={ref} className={`gallery-dot${held ? ' held' : ''}`}>
      <span className="gallery-dot-label">
        {from}→{to}
      </span>
    </span>
  );
}
