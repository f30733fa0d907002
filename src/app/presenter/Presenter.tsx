import './presenter.css';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { stageScenes, stepScene, subscribeStage } from '../../controller/stage.ts';
import { ariaKeysOf, bindings } from '../../components/shortcutTable.ts';
import { useShortcuts } from '../../components/useShortcuts.ts';
import { browserAddress } from '../../embed/address.ts';
import { writeAddress } from '../../embed/params.ts';
import { SHELL_PARAMS } from '../../embed/shell.ts';
import { itemHref, labOf, playlistInAddress, speakerHref } from '../../embed/playlist.ts';
import { isSpeakerMessage, newToken, openChannel, type ShownState } from './channel.ts';
import { presenterStore, selectBlank, selectOn, selectPlaylist, selectSaid, type PresenterState } from '../../store/presenterStore.ts';

const PlaylistEditor = lazy(() => import('./PlaylistEditor.tsx'));

interface Props {
  /** `presenter=1` in the address. */
  readonly startOn: boolean;
  readonly embedded: boolean;
  readonly knownLab: (id: string) => boolean;
  /** Show another lab or run in place (App's). */
  readonly navigate: (href: string, lab: string) => void;
}

const say = (said: string) => presenterStore.setState({ said });
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What is on show and what comes next, for the speaker view and the status line. */
export function shownNow(s: PresenterState = presenterStore.getState()): ShownState {
  return { ...whatIsShown(s), blank: s.blank };
}

function whatIsShown(s: PresenterState): Omit<ShownState, 'blank'> {
  if (s.playlist) {
    const items = s.playlist.items;
    const it = items[s.item]!;
    const next = items[s.item + 1];
    return { type: 'shown', position: `Item ${s.item + 1} of ${items.length}`, title: it.title || 'Untitled', point: it.point, next: next ? { title: next.title || 'Untitled', point: next.point } : null };
  }
  const list = stageScenes();
  if (!list || list.scenes.length === 0) return { type: 'shown', position: '', title: document.title, point: '', next: null };
  const at = list.current();
  const next = list.scenes[at + 1];
  return {
    type: 'shown',
    position: at < 0 ? `None of the ${list.kind} on show` : `${capital(list.kind)}: ${at + 1} of ${list.scenes.length}`,
    title: at < 0 ? 'The run as you changed it' : list.scenes[at]!.title,
    point: '',
    next: next ? { title: next.title, point: '' } : null,
  };
}

/**
 * Presenter mode, for every lab (a property of the page, not of each lab): the projector
 * palette (html.presenter, presenter.css), the clicker's keys through the lab's scenes or
 * a playlist, a blanked screen, full screen, the playlist editor, and the speaker view
 * kept in step over a BroadcastChannel.
 */
