/**
 * One Content-Security-Policy, stated twice: the page's meta tag (static HTML) and the header of
 * every `esp-sim://` response the desktop shell serves. Both must be shared/csp.ts's string. The
 * protocol handler runs here with Electron's `protocol` and `net` stubbed (no Electron binary on
 * this machine): net.fetch becomes a read of the file it is asked for.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import type { Snapshot } from '../../../shared/snapshot';

const handlers = new Map<string, (request: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => handlers.set(scheme, handler),
    registerSchemesAsPrivileged: () => undefined,
  },
  net: {
    fetch: async (url: string) =>
      new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'content-type': 'text/html' } }),
  },
}));
const { registerRendererProtocol, RENDERER_PROTOCOL } = await import('../../../electron/desktop/main/security');

const root = join(import.meta.dirname, '..', '..', '..');

function metaPolicy(html: string): string | undefined {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(html);
  return meta?.[1];
}

describe('the renderer page states the shared policy', () => {
  it('renderer/index.html has exactly one CSP meta tag, identical to shared/csp.ts', () => {
    const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
    expect(html.match(/http-equiv="Content-Security-Policy"/gi)).toHaveLength(1);
    expect(metaPolicy(html)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the policy allows no inline script, no eval and no remote origin', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('every esp-sim:// response carries the same policy as a header', () => {
  let rendererDir: string;
  beforeAll(() => {
    rendererDir = mkdtempSync(join(tmpdir(), 'esp-protocol-'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), readFileSync(join(root, 'renderer', 'index.html')));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};\n');
    registerRendererProtocol(rendererDir);
  });
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

  const get = (url: string): Promise<Response> => handlers.get(RENDERER_PROTOCOL)!(new Request(url));

  it.each([
    ['the page', 'esp-sim://app/', 200],
    ['the page, for the operator console', 'esp-sim://app/#/operator', 200],
    ['a script', 'esp-sim://app/assets/app.js', 200],
    ['a file that is not there', 'esp-sim://app/assets/missing.js', 404],
    ['a path out of the renderer folder', 'esp-sim://app/..%2f..%2fetc%2fpasswd', 403],
    ['broken percent-encoding', 'esp-sim://app/%E0%A4%A', 400],
  ])('%s (%s): %i', async (_what, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the page served and its header state the same policy', async () => {
    const response = await get('esp-sim://app/');
    expect(metaPolicy(await response.text())).toBe(response.headers.get('content-security-policy'));
  });
});

describe('the desktop page carries the session snapshot, as the preview does', () => {
  let rendererDir: string;
  let revision = 0;
  const name = 'Kiosk </script><script>alert(1)</script> \u2028';
  beforeAll(() => {
    rendererDir = mkdtempSync(join(tmpdir(), 'esp-protocol-snapshot-'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), readFileSync(join(root, 'renderer', 'index.html')));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};\n');
    // Only what the page's block needs: a revision that moves and text that must stay text.
    registerRendererProtocol(rendererDir, () => ({ revision: ++revision, scenario: { name } }) as unknown as Snapshot);
  });
  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

  const get = (url: string): Promise<Response> => handlers.get(RENDERER_PROTOCOL)!(new Request(url));
  const block = /<script type="application\/json" id="esp-sim-snapshot">([^<]*)<\/script>/g;

  it.each(['esp-sim://app/', 'esp-sim://app/#/operator', 'esp-sim://app/index.html'])(
    '%s: one data block with the snapshot of the moment, the policy unchanged, never cached',
    async (url) => {
      const before = revision;
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(metaPolicy(html)).toBe(CONTENT_SECURITY_POLICY);
      const blocks = [...html.matchAll(block)].map((m) => m[1]!);
      expect(blocks).toHaveLength(1);
      expect(html).not.toContain('alert(1)</script>');
      expect(JSON.parse(blocks[0]!)).toEqual({ revision: before + 1, scenario: { name } });
    },
  );

  it('scripts and other files are served as they are, without a snapshot', async () => {
    const before = revision;
    expect(await (await get('esp-sim://app/assets/app.js')).text()).toBe('export {};\n');
    expect(revision).toBe(before);
  });
});
