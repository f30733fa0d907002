import { useEffect, useId, useRef, useState } from 'react';
import { downloadBlob } from '../../components/download.ts';
import { stageRun, stageScenes } from '../../controller/stage.ts';
import { findLab } from '../../labs/registry.ts';
import { writeAddress } from '../../embed/params.ts';
import { RUN_LINK, RUN_SUPERSEDES } from '../../embed/urlCodec.ts';
import { browserAddress } from '../../embed/address.ts';
import { checkPlaylist, encodedSize, holdsRun, itemHref, labOf, LIMITS, playlistFile, queryOf, readPlaylistFile, type Playlist, type PlaylistItem } from '../../embed/playlist.ts';
import { fullLabHref } from '../../embed/shell.ts';
import { presenterStore } from '../../store/presenterStore.ts';

/**
 * What this page shows now, as a playlist item: its link, at the moment on screen (as
 * "Copy link to this run" would give it), and the scene's or the lab's title.
 */
function thisPage(): PlaylistItem {
  const scenes = stageScenes();
  const at = scenes?.current() ?? -1;
  const heading = document.querySelector('main h1')?.textContent ?? 'This page';
  const run = stageRun();
  const s = run?.store.getState();
  const href =
    run && s && run.runInAddress ? writeAddress(fullLabHref(), RUN_LINK, { lab: run.labId, run: { scenario: s.run.scenario, time: s.time } }, RUN_SUPERSEDES) : fullLabHref();
  return { link: queryOf(href) ?? '?lab=start', title: (at >= 0 ? scenes!.scenes[at]!.title : heading).slice(0, LIMITS.title), point: '' };
}

const DRAFT = 'eventual-consistency-lab/playlist-draft/v1';

/** The playlist being made, kept for this tab while the presenter goes from lab to lab adding runs; in memory where storage is refused. */
let draftInMemory: Playlist | null = null;
function loadDraft(known: (lab: string) => boolean): Playlist | null {
  try {
    const text = sessionStorage.getItem(DRAFT);
    if (text === null) return draftInMemory;
    const read = checkPlaylist(JSON.parse(text), known);
    return read.ok ? read.playlist : null;
  } catch {
    return draftInMemory;
  }
}
function saveDraft(playlist: Playlist): void {
  draftInMemory = playlist;
  try {
    sessionStorage.setItem(DRAFT, JSON.stringify(playlist));
  } catch {
    // Storage refused (a sandboxed frame, a private window): the draft lasts as long as the page.
  }
}

/**
 * The playlist editor: runs in order, each with a title and a talking point; add the page
 * as it is now, reorder, remove; start it, save it as a file or a link, or open a file.
 * A native dialog, with buttons only (no form: a sandboxed frame may refuse submissions).
 */
