import { DEFAULT_CLUSTER, DEFAULT_NETWORK, type Scenario } from '../sim/scenario.ts';
import { heavyRefusal } from '../content/budgetWords.ts';
import { safeText } from '../sim/safeText.ts';
import { MAX_TIME } from '../sim/scenario.ts';
import { validateScenario } from '../sim/scenarioSchema.ts';
import { SchemaError, fields } from '../sim/schema.ts';
import { LAB_PARAM, capped, readParams, type Param } from './params.ts';
import { decodeBase64Url, encodeBase64Url, firstForeignChar } from './base64url.ts';
import { ByteReader, ByteWriter, ReadError, checksum } from './bytes.ts';
import { readScript, writeScript } from './scriptBytes.ts';

/*
 * Why the format is what it is. A run has to survive being pasted into a chat, an LMS or
 * an iframe's src, so it must be short and URL-safe, and it must replay exactly, so every
 * number and string in the scenario travels exact (only the playhead is rounded, to
 * 0.1 ms). The script, nearly all of a run, is bytes (see scriptBytes.ts): about 6 bytes
 * for a read and 9 for a write. The cluster and network, rarely changed, are JSON with the
 * defaults left out: their field names are the schema's, so its error messages apply as
 * they are. A 16-bit check refuses a link that was cut short or changed, rather than
 * reading it as some other run. Layout, base64url-encoded behind the version "1.":
 *
 *   seed (num) · playhead in 0.1 ms (uint) · settings JSON (text) · script · check (2 bytes)
 *
 * A future format takes another version; decodeRun names it when it cannot read it.
 */

const VERSION = '1';
/** The longest parameter decodeRun will look at. */
export const MAX_PARAM_LENGTH = 100_000;
const CANNOT_READ = "This link's run could not be read: ";
const MAX_PLAYHEAD_TENTHS = 2 ** 52;

export type DecodedRun = { ok: true; scenario: Scenario; time: number } | { ok: false; error: string };

/**
 * The value for a `run` URL parameter holding a scenario and a playhead time: only
 * URL-safe characters, starting with a version marker. The scenario is kept exactly and
 * the playhead to 0.1 ms (a negative or non-finite one becomes 0). Pass a scenario that
 * passes `validateScenario`: an invalid one still encodes and decodes to the schema's
 * message, but an action of an unknown type throws a TypeError.
 *
 * @example
 * encodeRun({ scenario: makeScenario({ seed: 7 }), time: 1500 }) // '1.HJh1AIuT'
 */
export function encodeRun(run: { scenario: Scenario; time: number }): string {
  const { scenario, time } = run;
  const out = new ByteWriter();
  out.num(scenario.seed);
  out.uint(Number.isFinite(time) && time > 0 ? Math.min(Math.round(time * 10), MAX_PLAYHEAD_TENTHS, MAX_TIME * 10) : 0);
  out.text(settingsJson(scenario));
  writeScript(out, scenario.script, scenario.cluster.clients);
  const payload = out.bytes();
  const check = checksum(payload);
  const framed = new Uint8Array(payload.length + 2);
  framed.set(payload);
  framed.set([check >> 8, check & 0xff], payload.length);
  return `${VERSION}.${encodeBase64Url(framed)}`;
}

/** The cluster and network fields that differ from the defaults, as JSON ('' when none do). */
function settingsJson(scenario: Scenario): string {
  const changed = (actual: object, defaults: object): Record<string, unknown> => {
    const base = defaults as Record<string, unknown>;
    return Object.fromEntries(Object.entries(actual).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(base[k])));
  };
  const cluster = changed(scenario.cluster, DEFAULT_CLUSTER);
  const network = changed(scenario.network, DEFAULT_NETWORK);
  const settings = { ...(Object.keys(cluster).length > 0 ? { cluster } : {}), ...(Object.keys(network).length > 0 ? { network } : {}) };
  return Object.keys(settings).length > 0 ? JSON.stringify(settings) : '';
}

/**
 * Read a `run` URL parameter back. Never throws: anything that is not a run this lab
 * wrote (garbage, a link cut short or edited, a newer format, a scenario that fails
 * `validateScenario`) gives a sentence for the learner that says what is wrong.
 *
 * @example
 * decodeRun('1.HJh1AIuT') // { ok: true, scenario: makeScenario({ seed: 7 }), time: 1500 }
 * decodeRun('7.AAAA')
 * // { ok: false, error: "This link's run could not be read: it is not in a format this lab knows (version 7)." }
 */
export function decodeRun(param: string): DecodedRun {
  const fail = (problem: string): DecodedRun => ({ ok: false, error: `${CANNOT_READ}${problem}.` });
  try {
    if (typeof param !== 'string') return fail('it is not text');
    if (param.length > MAX_PARAM_LENGTH) return fail(`it is ${param.length} characters long, more than the ${MAX_PARAM_LENGTH} a run may have`);
    if (param === '') return fail('it is empty');
    const marker = /^([0-9A-Za-z]{1,8})\./.exec(param);
    if (!marker) return fail('it is not in a format this lab knows');
    if (marker[1] !== VERSION) return fail(`it is not in a format this lab knows (version ${marker[1]})`);
    const body = param.slice(marker[0].length);
    const foreign = firstForeignChar(body);
    if (foreign !== null) return fail(`it contains ${JSON.stringify(safeText(foreign))}, which no run contains (was the link changed?)`);
    const bytes = decodeBase64Url(body);
    const end = (bytes?.length ?? 0) - 2;
    if (!bytes || end < 1 || checksum(bytes.subarray(0, end)) !== (bytes[end]! << 8) + bytes[end + 1]!) {
      return fail('it was changed or cut short on its way (its check digits do not match)');
    }
    return readPayload(bytes.subarray(0, end), fail);
  } catch {
    return fail('it is damaged in a way this lab did not expect');
  }
}

