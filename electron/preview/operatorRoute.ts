/**
 * `POST /api/operator`: the operator console's requests over HTTP (the desktop app carries the same ones over IPC).
 * The same gate as commands: our host name only (server.ts), same origin, the page's token, JSON; then the
 * request is checked (`parseOperatorRequest`) before the host sees it. Bodies are larger than commands (imports
 * carry files) but bounded, and refused unread past the bound.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperatorRequest, OperatorResult } from '../../shared/contract';
import { MAX_OPERATOR_REQUEST_BYTES, parseOperatorRequest } from '../../shared/contractSchema';
import type { GateContext } from './body';
import { answer, readGatedJson } from './body';

/** What answers the console: electron/core/authoring's OperatorHost. */
export interface OperatorRequestHandler {
  handle(request: OperatorRequest): Promise<OperatorResult<unknown>>;
}

export interface OperatorRouteContext extends GateContext {
  handler: OperatorRequestHandler;
}

/** Handles one request to `/api/operator`. */
export async function handleOperatorRoute(
  req: IncomingMessage,
  res: ServerResponse,
  context: OperatorRouteContext,
): Promise<void> {
  const input = await readGatedJson(
    req,
    res,
    context,
    'an operator request',
    MAX_OPERATOR_REQUEST_BYTES,
    `${MAX_OPERATOR_REQUEST_BYTES / 1024 / 1024} MB`,
  );
  if (input === undefined) return;
  const parsed = parseOperatorRequest(input);
  if (!parsed.ok) {
    context.logger.warn(`preview: refused ${parsed.error}`);
    return answer(res, 400, parsed);
  }
  const result = await context.handler.handle(parsed.request);
  answer(res, result.ok ? 200 : 409, result);
}
