import { CART_KEY, CART_STORIES, DEVICES, type CartStory } from '../../../content/cartStories.ts';
import { choiceParam, seedParam } from '../../../embed/paramKinds.ts';
import { shown } from '../../../embed/params.ts';
import type { Scenario } from '../../../sim/scenario.ts';
import { CART_STORES } from '../../../sim/values/cart.ts';

/*
 * The conflicts lab's address, declared for src/embed/params.ts to read and write:
 *
 *   ?lab=conflicts&story=cut&seed=3     a cart story and its seed (or run=, which replaces both)
 *   &crdt=or-set  &likes-…  &va=…&vb=…  the panels below the cart: see panelParams.ts
 *
 * The declarations live beside the lab, not in src/embed/, because the build puts all of
 * src/embed/ in the chunk every lab loads first (vite.config.ts), and only this lab needs
 * its stories; the panels' declarations load with the panels.
 */

const FIRST_STORY = CART_STORIES[0]!;

/**
 * Why a run from a link cannot be a cart run here, or null if it can: it must keep the
 * cart one of the three ways, with the phone and the laptop, and change only items with
 * plain names (a name with ", " in it would read back as two items).
 */
export function cartRunProblem(scenario: Scenario): string | null {
  if (!CART_STORES.some((s) => s.id === scenario.cluster.strategy)) return 'This link’s run is not a cart run (it comes from another lab).';
  if (!DEVICES.every((d) => scenario.cluster.clients.includes(d.id)) || scenario.cluster.replicas < 3) return 'This link’s run does not have the phone, the laptop and replicas A, B and C.';
  // A cart is changed where it is read (sim/values/cart.ts): the coordinator must hold it, so every replica keeps the cart.
  if (scenario.cluster.replicas !== 3 || scenario.cluster.n !== 3) return `This link’s run has N = ${scenario.cluster.n} of ${scenario.cluster.replicas} replicas; in this lab a cart run needs exactly three replicas, each holding the cart (N = 3 of 3).`;
  for (const a of scenario.script) {
    if (a.type !== 'write') continue;
    if (a.key !== CART_KEY || !/^[+-][a-z0-9-]{1,20}$/.test(a.value)) return `This link’s run changes the cart in a way the lab does not know (${shown(a.key)}: ${shown(a.value)}).`;
  }
  return null;
}

/** The cart's settings: a story and a seed. A shared `run=` replaces both (cartLink.ts, loaded with the run's codec). */
export const CART_SETTINGS = {
  story: {
    ...choiceParam<CartStory>({
      choices: CART_STORIES,
      fallback: FIRST_STORY,
      spell: (s) => s.id,
      bad: (v) => `There is no story called “${v}”; the stories are ${CART_STORIES.map((s) => s.id).join(', ')}. Showing “${FIRST_STORY.title}”.`,
    }),
    startsRun: true,
  },
  seed: { ...seedParam(), startsRun: true },
};
