import { Suspense, lazy, useState } from 'react';

const MonitoringBoard = lazy(() => import('./MonitoringBoard.tsx').then((m) => ({ default: m.MonitoringBoard })));

/**
 * The monitoring board for any lab's run, folded until asked for: its code loads, and its
 * figures are worked out, only once it is open.
 */
export function BoardDisclosure() {
  const [open, setOpen] = useState(false);
  return (
    <details className="board-disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Monitoring board: lag, convergence, stale reads and conflicts, with alerts</summary>
      {open && (
        <Suspense fallback={<p role="status">Loading the monitoring board…</p>}>
          <MonitoringBoard />
        </Suspense>
      )}
    </details>
  );
}
