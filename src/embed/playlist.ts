import { safeText } from '../sim/safeText.ts';
import { memoryAddress } from './address.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { addressFor } from './loadLink.ts';

/**
 * A presenter's playlist: runs to show one after another in front of a class, each a
 * link from any lab (kept as its query, `?lab=…`, so a file made on one copy of the lab
 * plays on another), a title, and a talking point for the speaker view. Kept in the
 * address as `playlist=` (with `item=`, which one is on show) and in files. Whatever a
 * link or file holds is read as untrusted: anything else gets one short sentence.
 */

export interface PlaylistItem {
  /** The run's query string, `?lab=…&…`. */
  readonly link: string;
  readonly title: string;
  readonly point: string;
}

export interface Playlist {
  readonly title: string;
  readonly items: readonly PlaylistItem[];
}

export const LIMITS = { items: 40, title: 120, point: 1_000, link: 110_000, encoded: 600_000 } as const;
const FILE_FORMAT = 'ec-lab-playlist';
const VERSION = 'p1';

export type PlaylistRead = { readonly ok: true; readonly playlist: Playlist } | { readonly ok: false; readonly error: string };

const quoted = (v: unknown) => {
  const text = safeText(typeof v === 'string' ? JSON.stringify(v) : String(v));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/** The query of a link, if it is one to a lab: a `?query`, or a whole address whose query names a lab. */
export function queryOf(link: string): string | null {
  try {
    const url = new URL(link, 'https://lab.invalid/');
    return url.searchParams.get('lab') ? url.search : null;
  } catch {
    return null;
  }
}

/**
 * Check a playlist as read from JSON: its shape, its limits, and that each link names a
 * lab `known` knows. Links are kept as their query.
 */
export function checkPlaylist(data: unknown, known: (lab: string) => boolean): PlaylistRead {
  const fail = (why: string): PlaylistRead => ({ ok: false, error: `This playlist could not be used: ${why}.` });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('it is not an object with a title and items');
  const { title = '', items } = data as { title?: unknown; items?: unknown };
  if (typeof title !== 'string' || title.length > LIMITS.title) return fail(`its title is not text of at most ${LIMITS.title} characters`);
  if (!Array.isArray(items) || items.length === 0 || items.length > LIMITS.items) return fail(`it needs from 1 to ${LIMITS.items} items`);
  const out: PlaylistItem[] = [];
  for (const [i, item] of items.entries()) {
    const n = `item ${i + 1}`;
    if (typeof item !== 'object' || item === null) return fail(`${n} is not an object with a link, a title and a point`);
    const { link, title: t = '', point = '' } = item as { link?: unknown; title?: unknown; point?: unknown };
    if (typeof link !== 'string' || link.length > LIMITS.link) return fail(`${n}'s link is not text of at most ${LIMITS.link} characters`);
    const query = queryOf(link);
    if (query === null) return fail(`${n}'s link, ${quoted(link)}, names no lab`);
    const lab = new URLSearchParams(query).get('lab')!;
    if (!known(lab)) return fail(`${n}'s link names a lab this page does not have, ${quoted(lab)}`);
    if (typeof t !== 'string' || t.length > LIMITS.title) return fail(`${n}'s title is not text of at most ${LIMITS.title} characters`);
    if (typeof point !== 'string' || point.length > LIMITS.point) return fail(`${n}'s talking point is not text of at most ${LIMITS.point} characters`);
    out.push({ link: query, title: t, point });
  }
  const playlist = { title, items: out };
  const size = encodedSize(playlist);
  if (size > LIMITS.encoded) return fail(`it would be ${size.toLocaleString('en')} characters in a link, more than the ${LIMITS.encoded.toLocaleString('en')} a playlist may have (a few long runs fill it)`);
  return { ok: true, playlist };
}

/** How long a playlist is in the address, without encoding it: base64url of its UTF-8 JSON. */
export function encodedSize(playlist: Playlist): number {
  return VERSION.length + 1 + Math.ceil((new TextEncoder().encode(JSON.stringify(playlist)).length * 4) / 3);
}

/** The playlist as the address holds it: `p1.` and base64url of its JSON. */
export function encodePlaylist(playlist: Playlist): string {
  return `${VERSION}.${encodeBase64Url(new TextEncoder().encode(JSON.stringify(playlist)))}`;
}

/** Read `playlist=` back. Never throws. */
export function decodePlaylist(text: string, known: (lab: string) => boolean): PlaylistRead {
  const fail = (why: string): PlaylistRead => ({ ok: false, error: `This link's playlist could not be read: ${why}.` });
  if (text.length > LIMITS.encoded) return fail(`it is ${text.length} characters long, more than the ${LIMITS.encoded} a playlist may have`);
  if (!text.startsWith(`${VERSION}.`)) return fail('it is not in a format this lab knows');
  const bytes = decodeBase64Url(text.slice(VERSION.length + 1));
  if (!bytes) return fail('it was changed or cut short on its way');
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('it was changed or cut short on its way');
  }
  return checkPlaylist(data, known);
}

