/** The preview's JSON routes: the gate every state-changing request passes, and bodies read with a size limit. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PREVIEW_TOKEN } from '../../shared/contract';
import type { Logger } from '../core/logging/logger';

export interface GateContext {
  logger: Logger;
  /** The Host header the request came with (already checked against our names). */
  host: string;
  hasToken(sent: string | string[] | undefined): boolean;
}

/** A JSON answer that is never cached; `close` drops the connection (after refusing a body). */
export function answer(res: ServerResponse, status: number, body: unknown, close = false): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

/** The gate every state-changing request passes: POST, same origin, the page's token. True when it refused. */
export function refusedAtGate(req: IncomingMessage, res: ServerResponse, context: GateContext, what: string): boolean {
  if (req.method !== 'POST') {
    answer(res, 405, { ok: false, error: 'use POST' });
    return true;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${context.host}`) {
    context.logger.warn(`preview: refused ${what} from origin ${origin}`);
    answer(res, 403, { ok: false, error: 'requests come only from this page' });
    return true;
  }
  if (!context.hasToken(req.headers[PREVIEW_TOKEN.header])) {
    context.logger.warn(`preview: refused ${what} without the token of the page this server serves`);
    answer(res, 403, { ok: false, error: 'requests come only from the page this preview serves: reload it' });
    return true;
  }
  return false;
}

/**
 * The request's JSON body once it passed the gate — POST, same origin, the page's token, `application/json`, at most
 * `limit` bytes — or undefined when it was answered with the refusal (405, 403, 415, 413 or 400).
 * `what` names the request in the log (`an operator request`); `limitText` says the limit to people.
 */
export async function readGatedJson(
  req: IncomingMessage,
  res: ServerResponse,
  context: GateContext,
  what: string,
  limit: number,
  limitText: string,
): Promise<unknown> {
  if (refusedAtGate(req, res, context, what)) return undefined;
  if ((req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase() !== 'application/json') {
    return answer(res, 415, { ok: false, error: 'invalid request: send it as application/json' });
  }
  const tooLarge = { ok: false, error: `request too large: at most ${limitText}` };
  if (Number(req.headers['content-length'] ?? 0) > limit) return answer(res, 413, tooLarge, true);
  const body = await readLimited(req, limit);
  if (body === null) return answer(res, 413, tooLarge, true);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return answer(res, 400, { ok: false, error: 'invalid request: not JSON' });
  }
}

/** The body as text, or null as soon as it is larger than `limit` (the rest is not kept). */
export function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
