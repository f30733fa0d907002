import { browserAddress, type AddressPort } from './address.ts';
import { choiceParam } from './paramKinds.ts';
import { readParams, shown, writeAddress, type Param } from './params.ts';

/** Origins given in `host=`, or null when it is not given (then any parent may command the lab). */
export type HostOrigins = readonly string[] | null;

/** `host=https://docs.example.org,https://lms.example.edu`: the pages allowed to command an embedded lab. */
const hostParam: Param<HostOrigins> = {
  type: 'text',
  fallback: () => null,
  // `host=` left empty (a template's variable unset) must not open the lab to every page.
  emptyIsValue: true,
  parse(raw, name) {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    const origins: string[] = [];
    const bad: string[] = [];
    for (const part of parts.slice(0, 10)) {
      let origin: string | null = null;
      try {
        const url = new URL(part);
        if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === part.replace(/\/$/, '')) origin = url.origin;
      } catch {
        origin = null;
      }
      if (origin) origins.push(origin);
      else bad.push(part);
    }
    if (bad.length === 0 && parts.length > 0 && parts.length <= 10) return { ok: true, value: origins };
    // A list that could not be read whole keeps only the origins it could: never more than it names.
    const why = parts.length > 10 ? 'lists more than 10 origins' : parts.length === 0 ? 'is empty' : `has ${shown(bad[0]!)}, which is not an origin like https://docs.example.org`;
    return { ok: false, value: origins, message: `${name}= ${why}; the lab takes commands ${origins.length > 0 ? `only from ${origins.join(', ')}` : 'from no page'}.` };
  },
  format: (origins) => (origins ?? []).join(','),
};

const onOff = (name: string, off: string) =>
  choiceParam<boolean>({
    choices: [false, true],
    fallback: false,
    spell: (on) => (on ? '1' : '0'),
    bad: (quoted) => `${name}=${quoted} is not 1 or 0, so ${off}.`,
  });

/**
 * The shell's own parameters, for every lab: `embed=1` shows the lab alone, for an iframe
 * in a docs page (no site banner or footer, a link to open it in the full lab, its height
 * posted to the page around it, and the host API); `host=` lists the origins whose pages
 * may command it; `presenter=1` shows it for a projector.
 */
export const SHELL_PARAMS = {
  embed: onOff('embed', 'the lab is shown whole'),
  host: hostParam,
  presenter: onOff('presenter', 'the lab is shown as usual'),
  speaker: onOff('speaker', 'the lab is shown, not the speaker view'),
};

/** Parameters that belong to the page, not to a lab's run: they stay when another lab or run is loaded in place. */
export const SHELL_NAMES: readonly string[] = [...Object.keys(SHELL_PARAMS), 'playlist', 'item'];

export interface ShellOptions {
  readonly embed: boolean;
  readonly host: HostOrigins;
  readonly presenter: boolean;
  /** The presenter's second window (app/presenter/SpeakerView.tsx). */
  readonly speaker: boolean;
  /** Sentences about parameters that could not be used. */
  readonly problems: readonly string[];
}

/** The shell's options from the address. */
export function shellOptions(address: AddressPort = browserAddress): ShellOptions {
  const { values, problems } = readParams(SHELL_PARAMS, new URL(address.read()).search);
  return { ...values, problems };
}

/** The same lab and run, outside the frame: the address without `embed`, `host` or the presenter's playlist. */
export function fullLabHref(address: AddressPort = browserAddress): string {
  return writeAddress(address.read(), SHELL_PARAMS, {}, SHELL_NAMES);
}
