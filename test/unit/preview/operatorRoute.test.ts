/**
 * `POST /api/operator` on the browser preview: the same gate as commands (the page's token, same origin, JSON),
 * a bound on the body, and requests checked before the host sees them (library entries by id, never by path).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOperatorHost } from '../../../electron/core/authoring/operatorHost';
import { silentLogger } from '../../../electron/core/logging/logger';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import { Session } from '../../../electron/core/session/session';
import type { PreviewServer } from '../../../electron/preview/server';
import { startPreviewServer } from '../../../electron/preview/server';
import { parseOperatorRequest } from '../../../shared/contractSchema';

const root = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
let rendererDir: string;
beforeAll(() => {
  rendererDir = mkdtempSync(join(tmpdir(), 'esp-operator-route-'));
  dirs.push(rendererDir);
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
});
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const running: { server: PreviewServer; session: Session }[] = [];
afterEach(async () => {
  for (const { server, session } of running.splice(0)) {
    session.dispose();
    await server.close();
  }
});

async function start(): Promise<{ url: URL; token: string }> {
  const loaded = await loadScenarioFile(join(root, 'resources', 'scenarios', 'default.json'));
  if (loaded.kind !== 'valid') throw new Error('the bundled default does not load');
  const session = new Session({ scenario: loaded.scenario, autoStart: false });
  const libraryFolder = mkdtempSync(join(tmpdir(), 'esp-operator-library-'));
  dirs.push(libraryFolder);
  const operator = createOperatorHost({
    session,
    logger: silentLogger,
    libraryFolder,
    resourcesDir: join(root, 'resources'),
    startupFile: null,
  });
  const server = await startPreviewServer({
    session,
    operator,
    rendererDir,
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
  });
  running.push({ server, session });
  const url = new URL(server.url);
  const page = await (await fetch(url)).text();
  const token = /<meta name="esp-sim-token" content="([^"]+)"/.exec(page)![1]!;
  return { url, token };
}

async function post(
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; json: { ok: boolean; error?: string; value?: unknown } }> {
  const response = await fetch(new URL('/api/operator', url), { method: 'POST', headers, body });
  return { status: response.status, json: (await response.json()) as { ok: boolean; error?: string } };
}

describe('POST /api/operator', () => {
  it('answers the page that carries its token', async () => {
    const { url, token } = await start();
    const answer = await post(url, JSON.stringify({ type: 'listLibrary' }), {
      'content-type': 'application/json',
      'x-esp-sim-token': token,
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true, value: { openId: 'bundled:default' } });
  });

  it('refuses a request without the token, from another origin, or not in JSON', async () => {
    const { url, token } = await start();
    const body = JSON.stringify({ type: 'listLibrary' });
    expect((await post(url, body, { 'content-type': 'application/json' })).status).toBe(403);
    expect(
      (
        await post(url, body, {
          'content-type': 'application/json',
          'x-esp-sim-token': token,
          origin: 'http://evil.example',
        })
      ).status,
    ).toBe(403);
    expect((await post(url, body, { 'content-type': 'text/plain', 'x-esp-sim-token': token })).status).toBe(415);
  });

  it('refuses a path where an entry id belongs, before the host sees it', async () => {
    const { url, token } = await start();
    const answer = await post(url, JSON.stringify({ type: 'deleteEntry', id: 'user:../../etc/passwd' }), {
      'content-type': 'application/json',
      'x-esp-sim-token': token,
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('invalid request: id: not a library entry');
  });

  it('refuses a body over 32 MB unread', async () => {
    const { url, token } = await start();
    const response = await fetch(new URL('/api/operator', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-esp-sim-token': token },
      body: Buffer.alloc(33 * 1024 * 1024, 0x20),
    });
    expect(response.status).toBe(413);
  });
});

describe('the operator request schema', () => {
  it("takes the console's requests and nothing else", () => {
    expect(parseOperatorRequest({ type: 'openEntry', id: 'bundled:default' }).ok).toBe(true);
    expect(parseOperatorRequest({ type: 'openEntry', id: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(parseOperatorRequest({ type: 'createEntry', name: '   ' })).toMatchObject({ ok: false });
    expect(parseOperatorRequest({ type: 'createEntry', name: 'ok', path: '/tmp' })).toMatchObject({ ok: false });
    expect(
      parseOperatorRequest({ type: 'importScenario', file: { name: 'a.json', base64: 'not base64!' } }),
    ).toMatchObject({
      ok: false,
    });
    expect(parseOperatorRequest({ type: 'runCommand', command: 'rm -rf /' })).toMatchObject({ ok: false });
  });
});
