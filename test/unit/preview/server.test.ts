/**
 * The browser preview's HTTP server, started in-process from source (as electron/preview/index.ts
 * builds it) over a temporary renderer folder: what a browser, curl or another local program gets back.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogCollector } from '../../../electron/core/logbundle/collect';
import { silentLogger } from '../../../electron/core/logging/logger';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { Scenario } from '../../../electron/core/scenario/model';
import { Session } from '../../../electron/core/session/session';
import type { PreviewServer } from '../../../electron/preview/server';
import { preloadLinks, startPreviewServer } from '../../../electron/preview/server';
import type { Snapshot } from '../../../shared/snapshot';

const root = join(import.meta.dirname, '..', '..', '..');
const PAGE =
  '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>ESP Simulator</title>\n    <script type="module" src="./assets/app.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

let scenario: Scenario;
let rendererDir: string;
const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esp-preview-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  const loaded = await loadScenarioFile(join(root, 'resources', 'scenarios', 'default.json'));
  if (loaded.kind !== 'valid') throw new Error('the bundled default scenario does not load');
  scenario = loaded.scenario;
  rendererDir = folder();
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};\n');
});
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Running {
  server: PreviewServer;
  session: Session;
  url: URL;
}
const running: Running[] = [];
afterEach(async () => {
  for (const { server, session } of running.splice(0)) {
    session.dispose();
    await server.close();
  }
});

async function start(): Promise<Running> {
  const session = new Session({ scenario, logCollector: createLogCollector(null) });
  const server = await startPreviewServer({ session, rendererDir, host: '127.0.0.1', port: 0, logger: silentLogger });
  const started = { server, session, url: new URL(server.url) };
  running.push(started);
  return started;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request (node:http adds no Origin and leaves the path as written). */
function send(
  url: URL,
  method: string,
  path: string,
  options: { headers?: OutgoingHttpHeaders; body?: string | Buffer; chunks?: () => AsyncIterable<Buffer> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: url.hostname, port: url.port, method, path, headers: options.headers ?? {} }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    // The server may answer before the whole body is sent and close: that is the answer, not an error.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.chunks) {
      void (async () => {
        for await (const chunk of options.chunks!()) {
          if (answered || req.destroyed) break;
          if (!req.write(chunk)) await new Promise((r) => req.once('drain', r).once('close', r));
        }
        req.end();
      })().catch(() => {});
    } else {
      req.end(options.body);
    }
  });
}

async function tokenOf(url: URL): Promise<string> {
  const page = await send(url, 'GET', '/');
  const token = /<meta name="esp-sim-token" content="([^"]+)" \/>/.exec(page.body)?.[1];
  if (!token) throw new Error(`no token in the page:\n${page.body}`);
  return token;
}

/** A command as the page's bridge sends it, with any header replaced or removed (undefined). */
async function command(
  url: URL,
  body: unknown,
  headers: Record<string, string | number | undefined> = {},
): Promise<Answer & { json: { ok: boolean; error?: string } }> {
  const text = JSON.stringify(body);
  const all: OutgoingHttpHeaders = {
    'content-type': 'application/json',
    'x-esp-sim-token': await tokenOf(url),
    'content-length': Buffer.byteLength(text),
  };
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) delete all[name];
    else all[name] = value;
  }
  const answer = await send(url, 'POST', '/api/command', { headers: all, body: text });
  return { ...answer, json: JSON.parse(answer.body) as { ok: boolean; error?: string } };
}

describe('a command body far larger than a command', () => {
  it('50 MB with its length declared: 413 "command too large", not a connection reset', async () => {
    const { url, session } = await start();
    const response = await fetch(new URL('/api/command', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-esp-sim-token': await tokenOf(url) },
      body: Buffer.alloc(50 * 1024 * 1024, 0x20),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'command too large: a command is at most 4096 bytes',
    });
    expect(session.snapshot().clock.paused).toBe(false);
  });

  it('50 MB streamed without a length: 413 too, once it passes 4 KB', async () => {
    const { url } = await start();
    const token = await tokenOf(url);
    let sent = 0;
    const answer = await send(url, 'POST', '/api/command', {
      headers: { 'content-type': 'application/json', 'x-esp-sim-token': token, 'transfer-encoding': 'chunked' },
      async *chunks() {
        for (; sent < 50 * 1024 * 1024; sent += 64 * 1024) yield Buffer.alloc(64 * 1024, 0x20);
      },
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: expect.stringContaining('command too large') });
    // The server stopped reading: the client did not get to send the 50 MB.
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });
});

