/**
 * Loads the other device screens (otherScreens.ts) once, off the ESP's first frame, and tells who waits for them.
 *
 * Not React.lazy: a lazy component suspends on its first render even when its chunk is already in, which would
 * put a blank frame between the ESP and the restart screen on every run. Here the chunk is fetched while the
 * page is idle after the first frame, and a screen that needs it afterwards renders at once.
 */
import { create } from 'zustand';
import type { Snapshot } from '../../../shared/snapshot';
import type * as OtherScreensModule from './otherScreens';

/** The chunk's exports: the screen components by name. */
export type OtherScreens = typeof OtherScreensModule;

interface LazyScreensState {
  /** The loaded chunk, or null until it is in. */
  screens: OtherScreens | null;
}

const useLazyScreensStore = create<LazyScreensState>()(() => ({ screens: null }));

let loading: Promise<void> | null = null;

/**
 * Starts loading the chunk unless it is in or on its way. A failed load (the preview stopped, a network error) is
 * reported on the console and tried again by the next call, which the next snapshot's render makes.
 */
export function loadOtherScreens(): void {
  if (loading || useLazyScreensStore.getState().screens) return;
  loading = import('./otherScreens').then(
    (screens) => useLazyScreensStore.setState({ screens }),
    (error: unknown) => {
      loading = null;
      console.warn('ESP Simulator: the device screens did not load; trying again with the next update', error);
    },
  );
}

/** The loaded chunk, or null while it loads; re-renders once it is in. */
export function useOtherScreens(): OtherScreens | null {
  return useLazyScreensStore((s) => s.screens);
}

/** Whether showing `snapshot` (with the Collect logs dialog open or not) takes a screen from the chunk. */
export function needsOtherScreens(snapshot: Snapshot, collectLogsOpen: boolean): boolean {
  return snapshot.screen.kind !== 'esp' || snapshot.diagnostics !== null || collectLogsOpen;
}
