/**
 * Kiosk demos in the browser preview (README, "Kiosk demos"): a playlist that loops, the device screen's lockdown
 * (idle cursor, right-click, drag and drop, the keys a page can catch), leaving with Ctrl+Alt+Shift+Q and the PIN,
 * the console's "Kiosk playlist" panel, and the settings remembered between launches.
 */
import type { Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Preview } from './preview';
import { bundledScenario, expect, startPreview, test } from './preview';

function settingsFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'esp-e2e-kiosk-')), 'settings.json');
}

async function withPreview(args: string[], body: (preview: Preview) => Promise<void>): Promise<void> {
  const preview = await startPreview(args);
  try {
    await body(preview);
  } finally {
    await preview.stop();
  }
}

/** Records every screen the device page shows, so a fast playlist can be checked afterwards. */
async function recordScreens(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __screens: string[] }).__screens = seen;
    const observe = (): void => {
      const screen = document.querySelector('main[data-screen]')?.getAttribute('data-screen');
      if (screen && seen.at(-1) !== screen) seen.push(screen);
    };
    new MutationObserver(observe).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

const screensSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __screens: string[] }).__screens);

/** Whether the page refused the default action of the last event of `type` (recorded by `watchDefaults`). */
async function watchDefaults(page: Page): Promise<void> {
  await page.evaluate(() => {
    const refused: Record<string, boolean> = {};
    (window as unknown as { __refused: typeof refused }).__refused = refused;
    for (const type of ['contextmenu', 'keydown', 'dragover', 'drop', 'dragstart', 'wheel']) {
      document.addEventListener(type, (event) => {
        refused[type === 'keydown' ? `key:${(event as KeyboardEvent).key}` : type] = event.defaultPrevented;
      });
    }
  });
}

const refused = (page: Page): Promise<Record<string, boolean>> =>
  page.evaluate(() => (window as unknown as { __refused: Record<string, boolean> }).__refused);

/** Drags a file onto the page as a person would (dragover then drop). */
async function dropFileOnPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'evil.html', { type: 'text/html' }));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  });
}

test.describe('a kiosk playlist', () => {
  test('loops through the scenarios, skipping the one it cannot use, and names it with its path and why', async ({
    page,
  }) => {
    const broken = join(mkdtempSync(join(tmpdir(), 'esp-e2e-playlist-')), 'broken.json');
    writeFileSync(broken, '{ "schemaVersion": 1, ');
    const playlist = [bundledScenario('default.json'), broken, bundledScenario('self-deploying-kiosk.json')].join(',');
    await withPreview(['--kiosk', '--playlist', playlist, '--loop', '1', '--speed', '10000'], async (preview) => {
      await recordScreens(page);
      await page.goto(preview.url);
      // The default ends on the desktop, the self-deploying one in its kiosk app; then the first comes round again.
      await expect
        .poll(async () => (await screensSeen(page)).filter((s) => s === 'desktop' || s === 'kiosk').join(' '), {
          timeout: 30_000,
        })
        .toMatch(/desktop kiosk desktop/);
      expect(preview.output()).toContain(`skipped ${broken}: not a valid scenario`);
      // The device screen shows no banner for the skipped file: the demo simply goes on.
      await expect(page.getByText('The requested scenario could not be used')).toHaveCount(0);
    });
  });

  test('is set up in the console panel, plays at once, and is remembered for the next kiosk launch', async ({
    page,
    context,
  }) => {
    const settings = settingsFile();
    await withPreview(['--settings', settings, '--speed', '10000'], async (preview) => {
      await recordScreens(page);
      await page.goto(preview.url);
      await expect(page.locator('main')).toHaveAttribute('data-screen', 'desktop', { timeout: 30_000 });

      const console = await context.newPage();
      await console.goto(`${preview.url}operator`);
      const panel = console.getByTestId('kiosk-panel');
      await expect(panel.getByRole('heading', { name: 'Kiosk playlist' })).toBeVisible();
      const add = panel.getByLabel('Add');
      await add.selectOption('bundled:self-deploying-kiosk');
      await panel.getByRole('button', { name: 'Add to playlist' }).click();
      await add.selectOption('bundled:default');
      await panel.getByRole('button', { name: 'Add to playlist' }).click();
      await expect(panel.getByLabel('Start the next run after')).toBeChecked();
      await panel.getByLabel('Pause after each run, in seconds').fill('1');
      await panel.getByRole('button', { name: 'Save and play from the first' }).click();
      await expect(panel.getByRole('status')).toHaveText('Playing the playlist from the first scenario.');
      await expect(panel.getByRole('list', { name: 'Scenarios in the playlist' }).getByRole('listitem')).toHaveCount(2);

      // The device screen goes to the self-deploying kiosk, then to the default's desktop, and round again.
      await expect
        .poll(async () => (await screensSeen(page)).join(' '), { timeout: 30_000 })
        .toMatch(/desktop.*kiosk.*desktop.*kiosk/);
      const remembered = JSON.parse(readFileSync(settings, 'utf8')) as { kiosk: unknown };
      expect(remembered.kiosk).toEqual({
        playlist: ['bundled:self-deploying-kiosk', 'bundled:default'],
        loopSeconds: 1,
      });
    });

    // The next kiosk launch starts on the remembered playlist.
    await withPreview(['--settings', settings, '--kiosk', '--speed', '10000'], async (preview) => {
      const next = await context.newPage();
      await next.goto(preview.url);
      await expect(next.locator('main')).toHaveAttribute('data-screen', 'kiosk', { timeout: 30_000 });
    });
  });
});

