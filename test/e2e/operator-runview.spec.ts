/**
 * The operator console's Run view in the browser preview, on a bundled scenario where Teams fails with 1603: the
 * cause diagnosed from the run's log bundle, an evidence line opening the file viewer at that line, the time bar's
 * segments (their accessible text) adding up to the run's duration, the timeline's export, and axe on the page.
 */
import { expectNoAxeViolations } from './axe';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledScenario, expect, test } from './preview';

const library = mkdtempSync(join(tmpdir(), 'esp-e2e-runview-'));
test.afterAll(() => rmSync(library, { recursive: true, force: true }));

function seconds(clock: string): number {
  const [h, m, s] = clock.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

test.describe('run view', () => {
  test.use({ previewArgs: ['--library', library, '--scenario', bundledScenario('user-driven-app-fails.json')] });

  test('says what went wrong, with evidence that opens the file at its line, and where the time went', async ({
    page,
    preview,
  }) => {
    test.setTimeout(120_000);
    await page.goto(new URL('/operator', preview.url).toString());
    await page
      .getByRole('navigation', { name: 'Console pages' })
      .getByRole('button', { name: 'Run view', exact: true })
      .click();

    // The cause, diagnosed from the bundle the host generated for this run.
    await expect(page.getByTestId('rv-cause')).toHaveText('App install failed');
    await expect(page.getByTestId('rv-cause-app')).toHaveText('Microsoft Teams');
    await expect(page.getByTestId('rv-cause-code')).toHaveText('1603');
    await expect(page.getByTestId('rv-apps').getByRole('row', { name: /Microsoft Teams/ })).toContainText(
      'Failed (0x80070643)',
    );
    await expect(page.getByTestId('rv-phases').getByRole('listitem').filter({ hasText: 'Device setup' })).toContainText(
      'Failed',
    );

    // An evidence line opens the viewer at that line, highlighted and in view.
    const evidence = page.getByTestId('rv-evidence').getByRole('button').first();
    const [file, line] = (await evidence.textContent())!.split(':') as [string, string];
    const cited = (await page.getByTestId('rv-evidence').locator('li').first().locator('code').textContent())!;
    await evidence.click();
    const viewer = page.getByTestId('rv-viewer');
    await expect(viewer.getByRole('heading')).toHaveText(`${file}, line ${line}`);
    const highlighted = viewer.locator('li[data-cited="true"]');
    await expect(highlighted).toHaveAttribute('data-line', line);
    await expect(highlighted.locator('code')).toHaveText(cited);
    await expect(highlighted).toBeInViewport();

    // The stacked bar's segments, by their accessible text, add up to the run's duration.
    const bar = page.getByRole('group', { name: /^Where the time went: run of / });
    const labels = await bar.getByRole('img').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')!));
    expect(labels.length).toBeGreaterThan(0);
    const total = labels.reduce((sum, l) => sum + seconds(/, (\d+:\d\d:\d\d), from /.exec(l)![1]!), 0);
    const duration = seconds((await page.getByTestId('rv-duration').textContent())!);
    expect(total).toBe(duration);
    expect(Number(await bar.getAttribute('data-duration'))).toBe(duration);

    // The timeline's export downloads the same CSV as `esp-sim timeline --format csv`.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export timeline as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-timeline\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('t,clock,type,phase,item,appId,status,detail');

    // Two runs side by side: the first difference is named and highlighted.
    await page.getByRole('button', { name: 'Compare side by side' }).click();
    await expect(page.getByTestId('rv-first-difference')).toContainText('They first differ at');
    await expect(page.getByTestId('rv-mini-a')).toBeVisible();
    await expect(page.getByTestId('rv-mini-b')).toBeVisible();
    await expect(page.getByTestId('rv-compare').locator('li[data-first-difference="true"]').first()).toBeVisible();

    // axe on the whole page: the phases, the charts, the evidence with the file open, the two runs.
    await expectNoAxeViolations(page);
  });
});
