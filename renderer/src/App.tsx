/**
 * The renderer's root: waits for the first snapshot, then shows the device screen or the operator console.
 */
import { useEffect } from 'react';
import type { JSX } from 'react';
import { Announcer } from './components/Announcer';
import { ProblemBanner } from './components/ProblemBanner';
import { OperatorConsole } from './operator/OperatorConsole';
import { useRoute } from './route';
import { DeviceScreen } from './screens/DeviceScreen';
import { selectSnapshot, useSnapshotStore } from './store/snapshotStore';
import { UI_TEXT } from './strings';

export function App(): JSX.Element {
  const snapshot = useSnapshotStore(selectSnapshot);
  const route = useRoute();
  const look = snapshot?.look;

  // The page background follows the look so nothing flashes around the screen while it changes.
  useEffect(() => {
    if (look) document.documentElement.dataset.look = look;
    document.documentElement.dataset.route = route;
  }, [look, route]);

  // Readiness marker for end-to-end tests: set once the first snapshot is on screen.
  const ready = snapshot !== null;
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
      <ProblemBanner problem={snapshot.scenarioProblem} />
      {route === 'operator' ? <OperatorConsole snapshot={snapshot} /> : <DeviceScreen snapshot={snapshot} />}
      {route === 'device' && <Announcer text={snapshot.announcement} />}
    </>
  );
}
