/**
 * The operator console's Timeout planner in the browser preview: 200 devices with seed 7 of a scenario where about
 * a third of the devices time out show the p50, p90 and p99 and the timed-out share `planInProcess` computes (the
 * built `esp-sim plan --threads 1 --json`, which runs exactly `planInProcess`), the histogram marks the timeout, and
 * the page passes axe before and after the run.
 */
import { expectNoAxeViolations } from './axe';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, root, scenarioPath, test } from './preview';
import type { PlanReport } from '../../shared/planner';

const library = mkdtempSync(join(tmpdir(), 'esp-e2e-planner-'));
test.afterAll(() => rmSync(library, { recursive: true, force: true }));

const scenario = scenarioPath('planner-fleet.json');

/** What `planInProcess(scenario, devices, seed)` reports: one thread runs the devices in a loop on the CLI's thread. */
function planInProcess(devices: number, seed: number): PlanReport {
  const cli = spawnSync(
    process.execPath,
    [
      join(root, 'out', 'node', 'cli.mjs'),
      'plan',
      scenario,
      '--devices',
      String(devices),
      '--seed',
      String(seed),
    ].concat(['--threads', '1', '--json']),
    { encoding: 'utf8' },
  );
  if (cli.status !== 0) throw new Error(`esp-sim plan failed: ${cli.stderr}`);
  return JSON.parse(cli.stdout) as PlanReport;
}

/** Minutes as the console's clock shows them: h:mm:ss, to the nearest second. */
function clock(minutes: number): string {
  const s = Math.round(minutes * 60);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

test.describe('timeout planner', () => {
  test.use({ previewArgs: ['--library', library, '--scenario', scenario] });

  test('shows the percentiles and the share of devices that time out that the planner computes for 200 devices', async ({
    page,
    preview,
  }) => {
    test.setTimeout(120_000);
    const expected = planInProcess(200, 7);
    await page.goto(new URL('/operator', preview.url).toString());
    await page
      .getByRole('navigation', { name: 'Console pages' })
      .getByRole('button', { name: 'Timeout planner', exact: true })
      .click();
    await expect(page.getByRole('heading', { name: 'Timeout planner' })).toBeVisible();
    await expect(page.getByTestId('pl-where-to-edit')).toContainText('Tenant & device');
    await expectNoAxeViolations(page, 'the planner before a run');

    // Keyboard only: the fields are labelled, Enter runs the plan.
    const devices = page.getByRole('spinbutton', { name: 'Devices' });
    await devices.fill('0');
    await expect(page.getByTestId('pl-run')).toBeDisabled();
    await devices.fill('200');
    await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
    await page.getByRole('spinbutton', { name: 'Seed' }).press('Enter');
    await expect(page.getByTestId('pl-status')).toHaveText(
      'Planned 200 devices of “Twelve-minute ESP: about a third of the devices time out”.',
      { timeout: 60_000 },
    );

    await expect(page.getByTestId('pl-p50')).toHaveText(clock(expected.durationMinutes.p50));
    await expect(page.getByTestId('pl-p90')).toHaveText(clock(expected.durationMinutes.p90));
    await expect(page.getByTestId('pl-p99')).toHaveText(clock(expected.durationMinutes.p99));
    const timedOut = expected.timedOutDevices;
    expect(timedOut).toBeGreaterThan(0);
    await expect(page.getByTestId('pl-timed-out')).toHaveText(
      `${(expected.timedOutShare * 100).toFixed(1)} % (${timedOut} of 200)`,
    );
    await expect(page.getByTestId('pl-timeout')).toContainText('12 minutes, from the profile “Ten-minute ESP”');

    // The apps, longest median first: ten, then all twelve.
    const apps = page.getByTestId('pl-apps').locator('tbody tr');
    await expect(apps).toHaveCount(10);
    await expect(apps.first().locator('th')).toHaveText(expected.byApp[0]!.displayName);
    await page.getByRole('button', { name: 'Show all 12 apps' }).click();
    await expect(apps).toHaveCount(12);

    // The histogram: a bar per bin, with its devices in words, adding up to 200; the timeout marked.
    const bars = page.getByRole('group', { name: /^ESP duration, devices per bin/ }).getByRole('img');
    const labels = await bars.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
    const counts = labels.map((l) => /: (\d+) devices?/.exec(l)?.[1]).filter((n) => n !== undefined);
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(200);
    await expect(page.getByTestId('pl-timeout-marker')).toHaveAttribute('aria-label', 'The timeout, 12 min');

    // The spreads the devices drew from, read-only.
    await expect(page.getByTestId('pl-distributions')).toContainText('median 50 Mbps, sigma 0.6 (set in the scenario)');
    await expect(page.getByTestId('pl-distributions')).toContainText('Install-time factor of Line-of-business suite');

    await expectNoAxeViolations(page, 'the planner after a run');
  });
});
