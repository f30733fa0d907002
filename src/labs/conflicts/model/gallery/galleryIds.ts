import type { CrdtId } from '../../../../sim/values/crdt/index.ts';

/**
 * The gallery's data types by id, as `?crdt=` names them, in the order of its tabs. Apart
 * from galleryKinds.ts (which re-exports them), so the address's declarations
 * (panelParams.ts) do not bring the data types' code with them.
 */
export type GalleryKindId = CrdtId | 'lww-register' | 'mv-register';

export const GALLERY_KIND_IDS: readonly GalleryKindId[] = ['g-counter', 'pn-counter', 'g-set', '2p-set', 'or-set', 'lww-register', 'mv-register'];
