/**
 * What Collect logs and View diagnostics do, wherever they are offered (the ESP error screen, the
 * pre-provisioning result page): View diagnostics asks the session for the diagnostics page (§2.1); Collect
 * logs opens the export dialog (§3.1). The session decides whether the page may open.
 */
import type { ErrorAction } from '../../../shared/esp';
import { getApi } from '../bridge';
import { useUiStore } from '../store/uiStore';

export type LogAction = Extract<ErrorAction, 'collectLogs' | 'viewDiagnostics'>;

export function isLogAction(action: string): action is LogAction {
  return action === 'collectLogs' || action === 'viewDiagnostics';
}

/**
 * Asks for the diagnostics page. A refusal (not available here) is logged, or with `quiet` (the Ctrl+Shift+D
 * shortcut, which Windows ignores where the page is not offered) ignored.
 */
export function openDiagnostics({ quiet = false }: { quiet?: boolean } = {}): void {
  getApi()
    .openDiagnostics()
    .then(
      (result) => {
        if (!result.ok && !quiet) console.warn(`ESP Simulator: the diagnostics page did not open: ${result.error}`);
      },
      (error: unknown) => console.warn('ESP Simulator: openDiagnostics failed', error),
    );
}

export function runLogAction(action: LogAction): void {
  if (action === 'viewDiagnostics') openDiagnostics();
  else useUiStore.getState().collectLogsOpened();
}
