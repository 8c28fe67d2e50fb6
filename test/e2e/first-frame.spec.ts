/**
 * The device screen's first frame comes from the page the preview serves (its snapshot in a JSON data block), not
 * from a request: the ESP is drawn while the event stream and the snapshot request are both held unanswered, the
 * page never shows "loading" first, and once the stream is let through it carries every change as before (here the
 * operator's language switch, which the screens follow without react-i18next). The page's script holds the ESP
 * only: the other screens come in a chunk fetched after the ESP's first frame, and a page opened on one of them is
 * ready once it is drawn.
 */
import type { Route } from '@playwright/test';
import { bundledScenario, expect, test } from './preview';

test.describe('the first frame needs no request to the host', () => {
  test.use({ previewArgs: ['--speed', '1'] });

  test('draws the ESP with /api/events and /api/snapshot held, then follows the stream once it flows', async ({
    page,
    preview,
  }) => {
    const held: Route[] = [];
    await page.route(/\/api\/(events|snapshot)$/, (route) => void held.push(route));
    // Every screen the root shows, from the first; a page that waited for a snapshot would show "loading" first.
    await page.addInitScript(() => {
      const screens: string[] = [];
      (window as unknown as { __screens: string[] }).__screens = screens;
      new MutationObserver(() => {
        const screen = document.querySelector('#root main')?.getAttribute('data-screen');
        if (screen && screens.at(-1) !== screen) screens.push(screen);
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });

    await page.goto(preview.url);
    await expect(page.locator('main[data-screen="esp"]')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Setting up for work or school');
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
    expect(await page.evaluate(() => performance.getEntriesByName('esp-first-frame').length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __screens: string[] }).__screens)).toEqual(['esp']);
    // Both requests were made and are still unanswered: the frame did not come from them.
    expect(held.map((r) => new URL(r.request().url()).pathname).sort()).toEqual(['/api/events', '/api/snapshot']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // Let them through: the stream takes over and brings the operator's language switch to the open page.
    for (const route of held.splice(0)) await route.continue();
    await page.unroute(/\/api\/(events|snapshot)$/);
    const switched = await page.request.post(new URL('/api/command', preview.url).toString(), {
      data: { type: 'setLanguage', language: 'de' },
      headers: preview.commandHeaders,
    });
    expect(switched.ok()).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einrichtung für Arbeit oder Schule');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.request.post(new URL('/api/command', preview.url).toString(), {
      data: { type: 'setLanguage', language: 'fr' },
      headers: preview.commandHeaders,
    });
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    expect(await page.evaluate(() => (window as unknown as { __screens: string[] }).__screens)).toEqual(['esp']);
  });

  test('the operator console draws from the page too, with the same requests held', async ({ page, preview }) => {
    await page.route(/\/api\/(events|snapshot)$/, () => undefined);
    await page.goto(new URL('/operator', preview.url).toString());
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ESP Simulator operator console');
    await expect(page.getByText('Connecting to the simulator')).toHaveCount(0);
  });
});

test.describe('the other screens come after the first frame', () => {
  test.use({ previewArgs: ['--speed', '1'] });

  test('the ESP draws before the other screens are fetched, and they are in soon after', async ({ page, preview }) => {
    await page.goto(preview.url);
    await expect(page.locator('main[data-screen="esp"]')).toBeVisible();
    const timing = await page.waitForFunction(() => {
      const mark = performance.getEntriesByName('esp-first-frame')[0];
      const chunk = performance
        .getEntriesByType('resource')
        .find((entry) => /\/assets\/otherScreens-[^/]+\.js$/.test(entry.name));
      return mark && chunk ? { mark: mark.startTime, fetched: chunk.startTime } : null;
    });
    const { mark, fetched } = (await timing.jsonValue())!;
    expect(fetched).toBeGreaterThan(mark);
  });
});

test.describe('a page opened on another screen than the ESP', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('pre-provisioning-success.json'), '--speed', '1'] });

  test('draws that screen, and is ready only once it is drawn', async ({ page, preview }) => {
    // What the root holds at the moment it says ready.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const root = document.getElementById('root');
        if (root?.getAttribute('data-app-state') !== 'ready') return;
        (window as unknown as { __atReady: string | null }).__atReady =
          root.querySelector('main')?.getAttribute('data-screen') ?? null;
        observer.disconnect();
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app-state'] });
    });
    await page.goto(preview.url);
    await expect(page.locator('main[data-screen="preProvisioningOptions"]')).toBeVisible();
    await expect(page.getByText('Windows Autopilot provisioning')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __atReady?: string | null }).__atReady)).toBe(
      'preProvisioningOptions',
    );
  });
});
