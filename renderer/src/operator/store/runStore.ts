/**
 * The moment the operator jumped to and holds the device screen at, so Jump to shows it as selected and Resume
 * says where it resumes from.
 */
import { create } from 'zustand';
import type { Moment } from '../../../../shared/snapshot';

interface RunState {
  held: (Moment & { runId: number }) | null;
  hold(moment: Moment, runId: number): void;
  release(): void;
}

/** The held moment of Jump to. */
export const useRunStore = create<RunState>()((set) => ({
  held: null,
  hold: (moment, runId) => set({ held: { ...moment, runId } }),
  release: () => set({ held: null }),
}));
