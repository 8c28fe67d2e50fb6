/**
 * Kiosk mode on the device screen (README, "Kiosk demos"): the cursor hides after 3 s without movement; right-click,
 * drag and drop, Ctrl+wheel zoom and the browser keys a page can catch (reload, zoom, developer tools, full screen)
 * do nothing; Ctrl+Alt+Shift+Q asks to leave kiosk mode. The desktop app also blocks those keys (and Alt+F4, Ctrl+W)
 * in main, before the page sees them; in the browser preview this page-side part is the lockdown.
 */
import { useEffect } from 'react';
import { getApi } from '../bridge';

/** How long the cursor stays after the mouse last moved. */
export const IDLE_CURSOR_MS = 3000;

/** Ctrl+Alt+Shift+Q: the operator leaves kiosk mode. */
export function isKioskExitKey(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && event.shiftKey && event.code === 'KeyQ';
}

/** The keys a kiosk refuses (as far as a page can): reload, close, full screen, developer tools, zoom. */
export function isBlockedKey(event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  const ctrl = event.ctrlKey || event.metaKey;
  return (
    key === 'f5' ||
    key === 'f11' ||
    key === 'f12' ||
    (event.altKey && key === 'f4') ||
    (ctrl && ['r', 'w', 'q', '+', '-', '=', '0', '_'].includes(key)) ||
    (ctrl && event.shiftKey && ['i', 'j', 'c'].includes(key))
  );
}

export function useKioskLockdown(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const root = document.documentElement;
    root.dataset.kiosk = 'on';
    let idle: ReturnType<typeof setTimeout> | undefined;
    const showCursor = (): void => {
      root.dataset.kioskCursor = 'shown';
      clearTimeout(idle);
      idle = setTimeout(() => {
        root.dataset.kioskCursor = 'hidden';
      }, IDLE_CURSOR_MS);
    };
    const refuse = (event: Event): void => {
      event.preventDefault();
    };
    // A file dragged over the page shows "no drop", and dropping it opens nothing.
    const refuseDrop = (event: Event): void => {
      event.preventDefault();
      const transfer = (event as DragEvent).dataTransfer;
      if (transfer) transfer.dropEffect = 'none';
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isKioskExitKey(event)) {
        event.preventDefault();
        void getApi().requestKioskExit();
        return;
      }
      if (isBlockedKey(event)) event.preventDefault();
    };
    const onWheel = (event: WheelEvent): void => {
      if (event.ctrlKey || event.metaKey) event.preventDefault();
    };
    const capture = { capture: true } as const;
    const listeners: [string, EventListener, AddEventListenerOptions][] = [
      ['contextmenu', refuse, capture],
      ['dragstart', refuse, capture],
      ['dragover', refuseDrop, capture],
      ['drop', refuseDrop, capture],
      ['keydown', onKeyDown as EventListener, capture],
      ['wheel', onWheel as EventListener, { capture: true, passive: false }],
      ['pointermove', showCursor, capture],
      ['pointerdown', showCursor, capture],
    ];
    for (const [type, listener, options] of listeners) window.addEventListener(type, listener, options);
    showCursor();
    return () => {
      for (const [type, listener, options] of listeners) window.removeEventListener(type, listener, options);
      clearTimeout(idle);
      delete root.dataset.kiosk;
      delete root.dataset.kioskCursor;
    };
  }, [active]);
}
