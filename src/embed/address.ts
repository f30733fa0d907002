import { writeAddress, type Params, type ValuesOf } from './params.ts';

/** Where the lab keeps its address: the browser's, or a test's memory. */
export interface AddressPort {
  read(): string;
  replace(href: string): void;
}

const addressListeners = new Set<() => void>();

/** The page's own address. Reading it is the only place the lab looks at `location`. */
export const browserAddress: AddressPort = {
  read: () => window.location.href,
  replace(href) {
    try {
      if (href === window.location.href) return;
      window.history.replaceState(window.history.state, '', href);
    } catch {
      // Some sandboxed frames refuse history changes; the lab works without them.
      return;
    }
    for (const listener of addressListeners) listener();
  },
};

/** Hear each change the lab makes to the page's address (the host API tells the host of a new share link). */
export function onAddressChange(listener: () => void): () => void {
  addressListeners.add(listener);
  return () => void addressListeners.delete(listener);
}

/** An address in memory, for tests and for working one out without touching the page's: every replacement is kept. */
export function memoryAddress(href = 'https://lab.test/'): AddressPort & { readonly history: string[] } {
  const history = [href];
  return { history, read: () => history.at(-1)!, replace: (next) => void history.push(next) };
}

/** The query string of the page's address, `?…` or ''. */
export function currentSearch(address: AddressPort = browserAddress): string {
  return new URL(address.read()).search;
}

/**
 * Write a setting the learner changed back to the address, through its declaration, so a
 * reload or a copied link keeps it. Never throws.
 *
 * @example rememberInAddress(GALLERY_PARAMS, { crdt: 'or-set' })
 */
export function rememberInAddress<P extends Params>(params: P, values: Partial<ValuesOf<P>>, address: AddressPort = browserAddress): void {
  try {
    address.replace(writeAddress(address.read(), params, values));
  } catch {
    // An address that cannot be parsed (it always can, in a browser) keeps what it had.
  }
}
