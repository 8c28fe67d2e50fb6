/**
 * Training mode in the browser preview: the trainer starts a round on a bundled fault scenario, the device screen
 * runs it without its name, the trainee answers in the console, and the debrief grades the answer against the run's
 * own bundle with the evidence lines, the right steps and the coaching notes. The page passes axe; the result is
 * kept in a JSON file for the trainee beside the library folder.
 */
import { expectNoAxeViolations } from './axe';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './preview';

const home = mkdtempSync(join(tmpdir(), 'esp-e2e-training-'));
test.afterAll(() => rmSync(home, { recursive: true, force: true }));
test.use({ previewArgs: ['--library', join(home, 'scenarios'), '--speed', '600'] });

test('plays one training round: pick, answer, grade and debrief', async ({ page, context, preview }) => {
  test.setTimeout(90_000);
  await page.goto(`${preview.url}operator`);
  await page
    .getByRole('navigation', { name: 'Console pages' })
    .getByRole('button', { name: 'Training', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Training', level: 2 })).toBeVisible();
  await expectNoAxeViolations(page, 'the Training page');

  // The screenshot-safe names switch answers, and turns back off.
  const safe = page.getByRole('checkbox', { name: /Screenshot-safe names/ });
  await expect(safe).toBeEnabled();
  // The box follows the host's answer, so it is clicked, then awaited.
  await safe.click();
  await expect(safe).toBeChecked();
  await expect(page.getByTestId('op-message')).toHaveText('Screenshot-safe names on: generated names everywhere');
  await safe.click();
  await expect(safe).not.toBeChecked();
  await expect(page.getByTestId('op-message')).toHaveText('Screenshot-safe names off');

  await page.getByTestId('op-training-trainee').fill('Ada Lovelace');
  await page.getByTestId('op-training-source').selectOption({ label: 'User-driven: Teams fails with 1603' });
  await page.getByTestId('op-training-difficulty').selectOption('hard');
  await page.getByRole('button', { name: 'Start round' }).click();
  await expect(page.getByTestId('op-training-answer')).toBeVisible();

  // The device screen runs the round; nothing on it names the scenario.
  const device = await context.newPage();
  await device.goto(preview.url);
  await expect(device.locator('body')).not.toContainText('Teams fails', { timeout: 5000 });
  await device.close();

  await page.getByTestId('op-training-cause').selectOption('appInstallFailed');
  await page.getByTestId('op-training-app').selectOption({ label: 'Microsoft Teams' });
  await page.getByTestId('op-training-code').fill('0x80070643');
  await page.getByTestId('op-training-next').selectOption('fixApp');
  await page.getByRole('button', { name: 'Grade the answer' }).click();

  const debrief = page.getByTestId('op-training-debrief');
  await expect(debrief).toBeVisible();
  await expect(page.getByTestId('op-training-score')).toHaveText('Score: 4 of 4');
  await expect(page.getByTestId('op-training-scenario')).toHaveText('User-driven: Teams fails with 1603');
  await expect(page.getByTestId('op-training-evidence').locator('li').first()).toContainText('1603');
  await expect(page.getByTestId('op-training-steps').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('op-training-coaching')).toContainText('Device setup');
  await expectNoAxeViolations(page, 'the debrief');

  const file = join(home, 'training', 'ada-lovelace.json');
  expect(existsSync(file)).toBe(true);
  const kept = JSON.parse(readFileSync(file, 'utf8')) as { results: { score: number; outOf: number }[] };
  expect(kept.results.map((r) => [r.score, r.outOf])).toEqual([[4, 4]]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results as CSV' }).click();
  expect((await download).suggestedFilename()).toBe('training-ada-lovelace.csv');
});
