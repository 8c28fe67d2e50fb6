/**
 * The browser preview: the same Session and the same renderer as the desktop app, with the
 * contract carried over HTTP on loopback — GET the snapshot, server-sent events for changes,
 * POST for commands. No framework: the surface is three routes and static files.
 *
 * Commands come only from the page this server served: each launch draws a random token, puts it in
 * that page (a meta tag: no inline script, the CSP stays strict) and wants it back on every command.
 * The page also carries the session's snapshot as a JSON data block, never executed, so the first frame
 * is drawn without waiting for a request.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { extname, isAbsolute, join, normalize, sep } from 'node:path';
import { HTTP, PREVIEW_TOKEN } from '../../shared/contract';
import { insertIntoHead, snapshotDataBlock } from '../../shared/pageSnapshot';
import { parseCommand } from '../../shared/contractSchema';
import type { Logger } from '../core/logging/logger';
import type { Session } from '../core/session/session';
import type { OperatorRequestHandler } from './operatorRoute';
import { handleOperatorRoute } from './operatorRoute';
import type { KioskRequestHandler } from './kioskRoute';
import { handleDebugRoute, handleKioskRoute } from './kioskRoute';

export interface PreviewServerOptions {
  /** The session that serves the page. */
  session: Session;
  rendererDir: string;
  host: string;
  port: number;
  logger: Logger;
  /** Answers the operator console's requests (`/api/operator`); without it the route is not served. */
  operator?: OperatorRequestHandler;
  /** Answers the console's "Kiosk playlist" panel (`/api/kiosk`); without it the route is not served. */
  kiosk?: KioskRequestHandler;
  /** Serves `/api/debug/*` (subscriber and stream counts, dropping the streams): `ESP_SIM_DEBUG_COUNTS=1` only. */
  debug?: boolean;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Same policy as the page's meta tag, sent as a header too. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const MAX_COMMAND_BYTES = 4096;