export default function Presenter({ startOn, embedded, knownLab, navigate }: Props) {
  const on = useStore(presenterStore, selectOn);
  const blank = useStore(presenterStore, selectBlank);
  const said = useStore(presenterStore, selectSaid);
  const playlist = useStore(presenterStore, selectPlaylist);
  const [editing, setEditing] = useState(false);
  // This window's channel to its own speaker view, and no other page's.
  const [token] = useState(newToken);

  // The page's class and address follow the toggle, so a reload keeps presenter mode, and leaving it leaves the playlist too.
  const wasOn = useRef<boolean | null>(null);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', on);
    const before = wasOn.current;
    wasOn.current = on;
    if (before === on) return;
    // On (also when this code has just loaded for the banner's toggle): the address says so.
    if (on) return void browserAddress.replace(writeAddress(browserAddress.read(), SHELL_PARAMS, { presenter: true }));
    if (before === null) return;
    browserAddress.replace(writeAddress(browserAddress.read(), SHELL_PARAMS, {}, ['presenter', 'playlist', 'item']));
    presenterStore.setState({ playlist: null, item: 0, said: '' });
  }, [on]);

  // The address's presenter=1 and playlist, read once.
  useEffect(() => {
    const read = playlistInAddress(browserAddress.read(), knownLab);
    presenterStore.setState({ loaded: true, on: presenterStore.getState().on || startOn || read.playlist !== null, playlist: read.playlist, item: read.item });
    // Where the presenter is, to start with: the playlist's item, or the lab's scene on show.
    const now = shownNow();
    say(read.problem ?? (now.position ? `${now.position}: ${now.title}` : ''));
  }, [startOn, knownLab]);

  const actions = useMemo(() => {
    const go = (by: 1 | -1) => {
      const s = presenterStore.getState();
      if (s.playlist) {
        const item = s.item + by;
        if (item < 0 || item >= s.playlist.items.length) return say(item < 0 ? 'This is the first item of the playlist.' : 'This is the last item of the playlist.');
        const href = itemHref(s.playlist, item, browserAddress.read());
        presenterStore.setState({ item, said: `Item ${item + 1} of ${s.playlist.items.length}: ${s.playlist.items[item]!.title || 'Untitled'}` });
        navigate(href, labOf(href) ?? '');
        return;
      }
      const stepped = stepScene(by);
      say('why' in stepped ? stepped.why : `${capital(stageScenes()!.kind)}: ${stepped.index + 1} of ${stepped.of}, ${stepped.shown.title}`);
    };
    const fullscreen = () => {
      const fail = () => say(embedded ? 'Full screen is not allowed in this frame: its page must give the iframe allow="fullscreen".' : 'The browser refused full screen here.');
      try {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen().catch(fail);
      } catch {
        fail();
      }
    };
    const speaker = () => {
      // A framed lab's channel is partitioned under the page around it: a window of its own would never hear it.
      if (embedded) return say('The speaker view needs the lab in a window of its own: open it with “Open in the full lab”.');
      const opened = window.open(speakerHref(browserAddress.read(), token), 'ec-lab-speaker', 'popup,width=900,height=640');
      if (!opened) say('The browser blocked the speaker view’s window: allow pop-ups for this page, then press s again.');
    };
    return { go, fullscreen, speaker };
  }, [embedded, navigate, token]);

  const keys = useMemo(
    () =>
      bindings({
        ...(on
          ? {
              next: () => actions.go(1),
              previous: () => actions.go(-1),
              blank: () => presenterStore.setState((s) => ({ blank: !s.blank })),
              fullscreen: actions.fullscreen,
              speaker: actions.speaker,
            }
          : {}),
      }),
    [on, actions],
  );
  useShortcuts(keys);

  // The speaker view hears what is on show whenever it changes, and its buttons step here.
  useEffect(() => {
    if (!on) return;
    const channel = openChannel(token);
    if (!channel) return;
    let last = '';
    let lastStep = 0;
    const tell = (force = false) => {
      const state = JSON.stringify(shownNow());
      if (state === last && !force) return;
      last = state;
      channel.postMessage(JSON.parse(state));
    };
    channel.onmessage = (e: MessageEvent) => {
      if (!isSpeakerMessage(e.data)) return;
      if (e.data.type === 'hello') return tell(true);
      // A double press, or a flood, acts once.
      if (performance.now() - lastStep < 250) return;
      lastStep = performance.now();
      if (e.data.type === 'blank') presenterStore.setState((p) => ({ blank: !p.blank }));
      else actions.go(e.data.type === 'next' ? 1 : -1);
    };
    const offStore = presenterStore.subscribe(() => tell());
    const offStage = subscribeStage(() => tell());
    // A scene chosen by a click changes no store this hears: look again each second.
    const timer = window.setInterval(() => tell(), 1000);
    tell(true);
    return () => {
      offStore();
      offStage();
      window.clearInterval(timer);
      channel.close();
    };
  }, [on, actions, token]);

  return (
    <>
      {on && (
        <div className="presenter-bar" role="region" aria-label="Presenter">
          <p className="presenter-said" role="status">
            {said}
          </p>
          <button type="button" onClick={() => actions.go(-1)} aria-keyshortcuts={ariaKeysOf('previous')}>
            ← Previous
          </button>
          <button type="button" onClick={() => actions.go(1)} aria-keyshortcuts={ariaKeysOf('next')}>
            Next →
          </button>
          <button type="button" onClick={() => setEditing(true)}>
            {playlist ? 'Playlist' : 'Make a playlist'}
          </button>
          {!embedded && (
            <button type="button" onClick={actions.speaker} aria-keyshortcuts={ariaKeysOf('speaker')}>
              Speaker view
            </button>
          )}
          <button type="button" className="quiet" onClick={() => presenterStore.setState({ on: false, blank: false })} aria-keyshortcuts={ariaKeysOf('presenter')}>
            Leave presenter mode
          </button>
        </div>
      )}
      {editing && (
        <Suspense fallback={<p role="status">Loading the playlist editor…</p>}>
          <PlaylistEditor onClose={() => setEditing(false)} knownLab={knownLab} navigate={navigate} />
        </Suspense>
      )}
      {on && blank && (
        <div className="presenter-blank" onClick={() => presenterStore.setState({ blank: false })}>
          <p className="visually-hidden" role="status">
            The screen is blank. Press b to show it again.
          </p>
        </div>
      )}
    </>
  );
}
