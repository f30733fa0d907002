import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from './base64url.ts';
import { checkPlaylist, decodePlaylist, encodedSize, encodePlaylist, itemHref, playlistFile, playlistInAddress, readPlaylistFile, type Playlist } from './playlist.ts';

const known = (lab: string) => ['quorum', 'playground', 'sessions'].includes(lab);
const LIST: Playlist = {
  title: 'Week 3: quorums',
  items: [
    { link: '?lab=playground&run=1.abc', title: 'A stale read', point: 'Ask: which replica answered?' },
    { link: '?lab=quorum&n=5&w=3&r=3', title: 'Overlap', point: 'W + R > N: ünïcödé “quotes” & <tags>' },
  ],
};

describe('a presenter’s playlist', () => {
  it('goes through the address and through a file unchanged', () => {
    expect(decodePlaylist(encodePlaylist(LIST), known)).toEqual({ ok: true, playlist: LIST });
    expect(readPlaylistFile(playlistFile(LIST), known)).toEqual({ ok: true, playlist: LIST });
  });

  it('keeps only the query of a whole link, so a file plays on another copy of the lab', () => {
    const read = checkPlaylist({ title: '', items: [{ link: 'https://old.host/ec/?lab=quorum&n=3', title: 'x', point: '' }] }, known);
    expect(read).toEqual({ ok: true, playlist: { title: '', items: [{ link: '?lab=quorum&n=3', title: 'x', point: '' }] } });
  });

  it('says in one sentence what is wrong with a bad one', () => {
    const error = (data: unknown) => {
      const r = checkPlaylist(data, known);
      return r.ok ? '' : r.error;
    };
    expect(error([])).toBe('This playlist could not be used: it is not an object with a title and items.');
    expect(error({ items: [] })).toMatch(/needs from 1 to 40 items/);
    expect(error({ items: [{ link: '?run=1.x' }] })).toMatch(/item 1's link, "\?run=1.x", names no lab/);
    expect(error({ items: [{ link: '?lab=<script>' }] })).toMatch(/names a lab this page does not have, "<script>"/);
    expect(error({ items: [{ link: '?lab=quorum', point: 'x'.repeat(1001) }] })).toMatch(/talking point is not text of at most 1000/);
    expect(decodePlaylist('p2.abc', known)).toEqual({ ok: false, error: "This link's playlist could not be read: it is not in a format this lab knows." });
    expect(decodePlaylist('p1.%%%', known)).toMatchObject({ ok: false, error: expect.stringMatching(/changed or cut short/) });
    expect(readPlaylistFile('{"format":"other"}', known)).toEqual({ ok: false, error: 'This file is not a playlist saved by this lab.' });
  });

  it('never throws on anything in a link or a file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `p1.${s}`)), fc.jsonValue(), (text, json) => {
        expect(typeof decodePlaylist(text, known).ok).toBe('boolean');
        expect(typeof readPlaylistFile(JSON.stringify(json), known).ok).toBe('boolean');
        expect(typeof readPlaylistFile(text, known).ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('is stepped through in the address: each item’s link, with the playlist, the item and presenter mode', () => {
    const href = itemHref(LIST, 1, 'https://lab.test/ec/?lab=playground&run=1.abc&embed=1&playlist=old&item=1');
    const url = new URL(href);
    expect(url.pathname).toBe('/ec/');
    expect(url.searchParams.get('lab')).toBe('quorum');
    expect(url.searchParams.get('n')).toBe('5');
    expect(url.searchParams.has('run')).toBe(false);
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('presenter')).toBe('1');
    expect(url.searchParams.get('item')).toBe('2');
    expect(playlistInAddress(href, known)).toEqual({ playlist: LIST, item: 1, problem: null });
    expect(playlistInAddress('https://lab.test/?playlist=p1.zzz', known)).toMatchObject({ playlist: null, problem: expect.stringMatching(/could not be read/) });
    expect(playlistInAddress(href.replace('item=2', 'item=99'), known).item).toBe(0);
  });
});

describe('a playlist’s size', () => {
  it('is refused when it would not fit in a link, before anything is encoded', () => {
    const long = `?lab=playground&run=1.${'A'.repeat(100_000)}`;
    const items = Array.from({ length: 6 }, (_, i) => ({ link: long, title: `run ${i}`, point: '' }));
    const read = checkPlaylist({ title: '', items }, known);
    expect(read).toMatchObject({ ok: false, error: expect.stringMatching(/would be 80\d,\d{3} characters in a link, more than the 600,000/) });
    expect(checkPlaylist({ title: '', items: items.slice(0, 4) }, known).ok).toBe(true);
  });

  it('is measured as the link will hold it', () => {
    expect(encodedSize(LIST)).toBe(encodePlaylist(LIST).length);
  });

  it('hostile playlists, validly encoded, are refused in a sentence or kept as given', () => {
    const hostile = fc.record({ title: fc.oneof(fc.string(), fc.anything()), items: fc.oneof(fc.anything(), fc.array(fc.record({ link: fc.oneof(fc.string(), fc.constant('?lab=quorum'), fc.anything()), title: fc.oneof(fc.string(), fc.anything()), point: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }))) }, { requiredKeys: [] });
    fc.assert(
      fc.property(hostile, (data) => {
        let text: string;
        try {
          text = `p1.${encodeBase64Url(new TextEncoder().encode(JSON.stringify(data)))}`;
        } catch {
          return;
        }
        const read = decodePlaylist(text, known);
        if (!read.ok) expect(read.error).toMatch(/^This playlist could not be used: .{1,300}\.$/s);
        else for (const item of read.playlist.items) expect(item.link).toMatch(/^\?(.*&)?lab=quorum(&|$)/);
      }),
      { numRuns: 500 },
    );
  });
});
