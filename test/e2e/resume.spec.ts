/**
 * The session runs in the host, not in the page (README, "Crash recovery"): a page that is reloaded or closed and
 * opened again, or whose event stream the server drops, comes back to the same run at the same simulated time and
 * follows it on. The Electron shell's crash recovery (reload on render-process-gone) is test/electron/kiosk.spec.ts.
 */
import type { Page } from '@playwright/test';
import type { Preview } from './preview';
import { bundledScenario, expect, startPreview, test } from './preview';

interface Snap {
  runId: number;
  screen: { kind: string };
  clock: { elapsedSeconds: number; paused: boolean };
}

interface Counts {
  listeners: number;
  streams: number;
}

/** The preview with its debug counts on (subscribers and open event streams). */
async function withPreview(args: string[], body: (preview: Preview) => Promise<void>): Promise<void> {
  const preview = await startPreview(args, { ESP_SIM_DEBUG_COUNTS: '1' });
  try {
    await body(preview);
  } finally {
    await preview.stop();
  }
}

async function snapshot(preview: Preview): Promise<Snap> {
  return (await (await fetch(`${preview.url}api/snapshot`)).json()) as Snap;
}

async function counts(preview: Preview): Promise<Counts> {
  return (await (await fetch(`${preview.url}api/debug/counts`)).json()) as Counts;
}

async function command(preview: Preview, body: object): Promise<void> {
  const response = await fetch(`${preview.url}api/command`, {
    method: 'POST',
    headers: { ...preview.commandHeaders, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** What the device screen shows: the screen and each category's status line. */
async function visibleState(page: Page): Promise<string> {
  const screen = await page.locator('main[data-screen]').getAttribute('data-screen');
  const statuses = await page.locator('[data-testid^="phase-status-"]').allTextContents();
  return `${screen}: ${statuses.join(' | ')}`;
}

// Hybrid join runs for half an hour of simulated time: at speed 20 the ESP is on screen for about a minute.
const LONG_RUN = ['--scenario', bundledScenario('hybrid-join.json'), '--speed', '20'];

test.describe('a page that goes away mid-run', () => {
  test('reloaded, it shows the same screen at the same time, and the run goes on from there', async ({ page }) => {
    await withPreview(LONG_RUN, async (preview) => {
      await page.goto(preview.url);
      await expect(page.locator('main')).toHaveAttribute('data-screen', 'esp');
      await expect
        .poll(async () => (await snapshot(preview)).clock.elapsedSeconds, { timeout: 30_000 })
        .toBeGreaterThan(60);

      // Held still, the screen after the reload is exactly the one before.
      await command(preview, { type: 'pause' });
      await expect.poll(async () => (await snapshot(preview)).clock.paused).toBe(true);
      const before = await snapshot(preview);
      await expect.poll(() => visibleState(page)).toContain('esp:');
      const shown = await visibleState(page);
      await page.reload();
      await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
      await expect.poll(() => visibleState(page)).toBe(shown);
      const after = await snapshot(preview);
      expect(after.runId).toBe(before.runId);
      expect(after.clock.elapsedSeconds).toBe(before.clock.elapsedSeconds);

      // Running, a reload does not start the run over: the time keeps going from where it was.
      await command(preview, { type: 'resume' });
      await expect
        .poll(async () => (await snapshot(preview)).clock.elapsedSeconds)
        .toBeGreaterThan(before.clock.elapsedSeconds);
      const running = await snapshot(preview);
      await page.reload();
      await expect(page.locator('main')).toHaveAttribute('data-screen', /esp|restarting|signIn/);
      const resumed = await snapshot(preview);
      expect(resumed.runId).toBe(running.runId);
      expect(resumed.clock.elapsedSeconds).toBeGreaterThanOrEqual(running.clock.elapsedSeconds);
      // The reloaded page keeps following the run: the screen changes as the ESP goes on.
      const now = await visibleState(page);
      await expect.poll(() => visibleState(page), { timeout: 60_000 }).not.toBe(now);
      // One page, one stream: the old page's stream was closed, not left behind.
      await expect.poll(async () => (await counts(preview)).streams).toBe(1);
      expect((await counts(preview)).listeners).toBe(1);
    });
  });

  test('closed and opened again, it comes back to the run where it is', async ({ context }) => {
    await withPreview(LONG_RUN, async (preview) => {
      const first = await context.newPage();
      await first.goto(preview.url);
      await expect(first.locator('main')).toHaveAttribute('data-screen', 'esp');
      await expect
        .poll(async () => (await snapshot(preview)).clock.elapsedSeconds, { timeout: 30_000 })
        .toBeGreaterThan(30);
      const before = await snapshot(preview);
      await first.close();
      await expect.poll(async () => (await counts(preview)).streams).toBe(0);

      const again = await context.newPage();
      await again.goto(preview.url);
      await expect(again.locator('#root')).toHaveAttribute('data-app-state', 'ready');
      const after = await snapshot(preview);
      expect(after.runId).toBe(before.runId);
      expect(after.clock.elapsedSeconds).toBeGreaterThanOrEqual(before.clock.elapsedSeconds);
      await expect.poll(async () => (await counts(preview)).streams).toBe(1);
    });
  });
});

test.describe('an event stream the server drops', () => {
  test('reconnects by itself and the screen follows the run again', async ({ page }) => {
    await withPreview(LONG_RUN, async (preview) => {
      await page.goto(preview.url);
      await expect(page.locator('main')).toHaveAttribute('data-screen', 'esp');
      await expect.poll(async () => (await counts(preview)).streams).toBe(1);

      const dropped = await fetch(`${preview.url}api/debug/drop-streams`, {
        method: 'POST',
        headers: preview.commandHeaders,
      });
      expect(await dropped.json()).toEqual({ ok: true, dropped: 1 });
      // The page opens a new stream on its own.
      await expect.poll(async () => (await counts(preview)).streams, { timeout: 15_000 }).toBe(1);

      // What the session does next reaches the screen only through that new stream.
      await command(preview, { type: 'setLook', look: 'windows10' });
      await expect(page.locator('main')).toHaveAttribute('data-look', 'windows10');
      await command(preview, { type: 'setLook', look: 'windows11' });
      await expect(page.locator('main')).toHaveAttribute('data-look', 'windows11');
    });
  });
});
