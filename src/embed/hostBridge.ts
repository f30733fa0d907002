import { stageRun, stageScenes } from '../controller/stage.ts';
import { browserAddress, onAddressChange, type AddressPort } from './address.ts';
import { COMMANDS, parseCommand, type HostCommand, type LabEvent, type MessageId } from './hostProtocol.ts';
import { onLearning } from './learning.ts';
import { statementOf } from './xapi.ts';
import { startResizePosts } from './resizePoster.ts';
import { addressFor } from './loadLink.ts';
import { fullLabHref, type HostOrigins } from './shell.ts';

export interface BridgeOptions {
  /** The frame's parent: the only window whose commands are heard. */
  readonly parent: Window;
  /** The lab's own window, where messages arrive. */
  readonly self: Window;
  /** `host=`'s origins, or null when any parent may command the lab. */
  readonly origins: HostOrigins;
  /** The parent's origin, so events go to it alone: by default where the browser tells it (location.ancestorOrigins; not Firefox). */
  readonly parentOrigin?: string | null;
  /** The content whose height the host is told (null in tests without layout). */
  readonly content: HTMLElement | null;
  readonly knownLab: (id: string) => boolean;
  /** Show another lab or run in place, at an address addressFor made. */
  readonly navigate: (href: string, lab: string) => void;
  /** The page's address, and how to hear it change (tests give their own). */
  readonly address?: AddressPort;
  readonly onAddress?: (listener: () => void) => () => void;
}

export interface Bridge {
  /** The lab in view has mounted: tell the host what it can do. */
  ready(lab: string): void;
  stop(): void;
}

/**
 * The host API (hostProtocol.ts) for an embedded lab: commands from the parent window
 * carried out on the lab in view (controller/stage.ts), every other message from the
 * parent answered with an error event naming what is wrong, messages from any other
 * window ignored; and the events: ready, resized, run-changed, done, error, statement.
 * Nothing here throws into the page.
 */
export function startHostBridge(o: BridgeOptions): Bridge {
  const given = o.parentOrigin !== undefined ? o.parentOrigin : ((o.self.location as { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0] ?? null);
  // A sandboxed parent's origin is opaque, "null": postMessage cannot be aimed at it, only at "*".
  const parentOrigin = given === 'null' ? null : given;
  const address = o.address ?? browserAddress;
  const allowed = (origin: string) => o.origins === null || o.origins.includes(origin);
  // Events go to the parent's origin when it is known and allowed, else to each allowed origin, else anywhere (no host= given).
  const targets: readonly string[] =
    o.origins === null ? [parentOrigin ?? '*'] : parentOrigin !== null ? (allowed(parentOrigin) ? [parentOrigin] : []) : given === 'null' ? [] : o.origins;
  const post = (event: LabEvent, to: readonly string[] = targets) => {
    for (const target of to) {
      try {
        o.parent.postMessage(event, target);
      } catch {
        // A parent gone, or a target the browser refuses: the lab carries on.
      }
    }
  };
  const answer = (origin: string, event: LabEvent) => post(event, [origin === 'null' || origin === '' ? '*' : origin]);
  const withId = (id: MessageId | undefined) => (id !== undefined ? { id } : {});
  /** The lab that said it was ready last, for a host's hello. */
  let lastLab: string | null = null;

  const carryOut = (command: HostCommand): string | null => {
    const name = command.type.slice('ec-lab:'.length);
    if (command.type === 'ec-lab:load') {
      if ('link' in command) {
        const next = addressFor(command.link, o.knownLab, address);
        if (!next.ok) return next.error;
        o.navigate(next.href, next.lab);
        return null;
      }
      const scenes = stageScenes();
      const scene = scenes?.scenes.find((s) => s.id === command.preset);
      if (!scene) return scenes ? `This lab has no preset “${command.preset}”; its ${scenes.kind} are ${scenes.scenes.map((s) => s.id).join(', ')}.` : 'This lab has no presets; load a link instead.';
      scene.show();
      return null;
    }
    if (command.type === 'ec-lab:hello') {
      if (lastLab !== null) ready(lastLab);
      return lastLab === null ? 'The lab is still loading: its ready event will follow.' : null;
    }
    const run = stageRun();
    if (!run) return `This page has no run to ${name}.`;
    const send = run.playback.send;
    if (command.type === 'ec-lab:seek') send({ type: 'playback.seek', time: command.time });
    else if (command.type === 'ec-lab:play') send({ type: 'playback.play' });
    else if (command.type === 'ec-lab:pause') send({ type: 'playback.pause' });
    else if (command.type === 'ec-lab:step') send({ type: 'playback.step' });
    else send({ type: 'playback.reset' });
    return null;
  };

  const warned = new Set<string>();
  const onMessage = (event: MessageEvent) => {
    // Only the frame's own parent, and only from an allowed origin; anyone else is not answered at all.
    if (event.source !== o.parent) return;
    if (!allowed(event.origin)) {
      // Not answered, but a docs author setting up host= can see why in the console (once per origin).
      if (!warned.has(event.origin) && warned.size < 10) {
        warned.add(event.origin);
        console.warn(`Eventual Consistency Lab: messages from ${event.origin} are ignored: it is not in this frame's host= (${(o.origins ?? []).join(', ') || 'no page'}).`);
      }
      return;
    }
    const parsed = parseCommand(event.data);
    if (!parsed.ok) return answer(event.origin, { type: 'ec-lab:error', version: 1, error: parsed.error, ...withId(parsed.id) });
    let problem: string | null;
    try {
      problem = carryOut(parsed.command);
    } catch {
      problem = 'The lab could not carry that out.';
    }
    const id = withId(parsed.command.id);
    answer(event.origin, problem === null ? { type: 'ec-lab:done', version: 1, command: parsed.command.type, ...id } : { type: 'ec-lab:error', version: 1, error: problem, ...id });
  };
  o.self.addEventListener('message', onMessage);

  let lastLink = fullLabHref(address);
  const offAddress = (o.onAddress ?? onAddressChange)(() => {
    const link = fullLabHref(address);
    if (link === lastLink) return;
    lastLink = link;
    post({ type: 'ec-lab:run-changed', version: 1, lab: new URL(link).searchParams.get('lab') ?? '', link });
  });
  const base = () => {
    const here = new URL(address.read());
    return here.origin + here.pathname;
  };
  const offLearning = onLearning((event) => post({ type: 'ec-lab:statement', version: 1, statement: statementOf(event, base()) }));
  const offResize = o.content ? startResizePosts(o.content, (message) => post(message)) : () => undefined;

  function ready(lab: string) {
    lastLab = lab;
    lastLink = fullLabHref(address);
    const scenes = stageScenes();
    post({
      type: 'ec-lab:ready',
      version: 1,
      lab,
      commands: stageRun() ? COMMANDS : ['load', 'hello'],
      presets: scenes ? scenes.scenes.map(({ id, title }) => ({ id, title })) : [],
      link: lastLink,
    });
  }
  return {
    ready,
    stop() {
      o.self.removeEventListener('message', onMessage);
      offAddress();
      offLearning();
      offResize();
    },
  };
}
