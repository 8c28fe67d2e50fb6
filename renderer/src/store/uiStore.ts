/**
 * UI-only state: what the person in front of the screen opened. No ESP semantics live here.
 */
import { create } from 'zustand';
import type { PhaseId } from '../../../shared/esp';

interface UiState {
  /** Category rows whose details are shown; all collapsed by default (§1.5). */
  expanded: Readonly<Record<PhaseId, boolean>>;
  resetConfirmOpen: boolean;
  /** The Collect logs dialog (Windows 10 error screen, pre-provisioning page): export without a diagnostics page. */
  collectLogsOpen: boolean;
  /** The folder typed for the last log export in the browser preview, offered again next time. */
  lastExportFolder: string;
  /** The scenario problem the user dismissed; a different problem shows the banner again. */
  dismissedProblem: string | null;
  /**
   * Whether the ESP's first frame is on screen. Until then the collapsed categories' item lists stay empty: nobody
   * sees them before Show details, and drawing them cost the first frame about a sixth of its elements and most of
   * its interpolated texts (bench/renderer).
   */
  firstFrameShown: boolean;
  detailsToggled(phase: PhaseId): void;
  resetConfirmOpened(): void;
  resetConfirmClosed(): void;
  collectLogsOpened(): void;
  collectLogsClosed(): void;
  exportFolderChosen(folder: string): void;
  problemDismissed(problem: string): void;
  firstFrameDrawn(): void;
}

const allCollapsed: Record<PhaseId, boolean> = { devicePreparation: false, deviceSetup: false, accountSetup: false };

export const useUiStore = create<UiState>()((set) => ({
  expanded: allCollapsed,
  resetConfirmOpen: false,
  collectLogsOpen: false,
  lastExportFolder: '',
  dismissedProblem: null,
  firstFrameShown: false,
  detailsToggled: (phase) => set((s) => ({ expanded: { ...s.expanded, [phase]: !s.expanded[phase] } })),
  resetConfirmOpened: () => set({ resetConfirmOpen: true }),
  resetConfirmClosed: () => set({ resetConfirmOpen: false }),
  collectLogsOpened: () => set({ collectLogsOpen: true }),
  collectLogsClosed: () => set({ collectLogsOpen: false }),
  exportFolderChosen: (folder) => set({ lastExportFolder: folder }),
  problemDismissed: (problem) => set({ dismissedProblem: problem }),
  firstFrameDrawn: () => set({ firstFrameShown: true }),
}));
