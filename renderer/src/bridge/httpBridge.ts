/**
 * The browser-preview transport of the contract: plain HTTP for commands and snapshots, Server-Sent Events for
 * pushes. Same-origin, path-only URLs so the page works on whatever port the preview picked.
 */
import { HTTP, PREVIEW_TOKEN, commandFunctions } from '../../../shared/contract';
import type { Command, CommandResult, EspApi } from '../../../shared/contract';
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

function onSnapshot(listener: (snapshot: Snapshot) => void): () => void {
  // EventSource reconnects by itself after a dropped connection; the store drops stale revisions.
  const source = new EventSource(HTTP.events);
  source.onmessage = (event: MessageEvent<string>) => {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(event.data) as Snapshot;
    } catch {
      return;
    }
    listener(snapshot);
  };
  return () => source.close();
}

/** Builds the `EspApi` used when no Electron preload is present (the browser preview). */
export function createHttpBridge(): EspApi {
  return {
    getSnapshot,
    onSnapshot,
    ...commandFunctions(send),
  };
}
