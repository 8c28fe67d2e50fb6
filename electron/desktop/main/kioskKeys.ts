/**
 * The keys of a kiosk demo in the desktop app (main's before-input-event): the one that ends the demo and the ones
 * a kiosk refuses. Plain functions so they are tested without Electron (test/unit/desktop/kioskKeys.test.ts).
 */
import type { Input } from 'electron';

/** Ctrl+Alt+Shift+Q: the operator leaves kiosk mode (README, "Kiosk demos"). */
export function isKioskExitShortcut(input: Pick<Input, 'control' | 'alt' | 'shift' | 'key'>): boolean {
  return input.control && input.alt && input.shift && input.key.toLowerCase() === 'q';
}

/** The keys a kiosk refuses: Alt+F4, Ctrl+W, Ctrl+Q, Ctrl+R, F5, F11, F12, Ctrl+Shift+I and the zoom keys. */
export function isBlockedInKiosk(input: Pick<Input, 'control' | 'meta' | 'alt' | 'shift' | 'key'>): boolean {
  const key = input.key.toLowerCase();
  const ctrl = input.control || input.meta;
  return (
    key === 'f5' ||
    key === 'f11' ||
    key === 'f12' ||
    (input.alt && key === 'f4') ||
    (ctrl && ['r', 'w', 'q', '+', '-', '=', '0', '_'].includes(key)) ||
    (ctrl && input.shift && ['i', 'j', 'c'].includes(key))
  );
}
