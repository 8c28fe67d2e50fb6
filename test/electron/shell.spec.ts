/**
 * The desktop shell through Playwright's Electron driver. Runs where an Electron binary exists;
 * elsewhere it skips and says why (no Electron binary can be downloaded on the CI machine).
 */
import type { ElectronApplication } from '@playwright/test';
import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..');
const binary = electronBinary();

async function launch(...args: string[]): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary!, args: [root, ...args], cwd: root });
}

test.describe('the Electron shell', () => {
  test.skip(
    !binary,
    'no Electron binary is installed on this machine (npm install could not download it), so the desktop shell cannot run here',
  );
  if (!binary) console.log('Electron end-to-end tests skipped: no Electron binary on this machine.');

  test('opens one fullscreen ESP window on the default scenario', async () => {
    const app = await launch();
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Setting up for work or school' })).toBeVisible();
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({ fullscreen: w.isFullScreen(), title: w.getTitle() })),
    );
    expect(windows).toHaveLength(1);
    expect(windows[0]!.fullscreen).toBe(true);
    await app.close();
  });

  test('exposes only the named contract functions to the page, and no Node', async () => {
    const app = await launch('--windowed');
    const window = await app.firstWindow();
    const keys = await window.evaluate(() => Object.keys((window as unknown as { espSim: object }).espSim).sort());
    expect(keys).toEqual([
      'act',
      'answerTraining',
      'cancelKioskExit',
      'closeDiagnostics',
      'compareRuns',
      'createEntry',
      'deleteEntry',
      'discardDraft',
      'duplicateEntry',
      'exitKiosk',
      'exportEntry',
      'exportLogs',
      'getSnapshot',
      'importIntune',
      'importScenario',
      'kioskState',
      'listLibrary',
      'onSnapshot',
      'openDiagnostics',
      'openEntry',
      'pause',
      'previewEdit',
      'readEntry',
      'renameEntry',
      'requestKioskExit',
      'restart',
      'resume',
      'runAnalysis',
      'runRecord',
      'saveEntry',
      'seek',
      'setKioskPin',
      'setKioskPlaylist',
      'setLanguage',
      'setLook',
      'setRelease',
      'setSafeNames',
      'setSpeed',
      'start',
      'startTraining',
      'step',
      'trainingResultsCsv',
    ]);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    await app.close();
  });

  test('refuses new windows, navigation away and permission requests', async () => {
    const app = await launch('--windowed');
    const window = await app.firstWindow();
    const start = window.url();
    await window.evaluate(() => globalThis.open('https://example.com'));
    await window.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await window.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(window.url()).toBe(start);
    expect(await window.evaluate(() => Notification.requestPermission())).toBe('denied');
    await app.close();
  });

  test('refuses an invalid command and keeps running', async () => {
    const app = await launch('--windowed');
    const window = await app.firstWindow();
    const result = await window.evaluate(() =>
      (window as unknown as { espSim: { setSpeed(s: unknown): Promise<unknown> } }).espSim.setSpeed('fast'),
    );
    expect(result).toMatchObject({ ok: false });
    await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
    await app.close();
  });
});
