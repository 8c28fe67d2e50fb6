/**
 * UI-only state: what the person in front of the screen opened. No ESP semantics live here.
 */
import { create } from 'zustand';
import type { PhaseId } from '../../../shared/esp';

interface UiState {
  /** Category rows whose details are shown; all collapsed by default (§1.5). */
  expanded: Readonly<Record<PhaseId, boolean>>;
  resetConfirmOpen: boolean;
  /** The placeholder notice for Collect logs / View diagnostics. */
  logsNoticeOpen: boolean;
  /** The scenario problem the user dismissed; a different problem shows the banner again. */
  dismissedProblem: string | null;
  detailsToggled(phase: PhaseId): void;
  resetConfirmOpened(): void;
  resetConfirmClosed(): void;
  logsNoticeOpened(): void;
  logsNoticeClosed(): void;
  problemDismissed(problem: string): void;
}

const allCollapsed: Record<PhaseId, boolean> = { devicePreparation: false, deviceSetup: false, accountSetup: false };

export const useUiStore = create<UiState>()((set) => ({
  expanded: allCollapsed,
  resetConfirmOpen: false,
  logsNoticeOpen: false,
  dismissedProblem: null,
  detailsToggled: (phase) => set((s) => ({ expanded: { ...s.expanded, [phase]: !s.expanded[phase] } })),
  resetConfirmOpened: () => set({ resetConfirmOpen: true }),
  resetConfirmClosed: () => set({ resetConfirmOpen: false }),
  logsNoticeOpened: () => set({ logsNoticeOpen: true }),
  logsNoticeClosed: () => set({ logsNoticeOpen: false }),
  problemDismissed: (problem) => set({ dismissedProblem: problem }),
}));
