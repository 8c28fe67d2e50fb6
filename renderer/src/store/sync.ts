/**
 * Connects the snapshot store to the session, once, at startup.
 */
import type { EspApi, Unsubscribe } from '../../../shared/contract';
import { useSnapshotStore } from './snapshotStore';

const RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * Pulls the current snapshot, then follows pushes.
 *
 * The push subscription is opened before the pull resolves so no frame falls in the gap between them; the
 * store keeps whichever has the higher revision, so the order of arrival does not matter. A failed pull is
 * retried (the preview server may still be starting) until some snapshot has arrived either way.
 */
export function startSnapshotSync(api: EspApi): Unsubscribe {
  const { snapshotReceived } = useSnapshotStore.getState();
  const unsubscribe = api.onSnapshot(snapshotReceived);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pull = (attempt: number): void => {
    api.getSnapshot().then(
      (snapshot) => {
        if (!stopped) snapshotReceived(snapshot);
      },
      (error: unknown) => {
        if (stopped || useSnapshotStore.getState().snapshot !== null) return;
        console.warn('ESP Simulator: could not read the snapshot yet', error);
        timer = setTimeout(() => pull(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
      },
    );
  };
  pull(0);

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