describe('paths', () => {
  it('a malformed percent-encoding (/%E0%A4%A) is a 400 Bad request, not a 500', async () => {
    const { url } = await start();
    const answer = await send(url, 'GET', '/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/^Bad request: the path is not valid percent-encoding/);
    // The server is still there.
    expect((await send(url, 'GET', '/assets/app.js')).status).toBe(200);
  });
});

describe('the content type of a command', () => {
  it('application/jsonp is refused with 415', async () => {
    const { url, session } = await start();
    const answer = await command(url, { type: 'pause' }, { 'content-type': 'application/jsonp' });
    expect(answer.status).toBe(415);
    expect(answer.json).toEqual({ ok: false, error: 'invalid command: send it as application/json' });
    expect(session.snapshot().clock.paused).toBe(false);
  });

  it('application/json-seq, text/plain and none at all are refused with 415 too', async () => {
    const { url } = await start();
    for (const type of ['application/json-seq', 'text/plain', 'application/jsonx; charset=utf-8', undefined]) {
      expect((await command(url, { type: 'pause' }, { 'content-type': type })).status, String(type)).toBe(415);
    }
  });

  it('application/json, with parameters or in capitals, is taken', async () => {
    const { url, session } = await start();
    expect((await command(url, { type: 'pause' }, { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(
      200,
    );
    expect(session.snapshot().clock.paused).toBe(true);
  });
});

describe('only the page this preview served can send commands', () => {
  it('the page carries a per-launch token in a meta tag, and keeps its strict CSP with no inline script', async () => {
    const { url } = await start();
    const page = await send(url, 'GET', '/');
    expect(page.status).toBe(200);
    const token = await tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The page's snapshot (a JSON data block) is checked on its own ("the page carries the snapshot", below).
    const block = /<script type="application\/json" id="esp-sim-snapshot">[^<]*<\/script>\n/;
    expect(page.body.replace(block, '')).toBe(
      PAGE.replace('</head>', `<meta name="esp-sim-token" content="${token}" />\n</head>`),
    );
    expect(page.headers['content-security-policy']).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await send(url, 'GET', '/operator')).body).toContain(`content="${token}"`);
    expect((await send(url, 'GET', '/index.html')).body).toContain(`content="${token}"`);
    // Another launch draws another token.
    const other = await start();
    expect(await tokenOf(other.url)).not.toBe(token);
  });

  it('a command without the token (a local program, no Origin header) is refused with 403', async () => {
    const { url, session } = await start();
    const answer = await command(url, { type: 'pause' }, { 'x-esp-sim-token': undefined });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual({
      ok: false,
      error: 'commands come only from the page this preview serves: reload it',
    });
    expect(session.snapshot().clock.paused).toBe(false);
  });

  it("a command with another launch's token, or a wrong one, is refused with 403", async () => {
    const { url, session } = await start();
    const other = await start();
    const token = await tokenOf(url);
    for (const wrong of [await tokenOf(other.url), token.slice(1), `${token}x`, 'x'.repeat(token.length)]) {
      expect((await command(url, { type: 'pause' }, { 'x-esp-sim-token': wrong })).status, wrong).toBe(403);
    }
    expect(session.snapshot().clock.paused).toBe(false);
    expect((await command(url, { type: 'pause' })).status).toBe(200);
    expect(session.snapshot().clock.paused).toBe(true);
  });

  it('a command with the token from another site is still refused (403), and another host name still gets 421', async () => {
    const { url, session } = await start();
    expect((await command(url, { type: 'pause' }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await send(url, 'GET', '/api/snapshot', { headers: { host: 'attacker.example' } })).status).toBe(421);
    expect(session.snapshot().clock.paused).toBe(false);
  });
});

describe('Export logs from the browser preview', () => {
  it('a relative path is refused: "is not an absolute path", and nothing is written where the server runs', async () => {
    const { url, session } = await start();
    const answer = await command(url, { type: 'exportLogs', destination: 'logs' });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe(
      '"logs" is not an absolute path: type the full path of a folder on the machine running the preview.',
    );
    expect(session.snapshot().logExport).toEqual({ state: 'idle' });
    expect(existsSync(join(process.cwd(), 'logs', 'MDMDiagReport.zip'))).toBe(false);
  });

  it('a folder that does not exist is refused: "does not exist"', async () => {
    const { url, session } = await start();
    const missing = join(folder(), 'E-drive');
    const answer = await command(url, { type: 'exportLogs', destination: missing });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe(`"${missing}" does not exist on the machine running the preview.`);
    expect(session.snapshot().logExport).toEqual({ state: 'idle' });
  });

  it('a file is refused: "is a file, not a folder"', async () => {
    const { url, session } = await start();
    const file = join(folder(), 'notes.txt');
    writeFileSync(file, 'x');
    const answer = await command(url, { type: 'exportLogs', destination: file });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe(`"${file}" is a file, not a folder.`);
    expect(session.snapshot().logExport).toEqual({ state: 'idle' });
  });

  it('the absolute path of a folder that exists gets the log bundle', async () => {
    const { url, session } = await start();
    const dir = folder();
    const answer = await command(url, { type: 'exportLogs', destination: dir });
    expect(answer).toMatchObject({ status: 200, json: { ok: true } });
    const deadline = Date.now() + 10_000;
    while (session.snapshot().logExport.state !== 'succeeded' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(session.snapshot().logExport).toMatchObject({ state: 'succeeded', path: join(dir, 'MDMDiagReport.zip') });
    expect(existsSync(join(dir, 'MDMDiagReport.zip'))).toBe(true);
  });
});

describe('the page carries the snapshot, so its first frame waits for no request', () => {
  const BLOCK = /<script type="application\/json" id="esp-sim-snapshot">([^<]*)<\/script>/g;
  /** Scenario text that would end the data block, open a comment, or be read as a `String.replace` pattern. */
  const HOSTILE = "Kiosk </script><script>alert(1)</script> <!-- $' $& $` \u2028\u2029 </SCRIPT >";

  async function startWithName(name: string): Promise<Running> {
    const session = new Session({ scenario: { ...scenario, name }, logCollector: createLogCollector(null) });
    const server = await startPreviewServer({ session, rendererDir, host: '127.0.0.1', port: 0, logger: silentLogger });
    const started = { server, session, url: new URL(server.url) };
    running.push(started);
    return started;
  }

  function blocksOf(html: string): string[] {
    return [...html.matchAll(BLOCK)].map((m) => m[1]!);
  }

  it('/ and /operator hold one JSON data block with the session snapshot of the moment, under the same strict CSP', async () => {
    const { url, session } = await start();
    session.handle({ type: 'setLanguage', language: 'de' });
    const before = session.snapshot().revision;
    for (const path of ['/', '/operator', '/index.html']) {
      const page = await send(url, 'GET', path);
      const blocks = blocksOf(page.body);
      expect(blocks, path).toHaveLength(1);
      const snapshot = JSON.parse(blocks[0]!) as Snapshot;
      expect(snapshot.revision, path).toBeGreaterThan(before);
      expect(snapshot.language, path).toBe('de');
      expect(snapshot.scenario.name, path).toBe(scenario.name);
      expect(page.headers['content-security-policy']).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(page.headers['content-security-policy']).not.toMatch(/unsafe-inline|sha256-|nonce-/);
    }
  });

  it('the page is served with a Link header that preloads its entry script (the CSP meta tag holds the scanner back)', async () => {
    const { url } = await start();
    expect((await send(url, 'GET', '/')).headers.link).toBe('<./assets/app.js>; rel=modulepreload');
    expect(
      preloadLinks(
        '<head><meta http-equiv="Content-Security-Policy" content="x" /><script type="module" crossorigin src="./assets/index-A1.js"></script>' +
          '<link rel="stylesheet" crossorigin href="./assets/index-B2.css"></head>',
      ),
    ).toBe('<./assets/index-A1.js>; rel=modulepreload, <./assets/index-B2.css>; rel=preload; as=style; crossorigin');
    expect(preloadLinks('<link rel="stylesheet" href="/a.css">')).toBe('</a.css>; rel=preload; as=style');
    expect(preloadLinks('<p>no scripts</p>')).toBeNull();
  });

  it('a scenario name with </script><script>alert(1)</script> stays text inside the block, and reads back as written', async () => {
    const { url } = await startWithName(HOSTILE);
    const page = await send(url, 'GET', '/');
    expect(page.status).toBe(200);
    // Nothing of the name reaches the HTML parser as markup: the page has its own script, the block, and no other.
    expect(page.body).not.toContain('alert(1)</script>');
    expect(page.body).not.toContain('<!--');
    expect(page.body.match(/<script\b/gi)).toHaveLength(2);
    expect(page.body.match(/<\/script/gi)).toHaveLength(2);
    const [block] = blocksOf(page.body);
    expect(block).not.toMatch(/[<>\u2028\u2029]/);
    expect(block).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(block).toContain('\\u2028\\u2029');
    const snapshot = JSON.parse(block!) as Snapshot;
    expect(snapshot.scenario.name).toBe(HOSTILE);
    // `$'`, `$&` and `` $` `` went in as text: the page around the block is the file, the token and the block only.
    expect(page.body.replace(BLOCK, '').replace(/<meta name="esp-sim-token" content="[^"]+" \/>\n\n/, '')).toBe(PAGE);
  });
});
