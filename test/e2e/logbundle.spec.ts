/**
 * The log bundle's MDMDiagHtmlReport.html, as `esp-sim collect-logs` (out/node/cli.mjs) writes it,
 * opens in Chromium without a console error, and scenario text in it stays text.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'out', 'node', 'cli.mjs');

/** Runs collect-logs on a scenario file and extracts the HTML report next to the archive. */
function reportFor(scenarioFile: string, dir: string): string {
  execFileSync(process.execPath, [cli, 'collect-logs', scenarioFile, '--out', dir], { cwd: root });
  const html = execFileSync('/usr/bin/unzip', ['-p', join(dir, 'MDMDiagReport.zip'), 'MDMDiagHtmlReport.html']);
  const file = join(dir, 'MDMDiagHtmlReport.html');
  writeFileSync(file, html);
  return file;
}

function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`requestfailed: ${request.url()}`));
  return errors;
}

let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'esp-e2e-logs-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('MDMDiagHtmlReport.html of a failed run opens in Chromium without console errors', async ({ page }) => {
  const file = reportFor(join(root, 'test', 'e2e', 'scenarios', 'teams-fails.json'), dir);
  const errors = recordErrors(page);
  await page.goto(pathToFileURL(file).href);
  await expect(page).toHaveTitle('MDM Diagnostic Report');
  for (const heading of ['Device info', 'Connection info', 'Enrollment Status Page settings', 'Managed policies']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /Microsoft Teams .* Error 1603/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('markup in scenario text is shown as text, not run', async ({ page }) => {
  const scenario = JSON.parse(readFileSync(join(root, 'resources', 'scenarios', 'default.json'), 'utf8'));
  const hostile = `<img src=x onerror="console.error('injected')"><script>console.error('injected')</script>`;
  scenario.name = hostile;
  scenario.tenant.enrollmentStatusPageProfiles[1].displayName = hostile;
  const scenarioFile = join(dir, 'hostile.json');
  writeFileSync(scenarioFile, JSON.stringify(scenario));
  const file = reportFor(scenarioFile, dir);
  const errors = recordErrors(page);
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('cell', { name: hostile }).first()).toBeVisible();
  expect(await page.locator('img, script').count()).toBe(0);
  expect(errors).toEqual([]);
});
