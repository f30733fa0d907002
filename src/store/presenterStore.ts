import { createStore } from 'zustand/vanilla';
import type { Playlist } from '../embed/playlist.ts';

/**
 * The presenter's state, for the whole page: whether the projector palette is on, whether
 * the screen is blanked, the playlist and the item on show, and the last thing the keys
 * did, said in the presenter's status line.
 */
export interface PresenterState {
  readonly on: boolean;
  readonly blank: boolean;
  readonly playlist: Playlist | null;
  /** From 0. */
  readonly item: number;
  /** What the last key did ("Story 2 of 4: …"), or why it did nothing. */
  readonly said: string;
  /** Whether presenter mode's code has loaded: once it has, it stays, to follow the toggle both ways. */
  readonly loaded: boolean;
}

export const presenterStore = createStore<PresenterState>(() => ({ on: false, blank: false, playlist: null, item: 0, said: '', loaded: false }));

export const selectOn = (s: PresenterState) => s.on;
export const selectBlank = (s: PresenterState) => s.blank;
export const selectPlaylist = (s: PresenterState) => s.playlist;
export const selectItem = (s: PresenterState) => s.item;
export const selectSaid = (s: PresenterState) => s.said;
export const selectLoaded = (s: PresenterState) => s.loaded;

/** Presenter mode on or off (the banner's toggle, Shift+P), never leaving the screen blank. */
export function togglePresenter(): void {
  presenterStore.setState((s) => ({ on: !s.on, blank: false }));
}
