import { browserAddress, type AddressPort } from './address.ts';
import { shown } from './params.ts';
import { SHELL_NAMES } from './shell.ts';

/**
 * The address that shows `link` (a link to any lab of this site, or just its `?query`)
 * in this page, keeping the page's own parameters (SHELL_NAMES) and dropping the rest.
 * A link to another site, or to no lab this page knows, gives the sentence saying so.
 */
export function addressFor(link: string, known: (lab: string) => boolean, address: AddressPort = browserAddress): { ok: true; href: string; lab: string } | { ok: false; error: string } {
  let here: URL;
  let there: URL;
  try {
    here = new URL(address.read());
    there = new URL(link, here);
  } catch {
    return { ok: false, error: 'That link could not be read as an address.' };
  }
  if (there.protocol !== 'http:' && there.protocol !== 'https:') return { ok: false, error: 'That link is not a web address (javascript:, data: and the like are refused).' };
  if (there.origin !== here.origin || there.pathname !== here.pathname) return { ok: false, error: `That link is to another page (${shown(there.origin + there.pathname)}), not to this lab.` };
  const lab = there.searchParams.get('lab') ?? '';
  if (!known(lab)) return { ok: false, error: lab === '' ? 'That link names no lab (it has no lab=).' : `That link names a lab this page does not have: ${shown(lab)}.` };
  const next = new URL(here.origin + here.pathname);
  for (const [name, value] of there.searchParams) if (!SHELL_NAMES.includes(name)) next.searchParams.append(name, value);
  for (const name of SHELL_NAMES) for (const value of here.searchParams.getAll(name)) next.searchParams.append(name, value);
  return { ok: true, href: next.href, lab };
}
