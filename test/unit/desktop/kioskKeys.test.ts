/** The desktop app's kiosk keys (electron/desktop/main/kioskKeys.ts), as main's before-input-event sees them. */
import { describe, expect, it } from 'vitest';
import { isBlockedInKiosk, isKioskExitShortcut } from '../../../electron/desktop/main/kioskKeys';

const press = (key: string, mods: Partial<{ control: boolean; alt: boolean; shift: boolean; meta: boolean }> = {}) => ({
  key,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('the kiosk keys of the desktop app', () => {
  it('ends the demo only on Ctrl+Alt+Shift+Q', () => {
    expect(isKioskExitShortcut(press('Q', { control: true, alt: true, shift: true }))).toBe(true);
    expect(isKioskExitShortcut(press('q', { control: true, alt: true, shift: true }))).toBe(true);
    expect(isKioskExitShortcut(press('q', { control: true, shift: true }))).toBe(false);
    expect(isKioskExitShortcut(press('q', { control: true }))).toBe(false);
  });

  it('refuses closing, reloading, full screen, developer tools and zoom', () => {
    for (const input of [
      press('F4', { alt: true }),
      press('w', { control: true }),
      press('q', { control: true }),
      press('r', { control: true }),
      press('R', { control: true, shift: true }),
      press('F5'),
      press('F5', { control: true }),
      press('F11'),
      press('F12'),
      press('I', { control: true, shift: true }),
      press('J', { control: true, shift: true }),
      press('+', { control: true, shift: true }),
      press('=', { control: true }),
      press('-', { control: true }),
      press('0', { control: true }),
    ]) {
      expect(isBlockedInKiosk(input), JSON.stringify(input)).toBe(true);
    }
  });

  it('lets the PIN and the screens’ own keys through', () => {
    for (const input of [press('1'), press('9'), press('Enter'), press('Tab'), press('Escape'), press('F4')]) {
      expect(isBlockedInKiosk(input), JSON.stringify(input)).toBe(false);
    }
    // Ctrl+Shift+D opens the diagnostics page (§2.1).
    expect(isBlockedInKiosk(press('D', { control: true, shift: true }))).toBe(false);
  });
});
