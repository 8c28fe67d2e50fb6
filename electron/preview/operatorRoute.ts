/**
 * `POST /api/operator`: the operator console's requests over HTTP (the desktop app carries the same ones over IPC).
 * The same gate as commands: our host name only (server.ts), same origin, the page's token, JSON; then the
 * request is checked (`parseOperatorRequest`) before the host sees it. Bodies are larger than commands (imports
 * carry files) but bounded, and refused unread past the bound.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperatorRequest, OperatorResult } from '../../shared/contract';
import { PREVIEW_TOKEN } from '../../shared/contract';
import { MAX_OPERATOR_REQUEST_BYTES, parseOperatorRequest } from '../../shared/contractSchema';
import type { Logger } from '../core/logging/logger';
import { readLimited } from './body';

/** What answers the console: electron/core/authoring's OperatorHost. */
export interface OperatorRequestHandler {
  handle(request: OperatorRequest): Promise<OperatorResult<unknown>>;
}

export interface OperatorRouteContext {
  handler: OperatorRequestHandler;
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

/** Handles one request to `/api/operator`. */
export async function handleOperatorRoute(
  req: IncomingMessage,
  res: ServerResponse,
  context: OperatorRouteContext,
): Promise<void> {
  const { logger } = context;
  if (req.method !== 'POST') return answer(res, 405, { ok: false, error: 'use POST' });
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${context.host}`) {
    logger.warn(`preview: refused an operator request from origin ${origin}`);
    return answer(res, 403, { ok: false, error: 'requests come only from this page' });
  }
  if (!context.hasToken(req.headers[PREVIEW_TOKEN.header])) {
    logger.warn('preview: refused an operator request without the token of the page this server serves');
    return answer(res, 403, { ok: false, error: 'requests come only from the page this preview serves: reload it' });
  }
  if ((req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase() !== 'application/json') {
    return answer(res, 415, { ok: false, error: 'invalid request: send it as application/json' });
  }
  const tooLarge = { ok: false, error: `request too large: at most ${MAX_OPERATOR_REQUEST_BYTES / 1024 / 1024} MB` };
  if (Number(req.headers['content-length'] ?? 0) > MAX_OPERATOR_REQUEST_BYTES) return answer(res, 413, tooLarge, true);
  const body = await readLimited(req, MAX_OPERATOR_REQUEST_BYTES);
  if (body === null) return answer(res, 413, tooLarge, true);
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return answer(res, 400, { ok: false, error: 'invalid request: not JSON' });
  }
  const parsed = parseOperatorRequest(input);
  if (!parsed.ok) {
    logger.warn(`preview: refused ${parsed.error}`);
    return answer(res, 400, parsed);
  }
  const result = await context.handler.handle(parsed.request);
  answer(res, result.ok ? 200 : 409, result);
}
