/**
 * Kiosk mode's part of the device screen: the lockdown (useKioskLockdown) and, after Ctrl+Alt+Shift+Q when a PIN is
 * set, the small dialog that asks for it. The host checks the PIN; the answer comes back in the snapshot.
 * The simulator's own frame, in English like the operator console (not a Windows screen).
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, JSX, KeyboardEvent } from 'react';
import type { KioskView } from '../../../shared/snapshot';
import { getApi } from '../bridge';
import { useKioskLockdown } from './useKioskLockdown';
import '../styles/esp.css';
import '../styles/kiosk.css';

const TEXT = {
  title: 'Leave kiosk mode',
  body: 'Type the kiosk PIN to end the demo.',
  label: 'Kiosk PIN',
  leave: 'Leave',
  checking: 'Checking\u2026',
  cancel: 'Cancel',
} as const;

export function KioskLayer({ kiosk }: { kiosk: KioskView | null | undefined }): JSX.Element | null {
  const active = kiosk?.active === true;
  useKioskLockdown(active);
  const prompt = active ? (kiosk?.exitPrompt ?? null) : null;
  if (!prompt) return null;
  return <KioskExitDialog checking={prompt.checking} error={prompt.error} />;
}

function KioskExitDialog({ checking, error }: { checking: boolean; error: string | null }): JSX.Element {
  const [pin, setPin] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (checking || pin === '') return;
    void getApi().exitKiosk(pin);
    // A refused PIN is typed again from an empty field.
    setPin('');
    inputRef.current?.focus();
  };
  const cancel = (): void => {
    void getApi().cancelKioskExit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
      return;
    }
    if (event.key !== 'Tab') return;
    // Focus stays in the dialog.
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>('input, button:not(:disabled)') ?? [])];
    const at = focusable.indexOf(document.activeElement as HTMLElement);
    const next = focusable[(at + (event.shiftKey ? focusable.length - 1 : 1)) % focusable.length];
    event.preventDefault();
    next?.focus();
  };

  return (
    <div className="dialog-backdrop kiosk-exit-backdrop">
      <div
        ref={dialogRef}
        className="dialog kiosk-exit-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="kiosk-exit-title"
        aria-describedby="kiosk-exit-body"
        data-testid="kiosk-exit-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id="kiosk-exit-title" className="dialog-title">
          {TEXT.title}
        </h2>
        <form onSubmit={submit}>
          <p id="kiosk-exit-body" className="dialog-body">
            {TEXT.body}
          </p>
          <label className="kiosk-exit-field">
            <span>{TEXT.label}</span>
            <input
              ref={inputRef}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              value={pin}
              onChange={(event) => setPin(event.target.value.replace(/[^0-9]/g, ''))}
              aria-invalid={error !== null || undefined}
              aria-describedby={error ? 'kiosk-exit-error' : undefined}
            />
          </label>
          <p id="kiosk-exit-error" className="kiosk-exit-error" role="alert">
            {checking ? TEXT.checking : error}
          </p>
          <div className="dialog-buttons">
            <button type="submit" className="button button-primary" disabled={checking}>
              {TEXT.leave}
            </button>
            <button type="button" className="button" onClick={cancel}>
              {TEXT.cancel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
