/**
 * The Timeout planner page's state: the host's latest plan (`planTimeouts`), whether one is on its way, and why the
 * last one was refused. Kept while the operator moves between pages, so the figures are still there on return.
 */
import { create } from 'zustand';
import type { TimeoutPlan } from '../../../../shared/planner';
import { getApi } from '../../bridge';

interface PlannerState {
  plan: TimeoutPlan | null;
  running: boolean;
  error: string | null;
  /** Asks the host for a plan of the running scenario; resolves once it answered. */
  run(devices: number, seed: number): Promise<void>;
}

export const usePlannerStore = create<PlannerState>()((set) => ({
  plan: null,
  running: false,
  error: null,
  run: async (devices, seed) => {
    set({ running: true, error: null });
    const result = await getApi().planTimeouts(devices, seed);
    if (result.ok) set({ plan: result.value, running: false });
    else set({ running: false, error: result.error.charAt(0).toUpperCase() + result.error.slice(1) });
  },
}));
