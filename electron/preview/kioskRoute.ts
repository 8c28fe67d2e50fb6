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
import { parseKioskRequest } from '../../shared/contractSchema';
import type { GateContext } from './body';
import { answer, readGatedJson, refusedAtGate } from './body';

/** What answers the panel: electron/core/session/kiosk.ts's KioskHost. */
export interface KioskRequestHandler {
  handle(request: KioskRequest): Promise<OperatorResult<unknown>>;
}

/** The environment variable that turns the debug routes on. */
export const DEBUG_COUNTS_ENV = 'ESP_SIM_DEBUG_COUNTS';

const MAX_KIOSK_REQUEST_BYTES = 16 * 1024;

export type { GateContext } from './body';

/** Handles one request to `/api/kiosk`. */
export async function handleKioskRoute(
  req: IncomingMessage,
  res: ServerResponse,
  context: GateContext & { handler: KioskRequestHandler },
): Promise<void> {
  const input = await readGatedJson(
    req,
    res,
    context,
    'a kiosk request',
    MAX_KIOSK_REQUEST_BYTES,
    `${MAX_KIOSK_REQUEST_BYTES} bytes`,
  );
  if (input === undefined) return;
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
    if (refusedAtGate(req, res, context, 'a kiosk request')) return true;
    const dropped = context.dropStreams();
    context.logger.warn(`preview: debug: dropped ${dropped} event stream(s)`);
    answer(res, 200, { ok: true, dropped });
    return true;
  }
  return false;
}
