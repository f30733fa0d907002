import { browserAddress, type AddressPort } from './address.ts';
import { choiceParam } from './paramKinds.ts';
import { readParams, writeAddress } from './params.ts';

/**
 * The shell's own parameters, for every lab: `embed=1` shows the lab alone, for an iframe
 * in a docs page (no site banner or footer, a link to open it in the full lab, and its
 * height posted to the page around it).
 */
export const SHELL_PARAMS = {
  embed: choiceParam<boolean>({
    choices: [false, true],
    fallback: false,
    spell: (on) => (on ? '1' : '0'),
    bad: (quoted) => `embed=${quoted} is not 1 or 0, so the lab is shown whole.`,
  }),
};

export interface ShellOptions {
  readonly embed: boolean;
  /** Sentences about parameters that could not be used. */
  readonly problems: readonly string[];
}

/** The shell's options from the address. */
export function shellOptions(address: AddressPort = browserAddress): ShellOptions {
  const { values, problems } = readParams(SHELL_PARAMS, new URL(address.read()).search);
  return { embed: values.embed, problems };
}

/** The same lab and run, outside the frame: the address without `embed`. */
export function fullLabHref(address: AddressPort = browserAddress): string {
  return writeAddress(address.read(), SHELL_PARAMS, {}, ['embed']);
}
