/**
 * Connects the snapshot store to the session, once, at startup.
 */
import type { EspApi, Unsubscribe } from '../../../shared/contract';
import { PAGE_SNAPSHOT_ID } from '../../../shared/pageSnapshot';
import type { Snapshot } from '../../../shared/snapshot';
import { useSnapshotStore } from './snapshotStore';

const RETRY_MS = [250, 500, 1000, 2000, 4000];

/**
 * The snapshot the host put in the page it served (shared/pageSnapshot.ts), taken out of the page so nothing reads
 * it twice; null when there is none (a page from another host) or it does not parse, and the sync then pulls.
 */
export function takePageSnapshot(doc: Pick<Document, 'getElementById'> = document): Snapshot | null {
  const block = doc.getElementById(PAGE_SNAPSHOT_ID);
  if (!block) return null;
  block.remove();
  try {
    const value: unknown = JSON.parse(block.textContent ?? '');
    return typeof value === 'object' && value !== null && typeof (value as Snapshot).revision === 'number'
      ? (value as Snapshot)
      : null;
  } catch {
    return null;
  }
}

/**
 * `apply` at most once a frame, with the newest snapshot that came in since the last: a burst of pushes (a busy
 * moment delivers several stream messages in one task) drew the whole screen once per message, in one task of
 * 50–100 ms with 100 apps (bench/renderer). Without requestAnimationFrame (Node, in tests) it applies each at once.
 * A hidden page draws nothing until it is shown again, and then the newest.
 */
export function newestPerFrame(apply: (snapshot: Snapshot) => void): (snapshot: Snapshot) => void {
  if (typeof requestAnimationFrame !== 'function') return apply;
  let pending: Snapshot | null = null;
  return (snapshot) => {
    if (pending === null) {
      requestAnimationFrame(() => {
        const newest = pending;
        pending = null;
        if (newest) apply(newest);
      });
    }
    if (pending === null || snapshot.revision >= pending.revision) pending = snapshot;
  };
}

/**
 * Seeds the store with the page's snapshot when there is one, pulls the current snapshot, then follows pushes.
 *
 * With a page snapshot the store has its state before the first render, so the first frame waits for no round
 * trip; the pull still runs, once the page is idle after that frame, because a change pushed between serving the
 * page and this script subscribing would otherwise be lost where the transport does not resend the state on
 * subscribing (Electron's IPC; the preview's stream does). The push subscription is opened before the pull
 * resolves so no frame falls in the gap between them; the store keeps whichever has the higher revision and drops
 * any frame older than the one it shows, so the order of arrival does not matter and nothing older flashes. A
 * failed pull is retried (the preview server may still be starting) until some snapshot has arrived either way.
 * Pushes are drawn at most once a frame (newestPerFrame).
 */
export function startSnapshotSync(api: EspApi, pageSnapshot: Snapshot | null = null): Unsubscribe {
  const { snapshotReceived } = useSnapshotStore.getState();
  if (pageSnapshot) snapshotReceived(pageSnapshot);
  const unsubscribe = api.onSnapshot(newestPerFrame(snapshotReceived));
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
  let idle: number | undefined;
  if (!pageSnapshot) pull(0);
  else if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(() => pull(0), { timeout: 1000 });
  else timer = setTimeout(() => pull(0), 0);

  return () => {
    stopped = true;
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    unsubscribe();
  };
}