/** The playlist as a file. */
export function playlistFile(playlist: Playlist): string {
  return `${JSON.stringify({ format: FILE_FORMAT, version: 1, ...playlist }, null, 2)}\n`;
}

/** Read a playlist file. Never throws. */
export function readPlaylistFile(text: string, known: (lab: string) => boolean): PlaylistRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a playlist: it is not JSON.' };
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== FILE_FORMAT) return { ok: false, error: 'This file is not a playlist saved by this lab.' };
  if ((data as { version?: unknown }).version !== 1) return { ok: false, error: 'This playlist was saved by a newer version of the lab.' };
  const { title, items } = data as { title?: unknown; items?: unknown };
  return checkPlaylist({ title, items }, known);
}

/** The playlist in the page's address, the item on show (from 0), and why a playlist there could not be used. */
export function playlistInAddress(href: string, known: (lab: string) => boolean): { playlist: Playlist | null; item: number; problem: string | null } {
  const params = new URL(href).searchParams;
  const text = params.get('playlist');
  if (text === null || text === '') return { playlist: null, item: 0, problem: null };
  const read = decodePlaylist(text, known);
  if (!read.ok) return { playlist: null, item: 0, problem: read.error };
  const raw = Number(params.get('item') ?? '1');
  const item = Number.isInteger(raw) && raw >= 1 && raw <= read.playlist.items.length ? raw - 1 : 0;
  return { playlist: read.playlist, item, problem: null };
}

/**
 * The address that shows item `item` (from 0) of `playlist` in this page: the item's
 * link, with the page's own parameters (shell.ts keeps them) and the playlist and item
 * written in, presenter mode on.
 */
export function itemHref(playlist: Playlist, item: number, base: string): string {
  // Loaded in place as any link is (loadLink.ts); the playlist's links were checked for their lab when it was read.
  const loaded = addressFor(playlist.items[item]!.link, () => true, memoryAddress(base));
  const next = new URL(loaded.ok ? loaded.href : base);
  next.searchParams.set('presenter', '1');
  next.searchParams.set('playlist', encodePlaylist(playlist));
  next.searchParams.set('item', String(item + 1));
  return next.href;
}

/** The lab a link or address names, or null. */
export function labOf(link: string): string | null {
  const query = queryOf(link);
  return query === null ? null : new URLSearchParams(query).get('lab');
}

/** The speaker view's address: this page's, with speaker=1 and the channel's token in the fragment. */
export function speakerHref(href: string, token: string): string {
  const url = new URL(href);
  url.searchParams.set('speaker', '1');
  url.hash = `speaker-token=${token}`;
  return url.href;
}

/** The channel's token a speaker view was opened with, or null. */
export function speakerToken(href: string): string | null {
  return /^#speaker-token=([0-9a-f]{24})$/.exec(new URL(href).hash)?.[1] ?? null;
}

/** Whether a playlist item's link holds a whole run (and so its moment), not only a lab's settings. */
export function holdsRun(link: string): boolean {
  const query = queryOf(link);
  return query !== null && new URLSearchParams(query).has('run');
}
