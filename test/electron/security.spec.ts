/**
 * The shell's CSP header, through Playwright's Electron driver (docs/robustness.md, checklist item 7).
 * Runs where an Electron binary exists; elsewhere it skips and says why. What runs without Electron is
 * test/unit/desktop/csp.test.ts (the protocol handler with Electron stubbed).
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const root = join(import.meta.dirname, '..', '..');
const binary = electronBinary();
/** The policy of the page's meta tag, which shared/csp.ts states and the protocol handler sends. */
const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(
  readFileSync(join(root, 'renderer', 'index.html'), 'utf8'),
)?.[1];

test.describe('the Electron shell: the Content-Security-Policy', () => {
  test.skip(
    !binary,
    'no Electron binary is installed on this machine (npm install could not download it), so the desktop shell cannot run here',
  );
  if (!binary) console.log('Electron security end-to-end tests skipped: no Electron binary on this machine.');

  test('esp-sim:// sends the page and its files with the policy of the page meta tag as a header', async () => {
    const app = await electron.launch({ executablePath: binary!, args: [root, '--windowed'], cwd: root });
    const window = await app.firstWindow();
    expect(metaPolicy).toBeTruthy();
    const headers = await window.evaluate(async () => {
      const script = document.querySelector('script[src]')?.getAttribute('src') ?? '';
      const [page, asset] = await Promise.all([fetch(location.href), fetch(new URL(script, location.href))]);
      return [page.headers.get('content-security-policy'), asset.headers.get('content-security-policy')];
    });
    expect(headers).toEqual([metaPolicy, metaPolicy]);
    await app.close();
  });
});