export default function PlaylistEditor({ onClose, knownLab, navigate }: { readonly onClose: () => void; readonly knownLab: (id: string) => boolean; readonly navigate: (href: string, lab: string) => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [playlist, setPlaylistState] = useState<Playlist>(() => presenterStore.getState().playlist ?? loadDraft(knownLab) ?? { title: '', items: [] });
  const setPlaylist = (next: Playlist) => {
    setPlaylistState(next);
    saveDraft(next);
  };
  const [pasted, setPasted] = useState('');
  const [said, setSaid] = useState('');
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const items = playlist.items;
  const setItems = (next: readonly PlaylistItem[]) => setPlaylist({ ...playlist, items: next });
  const change = (i: number, patch: Partial<PlaylistItem>) => setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const move = (i: number, by: number) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + by, 0, it!);
    setItems(next);
  };
  const addLink = () => {
    // Only the link's query is kept (its lab, settings and run): the playlist plays on whichever copy of the lab opens it.
    const query = queryOf(pasted.trim());
    const lab = labOf(pasted.trim());
    if (query === null || lab === null || !knownLab(lab)) return setSaid('That is not a link to one of this site’s labs: copy one with a lab’s “Copy link”, or from the address bar.');
    if (add({ link: query, title: '', point: '' })) setPasted('');
  };
  /** Add a run, or say why it cannot be: the playlist must fit in a link. */
  const add = (item: PlaylistItem): boolean => {
    const next = { ...playlist, items: [...items, item] };
    const refused =
      items.length >= LIMITS.items
        ? `A playlist holds at most ${LIMITS.items} runs.`
        : item.link.length > LIMITS.link || encodedSize(next) > LIMITS.encoded
          ? 'That run is too long to add: the playlist must fit in a link. Save the long run as a file and open it in the lab instead.'
          : null;
    if (refused !== null) setSaid(refused);
    else {
      setPlaylist(next);
      setSaid(`Added run ${next.items.length}: give it a title and a talking point.`);
    }
    return refused === null;
  };
  const start = () => {
    if (items.length === 0) return setSaid('Add a run first.');
    presenterStore.setState({ on: true, playlist, item: 0, said: `Item 1 of ${items.length}: ${items[0]!.title || 'Untitled'}` });
    const href = itemHref(playlist, 0, browserAddress.read());
    dialog.current?.close();
    navigate(href, labOf(href) ?? '');
  };
  const copyLink = async () => {
    if (items.length === 0) return setSaid('Add a run first.');
    const href = itemHref(playlist, 0, fullLabHref());
    setLink(href);
    try {
      await navigator.clipboard.writeText(href);
      setSaid('The playlist’s link is copied: opening it starts the playlist in presenter mode.');
    } catch {
      setSaid('Copy the link below by hand (Ctrl+C or ⌘C): the browser did not let the lab copy it.');
    }
  };
  const open = async (file: File | undefined) => {
    if (!file) return;
    const read = file.size > 2_000_000 ? { ok: false as const, error: 'This file is too large to be a playlist.' } : readPlaylistFile(await file.text(), knownLab);
    if (!read.ok) return setSaid(read.error);
    setPlaylist(read.playlist);
    const n = read.playlist.items.length;
    setSaid(`Opened “${read.playlist.title || file.name}”: ${n} ${n === 1 ? 'run' : 'runs'}.`);
  };

  return (
    <dialog ref={dialog} className="playlist-editor" aria-labelledby={`${id}-t`} onClose={onClose}>
      <h2 id={`${id}-t`}>Playlist</h2>
      <p className="small">Runs to show in order, each with a talking point for the speaker view. In presenter mode, PageDown and PageUp (what a clicker sends) step through them.</p>
      <label className="field">
        <span>Title of the playlist</span>
        <input type="text" value={playlist.title} maxLength={LIMITS.title} onChange={(e) => setPlaylist({ ...playlist, title: e.target.value })} />
      </label>
      <ol className="playlist-items">
        {items.map((it, i) => (
          <li key={i}>
            <label className="field">
              <span>Title of run {i + 1}</span>
              <input type="text" value={it.title} maxLength={LIMITS.title} onChange={(e) => change(i, { title: e.target.value })} />
            </label>
            <label className="field">
              <span>Talking point for run {i + 1}</span>
              <textarea rows={2} value={it.point} maxLength={LIMITS.point} onChange={(e) => change(i, { point: e.target.value })} />
            </label>
            <p className="small muted">
              In the {findLab(labOf(it.link))?.title ?? 'lab'}{holdsRun(it.link) ? ', with its run and moment' : ''}
            </p>
            <div className="button-row">
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move run ${i + 1} up`}>
                ↑
              </button>
              <button type="button" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`Move run ${i + 1} down`}>
                ↓
              </button>
              <button type="button" className="quiet" onClick={() => setItems(items.filter((_, j) => j !== i))} aria-label={`Remove run ${i + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      {items.length === 0 && <p>No runs yet: set up a run in any lab, then add it here.</p>}
      <div className="button-row">
        <button type="button" disabled={items.length >= LIMITS.items} onClick={() => void add(thisPage())}>
          Add this page’s run
        </button>
      </div>
      <div className="button-row">
        <label className="field">
          <span>Or paste a link to a run</span>
          <input type="text" value={pasted} onChange={(e) => setPasted(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addLink()} />
        </label>
        <button type="button" onClick={addLink}>
          Add the link
        </button>
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={start} disabled={items.length === 0}>
          Start the playlist
        </button>
        <button type="button" onClick={() => downloadBlob(new Blob([playlistFile(playlist)], { type: 'application/json' }), 'playlist.json')} disabled={items.length === 0}>
          Save as a file
        </button>
        <button type="button" onClick={() => void copyLink()} disabled={items.length === 0}>
          Copy a link to it
        </button>
        <label className="file-button">
          <span>Open a playlist file</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void open(e.target.files?.[0])} />
        </label>
      </div>
      <p role="status" className="small">
        {said}
      </p>
      {link !== null && (
        <label className="field">
          <span>The playlist’s link</span>
          <textarea readOnly rows={3} value={link} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
