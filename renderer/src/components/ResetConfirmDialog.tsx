/**
 * The confirmation asked before Reset device wipes the (simulated) device.
 *
 * Modal: the page behind it is made inert by the caller; focus stays on the dialog's two buttons (Tab and
 * Shift+Tab cycle between them) and Escape cancels. Cancel has the first focus, as befits a destructive action.
 */
import { useEffect, useRef } from 'react';
import type { JSX, KeyboardEvent } from 'react';
import { useT } from '../i18n';

interface ResetConfirmDialogProps {
  onConfirm(): void;
  onCancel(): void;
}

export function ResetConfirmDialog({ onConfirm, onCancel }: ResetConfirmDialogProps): JSX.Element {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const t = useT();

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const order = [confirmRef.current, cancelRef.current].filter((b): b is HTMLButtonElement => b !== null);
    const at = order.indexOf(document.activeElement as HTMLButtonElement);
    const next = order[(at + (event.shiftKey ? order.length - 1 : 1)) % order.length];
    event.preventDefault();
    next?.focus();
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="reset-dialog-title"
        aria-describedby="reset-dialog-body"
        data-testid="reset-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id="reset-dialog-title" className="dialog-title">
          {t('resetConfirm.title')}
        </h2>
        <p id="reset-dialog-body" className="dialog-body">
          {t('resetConfirm.body')}
        </p>
        <div className="dialog-buttons">
          <button
            type="button"
            className="button button-primary"
            ref={confirmRef}
            onClick={onConfirm}
            data-testid="reset-confirm"
          >
            {t('resetConfirm.accept')}
          </button>
          <button type="button" className="button" ref={cancelRef} onClick={onCancel} data-testid="reset-cancel">
            {t('resetConfirm.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