/** About a hundred snapshots a stalled client has not read. */
const MAX_BUFFERED_EVENT_BYTES = 1024 * 1024;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** `application/json`, with or without parameters (`; charset=utf-8`); no other media type. */
export function isJsonContentType(header: string | undefined): boolean {
  return (header ?? '').split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * Why the preview will not export logs to `destination`, or null. The path is typed by a person into
 * a page, so it must name, in full, a folder that exists on the machine running the preview.
 */
export async function exportDestinationProblem(destination: string): Promise<string | null> {
  if (!isAbsolute(destination))
    return `"${destination}" is not an absolute path: type the full path of a folder on the machine running the preview.`;
  const info = await stat(destination).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? null : undefined;
  });
  if (info === null) return `"${destination}" does not exist on the machine running the preview.`;
  // Other stat failures (permissions...) are the collector's to report, with Windows' code.
  if (info !== undefined && !info.isDirectory()) return `"${destination}" is a file, not a folder.`;
  return null;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { session, rendererDir, logger } = options;
  const streams = new Set<ServerResponse>();
  const token = randomBytes(32).toString('base64url');
  const hasToken = (sent: string | string[] | undefined): boolean =>
    typeof sent === 'string' &&
    Buffer.byteLength(sent) === token.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(token));

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('preview: request failed', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });

  const unsubscribe = session.subscribe((snapshot) => {
    const frame = `data: ${JSON.stringify(snapshot)}\n\n`;
    for (const res of streams) {
      // A client that stopped reading is dropped rather than buffered without limit; EventSource reconnects.
      if (res.writableLength > MAX_BUFFERED_EVENT_BYTES) {
        streams.delete(res);
        res.destroy();
        continue;
      }
      res.write(frame);
    }
  });

  /** Host names this server answers to; filled once the port is known. Loopback only unless --host says otherwise. */
  const allowedHosts = new Set<string>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding and cross-site requests: answer only our own host name, and take commands only
    // from our own page (same origin, JSON, which a cross-site form or simple request cannot send).
    const host = req.headers.host ?? '';
    if (allowedHosts.size > 0 && !allowedHosts.has(host.toLowerCase())) {
      logger.warn(`preview: refused a request for host "${host}"`);
      return send(res, 421, 'text/plain; charset=utf-8', 'Misdirected request');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad request: that is not a URL');
    }
    if (url.pathname === HTTP.snapshot && req.method === 'GET') {
      return send(res, 200, 'application/json', JSON.stringify(session.snapshot()));
    }
    if (url.pathname === HTTP.events && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      // Reconnect a second after a dropped stream (EventSource's default is slower); the first frame is the state now.
      res.write(`retry: 1000\n\ndata: ${JSON.stringify(session.snapshot())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === HTTP.kiosk && options.kiosk) {
      return handleKioskRoute(req, res, { handler: options.kiosk, logger, host, hasToken });
    }
    if (options.debug && url.pathname.startsWith('/api/debug/')) {
      const counts = (): { listeners: number; streams: number; loops: number } => ({
        ...session.debugCounts(),
        streams: streams.size,
      });
      const dropStreams = (): number => {
        const dropped = streams.size;
        for (const stream of streams) stream.end();
        streams.clear();
        return dropped;
      };
      if (handleDebugRoute(req, res, url.pathname, { logger, host, hasToken, counts, dropStreams })) return;
    }
    if (url.pathname === HTTP.operator && options.operator) {
      return handleOperatorRoute(req, res, { handler: options.operator, logger, host, hasToken });
    }
    if (url.pathname === HTTP.command) {
      if (req.method !== 'POST')
        return send(res, 405, 'application/json', JSON.stringify({ ok: false, error: 'use POST' }));
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) {
        logger.warn(`preview: refused a command from origin ${origin}`);
        return send(
          res,
          403,
          'application/json',
          JSON.stringify({ ok: false, error: 'commands come only from this page' }),
        );
      }
      // Another program on this machine sends no Origin, but it has not seen the page: no token.
      if (!hasToken(req.headers[PREVIEW_TOKEN.header])) {
        logger.warn('preview: refused a command without the token of the page this server serves');
        return send(
          res,
          403,
          'application/json',
          JSON.stringify({ ok: false, error: 'commands come only from the page this preview serves: reload it' }),
        );
      }
      if (!isJsonContentType(req.headers['content-type'])) {
        logger.warn(`preview: refused a command of type ${req.headers['content-type'] ?? '(none)'}`);
        return send(
          res,
          415,
          'application/json',
          JSON.stringify({ ok: false, error: 'invalid command: send it as application/json' }),
        );
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      const body = declared > MAX_COMMAND_BYTES ? null : await readBody(req);
      if (body === null) {
        logger.warn('preview: refused a command larger than a command can be');
        // Answered at once, the rest of the body unread; `connection: close` ends the upload.
        res.writeHead(413, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
        res.end(
          JSON.stringify({ ok: false, error: `command too large: a command is at most ${MAX_COMMAND_BYTES} bytes` }),
        );
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(body);
      } catch {
        logger.warn('preview: refused a command that is not JSON');
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: 'invalid command: not JSON' }));
      }
      const parsed = parseCommand(input);
      if (!parsed.ok) {
        logger.warn(`preview: refused ${parsed.error}`);
        return send(res, 400, 'application/json', JSON.stringify(parsed));
      }
      if (parsed.command.type === 'exportLogs' && parsed.command.destination !== null) {
        const problem = await exportDestinationProblem(parsed.command.destination);
        if (problem) {
          logger.warn(`preview: refused to export logs: ${problem}`);
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: problem }));
        }
      }
      const result = session.handle(parsed.command);
      return send(res, result.ok ? 200 : 409, 'application/json', JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    // `/` is the device screen, `/operator` the console: both are the one page, routed in the renderer.
    let relative = 'index.html';
    if (pathname !== '/' && pathname !== '/operator' && pathname !== '/operator/') {
      try {
        relative = decodeURIComponent(pathname.slice(1));
      } catch {
        return send(res, 400, 'text/plain; charset=utf-8', 'Bad request: the path is not valid percent-encoding');
      }
    }
    const file = normalize(join(rendererDir, relative));
    if (file !== rendererDir && !file.startsWith(rendererDir + sep))
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    if (file === join(rendererDir, 'index.html')) return servePage(file, res);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    // A file removed between stat and open (a rebuild) must not take the server down.
    await pipeline(createReadStream(file), res).catch(() => res.destroy());
  }

  /**
   * The page, with this launch's token in a meta tag the bridge reads and the current snapshot in a JSON data block,
   * so the first frame needs no round trip (shared/pageSnapshot.ts); never cached (a new launch, a new token, and
   * the state of the session now).
   */
  async function servePage(file: string, res: ServerResponse): Promise<void> {
    const html = await readFile(file, 'utf8');
    const meta = `<meta name="${PREVIEW_TOKEN.meta}" content="${token}" />`;
    const page = insertIntoHead(html, `${meta}\n${snapshotDataBlock(session.snapshot())}`);
    const links = preloadLinks(html);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES['.html']!,
      'content-length': Buffer.byteLength(page),
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      ...(links ? { link: links } : {}),
    });
    res.end(page);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  if (isLoopback(options.host)) {
    for (const name of [hostInUrl, 'localhost', '127.0.0.1', '[::1]'])
      allowedHosts.add(`${name}:${port}`.toLowerCase());
  }

  return {
    url: `http://${hostInUrl}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of streams) res.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A `Link` header preloading the page's entry script and stylesheet, or null when it names neither. The page's CSP
 * meta tag holds Chromium's preload scanner back until the parser has read it, which started the script's fetch
 * about 15 ms later than on a page without one (bench/renderer); a header is seen before any of the page is parsed,
 * and the CSP header governs what it fetches. The stylesheet's `crossorigin` follows its tag, so the fetch is reused.
 */
export function preloadLinks(html: string): string | null {
  const script = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/i.exec(html)?.[1];
  const style = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/i.exec(html);
  const cors = style && /\scrossorigin[\s=>/]/i.test(style[0]) ? '; crossorigin' : '';
  const links = [
    ...(script ? [`<${script}>; rel=modulepreload`] : []),
    ...(style ? [`<${style[1]}>; rel=preload; as=style${cors}`] : []),
  ];
  return links.length > 0 ? links.join(', ') : null;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Reads a small request body; null as soon as it is larger than a command can be. From then on
 * nothing more is kept: the caller answers 413 and closes the connection. (Destroying the request
 * here would reset the connection before the client could read that answer.)
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_COMMAND_BYTES) return;
      size += chunk.length;
      if (size > MAX_COMMAND_BYTES) {
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
