/**
 * The renderer's root: waits for the first snapshot, then shows the device screen or the operator console.
 */
import { lazy, Suspense, useEffect } from 'react';
import type { JSX } from 'react';
import { Announcer } from './components/Announcer';
import { ProblemBanner } from './components/ProblemBanner';
import { getApi } from './bridge';
import { KioskLayer } from './kiosk/KioskLayer';
import { useRoute } from './route';
import { DeviceScreen } from './screens/DeviceScreen';
import { needsOtherScreens, useOtherScreens } from './screens/lazyScreens';
import { selectSnapshot, useSnapshotStore } from './store/snapshotStore';
import { useUiStore } from './store/uiStore';
import { UI_TEXT } from './strings';

/** The console loads on its own route only, so the device screen's bundle stays as small as it was. */
const OperatorConsole = lazy(() => import('./operator/OperatorConsole').then((m) => ({ default: m.OperatorConsole })));

export function App(): JSX.Element {
  const snapshot = useSnapshotStore(selectSnapshot);
  const route = useRoute();
  const look = snapshot?.look;

  // The page background follows the look so nothing flashes around the screen while it changes.
  useEffect(() => {
    if (look) document.documentElement.dataset.look = look;
    document.documentElement.dataset.route = route;
  }, [look, route]);

  // A run waits for the device screen: the screen connecting starts it (the operator's Start does too).
  const waitingToStart = route === 'device' && snapshot !== null && snapshot.clock.waitingToStart;
  const runId = snapshot?.runId;
  useEffect(() => {
    if (waitingToStart) void getApi().start();
  }, [waitingToStart, runId]);

  // Readiness marker for end-to-end tests and the gallery: set once the first snapshot is on screen, including a
  // device screen that comes from the chunk loaded after the ESP's first frame.
  const collectLogsOpen = useUiStore((s) => s.collectLogsOpen);
  const otherScreensIn = useOtherScreens() !== null;
  const ready =
    snapshot !== null && (route !== 'device' || otherScreensIn || !needsOtherScreens(snapshot, collectLogsOpen));
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', ready ? 'ready' : 'loading');
  }, [ready]);

  if (snapshot === null) {
    return (
      <main data-screen="loading" className="loading">
        <p role="status">{UI_TEXT.loading}</p>
      </main>
    );
  }

  return (
    <>
      <ProblemBanner problem={snapshot.scenarioProblem} warnings={snapshot.scenarioWarnings} />
      {route === 'operator' ? (
        <Suspense
          fallback={
            <p role="status" className="loading">
              {UI_TEXT.loading}
            </p>
          }
        >
          <OperatorConsole snapshot={snapshot} />
        </Suspense>
      ) : (
        <DeviceScreen snapshot={snapshot} />
      )}
      {route === 'device' && <Announcer text={snapshot.announcement} />}
      {route === 'device' && <KioskLayer kiosk={snapshot.kiosk} />}
    </>
  );
}
