import { Suspense, useEffect, useRef, useState } from 'react';
import { labs, findLab } from '../labs/registry.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { safeText } from '../sim/safeText.ts';
import { fullLabHref, shellOptions } from '../embed/shell.ts';
import { startResizePosts } from '../embed/resizePoster.ts';

function currentLabId(): string | null {
  return new URLSearchParams(window.location.search).get('lab');
}

/** The page: a banner with the labs, the lab itself in <main>, and a short footer. */
export function App() {
  const [labId] = useState(currentLabId);
  const [resetCount, setResetCount] = useState(0);
  const entry = findLab(labId) ?? labs[0];
  const unknownLab = labId !== null && !findLab(labId) ? safeText(labId).slice(0, 40) : null;
  const [shell] = useState(() => shellOptions());
  const content = useRef<HTMLElement>(null);
  // Embedded: the page has no banner or footer, grows with its content (not the frame), and tells the page around it its height.
  useEffect(() => {
    if (!shell.embed || !content.current) return;
    document.documentElement.classList.add('embedded');
    return startResizePosts(content.current);
  }, [shell.embed]);

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
        {entry && (
          <ErrorBoundary key={resetCount} what={entry.title} onReset={() => setResetCount((n) => n + 1)}>
            <Suspense fallback={<p role="status">Loading {entry.title}…</p>}>
              <entry.Component />
            </Suspense>
          </ErrorBoundary>
        )}
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
                    {lab.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {notices}
        {entry ? (
          <ErrorBoundary key={resetCount} what={entry.title} onReset={() => setResetCount((n) => n + 1)}>
            <Suspense fallback={<p role="status">Loading {entry.title}…</p>}>
              <entry.Component />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <Welcome />
        )}
      </main>
      <footer className="site-footer">
        <p>Everything here runs in your browser: a seeded simulation of replicated nodes. Nothing is sent anywhere.</p>
      </footer>
    </>
  );
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
