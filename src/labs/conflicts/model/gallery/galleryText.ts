import { MV_REGISTER_TEXT } from '../../../../content/galleryWords.ts';
import type { GalleryKindId } from './galleryKinds.ts';

/** What the gallery says about each type: how it works, and one thing to try. */
export interface GalleryText {
  readonly how: readonly string[];
  readonly tryThis: string;
}

export const GALLERY_TEXT: Readonly<Record<GalleryKindId, GalleryText>> = {
  'g-counter': {
    how: [
      'A counter that only goes up. Every replica keeps one entry per replica and only ever raises its own.',
      'Merging takes the larger number for each entry, so a state that arrives twice, late or out of order changes nothing it should not. The value is the sum of the entries.',
    ],
    tryThis: 'Increment at A twice and at B once, then Sync everyone: every replica reads 3.',
  },
  'pn-counter': {
    how: [
      'A counter that can also go down, made of two G-Counters: P counts each replica’s increments and N its decrements. Each half merges entry by entry, taking the larger number; the value is the sum of P minus the sum of N.',
      'One entry per replica that went both up and down could not be merged by taking the larger number: a decrement would look like an old state and be thrown away.',
    ],
    tryThis: 'Increment at A, decrement at B, and send B → A: A reads 0, with 1 in P and 1 in N.',
  },
  'g-set': {
    how: [
      'A set you can only add to. Merge is union, so an item added at any replica ends up at all of them.',
      'There is no remove: to another replica, a missing item would look the same as one it has not heard of yet.',
    ],
    tryThis: 'Add different items at A and C, then Sync everyone.',
  },
  '2p-set': {
    how: [
      'Two G-Sets: the items added and the items removed. The removed set keeps tombstones. An item is in the set when it has been added and not removed.',
      'Once removed, an item can never come back: adding it again changes nothing, because its tombstone stays for good. A replica can only remove an item it has seen added.',
    ],
    tryThis: 'Add TV at A, remove it at A, add it again at A or B, then Sync everyone: TV stays gone.',
  },
  'or-set': {
    how: [
      'An observed-remove set. Each add gets a unique tag (here the replica and its operation number, such as A1). A remove deletes only the tags its replica has seen for that item, and keeps them as tombstones.',
      'An add somewhere else that the remove had not seen has a tag the remove never saw, so it survives the merge: a concurrent add wins. Adding an item again after removing it makes a new tag, so unlike in a 2P-Set it comes back.',
    ],
    tryThis: 'Add TV at A and send A → B. Then remove TV at B and, before syncing, add TV again at A. Sync everyone: TV is still there.',
  },
  'lww-register': {
    how: [
      'Each write is stamped with its replica’s clock, and merge keeps the write with the highest stamp. Equal stamps are broken by replica name; here the later letter wins.',
      'The other write is dropped without a word, even when the two were concurrent, and even when it really came later: a replica whose clock runs fast can make an older write win. Here true time is this gallery’s clock: writes made while it is paused happen at the same instant, so replicas whose clocks agree stamp them the same, and the later letter wins.',
    ],
    tryThis: 'Set A’s clock 10 s fast and write at A. Let a few seconds pass, fewer than 10 (press Play above the replicas, or drag the timeline forward), so that B’s write really comes later, then write at B and Sync everyone: A’s older write wins.',
  },
  'mv-register': MV_REGISTER_TEXT,
};
