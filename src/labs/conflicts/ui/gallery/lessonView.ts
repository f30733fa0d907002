import type { GalleryLessonView } from '../../../../content/lessons.ts';
import { agreement } from '../../model/gallery/galleryModel.ts';
import type { GalleryClock } from './galleryClock.ts';

/** What a lesson's goals look at in the gallery: the replicas at the playhead, and the learner's actions up to it. */
export function galleryLessonView(clock: GalleryClock): GalleryLessonView {
  const { state, hold } = clock.now();
  return {
    replicas: state.replicas.map((r) => ({ name: r.name, state: r.state })),
    inFlight: state.inFlight.map((m) => ({ from: m.from, to: m.to })),
    hold,
    converged: agreement(state).converged,
    actions: clock
      .script()
      .filter((s) => s.at <= clock.time())
      .map((s) => s.action),
  };
}
