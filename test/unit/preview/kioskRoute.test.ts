/**
 * The preview's kiosk routes, in-process: `/api/kiosk` (the console's "Kiosk playlist" panel) behind the same gate
 * as commands, and the debug counts the soak benchmark reads, served only when asked for.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/logging/logger';
import { KioskHost } from '../../../electron/core/session/kiosk';
import { Session } from '../../../electron/core/session/session';
import { SettingsStore } from '../../../electron/core/session/settings';
import { DEFAULT_SWITCHES } from '../../../electron/core/session/switches';
import type { PreviewServer } from '../../../electron/preview/server';
import { startPreviewServer } from '../../../electron/preview/server';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let rendererDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'esp-kiosk-route-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const running: { server: PreviewServer; session: Session }[] = [];
afterEach(async () => {
  for (const { server, session } of running.splice(0)) {
    session.dispose();
    await server.close();
  }
});

async function start(debug: boolean): Promise<{ url: URL; token: string; session: Session }> {
  const settings = await SettingsStore.open(join(dir, `settings-${running.length}.json`), silentLogger);
  const kiosk = await KioskHost.prepare({
    switches: { ...DEFAULT_SWITCHES, kiosk: true },
    given: new Set(),
    settings,
    resourcesDir: join(root, 'resources'),
    libraryFolder: join(dir, 'library'),
    logger: silentLogger,
  });
  const session = new Session({ scenario: kiosk.opened.scenario, ...kiosk.sessionOptions(() => {}) });
  kiosk.attach(session);
  const server = await startPreviewServer({
    session,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
    kiosk,
    debug,
  });
  running.push({ server, session });
  const url = new URL(server.url);
  const page = await (await fetch(url)).text();
  const token = /<meta name="esp-sim-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  return { url, token, session };
}

/** Opens an event stream and resolves once its first frame has arrived; returns how to close it. */
function openStream(url: URL): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/api/events' }, (res) => {
      res.once('data', () => resolve(() => req.destroy()));
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}

describe('the kiosk panel route', () => {
  it('answers the page that carries the token, and no one else', async () => {
    const { url, token } = await start(false);
    const body = JSON.stringify({ type: 'kioskState' });
    const refused = await fetch(new URL('/api/kiosk', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(refused.status).toBe(403);
    const answered = await fetch(new URL('/api/kiosk', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-esp-sim-token': token },
      body,
    });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ ok: true, value: { kioskMode: true, pinSet: false } });
    const invalid = await fetch(new URL('/api/kiosk', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-esp-sim-token': token },
      body: JSON.stringify({ type: 'setKioskPin', pin: '12' }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ ok: false, error: expect.stringContaining('4 to 12 digits') });
  });
});

describe('the debug counts', () => {
  it('are not served unless the preview was started to serve them', async () => {
    const { url } = await start(false);
    expect((await fetch(new URL('/api/debug/counts', url))).status).toBe(404);
  });

  it('count session subscribers and open streams, which go back down when streams close or are dropped', async () => {
    const { url, token } = await start(true);
    const counts = async (): Promise<{ listeners: number; streams: number; loops: number }> =>
      (await (await fetch(new URL('/api/debug/counts', url))).json()) as {
        listeners: number;
        streams: number;
        loops: number;
      };
    // The server's own subscriber, and nothing open yet.
    expect(await counts()).toMatchObject({ listeners: 1, streams: 0, loops: 0 });
    const closeFirst = await openStream(url);
    await openStream(url);
    expect(await counts()).toMatchObject({ listeners: 1, streams: 2 });
    closeFirst();
    await expect.poll(async () => (await counts()).streams, { timeout: 5000 }).toBe(1);

    const refused = await fetch(new URL('/api/debug/drop-streams', url), { method: 'POST' });
    expect(refused.status).toBe(403);
    const dropped = await fetch(new URL('/api/debug/drop-streams', url), {
      method: 'POST',
      headers: { 'x-esp-sim-token': token },
    });
    expect(await dropped.json()).toEqual({ ok: true, dropped: 1 });
    expect(await counts()).toMatchObject({ listeners: 1, streams: 0 });
  });
});
