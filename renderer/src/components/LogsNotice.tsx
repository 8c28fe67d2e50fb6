/**
 * Placeholder for Collect logs / View diagnostics until the log bundle lands: a small, non-modal notice.
 */
import type { JSX } from 'react';
import { UI_TEXT } from '../strings';

export function LogsNotice({ onClose }: { onClose(): void }): JSX.Element {
  return (
    <div className="logs-notice" role="status" data-testid="logs-notice">
      <p>{UI_TEXT.logsNotice}</p>
      <button type="button" className="button" onClick={onClose}>
        {UI_TEXT.closeNotice}
      </button>
    </div>
  );
}
