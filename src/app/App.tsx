import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { labs, findLab, type LabEntry } from '../labs/registry.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { safeText } from '../sim/safeText.ts';
import { fullLabHref, shellOptions } from '../embed/shell.ts';
import { browserAddress, currentSearch } from '../embed/address.ts';
import type { Bridge } from '../embed/hostBridge.ts';
import { hasParam } from '../embed/params.ts';
import { openShortcutsHelp, selectAsked, shortcutsHelpAsked } from '../components/openShortcutsHelp.ts';
import { bindings } from '../components/shortcutTable.ts';
import { useShortcuts } from '../components/useShortcuts.ts';
import { presenterStore, selectLoaded, selectOn, togglePresenter } from '../store/presenterStore.ts';
import { useStore } from 'zustand';
import { PresenterToggle } from './presenter/PresenterToggle.tsx';

// Each loads only where it is used: a lab's first screen carries none of them.
const SpeakerView = lazy(() => import('./presenter/SpeakerView.tsx'));
const Presenter = lazy(() => import('./presenter/Presenter.tsx'));
const ShortcutsHelp = lazy(() => import('../components/ShortcutsHelp.tsx'));
const EmbedButton = lazy(() => import('../components/EmbedDialog.tsx').then((m) => ({ default: m.EmbedButton })));
const SHELL_KEYS = bindings({ help: openShortcutsHelp, presenter: togglePresenter });
const knownLab = (id: string) => findLab(id) !== undefined;

function currentLabId(): string | null {
  return new URLSearchParams(window.location.search).get('lab');
}

