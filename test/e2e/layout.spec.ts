/**
 * Fullscreen at any size from 1024×768 to 3840×2160, at 100–200 % scaling: the error screen (the
 * fullest ESP state) keeps every text and action on screen, with nothing overlapping.
 */
import type { Page } from '@playwright/test';
import { bundledScenario, expect, test } from './preview';

const sizes = [
  { name: '1024×768 at 100 %', width: 1024, height: 768, scale: 1 },
  { name: '1920×1080 at 150 %', width: 1280, height: 720, scale: 1.5 },
  { name: '2560×1440 at 125 %', width: 2048, height: 1152, scale: 1.25 },
  { name: '3840×2160 at 200 %', width: 1920, height: 1080, scale: 2 },
  { name: '3840×2160 at 100 %', width: 3840, height: 2160, scale: 1 },
];

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxes(page: Page, testIds: string[]): Promise<Record<string, Box>> {
  const result: Record<string, Box> = {};
  for (const id of testIds) {
    // The category list is a scrolling box (§1.6: content box 55vh, scrollable): measure the box itself.
    const locator = id === 'categories' ? page.locator('.esp-content') : page.getByTestId(id);
    const box = await locator.boundingBox();
    expect(box, `${id} is laid out`).not.toBeNull();
    result[id] = box!;
  }
  return result;
}

test.use({ previewArgs: ['--scenario', bundledScenario('user-driven-app-fails.json'), '--speed', '1'] });

for (const size of sizes) {
  for (const look of ['windows10', 'windows11'] as const) {
    test(`the error screen fits without clipping or overlap: ${size.name}, ${look}`, async ({ browser, preview }) => {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: size.scale,
      });
      const page = await context.newPage();
      await page.request.post(new URL('/api/command', preview.url).toString(), {
        data: { type: 'pause' },
        headers: preview.commandHeaders,
      });
      const snapshot = await (await page.request.get(new URL('/api/snapshot', preview.url).toString())).json();
      const error = snapshot.moments.find((m: { label: string }) => m.label === 'Error screen');
      await page.request.post(new URL('/api/command', preview.url).toString(), {
        data: { type: 'seek', seconds: error.t },
        headers: preview.commandHeaders,
      });
      await page.request.post(new URL('/api/command', preview.url).toString(), {
        data: { type: 'setLook', look },
        headers: preview.commandHeaders,
      });
      await page.goto(preview.url);
      await page.getByRole('button', { name: 'Device setup Show details' }).click();

      // The look follows the release: Windows 10 offers Collect logs where Windows 11 offers View diagnostics.
      const logs = look === 'windows10' ? 'action-collectLogs' : 'action-viewDiagnostics';
      const ids = [
        'error-message',
        'categories',
        'action-resetDevice',
        'action-tryAgain',
        'action-continueAnyway',
        logs,
      ];
      const laidOut = await boxes(page, ids);
      for (const [id, box] of Object.entries(laidOut)) {
        expect(box.x, `${id} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${id} ends on screen`).toBeLessThanOrEqual(size.width + 0.5);
      }
      const actions = ['action-resetDevice', 'action-tryAgain', 'action-continueAnyway', logs];
      for (const id of actions)
        expect(laidOut[id]!.y + laidOut[id]!.height, `${id} is above the bottom edge`).toBeLessThanOrEqual(
          size.height + 0.5,
        );
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++)
          expect(overlaps(laidOut[ids[i]!]!, laidOut[ids[j]!]!), `${ids[i]} and ${ids[j]} overlap`).toBe(false);
      }
      // Whatever the list cannot show at once, it scrolls to.
      await page.getByTestId('phase-accountSetup').scrollIntoViewIfNeeded();
      // Windows 10 draws no Show details while a category reads Previous step failed (CXH); the category itself shows.
      if (look === 'windows10') await expect(page.getByTestId('phase-accountSetup')).toBeInViewport();
      else await expect(page.getByRole('button', { name: 'Account setup Show details' })).toBeInViewport({ ratio: 1 });
      const scroll = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(scroll.width, 'no horizontal scrolling').toBeLessThanOrEqual(scroll.inner);
      await context.close();
    });
  }
}

test('the keyboard reaches every control of the error screen in reading order, with a visible focus', async ({
  page,
  preview,
}) => {
  await page.request.post(new URL('/api/command', preview.url).toString(), {
    data: { type: 'pause' },
    headers: preview.commandHeaders,
  });
  const snapshot = await (await page.request.get(new URL('/api/snapshot', preview.url).toString())).json();
  const error = snapshot.moments.find((m: { label: string }) => m.label === 'Error screen');
  await page.request.post(new URL('/api/command', preview.url).toString(), {
    data: { type: 'seek', seconds: error.t },
    headers: preview.commandHeaders,
  });
  await page.goto(preview.url);
  await expect(page.getByTestId('error-message')).toBeVisible();

  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    order.push((await focused.getAttribute('aria-label')) ?? (await focused.innerText()).trim());
    const style = await focused.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' };
    });
    expect(style.outline || style.shadow, `focus is visible on ${order.at(-1)}`).toBe(true);
  }
  expect(order).toEqual([
    'Device preparation Show details',
    'Device setup Show details',
    'Account setup Show details',
    'View diagnostics',
    'Continue anyway',
    'Reset device',
    'Try again',
  ]);
});