test.describe('the kiosk lockdown of the device screen', () => {
  test('hides the cursor after 3 s without movement and shows it again on the next move', async ({ page }) => {
    await withPreview(['--kiosk'], async (preview) => {
      await page.goto(preview.url);
      const html = page.locator('html');
      await expect(html).toHaveAttribute('data-kiosk', 'on');
      await page.mouse.move(200, 200);
      const moved = Date.now();
      await expect(html).toHaveAttribute('data-kiosk-cursor', 'shown');
      await expect(html).toHaveAttribute('data-kiosk-cursor', 'hidden', { timeout: 10_000 });
      expect(Date.now() - moved).toBeGreaterThanOrEqual(2_900);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).cursor)).toBe('none');
      await page.mouse.move(300, 260);
      await expect(html).toHaveAttribute('data-kiosk-cursor', 'shown');
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).cursor)).not.toBe('none');
    });
  });

  test('refuses right-click, drag and drop, reload, zoom and developer-tools keys', async ({ page }) => {
    await withPreview(['--kiosk'], async (preview) => {
      await page.goto(preview.url);
      await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'on');
      await watchDefaults(page);
      await page.locator('main').click({ button: 'right' });
      await dropFileOnPage(page);
      for (const key of [
        'F5',
        'Control+r',
        'F11',
        'F12',
        'Control+Shift+I',
        'Control+Equal',
        'Control+Minus',
        'Control+0',
      ])
        await page.keyboard.press(key);
      const seen = await refused(page);
      expect(seen).toMatchObject({
        contextmenu: true,
        dragover: true,
        drop: true,
        'key:F5': true,
        'key:r': true,
        'key:F11': true,
        'key:F12': true,
        'key:I': true,
        'key:=': true,
        'key:-': true,
        'key:0': true,
      });
      // The ESP's own keys still work: Tab moves the focus, digits reach the page.
      await page.keyboard.press('Tab');
      expect((await refused(page))['key:Tab']).toBe(false);
    });
  });

  test('without kiosk mode, the page leaves right-click and the keys alone', async ({ page }) => {
    await withPreview([], async (preview) => {
      await page.goto(preview.url);
      await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
      await watchDefaults(page);
      await page.locator('main').click({ button: 'right' });
      await page.keyboard.press('F5');
      expect(await refused(page)).toMatchObject({ contextmenu: false, 'key:F5': false });
      await expect(page.locator('html')).not.toHaveAttribute('data-kiosk', 'on');
    });
  });
});