/** The page: a banner with the labs, the lab itself in <main>, and a short footer. */
export function App() {
  // The lab in view, and how many times one was loaded in place (a host's load, a playlist's step): each load mounts it afresh.
  const [view, setView] = useState(() => ({ labId: currentLabId(), loads: 0 }));
  const labId = view.labId;
  const [resetCount, setResetCount] = useState(0);
  const entry = findLab(labId) ?? labs[0];
  const unknownLab = labId !== null && !findLab(labId) ? safeText(labId).slice(0, 40) : null;
  const [shell] = useState(() => shellOptions());
  useShortcuts(SHELL_KEYS);
  // Presenter mode's code loads once it is asked for (by the address: presenter=1, a playlist; or the toggle),
  // and once loaded stays mounted, to follow the toggle both ways.
  const presenterOn = useStore(presenterStore, selectOn);
  const presenterMounted = useStore(presenterStore, selectLoaded) || presenterOn;
  const helpAsked = useStore(shortcutsHelpAsked, selectAsked) > 0;
  const [presenterWanted] = useState(() => shell.presenter || hasParam(currentSearch(), 'playlist'));
  /** The lab that mounted last, for a host API that starts after it. */
  const lastMounted = useRef<string | null>(null);
  const content = useRef<HTMLElement>(null);
  const bridge = useRef<Bridge | null>(null);
  /** Show another lab or run in this page: the address first, since a lab reads its settings from it as it mounts. */
  const navigate = useCallback((href: string, lab: string) => {
    browserAddress.replace(href);
    setView((v) => ({ labId: lab, loads: v.loads + 1 }));
  }, []);
  // Embedded: the page has no banner or footer, grows with its content (not the frame), and speaks the host API to the page around it.
  useEffect(() => {
    if (!shell.embed || !content.current || window.parent === window) return;
    document.documentElement.classList.add('embedded');
    const main = content.current;
    let stopped = false;
    // Its own chunk: a host waits for the ready event, which comes once it runs.
    void import('../embed/hostBridge.ts').then(({ startHostBridge }) => {
      if (stopped) return;
      bridge.current = startHostBridge({ parent: window.parent, self: window, origins: shell.host, content: main, knownLab, navigate });
      if (lastMounted.current !== null) bridge.current.ready(lastMounted.current);
    });
    return () => {
      stopped = true;
      bridge.current?.stop();
      bridge.current = null;
    };
  }, [shell.embed, shell.host, navigate]);
  const mounted = useCallback((lab: string) => {
    lastMounted.current = lab;
    bridge.current?.ready(lab);
  }, []);
  const labView = (lab: LabEntry) => (
    <ErrorBoundary key={`${view.loads}-${resetCount}`} what={lab.title} onReset={() => setResetCount((n) => n + 1)}>
      <Suspense fallback={<p role="status">Loading {lab.title}…</p>}>
        <Mounted lab={lab.id} onMounted={mounted}>
          <lab.Component />
        </Mounted>
      </Suspense>
    </ErrorBoundary>
  );

  const shellParts = (
    <>
      {(presenterMounted || presenterWanted) && (
        <Suspense fallback={null}>
          <Presenter startOn={presenterWanted} embedded={shell.embed} knownLab={knownLab} navigate={navigate} />
        </Suspense>
      )}
      {helpAsked && (
        <Suspense fallback={null}>
          <ShortcutsHelp />
        </Suspense>
      )}
    </>
  );

  if (shell.speaker)
    return (
      <Suspense fallback={<p role="status">Loading the speaker view…</p>}>
        <SpeakerView />
      </Suspense>
    );

  const notices = (
    <>
      {shell.problems.length > 0 && (
        <p className="notice error" role="alert">
          {shell.problems.join(' ')}
        </p>
      )}
      {unknownLab !== null && entry && (
        <p className="notice error" role="alert">
          There is no lab called “{unknownLab}” here; this is the {entry.title}.
        </p>
      )}
    </>
  );

  if (shell.embed)
    return (
      <main id="main" tabIndex={-1} ref={content} className="embedded-main">
        {shellParts}
        <p className="embed-open">
          {/* The address follows the run as the learner works, so the link is made again as it is followed. */}
          <a
            href={fullLabHref()}
            target="_blank"
            rel="noopener"
            onClick={(e) => void (e.currentTarget.href = fullLabHref())}
            onAuxClick={(e) => void (e.currentTarget.href = fullLabHref())}
            onContextMenu={(e) => void (e.currentTarget.href = fullLabHref())}
          >
            Open in the full lab<span className="visually-hidden"> (opens in a new tab)</span> ↗
          </a>
        </p>
        {notices}
        {entry && labView(entry)}
      </main>
    );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the lab
      </a>
      <header className="site-header">
        <p className="site-title">Eventual Consistency Lab</p>
        {labs.length > 1 && (
          <nav aria-label="Labs">
            <ul>
              {labs.map((lab) => (
                <li key={lab.id}>
                  <a href={`?lab=${lab.id}`} aria-current={lab === entry ? 'page' : undefined}>
                    {lab.short}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="site-tools">
          {entry && (
            <Suspense fallback={null}>
              <EmbedButton labTitle={entry.title} />
            </Suspense>
          )}
          <PresenterToggle />
        </div>
      </header>
      {shellParts}
      <main id="main" tabIndex={-1}>
        {notices}
        {entry ? labView(entry) : <Welcome />}
      </main>
      <footer className="site-footer">
        <p>Everything here runs in your browser: a seeded simulation of replicated nodes. Nothing is sent anywhere.</p>
      </footer>
    </>
  );
}

/** Tells the shell once its lab has mounted (after the lab's own effects, which put its run and scenes on the stage). */
function Mounted({ lab, onMounted, children }: { readonly lab: string; readonly onMounted: (lab: string) => void; readonly children: ReactNode }) {
  useEffect(() => onMounted(lab), [lab, onMounted]);
  return children;
}

function Welcome() {
  return (
    <section aria-labelledby="welcome-title" className="welcome">
      <h1 id="welcome-title">Eventual Consistency Lab</h1>
      <p>
        Replicas that disagree for a while and then agree: see it happen, break it on purpose, and measure what each
        setting buys you.
      </p>
    </section>
  );
}
