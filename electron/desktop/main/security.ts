/**
 * The Electron security checklist in one place: a custom protocol instead of file://, navigation
 * and new windows denied, webviews refused, IPC senders checked against the one window we trust.
 */
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';
import { net, protocol } from 'electron';
import { normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { insertIntoHead, snapshotDataBlock } from '../../../shared/pageSnapshot';
import type { Snapshot } from '../../../shared/snapshot';

export const RENDERER_PROTOCOL = 'esp-sim';

interface ScopedLogger {
  warn(...args: unknown[]): void;
}

export function registerPrivilegedScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: RENDERER_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer over `esp-sim://` (checklist item 18): see `serveRenderer`. `pageSnapshot`, when given,
 * is the session's snapshot now, put in the page so its first frame needs no IPC round trip.
 */
export function registerRendererProtocol(rendererDir: string, pageSnapshot?: () => Snapshot): void {
  protocol.handle(RENDERER_PROTOCOL, (request) => serveRenderer(rendererDir, request, pageSnapshot));
}

/**
 * One `esp-sim://` request: a file of the built renderer, never a path that escapes its folder. Every
 * answer, refusals included, carries the page's Content-Security-Policy as a header too (checklist
 * item 7), the same string as the page's meta tag (shared/csp.ts). The page itself (index.html, for the
 * device window and the console's `#/operator`) gets `pageSnapshot()` as a JSON data block (shared/pageSnapshot.ts),
 * which the CSP allows because it is never executed.
 */
export async function serveRenderer(
  rendererDir: string,
  request: Request,
  pageSnapshot?: () => Snapshot,
): Promise<Response> {
  let file: string;
  try {
    const { pathname } = new URL(request.url);
    const relative = pathname === '/' || pathname === '' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    file = normalize(`${rendererDir}${sep}${relative}`);
  } catch {
    // Not a URL, or not valid percent-encoding (decodeURIComponent throws a URIError).
    return withSecurityHeaders(new Response('Bad request', { status: 400 }));
  }
  if (!file.startsWith(rendererDir + sep)) return withSecurityHeaders(new Response('Forbidden', { status: 403 }));
  try {
    const response = await net.fetch(pathToFileURL(file).toString());
    if (pageSnapshot && file === normalize(`${rendererDir}${sep}index.html`) && response.ok) {
      const page = insertIntoHead(await response.text(), snapshotDataBlock(pageSnapshot()));
      // The state of the session now: a reload after a crash must not get an older page from a cache.
      return withSecurityHeaders(
        new Response(page, {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    }
    return withSecurityHeaders(response);
  } catch {
    // net.fetch rejects for a file that is not there (net::ERR_FILE_NOT_FOUND).
    return withSecurityHeaders(new Response('Not found', { status: 404 }));
  }
}

/** The response with the CSP and nosniff headers; fetch's own headers are immutable, so a copy. */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
  headers.set('x-content-type-options', 'nosniff');
  // A Response can only be built with a status of 200-599; a file: fetch answers 200.
  const status = response.status >= 200 && response.status <= 599 ? response.status : 200;
  return new Response(response.body, { status, statusText: response.statusText, headers });
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
