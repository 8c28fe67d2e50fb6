/**
 * The pieces of the log export flow (§2.3, §3.1) shared by the diagnostics page, the Collect logs dialog and the
 * pre-provisioning result page: the folder form of the browser preview, and the progress, success and failure
 * lines.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, JSX } from 'react';
import { useT } from '../i18n';
import type { ExportDisplay } from './useLogExport';

interface ExportFolderFormProps {
  initialPath: string;
  onSubmit(path: string): void;
  onCancel(): void;
}

/**
 * The browser preview has no folder dialog, so it asks for a path on the machine that runs the preview server.
 * Labelled so nobody mistakes it for part of Windows.
 */
export function ExportFolderForm({ initialPath, onSubmit, onCancel }: ExportFolderFormProps): JSX.Element {
  const [path, setPath] = useState(initialPath);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const t = useT();

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed) onSubmit(trimmed);
  };

  return (
    <form className="export-form" onSubmit={submit} data-testid="export-form">
      <label htmlFor={`${id}-path`} className="export-form-label">
        {t('logExport.folderLabel')}
      </label>
      <p id={`${id}-hint`} className="export-form-hint">
        {t('logExport.folderHint')}
      </p>
      <div className="export-form-row">
        <input
          ref={inputRef}
          id={`${id}-path`}
          className="export-form-input"
          type="text"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          required
          data-testid="export-path"
        />
        <button type="submit" className="button button-primary" data-testid="export-submit">
          {t('logExport.start')}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="export-cancel">
          {t('logExport.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Progress while the bundle is written: spinner, text and percent (§2.3 step 1). */
export function ExportProgress({ percent }: { percent: number }): JSX.Element {
  const rounded = Math.max(0, Math.min(100, Math.round(percent)));
  const t = useT();
  return (
    <div className="export-progress" data-testid="export-progress">
      <span className="ring-spinner" aria-hidden="true" />
      <p role="status">
        {t('logExport.inProgress')} <span data-testid="export-percent">{rounded}%</span>
      </p>
      <div
        className="export-bar"
        role="progressbar"
        aria-label={t('logExport.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded}
      >
        <span style={{ width: `${rounded}%` }} />
      </div>
    </div>
  );
}

/** The result lines of a finished or refused export; null while there is none. */
export function ExportOutcome({ display }: { display: ExportDisplay }): JSX.Element | null {
  const t = useT();
  switch (display.kind) {
    case 'succeeded':
      return (
        <p className="export-path" data-testid="export-path-result">
          {t('logExport.succeededPath')} <span className="export-path-value">{display.path}</span>
        </p>
      );
    case 'failed':
      return (
        <div className="export-error" role="alert" data-testid="export-error">
          <p className="export-error-title" data-testid="export-error-code">
            {t('logExport.failed', { code: display.code })}
          </p>
          <p className="export-error-message">{display.message}</p>
        </div>
      );
    case 'refused':
      return (
        <div className="export-error" role="alert" data-testid="export-error">
          <p className="export-error-title">{t('logExport.refused')}</p>
          <p className="export-error-message">{display.error}</p>
        </div>
      );
    default:
      return null;
  }
}
