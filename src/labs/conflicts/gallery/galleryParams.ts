import { GALLERY_KIND_IDS, isGalleryKindId, type GalleryKindId } from './galleryKinds.ts';
import { DEFAULT_LIKE_CONFIG, LIKES_DURATION_MS, SERVERS, type LikeConfig, type Server } from './likeCounter.ts';

/**
 * What the address can set up in the gallery and the like-counter exercise. Anything it
 * cannot use gets a sentence saying so, and the default is used instead.
 *
 *   ?lab=conflicts&crdt=or-set          the gallery opens on this type (ids in GALLERY_KIND_IDS)
 *   &likes-cut=C                        the server cut off from the others: A, B, C or none
 *   &likes-from=2&likes-until=7         when the cut starts and ends, in seconds (0 to 10)
 *   &likes-seed=3                       the seed of the likes and the network delays (a whole number)
 *   &likes-rate=3                       likes per second across all servers (LIKE_RATES)
 */
export const LIKE_RATES: readonly number[] = [1, 2, 3, 5, 10];

export function parseGalleryKind(search: string): { kind: GalleryKindId; error: string | null } {
  const raw = new URLSearchParams(search).get('crdt');
  if (raw === null || raw === '') return { kind: 'g-counter', error: null };
  if (isGalleryKindId(raw)) return { kind: raw, error: null };
  return { kind: 'g-counter', error: `There is no "${raw}" in the gallery, so it shows the G-Counter. The gallery has: ${GALLERY_KIND_IDS.join(', ')}.` };
}

function wholeNumber(raw: string): number | null {
  return /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

export function parseLikeParams(search: string): { config: LikeConfig; errors: string[] } {
  const params = new URLSearchParams(search);
  const errors: string[] = [];
  let { seed, rate, cut, cutStart, cutEnd } = DEFAULT_LIKE_CONFIG;

  const rawCut = params.get('likes-cut');
  if (rawCut !== null) {
    const up = rawCut.trim().toUpperCase();
    if (up === 'NONE') cut = null;
    else if ((SERVERS as readonly string[]).includes(up)) cut = up as Server;
    else errors.push(`likes-cut=${rawCut} is not a server: use A, B, C or none. Server ${cut} is cut off instead.`);
  }
  const rawSeed = params.get('likes-seed');
  if (rawSeed !== null) {
    const n = wholeNumber(rawSeed);
    if (n === null) errors.push(`likes-seed=${rawSeed} is not a whole number; the seed is ${seed}.`);
    else seed = n;
  }
  const rawRate = params.get('likes-rate');
  if (rawRate !== null) {
    const n = Number(rawRate);
    if (rawRate.trim() !== '' && LIKE_RATES.includes(n)) rate = n;
    else errors.push(`likes-rate=${rawRate} is not one of ${LIKE_RATES.join(', ')} likes a second; it is ${rate}.`);
  }
  const rawFrom = params.get('likes-from');
  const rawUntil = params.get('likes-until');
  const from = rawFrom === null ? cutStart / 1000 : wholeNumber(rawFrom);
  const until = rawUntil === null ? cutEnd / 1000 : wholeNumber(rawUntil);
  const maxS = LIKES_DURATION_MS / 1000;
  if (from === null || until === null || from >= until || until > maxS) {
    errors.push(`The cut must start and end on whole seconds, from 0 to ${maxS}, starting before it ends (likes-from=${rawFrom ?? ''}, likes-until=${rawUntil ?? ''}); it lasts from ${cutStart / 1000} s to ${cutEnd / 1000} s.`);
  } else {
    cutStart = from * 1000;
    cutEnd = until * 1000;
  }
  return { config: { seed, rate, cut, cutStart, cutEnd }, errors };
}
