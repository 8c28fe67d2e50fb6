import { expectNoAxeViolations } from './axe';
import type { Page } from '@playwright/test';
import { bundledScenario, expect, scenarioPath, test } from './preview';

/** Records every category status text the page ever shows, so a fast run can be checked afterwards. */
async function recordStatusTexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __statusTexts: typeof seen }).__statusTexts = seen;
    const observe = (): void => {
      for (const el of document.querySelectorAll('[data-testid^="phase-status-"]')) {
        const id = el.getAttribute('data-testid')!.replace('phase-status-', '');
        const list = (seen[id] ??= []);
        const text = el.textContent ?? '';
        if (list.at(-1) !== text) list.push(text);
      }
    };
    new MutationObserver(observe).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

test.describe('the default scenario', () => {
  test.use({ previewArgs: ['--speed', '120'] });

  test('runs through the three categories to the desktop, each ending Complete', async ({ page, preview }) => {
    await recordStatusTexts(page);
    await page.goto(preview.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Setting up for work or school' })).toBeVisible();
    await expect(
      page.getByText('This will take a few minutes. Your device might need to restart as we complete the setup.'),
    ).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'desktop', { timeout: 45_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { __statusTexts: Record<string, string[]> }).__statusTexts,
    );
    // §1.4: each category goes from working to Complete.
    for (const phase of ['devicePreparation', 'deviceSetup', 'accountSetup']) {
      expect(seen[phase], phase).toContain('Working on it...');
      expect(seen[phase]!.at(-1), phase).toBe('Complete');
    }
    expect(seen['deviceSetup']![0]).toBe('Waiting for previous step to complete');
  });
});

