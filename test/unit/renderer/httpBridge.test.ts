/**
 * The browser preview's bridge sends every command with the token the preview put in the page: without
 * it the server refuses the command (test/unit/preview/server.test.ts), so the page would stop working.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '../../../renderer/src/bridge/httpBridge';

afterEach(() => vi.unstubAllGlobals());

function pageWithToken(token: string | null): void {
  vi.stubGlobal('document', {
    querySelector: (selector: string) =>
      selector === 'meta[name="esp-sim-token"]' && token !== null ? { content: token } : null,
  });
}

function recordedFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify({ ok: true }), { headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

describe('commands from the preview page', () => {
  it("carry the page's token in X-ESP-Sim-Token, as JSON", async () => {
    pageWithToken('launch-token-1');
    const calls = recordedFetch();
    expect(await createHttpBridge().pause()).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/command');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.headers).toMatchObject({
      'content-type': 'application/json',
      'x-esp-sim-token': 'launch-token-1',
    });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ type: 'pause' });
  });

  it("the server's refusal of a page without a token reaches the screen as its reason", async () => {
    pageWithToken(null);
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({ ok: false, error: 'commands come only from the page this preview serves: reload it' }),
          {
            status: 403,
          },
        ),
    );
    expect(await createHttpBridge().exportLogs('/media/usb')).toEqual({
      ok: false,
      error: 'commands come only from the page this preview serves: reload it',
    });
  });
});