test.describe('leaving kiosk mode', () => {
  test('Ctrl+Alt+Shift+Q leaves at once when no PIN is set', async ({ page }) => {
    await withPreview(['--kiosk'], async (preview) => {
      await page.goto(preview.url);
      await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'on');
      await page.keyboard.press('Control+Alt+Shift+KeyQ');
      await expect(page.locator('html')).not.toHaveAttribute('data-kiosk', 'on');
      await expect(page.getByRole('dialog', { name: 'Leave kiosk mode' })).toHaveCount(0);
      await expect.poll(() => preview.output()).toContain('kiosk mode left');
    });
  });

  test('with a PIN set in the console, asks for it on the device screen and remembers it, hashed', async ({
    page,
    context,
  }) => {
    const settings = settingsFile();
    await withPreview(['--kiosk', '--settings', settings], async (preview) => {
      const console = await context.newPage();
      await console.goto(`${preview.url}operator`);
      const panel = console.getByTestId('kiosk-panel');
      await expect(panel.getByTestId('kiosk-pin-state')).toContainText('No PIN');
      await panel.getByLabel('New PIN').fill('4711');
      await panel.getByRole('button', { name: 'Set PIN' }).click();
      await expect(panel.getByTestId('kiosk-pin-state')).toContainText('A PIN is set');
      expect(readFileSync(settings, 'utf8')).not.toContain('4711');

      await page.goto(preview.url);
      await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'on');
      await page.keyboard.press('Control+Alt+Shift+KeyQ');
      const dialog = page.getByRole('dialog', { name: 'Leave kiosk mode' });
      await expect(dialog).toBeVisible();
      const field = dialog.getByLabel('Kiosk PIN');
      await expect(field).toBeFocused();

      // Cancel: the demo goes on.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'on');

      await page.keyboard.press('Control+Alt+Shift+KeyQ');
      await expect(dialog).toBeVisible();
      await field.fill('1234');
      await field.press('Enter');
      await expect(dialog.getByRole('alert')).toHaveText('That PIN is not right.');
      await expect(page.locator('html')).toHaveAttribute('data-kiosk', 'on');
      await expect(field).toHaveValue('');

      await field.fill('4711');
      await field.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(page.locator('html')).not.toHaveAttribute('data-kiosk', 'on');
      await watchDefaults(page);
      await page.locator('main').click({ button: 'right' });
      expect((await refused(page)).contextmenu).toBe(false);
    });

    // Remembered: the next launch asks for the same PIN.
    await withPreview(['--kiosk', '--settings', settings], async (preview) => {
      const next = await context.newPage();
      await next.goto(preview.url);
      // The page must be in kiosk mode (its keys listened to) before the shortcut means anything.
      await expect(next.locator('html')).toHaveAttribute('data-kiosk', 'on');
      await next.keyboard.press('Control+Alt+Shift+KeyQ');
      const dialog = next.getByRole('dialog', { name: 'Leave kiosk mode' });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel('Kiosk PIN').fill('4711');
      await dialog.getByLabel('Kiosk PIN').press('Enter');
      await expect(next.locator('html')).not.toHaveAttribute('data-kiosk', 'on');
    });
  });
});

test.describe('the remembered settings', () => {
  test('a corrupt settings file is set aside, the console says so, and the defaults are used', async ({ page }) => {
    const settings = settingsFile();
    writeFileSync(settings, '{"version": 1, "speed": "fast"}');
    await withPreview(['--settings', settings], async (preview) => {
      const aside = join(settings, '..', 'settings.corrupt-1.json');
      expect(existsSync(aside)).toBe(true);
      expect(readFileSync(aside, 'utf8')).toBe('{"version": 1, "speed": "fast"}');
      expect(preview.output()).toContain(`set aside as ${aside}`);
      await page.goto(`${preview.url}operator`);
      await expect(page.getByTestId('kiosk-panel').getByRole('alert')).toContainText(
        `The settings file ${settings} was corrupt (speed:`,
      );
      const snapshot = (await (await fetch(`${preview.url}api/snapshot`)).json()) as { clock: { speed: number } };
      expect(snapshot.clock.speed).toBe(1);
    });
  });
});
