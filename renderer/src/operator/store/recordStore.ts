/**
 * The current run's record in people's words and its Explain, fetched once per run (the snapshot's `runId`).
 */
import { create } from 'zustand';
import type { RunRecordView } from '../../../../shared/operator';
import { getApi } from '../../bridge';

interface RecordState {
  record: RunRecordView | null;
  /** Fetches the record unless it is already the one of `runId`. */
  follow(runId: number): Promise<void>;
}

let asked = -1;

/** The run's record and Explain, per run. */
export const useRecordStore = create<RecordState>()((set, get) => ({
  record: null,
  follow: async (runId) => {
    if (get().record?.runId === runId || asked === runId) return;
    asked = runId;
    const result = await getApi().runRecord();
    if (result.ok && result.value.runId >= (get().record?.runId ?? -1)) set({ record: result.value });
    if (!result.ok) asked = -1;
  },
}));
