import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { flightFraction, type GalleryClock, type GalleryMoment } from './galleryClock.ts';
import type { ReplicaName } from '../../model/gallery/galleryKinds.ts';

interface Point {
  readonly x: number;
  readonly y: number;
}
export type Locate = (from: ReplicaName, to: ReplicaName) => { from: Point; to: Point } | null;

/** Slow off the mark and into the landing, as the eye expects; halfway stays halfway, where a held message waits. */
function ease(f: number): number {
  return f * f * (3 - 2 * f);
}

/**
 * The messages in flight at the playhead, each a dot on its way. Only this layer follows
 * the clock frame by frame; the replicas re-render when something happens. Positions come
 * from the clock's time, so Pause freezes the dots, speed changes how fast they fly, and
 * scrubbing puts them where they were. With reduced motion the dots are not drawn
 * (gallery.css) and messages land at once.
 */
export function GalleryDots({ clock, moment, locate }: { clock: GalleryClock; moment: GalleryMoment; locate: Locate }) {
  const time = useSyncExternalStore(clock.subscribe, clock.time);
  return (
    <div className="gallery-dots" aria-hidden="true">
      {moment.state.inFlight.map((m) => {
        const flight = moment.flights.get(m.id);
        if (!flight) return null;
        return <FlyingDot key={m.id} from={m.from} to={m.to} fraction={flightFraction(flight, time, clock.flight())} locate={locate} />;
      })}
    </div>
  );
}

/** One message on its way, `fraction` of the way from one replica's box to the other's. */
function FlyingDot({ from, to, fraction, locate }: { from: ReplicaName; to: ReplicaName; fraction: number; locate: Locate }) {
  const ref = useRef<HTMLSpanElement>(null);
  // Measured on every render, so the dot follows the boxes when the layout changes.
  useLayoutEffect(() => {
    const el = ref.current;
    const points = locate(from, to);
    if (!el || !points) return;
    const f = ease(fraction);
    // A dot going straight down or up wears its label on the left, inside the boxes.
    el.classList.toggle('vertical', Math.abs(points.to.x - points.from.x) < 1);
    el.style.transform = `translate(${points.from.x + (points.to.x - points.from.x) * f}px, ${points.from.y + (points.to.y - points.from.y) * f}px)`;
  });
  return (
    <span ref={ref} className="gallery-dot">
      <span className="gallery-dot-label">
        {from}→{to}
      </span>
    </span>
  );
}
