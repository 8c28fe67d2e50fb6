/**
 * The Electron security checklist in one place: a custom protocol instead of file://, navigation
 * and new windows denied, webviews refused, IPC senders checked against the one window we trust.
 */
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { net, protocol } from 'electron';
import { normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const RENDERER_PROTOCOL = 'esp-sim';

interface ScopedLogger {
  warn(...args: unknown[]): void;
}

export function registerPrivilegedScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: RENDERER_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer, refusing any path that escapes its folder. */
export function registerRendererProtocol(rendererDir: string): void {
  protocol.handle(RENDERER_PROTOCOL, (request) => {
    const { pathname } = new URL(request.url);
    const relative = pathname === '/' || pathname === '' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(`${rendererDir}${sep}${relative}`);
    if (!file.startsWith(rendererDir + sep)) return new Response('Forbidden', { status: 403 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

export function hardenWebContents(contents: WebContents, logger: ScopedLogger): void {
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn(`blocked window.open(${url})`);
    return { action: 'deny' };
  });
  const blockNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (new URL(url).protocol === `${RENDERER_PROTOCOL}:`) return;
    event.preventDefault();
    logger.warn(`blocked navigation to ${url}`);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a webview');
  });
}

export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false;
  const url = event.senderFrame?.url;
  return url !== undefined && new URL(url).protocol === `${RENDERER_PROTOCOL}:`;
}
