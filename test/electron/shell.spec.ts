/**
 * The desktop shell through Playwright's Electron driver. Runs where an Electron binary exists;
 * elsewhere it skips and says why (no Electron binary can be downloaded on the CI machine).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..');
const binary = (electronBinary as () => string | null)();

test.describe('the Electron shell', () => {
  test.skip(
    !binary,
    'no Electron binary is installed on this machine (npm install could not download it), so the desktop shell cannot run here',
  );
  if (!binary) console.log('Electron end-to-end tests skipped: no Electron binary on this machine.');

  test('opens one fullscreen, frameless ESP window on the default scenario', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, '--windowed'], cwd: root });
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Setting up for work or school' })).toBeVisible();
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({ frameless: !w.isMenuBarVisible(), title: w.getTitle() })),
    );
    expect(windows).toHaveLength(1);
    // Context isolation and the sandbox: the page sees no Node and no require.
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    await app.close();
  });

  test('exposes only the named contract functions to the page', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, '--windowed'], cwd: root });
    const window = await app.firstWindow();
    const keys = await window.evaluate(() => Object.keys((window as unknown as { espSim: object }).espSim).sort());
    expect(keys).toEqual([
      'act',
      'closeDiagnostics',
      'exportLogs',
      'getSnapshot',
      'onSnapshot',
      'openDiagnostics',
      'pause',
      'restart',
      'resume',
      'seek',
      'setLook',
      'setSpeed',
      'start',
    ]);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });

  test('refuses to open new windows', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, '--windowed'], cwd: root });
    const window = await app.firstWindow();
    await window.evaluate(() => globalThis.open('https://example.com'));
    await window.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    await app.close();
  });
});
