/**
 * The Windows 11 diagnostics page (§2) in the browser preview: tabs, accordions, Close back to the ESP as it was,
 * Export logs to a folder and the file-exists error of a second export, Ctrl+Shift+D, accessibility.
 */
import { expectNoAxeViolations } from './axe';
import type { Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledScenario, expect, test } from './preview';

/** user-driven-app-fails.json: Windows 11, log collection on, so the error screen offers View diagnostics. */
test.use({ previewArgs: ['--scenario', bundledScenario('user-driven-app-fails.json'), '--speed', '300'] });

async function openFromErrorScreen(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('main[data-screen="esp"]')).toHaveAttribute('data-error', 'true', { timeout: 30_000 });
  await page.getByRole('button', { name: 'View diagnostics' }).click();
  await expect(page.locator('main[data-screen="diagnostics"]')).toBeVisible();
}

test('View diagnostics opens the page on Deployment info; arrow keys move between the three tabs (§2.2)', async ({
  page,
  preview,
}) => {
  await openFromErrorScreen(page, preview.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Windows Autopilot diagnostics' })).toBeVisible();
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveText(['Configuration info', 'Deployment info', 'Apps and policies status']);
  const deployment = page.getByRole('tab', { name: 'Deployment info' });
  await expect(deployment).toHaveAttribute('aria-selected', 'true');
  await expect(deployment).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Deployment info' })).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Apps and policies status' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Apps and policies status' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Apps and policies status' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Configuration info' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Apps and policies status' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Configuration info' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Apps and policies status' })).toHaveAttribute('aria-selected', 'true');
  // Only the selected tab is in the Tab order.
  await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
});

test('Deployment info shows per-category accordions with the five-column table (§2.2)', async ({ page, preview }) => {
  await openFromErrorScreen(page, preview.url);
  const panel = page.getByRole('tabpanel', { name: 'Deployment info' });
  const headers = panel.locator('.diag-accordion-button');
  await expect(headers.first()).toBeVisible();
  // A category with an error opens by itself and shows the table and the status label.
  const failed = panel.locator('.diag-accordion-button[aria-expanded="true"]').first();
  await expect(failed).toBeVisible();
  const table = panel.getByRole('table').first();
  await expect(table.getByRole('columnheader')).toHaveText(['Status', 'Event', 'Start time', 'Finish time', 'Details']);
  await expect(panel.getByRole('cell', { name: 'Error', exact: true }).first()).toBeVisible();

  // Accordions toggle with aria-expanded.
  const first = headers.first();
  const before = await first.getAttribute('aria-expanded');
  await first.click();
  await expect(first).toHaveAttribute('aria-expanded', before === 'true' ? 'false' : 'true');
});

test('Close returns to the error screen as it was, focus on View diagnostics (§2.1)', async ({ page, preview }) => {
  await page.goto(preview.url);
  await expect(page.locator('main[data-screen="esp"]')).toHaveAttribute('data-error', 'true', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Device setup Show details' }).click();
  await page.getByRole('button', { name: 'View diagnostics' }).click();
  await expect(page.locator('main[data-screen="diagnostics"]')).toBeVisible();
  await expect(page.locator('main[data-screen="esp"]')).toBeHidden();

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('main[data-screen="diagnostics"]')).toHaveCount(0);
  await expect(page.locator('main[data-screen="esp"]')).toHaveAttribute('data-error', 'true');
  await expect(page.getByRole('button', { name: 'Device setup Hide details' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(page.getByRole('button', { name: 'View diagnostics' })).toBeFocused();
});

test('Ctrl+Shift+D opens the page where the session allows it (§2.1)', async ({ page, preview }) => {
  await page.goto(preview.url);
  await expect(page.locator('main[data-screen="esp"]')).toHaveAttribute('data-error', 'true', { timeout: 30_000 });
  await page.keyboard.press('Control+Shift+D');
  await expect(page.locator('main[data-screen="diagnostics"]')).toBeVisible();
});

test('Export logs writes MDMDiagReport.zip to the folder; a second export there fails with 0x80070050 (§2.3)', async ({
  page,
  preview,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'esp-sim-e2e-export-'));
  try {
    await openFromErrorScreen(page, preview.url);
    await page.getByRole('button', { name: 'Export logs' }).click();
    // The browser preview has no folder dialog: it asks for a path on the machine running it.
    const path = page.getByLabel('Folder on the computer running the preview');
    await expect(path).toBeFocused();
    await path.fill(folder);
    await page.getByRole('button', { name: 'Export', exact: true }).click();

    const main = page.locator('main[data-screen="diagnostics"]');
    await expect(main).toHaveAttribute('data-export', 'succeeded', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your logs were exported');
    // The device shows a Windows path, as Windows would; the file really went into the folder.
    await expect(page.getByTestId('export-path-result')).toContainText('D:\\MDMDiagReport.zip');
    expect(existsSync(join(folder, 'MDMDiagReport.zip'))).toBe(true);
    await expect(page.getByRole('button', { name: 'Export logs' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(main).toHaveCount(0);

    await page.getByRole('button', { name: 'View diagnostics' }).click();
    await page.getByRole('button', { name: 'Export logs' }).click();
    await expect(page.getByLabel('Folder on the computer running the preview')).toHaveValue(folder);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(main).toHaveAttribute('data-export', 'failed', { timeout: 30_000 });
    await expect(page.getByRole('alert')).toContainText('0x80070050');
    // Said of the device's drive, as the success was; the host's folder is the operator's business.
    await expect(page.getByRole('alert')).toContainText('A file named MDMDiagReport.zip already exists in D:\\.');
    await expect(page.getByRole('alert')).not.toContainText(folder);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close' })).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('has no accessibility violations on any tab (axe)', async ({ page, preview }) => {
  await openFromErrorScreen(page, preview.url);
  for (const name of ['Deployment info', 'Configuration info', 'Apps and policies status']) {
    await page.getByRole('tab', { name }).click();
    await expectNoAxeViolations(page);
  }
  await page.getByRole('button', { name: 'Export logs' }).click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Export logs' })).toBeVisible();
  await expectNoAxeViolations(page);
});
