/**
 * The Run view of the current run (shared/runView.ts), fetched once per run (the snapshot's `runId`), and the
 * side-by-side comparison the operator asked for.
 */
import { create } from 'zustand';
import type { RunAnalysisView, RunComparison } from '../../../../shared/runView';
import { getApi } from '../../bridge';

interface RunViewState {
  analysis: RunAnalysisView | null;
  error: string | null;
  comparison: { id: string; runId: number; value: RunComparison } | null;
  comparing: boolean;
  follow(runId: number): Promise<void>;
  compare(id: string, runId: number): Promise<string | null>;
}

let asked = -1;

export const useRunViewStore = create<RunViewState>()((set, get) => ({
  analysis: null,
  error: null,
  comparison: null,
  comparing: false,
  follow: async (runId) => {
    if (get().analysis?.runId === runId || asked === runId) return;
    asked = runId;
    const result = await getApi().runAnalysis();
    if (result.ok) {
      if (result.value.runId >= (get().analysis?.runId ?? -1)) set({ analysis: result.value, error: null });
    } else {
      asked = -1;
      set({ error: result.error });
    }
  },
  compare: async (id, runId) => {
    set({ comparing: true });
    const result = await getApi().compareRuns(id);
    set({ comparing: false });
    if (!result.ok) return result.error;
    set({ comparison: { id, runId, value: result.value } });
    return null;
  },
}));
