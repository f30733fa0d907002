import { safeText } from '../sim/safeText.ts';

/**
 * The messages between an embedded lab and the page around it (the host), version 1.
 * Every message is a plain object whose `type` starts with `ec-lab:` and whose `version`
 * is 1. The README's "Host API" section documents them; public/host-demo.html uses them.
 *
 * Host → lab, commands (accepted only from the frame's parent, and only from the origins
 * `&host=` lists when it is given). `id`, optional, is echoed in the answer.
 *   { type: 'ec-lab:play' | 'ec-lab:pause' | 'ec-lab:step' | 'ec-lab:reset', version: 1, id? }
 *   { type: 'ec-lab:hello', version: 1, id? }   (sends ready again, for a host that listened late)
 *   { type: 'ec-lab:seek', version: 1, time: <ms of simulated time>, id? }
 *   { type: 'ec-lab:load', version: 1, link: '<a link to any lab, or its ?query>', id? }
 *   { type: 'ec-lab:load', version: 1, preset: '<a scene id from ready.presets>', id? }
 *
 * Lab → host, events:
 *   ready, resized, run-changed, done (a command carried out), error, statement (LearningStatement).
 */

export const PROTOCOL_VERSION = 1;
const PREFIX = 'ec-lab:';

export type HostCommand =
  | { readonly type: 'ec-lab:play' | 'ec-lab:pause' | 'ec-lab:step' | 'ec-lab:reset' | 'ec-lab:hello'; readonly id?: MessageId }
  | { readonly type: 'ec-lab:seek'; readonly time: number; readonly id?: MessageId }
  | { readonly type: 'ec-lab:load'; readonly link: string; readonly id?: MessageId }
  | { readonly type: 'ec-lab:load'; readonly preset: string; readonly id?: MessageId };

export type MessageId = string | number;

export interface PresetInfo {
  readonly id: string;
  readonly title: string;
}

export type LabEvent =
  | { readonly type: 'ec-lab:ready'; readonly version: 1; readonly lab: string; readonly commands: readonly string[]; readonly presets: readonly PresetInfo[]; readonly link: string }
  | { readonly type: 'ec-lab:resized'; readonly version: 1; readonly height: number }
  | { readonly type: 'ec-lab:run-changed'; readonly version: 1; readonly lab: string; readonly link: string }
  | { readonly type: 'ec-lab:done'; readonly version: 1; readonly command: string; readonly id?: MessageId }
  | { readonly type: 'ec-lab:error'; readonly version: 1; readonly error: string; readonly id?: MessageId }
  | { readonly type: 'ec-lab:statement'; readonly version: 1; readonly statement: object };

/** A command's longest link: the longest run a link may hold (urlCodec's MAX_PARAM_LENGTH) and room for the rest. */
export const MAX_LINK = 110_000;
/** The longest simulated time a run may reach, in ms: an hour (as the run codec allows). */
const MAX_TIME = 3_600_000;
/** Every command, by name: what a ready event lists for a lab with a run (one without takes only load and hello). */
export const COMMANDS = ['play', 'pause', 'step', 'reset', 'seek', 'load', 'hello'] as const;
const ARGS: Readonly<Record<(typeof COMMANDS)[number], readonly string[]>> = {
  play: [],
  pause: [],
  step: [],
  reset: [],
  hello: [],
  seek: ['time'],
  load: ['link', 'preset'],
};

export type Parsed = { readonly ok: true; readonly command: HostCommand } | { readonly ok: false; readonly error: string; readonly id?: MessageId };

/** A value quoted in an error: escaped and short, whatever it was. */
function quote(value: unknown): string {
  let text: string;
  try {
    // Cut before quoting: a parent may send a string of megabytes.
    text = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value === 'object' ? (Array.isArray(value) ? 'a list' : value === null ? 'null' : 'an object') : String(value);
  } catch {
    text = 'a value that cannot be shown';
  }
  const safe = safeText(text);
  return safe.length > 40 ? `${safe.slice(0, 39)}…` : safe;
}

