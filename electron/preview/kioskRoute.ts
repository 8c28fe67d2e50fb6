/**
 * `POST /api/kiosk`: the operator console's "Kiosk playlist" panel over HTTP (the desktop app carries the same
 * requests over IPC). The same gate as commands and the console's requests: our host name only (server.ts), same
 * origin, the page's token, JSON, a small body; then the request is checked (`parseKioskRequest`).
 *
 * And, only when the preview runs with `ESP_SIM_DEBUG_COUNTS=1` (the soak benchmark, the reconnect test):
 * `GET /api/debug/counts` (session subscribers, open event streams, kiosk loops, memory) and
 * `POST /api/debug/drop-streams` (the server ends every event stream, as a network hiccup would).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KioskRequest, OperatorResult } from '../../shared/contract';
import { PREVIEW_TOKEN } from '../../shared/contract';
import { parseKioskRequest } from '../../shared/contractSchema';
import type { Logger } from '../core/logging/logger';
import { readLimited } from './body';

/** What answers the panel: electron/core/session/kiosk.ts's KioskHost. */
export interface KioskRequestHandler {
  handle(request: KioskRequest): Promise<OperatorResult<unknown>>;
}

/** The environment variable that turns the debug routes on. */
export const DEBUG_COUNTS_ENV = 'ESP_SIM_DEBUG_COUNTS';

const MAX_KIOSK_REQUEST_BYTES = 16 * 1024;

export interface GateContext {
  logger: Logger;
  /** The Host header the request came with (already checked against our names). */
  host: string;
  hasToken(sent: string | string[] | undefined): boolean;
}

function answer(res: ServerResponse, status: number, body: unknown, close = false): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

/** The gate every state-changing request passes: POST, same origin, the page's token. */
function refusedAtGate(req: IncomingMessage, res: ServerResponse, context: GateContext): boolean {
  if (req.method !== 'POST') {
    answer(res, 405, { ok: false, error: 'use POST' });
    return true;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${context.host}`) {
    context.logger.warn(`preview: refused a kiosk request from origin ${origin}`);
    answer(res, 403, { ok: false, error: 'requests come only from this page' });
    return true;
  }
  if (!context.hasToken(req.headers[PREVIEW_TOKEN.header])) {
    context.logger.warn('preview: refused a kiosk request without the token of the page this server serves');
    answer(res, 403, { ok: false, error: 'requests come only from the page this preview serves: reload it' });
    return true;
  }
  return false;
}

/** Handles one request to `/api/kiosk`. */
export async function handleKioskRoute(
  req: IncomingMessage,
  res: ServerResponse,
  context: GateContext & { handler: KioskRequestHandler },
): Promise<void> {
  if (refusedAtGate(req, res, context)) return;
  if ((req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase() !== 'application/json') {
    return answer(res, 415, { ok: false, error: 'invalid request: send it as application/json' });
  }
  const tooLarge = { ok: false, error: `request too large: at most ${MAX_KIOSK_REQUEST_BYTES} bytes` };
  if (Number(req.headers['content-length'] ?? 0) > MAX_KIOSK_REQUEST_BYTES) return answer(res, 413, tooLarge, true);
  const body = await readLimited(req, MAX_KIOSK_REQUEST_BYTES);
  if (body === null) return answer(res, 413, tooLarge, true);
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return answer(res, 400, { ok: false, error: 'invalid request: not JSON' });
  }
  const parsed = parseKioskRequest(input);
  if (!parsed.ok) {
    context.logger.warn(`preview: refused ${parsed.error}`);
    return answer(res, 400, parsed);
  }
  const result = await context.handler.handle(parsed.request);
  answer(res, result.ok ? 200 : 409, result);
}

export interface DebugCounts {
  /** Session subscribers (the server's own is one). */
  listeners: number;
  /** Open server-sent event streams. */
  streams: number;
  /** Kiosk loops the session has done. */
  loops: number;
  rssBytes: number;
  heapUsedBytes: number;
}

/**
 * The debug routes; true when the request was one of them. `?gc=1` collects garbage first when the process runs
 * with `--expose-gc`, so memory figures compare like with like.
 */
export function handleDebugRoute(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: GateContext & { counts(): Omit<DebugCounts, 'rssBytes' | 'heapUsedBytes'>; dropStreams(): number },
): boolean {
  if (pathname === '/api/debug/counts' && req.method === 'GET') {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc && new URL(req.url ?? '/', 'http://localhost').searchParams.get('gc') === '1') gc();
    const memory = process.memoryUsage();
    answer(res, 200, { ...context.counts(), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed });
    return true;
  }
  if (pathname === '/api/debug/drop-streams') {
    if (refusedAtGate(req, res, context)) return true;
    const dropped = context.dropStreams();
    context.logger.warn(`preview: debug: dropped ${dropped} event stream(s)`);
    answer(res, 200, { ok: true, dropped });
    return true;
  }
  return false;
}
