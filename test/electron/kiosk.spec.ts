/**
 * Kiosk demos and crash recovery in the desktop shell, through Playwright's Electron driver (README, "Kiosk
 * demos"): the playlist loops, the keys a kiosk refuses are refused in main, Ctrl+Alt+Shift+Q asks for the PIN and
 * ends the demo, and a renderer that crashes mid-run is reloaded onto the same run at the same time.
 *
 * Runs where an Electron binary exists; elsewhere every test skips and says why. The browser-preview side of the
 * same behaviour (lockdown in the page, reload and reconnect) is test/e2e/kiosk.spec.ts and resume.spec.ts.
 */
import type { ElectronApplication, Page } from '@playwright/test';
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..');
const binary = electronBinary();
const scenario = (name: string): string => join(root, 'resources', 'scenarios', name);

/** The app with settings of its own, never the user's. */
async function launch(...args: string[]): Promise<{ app: ElectronApplication; settings: string }> {
  const settings = args.includes('--settings')
    ? args[args.indexOf('--settings') + 1]!
    : join(mkdtempSync(join(tmpdir(), 'esp-electron-kiosk-')), 'settings.json');
  const withSettings = args.includes('--settings') ? args : [...args, '--settings', settings];
  const app = await electron.launch({ executablePath: binary!, args: [root, ...withSettings], cwd: root });
  return { app, settings };
}

interface Snap {
  runId: number;
  screen: { kind: string };
  clock: { elapsedSeconds: number; paused: boolean };
  kiosk?: { active: boolean } | null;
}

type EspSim = {
  getSnapshot(): Promise<Snap>;
  pause(): Promise<unknown>;
  setKioskPin(pin: string | null): Promise<{ ok: boolean }>;
};

const snapshotOf = (window: Page): Promise<Snap> =>
  window.evaluate(() => (window as unknown as { espSim: EspSim }).espSim.getSnapshot());

/** Counts the device window's navigations in main, so a reload the kiosk should have refused would show. */
async function countNavigations(app: ElectronApplication): Promise<() => Promise<number>> {
  await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    const counter = globalThis as unknown as { __navigations: number };
    counter.__navigations = 0;
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame) counter.__navigations++;
    });
  });
  return () => app.evaluate(() => (globalThis as unknown as { __navigations: number }).__navigations);
}

test.describe('kiosk demos in the desktop app', () => {
  test.skip(
    !binary,
    'no Electron binary is installed on this machine (npm install could not download it), so the desktop shell cannot run here',
  );
  if (!binary) console.log('Electron kiosk tests skipped: no Electron binary on this machine.');

  test('loops through the playlist', async () => {
    const { app } = await launch(
      '--kiosk',
      '--playlist',
      `${scenario('default.json')},${scenario('self-deploying-kiosk.json')}`,
      '--loop',
      '1',
      '--speed',
      '10000',
    );
    const window = await app.firstWindow();
    await expect(window.locator('main')).toHaveAttribute('data-screen', 'desktop', { timeout: 30_000 });
    await expect(window.locator('main')).toHaveAttribute('data-screen', 'kiosk', { timeout: 30_000 });
    await expect(window.locator('main')).toHaveAttribute('data-screen', 'desktop', { timeout: 30_000 });
    await app.evaluate(({ app: electronApp }) => electronApp.exit(0));
  });

  test('refuses reload, developer tools, zoom and closing; Ctrl+Alt+Shift+Q asks for the PIN, then ends the demo', async () => {
    const { app, settings } = await launch('--kiosk');
    const window = await app.firstWindow();
    await expect(window.locator('html')).toHaveAttribute('data-kiosk', 'on');
    const navigations = await countNavigations(app);
    for (const key of [
      'F5',
      'Control+r',
      'Control+Shift+R',
      'Control+Shift+I',
      'F12',
      'Control+Equal',
      'Control+w',
      'Alt+F4',
    ])
      await window.keyboard.press(key);

    const set = await window.evaluate(() => (window as unknown as { espSim: EspSim }).espSim.setKioskPin('2468'));
    expect(set.ok).toBe(true);
    expect(readFileSync(settings, 'utf8')).not.toContain('2468');

    await window.keyboard.press('Control+Alt+Shift+KeyQ');
    const dialog = window.getByRole('dialog', { name: 'Leave kiosk mode' });
    await expect(dialog).toBeVisible();
    // Every key before the dialog was refused: no reload, the window still there and fullscreen, zoom at 100 %.
    expect(await navigations()).toBe(0);
    const state = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({
        kiosk: w.isKiosk(),
        zoom: w.webContents.getZoomLevel(),
        devTools: w.webContents.isDevToolsOpened(),
      })),
    );
    expect(state).toEqual([{ kiosk: true, zoom: 0, devTools: false }]);

    const field = dialog.getByLabel('Kiosk PIN');
    await field.fill('1111');
    await field.press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('That PIN is not right.');
    const closed = app.waitForEvent('close');
    await field.fill('2468');
    await field.press('Enter');
    await closed;
  });

  test('reloads a crashed renderer onto the same run at the same time', async () => {
    const { app } = await launch('--windowed', '--scenario', scenario('hybrid-join.json'), '--speed', '20');
    const window = await app.firstWindow();
    await expect(window.locator('main')).toHaveAttribute('data-screen', 'esp');
    await expect
      .poll(async () => (await snapshotOf(window)).clock.elapsedSeconds, { timeout: 30_000 })
      .toBeGreaterThan(60);
    await window.evaluate(() => (window as unknown as { espSim: EspSim }).espSim.pause());
    const before = await snapshotOf(window);
    const shown = await window.locator('[data-testid^="phase-status-"]').allTextContents();

    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
    // Main reloads the page; it asks the session, still running in main, where the run is.
    await expect
      .poll(
        async () =>
          window
            .evaluate(() => document.getElementById('root')?.getAttribute('data-app-state') ?? null)
            .catch(() => null),
        { timeout: 30_000 },
      )
      .toBe('ready');
    await expect.poll(() => window.locator('[data-testid^="phase-status-"]').allTextContents()).toEqual(shown);
    const after = await snapshotOf(window);
    expect(after.runId).toBe(before.runId);
    expect(after.clock.elapsedSeconds).toBe(before.clock.elapsedSeconds);
    await app.close();
  });
});