function idOf(data: Record<string, unknown>): MessageId | undefined {
  const id = data.id;
  if (typeof id === 'string' && id.length <= 64) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return undefined;
}

/**
 * Read a message from the host. Never throws: anything that is not a version-1 command
 * gives a sentence naming what is wrong (escaped, bounded), for an error event.
 *
 * @example parseCommand({ type: 'ec-lab:seek', version: 1, time: 1500 }) // { ok: true, command: { type: 'ec-lab:seek', time: 1500 } }
 * parseCommand({ type: 'ec-lab:seek', version: 1 }).error // 'ec-lab:seek needs "time", a number of milliseconds from 0 to 3600000.'
 */
export function parseCommand(data: unknown): Parsed {
  try {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: `A command is an object with a "type" and a "version"; this message is ${quote(data)}.` };
    const message = data as Record<string, unknown>;
    const id = idOf(message);
    const fail = (error: string): Parsed => ({ ok: false, error, ...(id !== undefined ? { id } : {}) });
    if ('id' in message && id === undefined) return fail('"id", when given, is a string of at most 64 characters or a finite number.');
    const type = message.type;
    if (typeof type !== 'string' || !type.startsWith(PREFIX)) return fail(`A command's "type" starts with "${PREFIX}"; this one is ${quote(type)}.`);
    const name = type.slice(PREFIX.length);
    if (!(COMMANDS as readonly string[]).includes(name)) return fail(`${quote(type)} is not a command; the commands are ${COMMANDS.map((c) => PREFIX + c).join(', ')}.`);
    const command = name as (typeof COMMANDS)[number];
    if (message.version !== PROTOCOL_VERSION)
      return fail(`This lab speaks version ${PROTOCOL_VERSION} of the host API; ${'version' in message ? `the message says version ${quote(message.version)}` : 'the message has no "version"'}.`);
    const allowed = new Set(['type', 'version', 'id', ...ARGS[command]]);
    const extra = Object.keys(message).find((k) => !allowed.has(k));
    if (extra !== undefined) return fail(`${type} does not take ${quote(extra)}${ARGS[command].length > 0 ? `; it takes ${ARGS[command].map((a) => `"${a}"`).join(' or ')}` : ''}.`);
    const withId = id !== undefined ? { id } : {};
    if (command === 'seek') {
      const time = message.time;
      if (typeof time !== 'number' || !Number.isFinite(time) || time < 0 || time > MAX_TIME) return fail(`${type} needs "time", a number of milliseconds from 0 to ${MAX_TIME}; it got ${quote(time)}.`);
      return { ok: true, command: { type: 'ec-lab:seek', time, ...withId } };
    }
    if (command === 'load') {
      const { link, preset } = message;
      if (link !== undefined && preset !== undefined) return fail(`${type} takes "link" or "preset", not both.`);
      if (link === undefined && preset === undefined) return fail(`${type} needs one of "link" (a link to a lab) or "preset" (an id from the ready event's presets).`);
      if (link !== undefined) {
        if (typeof link !== 'string' || link.length === 0 || link.length > MAX_LINK) return fail(`"link" is text of 1 to ${MAX_LINK} characters; it got ${quote(link)}.`);
        return { ok: true, command: { type: 'ec-lab:load', link, ...withId } };
      }
      if (typeof preset !== 'string' || !/^[a-z0-9-]{1,60}$/.test(preset)) return fail(`"preset" is an id of lowercase letters, digits and hyphens, as the ready event lists them; it got ${quote(preset)}.`);
      return { ok: true, command: { type: 'ec-lab:load', preset, ...withId } };
    }
    return { ok: true, command: { type: type as 'ec-lab:play', ...withId } };
  } catch {
    return { ok: false, error: 'This message could not be read as a command.' };
  }
}
