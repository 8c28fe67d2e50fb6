/**
 * The browser-preview transport of the contract: plain HTTP for commands and snapshots, Server-Sent Events for
 * pushes. Same-origin, path-only URLs so the page works on whatever port the preview picked.
 */
import { HTTP, PREVIEW_TOKEN, commandFunctions, kioskFunctions, operatorFunctions } from '../../../shared/contract';
import type {
  Command,
  CommandResult,
  EspApi,
  KioskRequest,
  OperatorRequest,
  OperatorResult,
} from '../../../shared/contract';
import type { Snapshot } from '../../../shared/snapshot';

async function getSnapshot(): Promise<Snapshot> {
  const response = await fetch(HTTP.snapshot, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`GET ${HTTP.snapshot} answered ${response.status}`);
  }
  return (await response.json()) as Snapshot;
}

function isCommandResult(value: unknown): value is CommandResult {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** The token the preview put in this page; the server takes commands only with it. */
function pageToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${PREVIEW_TOKEN.meta}"]`)?.content ?? '';
}

async function send(command: Command): Promise<CommandResult> {
  try {
    const response = await fetch(HTTP.command, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [PREVIEW_TOKEN.header]: pageToken() },
      body: JSON.stringify(command),
    });
    const body: unknown = await response.json().catch(() => null);
    if (isCommandResult(body)) {
      return body;
    }
    return { ok: false, error: `POST ${HTTP.command} answered ${response.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function isOperatorResult(value: unknown): value is OperatorResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** The operator console's requests: `POST /api/operator`, with the page's token like commands. */
function ask(request: OperatorRequest): Promise<OperatorResult<unknown>> {
  return post(HTTP.operator, request);
}

/** The console's "Kiosk playlist" panel: `POST /api/kiosk`, the same way. */
function askKiosk(request: KioskRequest): Promise<OperatorResult<unknown>> {
  return post(HTTP.kiosk, request);
}

async function post(route: string, request: OperatorRequest | KioskRequest): Promise<OperatorResult<unknown>> {
  try {
    const response = await fetch(route, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [PREVIEW_TOKEN.header]: pageToken() },
      body: JSON.stringify(request),
    });
    const body: unknown = await response.json().catch(() => null);
    if (isOperatorResult(body)) return body;
    return { ok: false, error: `POST ${route} answered ${response.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** How long to wait before opening a new stream when the browser gave up on one (the server was away). */
const REOPEN_MS = 2000;

function onSnapshot(listener: (snapshot: Snapshot) => void): () => void {
  // EventSource reconnects by itself after a dropped connection (the server asks for a second); the store drops
  // stale revisions, and the first frame of every connection is the state now, so the screen resumes where it is.
  // When the browser gives up (an error answer while the server restarts), a new stream is opened after a while.
  let source: EventSource;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = (): void => {
    source = new EventSource(HTTP.events);
    source.onmessage = (event: MessageEvent<string>) => {
      let snapshot: Snapshot;
      try {
        snapshot = JSON.parse(event.data) as Snapshot;
      } catch {
        return;
      }
      listener(snapshot);
    };
    source.onerror = () => {
      if (stopped || source.readyState !== EventSource.CLOSED) return;
      clearTimeout(timer);
      timer = setTimeout(open, REOPEN_MS);
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source.close();
  };
}

/** Builds the `EspApi` used when no Electron preload is present (the browser preview). */
export function createHttpBridge(): EspApi {
  return {
    getSnapshot,
    onSnapshot,
    ...commandFunctions(send),
    ...operatorFunctions(ask),
    ...kioskFunctions(askKiosk),
  };
}
