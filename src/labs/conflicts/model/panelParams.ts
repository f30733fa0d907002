import { choiceParam, intParam, seedParam } from '../../../embed/paramKinds.ts';
import type { ParamContext, ValuesOf } from '../../../embed/params.ts';
import { GALLERY_KIND_IDS, type GalleryKindId } from './gallery/galleryIds.ts';
import { DEFAULT_LIKE_CONFIG, LIKES_DURATION_MS, LIKE_RATES, SERVERS, type LikeConfig, type Server } from './likes/likeSettings.ts';
import { MODULE_EXAMPLES, vectorParam } from './vv/vectorParam.ts';

/*
 * The address of the conflicts lab's panels below the cart, declared for
 * src/embed/params.ts. They load with the panels, just after the first screen; the lab
 * reads them then and adds what it could not use to its notice (ConflictsLab.tsx).
 *
 *   &crdt=or-set                                                        the gallery's data type
 *   &likes-cut=C&likes-from=2&likes-until=7&likes-seed=3&likes-rate=3   the like counter
 *   &va=Node1:2,Node2:0&vb=Node1:1,Node2:1                              the comparer's vectors
 */

const [EXAMPLE_A, EXAMPLE_B] = MODULE_EXAMPLES[0]!;
const LAST_SECOND = LIKES_DURATION_MS / 1000;
const cutFrom = (read: ParamContext) => read.values['likes-from'] as number;

export const GALLERY_PARAMS = {
  crdt: choiceParam<GalleryKindId>({
    choices: GALLERY_KIND_IDS,
    fallback: 'g-counter',
    bad: (v) => `There is no "${v}" in the gallery, so it shows the G-Counter. The gallery has: ${GALLERY_KIND_IDS.join(', ')}.`,
  }),
};

export const LIKE_PARAMS = {
  'likes-cut': choiceParam<Server | null>({
    choices: [null, ...SERVERS],
    fallback: DEFAULT_LIKE_CONFIG.cut,
    spell: (cut) => cut ?? 'none',
    fold: (text) => text.trim().toLowerCase(),
    bad: (v, used) => `likes-cut=${v} is not a server: use A, B, C or none. ${used === null ? 'No server' : `Server ${used}`} is cut off instead.`,
  }),
  'likes-seed': seedParam(DEFAULT_LIKE_CONFIG.seed),
  'likes-rate': choiceParam<number>({
    choices: LIKE_RATES,
    fallback: DEFAULT_LIKE_CONFIG.rate,
    fold: (text) => String(Number(text.trim())),
    bad: (v, used) => `likes-rate=${v} is not one of ${LIKE_RATES.join(', ')} likes a second; it is ${used}.`,
  }),
  'likes-from': intParam({ min: 0, max: LAST_SECOND - 1, fallback: DEFAULT_LIKE_CONFIG.cutStart / 1000, what: 'the second the cut starts' }),
  'likes-until': intParam({
    min: (read) => cutFrom(read) + 1,
    max: LAST_SECOND,
    fallback: DEFAULT_LIKE_CONFIG.cutEnd / 1000,
    what: (read) => `the second the cut ends, after it starts at ${cutFrom(read)}`,
  }),
};

export const VECTOR_PARAMS = {
  va: vectorParam('vb', EXAMPLE_A),
  vb: vectorParam('va', EXAMPLE_B),
};

/** Every parameter of the panels, read at once so what cannot be used is told in one go. */
export const PANEL_PARAMS = { ...GALLERY_PARAMS, ...LIKE_PARAMS, ...VECTOR_PARAMS };

/** The like counter's set-up from its parameters. */
export function likeConfigOf(v: ValuesOf<typeof LIKE_PARAMS>): LikeConfig {
  return { seed: v['likes-seed'], rate: v['likes-rate'], cut: v['likes-cut'], cutStart: v['likes-from'] * 1000, cutEnd: v['likes-until'] * 1000 };
}

/** The parameters that spell a like-counter set-up: likeConfigOf reads them back. */
export function likeParamsOf(c: LikeConfig): ValuesOf<typeof LIKE_PARAMS> {
  return { 'likes-cut': c.cut, 'likes-seed': c.seed, 'likes-rate': c.rate, 'likes-from': c.cutStart / 1000, 'likes-until': c.cutEnd / 1000 };
}
