/**
 * The operator console: a small multi-page app (Run, Run view, Timeout planner, Library, Profile, Tenant & device,
 * Explain, Training) in its own window (Ctrl+Shift+O in the desktop app, `/operator` in the browser preview), never
 * on the device screen. It renders what the host sends: the snapshot, the library, the run's record and Explain;
 * every ESP rule stays in the host and in shared/espProfileRules.ts.
 */
import { useEffect } from 'react';
import type { JSX } from 'react';
import type { Snapshot } from '../../../shared/snapshot';
import { hrefFor } from '../route';
import { EditingBar } from './components/EditingBar';
import { KioskPanel } from './KioskPanel';
import { ExplainPage } from './pages/ExplainPage';
import { LibraryPage } from './pages/LibraryPage';
import { PlannerPage } from './pages/PlannerPage';
import { ProfilePage } from './pages/ProfilePage';
import { RunPage } from './pages/RunPage';
import { RunViewPage } from './pages/RunViewPage';
import { TenantPage } from './pages/TenantPage';
import { TrainingPage } from './pages/TrainingPage';
import { useLibraryStore } from './store/libraryStore';
import { CONSOLE_PAGES, useNavStore } from './store/navStore';
import { useRecordStore } from './store/recordStore';
import '../styles/operator.css';

/** The console's root, given the latest snapshot. */
export function OperatorConsole({ snapshot }: { snapshot: Snapshot }): JSX.Element {
  const page = useNavStore((s) => s.page);
  const show = useNavStore((s) => s.show);
  const message = useNavStore((s) => s.message);
  const messageIsError = useNavStore((s) => s.messageIsError);

  useEffect(() => {
    document.title = 'ESP Simulator operator console';
    void useLibraryStore.getState().refresh();
  }, []);
  // The run's record and Explain follow the run.
  useEffect(() => {
    void useRecordStore.getState().follow(snapshot.runId);
  }, [snapshot.runId]);

  const label = CONSOLE_PAGES.find((p) => p.page === page)?.label ?? '';
  return (
    <div className="operator" data-look={snapshot.look}>
      <header className="operator-header">
        <h1>ESP Simulator operator console</h1>
        {/* In the desktop app the device screen is the other window; in a browser it opens in a new tab. */}
        {window.location.protocol.startsWith('http') && (
          <a className="operator-link" href={hrefFor('device')} target="_blank" rel="noreferrer">
            Device screen
          </a>
        )}
      </header>
      <nav className="operator-nav" aria-label="Console pages">
        <ul>
          {CONSOLE_PAGES.map((p) => (
            <li key={p.page}>
              <button
                type="button"
                className="operator-nav-item"
                aria-current={p.page === page ? 'page' : undefined}
                data-testid={`op-nav-${p.page}`}
                onClick={() => show(p.page)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <EditingBar snapshot={snapshot} />
      <p
        className="operator-message"
        role="status"
        data-testid="op-message"
        data-error={messageIsError ? 'true' : undefined}
      >
        {message}
      </p>
      <main data-screen="operator" data-page={page} className="operator-page" aria-label={label}>
        {page === 'run' && <RunPage snapshot={snapshot} />}
        {page === 'run' && <KioskPanel />}
        {page === 'runView' && <RunViewPage snapshot={snapshot} />}
        {page === 'planner' && <PlannerPage snapshot={snapshot} />}
        {page === 'library' && <LibraryPage />}
        {page === 'profile' && <ProfilePage />}
        {page === 'tenant' && <TenantPage />}
        {page === 'explain' && <ExplainPage />}
        {page === 'training' && <TrainingPage />}
      </main>
    </div>
  );
}
