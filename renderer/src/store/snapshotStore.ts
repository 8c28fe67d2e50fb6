/**
 * The latest Snapshot from the session: a projection of main's state, never edited here.
 */
import { create } from 'zustand';
import type { Snapshot } from '../../../shared/snapshot';

interface SnapshotState {
  snapshot: Snapshot | null;
  /** Takes a frame unless it is older than the one shown (frames can arrive out of order on reconnect). */
  snapshotReceived(snapshot: Snapshot): void;
}

export const useSnapshotStore = create<SnapshotState>()((set, get) => ({
  snapshot: null,
  snapshotReceived(snapshot) {
    const current = get().snapshot;
    if (current !== null && snapshot.revision < current.revision) {
      return;
    }
    set({ snapshot });
  },
}));

export const selectSnapshot = (state: SnapshotState): Snapshot | null => state.snapshot;