test.describe('the ESP while it runs', () => {
  test.use({ previewArgs: ['--speed', '5'] });

  test('shows the sub-items behind Show details and hides them again (§1.5)', async ({ page, preview }) => {
    await page.goto(preview.url);
    const toggle = page.getByRole('button', { name: 'Device preparation Show details' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(page.getByTestId('item-devicePreparation-espProvider')).toContainText(
      'Preparing your device for mobile management (',
    );
    await expect(page.getByTestId('item-devicePreparation-tpm')).toHaveText('Securing your hardware (Complete)');
    await page.getByRole('button', { name: 'Device preparation Hide details' }).click();
    await expect(page.getByTestId('item-devicePreparation-tpm')).toBeHidden();
  });

  test('announces status changes in a polite live region (§1.6)', async ({ page, preview }) => {
    await page.goto(preview.url);
    const announcer = page.getByTestId('announcer');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    await expect(announcer).toContainText(/Device (preparation|setup): /, { timeout: 20_000 });
  });

  test('shows a progress bar only under the running category (§1.5)', async ({ page, preview }) => {
    await page.goto(preview.url);
    await expect(page.getByTestId('phase-devicePreparation').getByRole('progressbar')).toHaveCount(1);
    await expect(page.getByTestId('phase-deviceSetup').getByRole('progressbar')).toHaveCount(0);
  });

  test('has no accessibility violations (axe)', async ({ page, preview }) => {
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Device preparation Show details' }).click();
    await expectNoAxeViolations(page);
  });

  test('has no accessibility violations in the Windows 10 look (axe)', async ({ page, preview }) => {
    await page.goto(preview.url);
    await page.request.post(new URL('/api/command', preview.url).toString(), {
      data: { type: 'setLook', look: 'windows10' },
      headers: preview.commandHeaders,
    });
    await expect(page.locator('main')).toHaveAttribute('data-look', 'windows10');
    await expectNoAxeViolations(page);
  });
});

test.describe('an app that fails', () => {
  test.use({ previewArgs: ['--scenario', scenarioPath('teams-fails.json'), '--speed', '600'] });

  test('shows the custom message, Error, Previous step failed and the allowed actions (§1.9)', async ({
    page,
    preview,
  }) => {
    await page.goto(preview.url);
    await expect(page.getByTestId('error-message')).toHaveText(
      'Teams did not install. Call the Contoso helpdesk on 555-0100.',
      { timeout: 20_000 },
    );
    await expect(page.getByTestId('phase-status-deviceSetup')).toHaveText('Error');
    await expect(page.getByTestId('phase-status-accountSetup')).toHaveText('Previous step failed');
    await expect(page.getByRole('button', { name: 'Reset device' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Continue anyway' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'View diagnostics' })).toBeVisible();
    // §1.9: links bottom-left, buttons bottom-right.
    await expect(page.getByTestId('action-continueAnyway')).toHaveAttribute('data-placement', 'link');
    await expect(page.getByTestId('action-tryAgain')).toHaveAttribute('data-placement', 'button');
    await expectNoAxeViolations(page);
  });

  test('runs Device setup again on Try again and reaches the desktop (§1.9)', async ({ page, preview }) => {
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Try again' }).click({ timeout: 20_000 });
    await expect(page.getByTestId('error-message')).toHaveCount(0);
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'desktop', { timeout: 20_000 });
  });

  test('asks before resetting the device, and resets only when confirmed (§1.9)', async ({ page, preview }) => {
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Reset device' }).click({ timeout: 20_000 });
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('error-message')).toBeVisible();
    await page.getByRole('button', { name: 'Reset device' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'resetting');
  });

  test('leaves for the desktop on Continue anyway (§1.9)', async ({ page, preview }) => {
    await page.goto(preview.url);
    await page.getByRole('button', { name: 'Continue anyway' }).click({ timeout: 20_000 });
    await expect(page.locator('main')).toHaveAttribute('data-screen', /firstSignIn|desktop/);
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'desktop', { timeout: 20_000 });
  });
});

test.describe('a scenario file that cannot be used', () => {
  test.use({ previewArgs: ['--scenario', scenarioPath('bad-mode.json'), '--speed', '5'] });

  test('says which field is wrong and runs the default scenario instead', async ({ page, preview }) => {
    expect(preview.output()).toContain('deployment.mode');
    await page.goto(preview.url);
    await expect(page.getByRole('alert')).toContainText('deployment.mode');
    await expect(page.getByRole('heading', { level: 1, name: 'Setting up for work or school' })).toBeVisible();
  });
});

test.describe('the contract over HTTP', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('default.json'), '--speed', '5'] });

  test('refuses an invalid command with the reason and keeps running', async ({ page, preview }) => {
    const response = await page.request.post(new URL('/api/command', preview.url).toString(), {
      data: { type: 'setSpeed', speed: 'fast' },
      headers: preview.commandHeaders,
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: expect.stringContaining('speed') });
    const notJson = await page.request.post(new URL('/api/command', preview.url).toString(), {
      data: 'rm -rf /',
      headers: { ...preview.commandHeaders, 'content-type': 'text/plain' },
    });
    expect(notJson.status()).toBe(415);
    await page.goto(preview.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('pauses and resumes from the operator console', async ({ page, preview }) => {
    await page.goto(new URL('/operator', preview.url).toString());
    // The run waits for the device screen or the operator's Start.
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: /pause/i }).click();
    const paused = await (await page.request.get(new URL('/api/snapshot', preview.url).toString())).json();
    expect(paused.clock.paused).toBe(true);
    await page.getByRole('button', { name: /resume/i }).click();
    const resumed = await (await page.request.get(new URL('/api/snapshot', preview.url).toString())).json();
    expect(resumed.clock.paused).toBe(false);
  });

  test('jumps to a moment of the run from the operator console and holds it there', async ({ page, preview }) => {
    await page.goto(new URL('/operator', preview.url).toString());
    const jump = page.getByLabel('Jump to');
    const desktop = await jump.locator('option', { hasText: 'Desktop' }).getAttribute('value');
    await jump.selectOption(desktop!);
    // People's words in the console, the internal name only as data.
    await expect(page.getByTestId('op-screen')).toHaveText('Desktop');
    await expect(page.getByTestId('op-screen')).toHaveAttribute('data-screen', 'desktop');
    await expect(page.getByTestId('op-run-state')).toHaveText(/Paused|Finished/);
    await page.goto(preview.url);
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'desktop');
  });

  test('refuses commands from another site and requests for another host name', async ({ page, preview }) => {
    const command = new URL('/api/command', preview.url).toString();
    // The run waits for the device screen or Start: start it, so a refused pause would show.
    const started = await page.request.post(command, { data: { type: 'start' }, headers: preview.commandHeaders });
    expect(started.ok()).toBe(true);
    const crossSite = await page.request.post(command, {
      data: { type: 'pause' },
      headers: { ...preview.commandHeaders, origin: 'http://evil.example' },
    });
    expect(crossSite.status()).toBe(403);
    const rebound = await page.request.get(new URL('/api/snapshot', preview.url).toString(), {
      headers: { host: 'attacker.example' },
    });
    expect(rebound.status()).toBe(421);
    const snapshot = await (await page.request.get(new URL('/api/snapshot', preview.url).toString())).json();
    expect(snapshot.clock.paused).toBe(false);
  });

  test('serves nothing outside the renderer folder', async ({ page, preview }) => {
    const response = await page.request.get(new URL('/..%2f..%2fpackage.json', preview.url).toString());
    expect([403, 404]).toContain(response.status());
  });
});
