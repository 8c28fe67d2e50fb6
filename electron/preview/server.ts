/**
 * The browser preview: the same Session and the same renderer as the desktop app, with the
 * contract carried over HTTP on loopback — GET the snapshot, server-sent events for changes,
 * POST for commands. No framework: the surface is three routes and static files.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { extname, join, normalize, sep } from 'node:path';
import { HTTP } from '../../shared/contract';
import { parseCommand } from '../../shared/contractSchema';
import type { Logger } from '../core/logging/logger';
import type { Session } from '../core/session/session';

export interface PreviewServerOptions {
  /** The session that serves the page. */
  session: Session;
  rendererDir: string;
  host: string;
  port: number;
  logger: Logger;
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

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { session, rendererDir, logger } = options;
  const streams = new Set<ServerResponse>();

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
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === HTTP.snapshot && req.method === 'GET') {
      return send(res, 200, 'application/json', JSON.stringify(session.snapshot()));
    }
    if (url.pathname === HTTP.events && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`data: ${JSON.stringify(session.snapshot())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
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
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        logger.warn('preview: refused a command that is not application/json');
        return send(res, 415, 'application/json', JSON.stringify({ ok: false, error: 'invalid command: send JSON' }));
      }
      const body = await readBody(req);
      if (body === null)
        return send(res, 413, 'application/json', JSON.stringify({ ok: false, error: 'command too large' }));
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
      const result = session.handle(parsed.command);
      return send(res, result.ok ? 200 : 409, 'application/json', JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    // `/` is the device screen, `/operator` the console: both are the one page, routed in the renderer.
    const relative =
      pathname === '/' || pathname === '/operator' || pathname === '/operator/'
        ? 'index.html'
        : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(rendererDir, relative));
    if (file !== rendererDir && !file.startsWith(rendererDir + sep))
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
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

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Reads a small request body; null when it is larger than a command can be. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_COMMAND_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
