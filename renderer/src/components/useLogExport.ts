/**
 * The log export flow seen from one place on screen (the diagnostics page's Export logs, Windows 10's Collect
 * logs, the pre-provisioning page's links): asking for a folder where the host has no picker, sending
 * `exportLogs`, then following `snapshot.logExport` until it ends.
 *
 * `snapshot.logExport` belongs to the session and outlives this component, so a result left over from an
 * earlier export must not show as this one's: after sending, the flow shows progress until the session has
 * visibly taken the new export (an `inProgress` frame, or a `logExport` different from the one at send time).
 */
import { useCallback, useEffect, useState } from 'react';
import type { LogExportView } from '../../../shared/snapshot';
import { getApi } from '../bridge';
import { useSnapshotStore } from '../store/snapshotStore';
import { useUiStore } from '../store/uiStore';

type Flow =
  | { kind: 'idle' }
  | { kind: 'form'; path: string }
  | { kind: 'sent'; before: string; taken: boolean }
  | { kind: 'refused'; error: string };

export type ExportDisplay =
  | { kind: 'idle' }
  | { kind: 'form'; path: string }
  | { kind: 'progress'; percent: number }
  | { kind: 'succeeded'; path: string }
  | { kind: 'failed'; code: string; message: string }
  | { kind: 'refused'; error: string };

export interface LogExportFlow {
  display: ExportDisplay;
  /** True where the host shows its own folder dialog (the Electron shell): no path form then. */
  hostPicksFolder: boolean;
  /** Export logs / Collect logs / Try again: the folder form in the browser, the host's picker in Electron. */
  start(): void;
  /** Sends the export to the folder typed in the form. */
  submit(path: string): void;
  /** Back to idle (Cancel on the form, Close after a result). */
  reset(): void;
}

function currentExport(): LogExportView {
  return useSnapshotStore.getState().snapshot?.logExport ?? { state: 'idle' };
}

export function useLogExport(): LogExportFlow {
  const [flow, setFlow] = useState<Flow>({ kind: 'idle' });
  const logExport = useSnapshotStore((s) => s.snapshot?.logExport ?? null);
  const hostPicksFolder = typeof window !== 'undefined' && window.espSim !== undefined;

  // Watch every frame (not only rendered ones) for the session taking this export.
  const waiting = flow.kind === 'sent' && !flow.taken;
  const before = flow.kind === 'sent' ? flow.before : '';
  useEffect(() => {
    if (!waiting) return undefined;
    const check = (view: LogExportView | undefined): void => {
      if (!view) return;
      if (view.state === 'inProgress' || JSON.stringify(view) !== before) {
        setFlow((f) => (f.kind === 'sent' ? { ...f, taken: true } : f));
      }
    };
    return useSnapshotStore.subscribe((state) => check(state.snapshot?.logExport));
  }, [waiting, before]);

  const send = useCallback((destination: string | null): void => {
    setFlow({ kind: 'sent', before: JSON.stringify(currentExport()), taken: false });
    getApi()
      .exportLogs(destination)
      .then(
        (result) => {
          // Closing the host's folder dialog is the user's choice, not an error: back to where they were.
          if (!result.ok) setFlow(result.cancelled ? { kind: 'idle' } : { kind: 'refused', error: result.error });
        },
        (error: unknown) => setFlow({ kind: 'refused', error: error instanceof Error ? error.message : String(error) }),
      );
  }, []);

  const start = useCallback((): void => {
    if (hostPicksFolder) send(null);
    else setFlow({ kind: 'form', path: useUiStore.getState().lastExportFolder });
  }, [hostPicksFolder, send]);

  const submit = useCallback(
    (path: string): void => {
      useUiStore.getState().exportFolderChosen(path);
      send(path);
    },
    [send],
  );

  const reset = useCallback((): void => setFlow({ kind: 'idle' }), []);

  let display: ExportDisplay;
  switch (flow.kind) {
    case 'idle':
      display = { kind: 'idle' };
      break;
    case 'form':
      display = { kind: 'form', path: flow.path };
      break;
    case 'refused':
      display = { kind: 'refused', error: flow.error };
      break;
    case 'sent':
      if (!flow.taken || logExport === null || logExport.state === 'idle') display = { kind: 'progress', percent: 0 };
      else if (logExport.state === 'inProgress') display = { kind: 'progress', percent: logExport.percent };
      else if (logExport.state === 'succeeded') display = { kind: 'succeeded', path: logExport.windowsPath };
      else display = { kind: 'failed', code: logExport.code, message: logExport.windowsMessage };
      break;
  }

  return { display, hostPicksFolder, start, submit, reset };
}
