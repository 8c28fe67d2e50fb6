/**
 * Collect logs without a diagnostics page: Windows 10's error-screen link (§3.1) and the pre-provisioning
 * failure page's link (§7.6). Windows shows a folder picker, then copies the logs; here the Electron shell shows
 * its folder dialog and the browser preview asks for a folder path. Progress, success and failure read as on the
 * diagnostics page.
 *
 * Modal: the caller makes the page behind it inert; Escape closes it unless an export is running.
 */
import { useEffect, useRef } from 'react';
import type { JSX, KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { ExportFolderForm, ExportOutcome, ExportProgress } from './LogExportParts';
import { useLogExport } from './useLogExport';

export function CollectLogsDialog({ onClose }: { onClose(): void }): JSX.Element {
  const flow = useLogExport();
  const { display, start } = flow;
  const closeRef = useRef<HTMLButtonElement>(null);
  const started = useRef(false);
  const t = useT();

  useEffect(() => {
    // Opening the dialog is the click on Collect logs: start at once (StrictMode runs effects twice).
    if (started.current) return;
    started.current = true;
    start();
  }, [start]);

  const finished = display.kind === 'succeeded' || display.kind === 'failed' || display.kind === 'refused';
  useEffect(() => {
    if (finished) closeRef.current?.focus();
  }, [finished]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && display.kind !== 'progress') {
      event.preventDefault();
      onClose();
    }
  };

  const title = display.kind === 'succeeded' ? t('logExport.succeeded') : t('logExport.collectLogsTitle');

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog collect-logs-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="collect-logs-title"
        data-testid="collect-logs-dialog"
        data-export={display.kind}
        onKeyDown={onKeyDown}
      >
        <h2 id="collect-logs-title" className="dialog-title" data-testid="collect-logs-title">
          {title}
        </h2>
        <div className="dialog-body">
          {display.kind === 'form' && (
            <ExportFolderForm initialPath={display.path} onSubmit={flow.submit} onCancel={onClose} />
          )}
          {display.kind === 'progress' && <ExportProgress percent={display.percent} />}
          <ExportOutcome display={display} />
        </div>
        {finished && (
          <div className="dialog-buttons">
            {display.kind !== 'succeeded' && (
              <button type="button" className="button button-primary" onClick={start} data-testid="export-try-again">
                {t('diagnostics.tryAgain')}
              </button>
            )}
            <button type="button" className="button" ref={closeRef} onClick={onClose} data-testid="export-close">
              {t('diagnostics.close')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