function readPayload(payload: Uint8Array, fail: (problem: string) => DecodedRun): DecodedRun {
  const input = new ByteReader(payload);
  let where = 'the seed ';
  try {
    const seed = input.num();
    where = 'the time ';
    const time = input.uint() / 10;
    if (time > MAX_TIME) return fail(`its moment, ${Math.round(time / 1000)} s, is past the hour a run may last`);
    where = 'the part holding the settings ';
    const json = input.text();
    let settings: unknown = {};
    try {
      if (json !== '') settings = JSON.parse(json);
    } catch {
      return fail('its settings are not valid JSON');
    }
    // The schema checks the settings' insides; here, only that nothing else came along.
    const get = fields(settings, 'settings', ['cluster', 'network']);
    const cluster = get('cluster', (v) => v, undefined);
    const network = get('network', (v) => v, undefined);
    const clients = typeof cluster === 'object' && cluster !== null && 'clients' in cluster ? cluster.clients : undefined;
    where = '';
    const script = readScript(input, Array.isArray(clients) ? clients.map(String) : DEFAULT_CLUSTER.clients);
    const valid = validateScenario({ version: 1, seed, cluster, network, script });
    return valid.ok ? { ok: true, scenario: valid.value, time } : fail(valid.error);
  } catch (e) {
    if (e instanceof ReadError) return fail(`${where}${e.message}`);
    if (e instanceof SchemaError) return fail(e.message);
    throw e;
  }
}

/** A run as a link holds it: the scenario, and the moment to show. */
export interface LinkedRun {
  readonly scenario: Scenario;
  readonly time: number;
  /** On a smaller run offered for one too heavy: whether it stops earlier or keeps only the first actions. */
  readonly cut?: 'time' | 'actions';
}

/**
 * `run=`, in every lab, declared for the address module (params.ts): read by decodeRun
 * and written by encodeRun. A lab that takes only some runs says why it cannot take one
 * in `unfit`. `instead` ends the sentence for a run it cannot use, saying what the lab
 * shows in its place.
 *
 * @example readParams({ run: runParam('The lab started with its defaults instead.') }, '?run=7.AAAA').problems
 * // ["This link's run could not be read: it is not in a format this lab knows (version 7). The lab started with its defaults instead."]
 */
export function runParam(instead: string, unfit: (scenario: Scenario) => string | null = () => null): Param<LinkedRun | null> {
  const fail = (why: string) => ({ ok: false, value: null, message: [capped(why, 200), instead].filter(Boolean).join(' ') }) as const;
  return {
    type: 'run',
    fallback: () => null,
    parse(raw) {
      const decoded = decodeRun(raw);
      // The schema's sentences can quote a link's own field names: escape and bound them.
      if (!decoded.ok) return fail(decoded.error);
      const misfit = unfit(decoded.scenario);
      if (misfit !== null) return fail(misfit);
      // Asking for more than the lab simulates is refused before anything is computed.
      const heavy = heavyRefusal(decoded.scenario, decoded.time);
      // The lab's own sentence, numbers only: not capped as a schema's echo of the link is.
      if (heavy) return { ok: false, value: null, message: [heavy.text, instead].filter(Boolean).join(' '), ...(heavy.smaller ? { offer: heavy.smaller } : {}) };
      return { ok: true, value: { scenario: decoded.scenario, time: decoded.time } };
    },
    format: (run) => (run ? encodeRun(run) : ''),
  };
}

/** What a lab writes when its run changes, and what a copied link holds. */
export const RUN_LINK = { lab: LAB_PARAM, run: runParam('') };

/**
 * Parameters a run replaces: those declared `startsRun` (the quorum lab's n, w, r and
 * seed; the conflicts lab's story and seed). Beside a run they would only disagree with
 * it. A list here, so writing a run needs no lab's declarations; a test checks it
 * against them.
 */
export const RUN_SUPERSEDES: readonly string[] = ['n', 'w', 'r', 'seed', 'story'];

/**
 * The run, if any, in a query string: readParams with RUN_LINK, for tests that only want
 * the run. No `run` gives `{ run: null, error: null }`.
 *
 * @example runFromSearch('?lab=quorum&run=1.HJh1AIuT') // { run: { scenario: makeScenario({ seed: 7 }), time: 1500 }, error: null }
 */
export function runFromSearch(search: string): { run: LinkedRun | null; error: string | null } {
  const { values, problems } = readParams({ run: RUN_LINK.run }, search);
  return { run: values.run, error: problems[0] ?? null };
}
