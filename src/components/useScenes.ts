import { useEffect, useRef } from 'react';
import { declareScenes } from '../controller/stage.ts';

/** A scene as a lab lists it: its id (`[a-z0-9-]`, for a host's `load`) and its title. */
export interface SceneItem {
  readonly id: string;
  readonly title: string;
}

/**
 * Declare the scenes a lab (or a lesson in it) can show one after another, for the
 * presenter's keys and the host's `load` of a preset (controller/stage.ts). `items`
 * should keep its identity between renders (a module constant, or memoized): the list is
 * declared again when it changes. `current` is the index on show, or -1; `show` shows
 * one. The latest `current` and `show` are the ones used.
 */
export function useScenes(kind: string, items: readonly SceneItem[], current: number, show: (index: number) => void): void {
  const latest = useRef({ current, show });
  useEffect(() => {
    latest.current = { current, show };
  });
  useEffect(
    () =>
      declareScenes({
        kind,
        scenes: items.map((item, i) => ({ ...item, show: () => latest.current.show(i) })),
        current: () => latest.current.current,
      }),
    [kind, items],
  );
}
