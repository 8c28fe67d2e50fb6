/**
 * Builds an ESP profile through the operator console exactly as Microsoft Learn's "Create new profile" steps
 * describe (Basics, Settings, Assignments, Scope tags, Review + create), then watches the device screen honour
 * it: the custom message on the error screen, and only the error actions the profile allows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './preview';

const library = mkdtempSync(join(tmpdir(), 'esp-e2e-profile-'));
test.afterAll(() => rmSync(library, { recursive: true, force: true }));
test.use({ previewArgs: ['--library', library, '--speed', '600'] });

const MESSAGE = 'Setup hit a snag. Call the Contoso service desk on 555-0100 and quote code ESP-7.';

function setting(page: Page, label: string) {
  return page.getByRole('radiogroup', { name: label, exact: true });
}

test('an ESP profile built as the article describes is honoured by the device screen', async ({
  page,
  context,
  preview,
}) => {
  await page.goto(new URL('/operator', preview.url).toString());

  // A scenario of our own: a copy of the bundled one where no profile shows progress, with Teams failing.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Duplicate to edit No ESP: the profile hides progress' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Custom message pilot');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('op-message')).toHaveText(
    'Duplicated as “Custom message pilot”: the device screen runs it',
  );

  await page.getByRole('button', { name: 'Tenant & device', exact: true }).click();
  await page.getByRole('button', { name: 'Microsoft Teams', exact: true }).click();
  await page.getByRole('textbox', { name: 'Exit code per attempt' }).fill('1603');

  // 5. Select Create.
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  await page.getByRole('button', { name: 'Create profile' }).click();

  // 6. In Basics, enter the following properties: Name, Description. 7. Select Next.
  await expect(page.getByRole('button', { name: 'Basics', exact: true })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('textbox', { name: 'Name' }).fill('Contoso pilot ESP');
  await page.getByRole('textbox', { name: 'Description' }).fill('Pilot devices: blocks until everything installs.');
  await page.getByRole('button', { name: 'Next' }).click();

  // 8. In Settings, configure the following settings.
  await setting(page, 'Show app and profile configuration progress').getByRole('radio', { name: 'Yes' }).check();
  await page
    .getByRole('spinbutton', { name: 'Show an error when installation takes longer than specified number of minutes' })
    .fill('30');
  const custom = setting(page, 'Show custom message when time limit or error occur');
  await expect(page.getByRole('textbox', { name: 'Custom message' })).toHaveCount(0);
  await custom.getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('textbox', { name: 'Custom message' }).fill(MESSAGE);
  await setting(page, 'Turn on log collection and diagnostics page for end users')
    .getByRole('radio', { name: 'Yes' })
    .check();
  await setting(page, 'Only show page to devices provisioned by out-of-box experience (OOBE)')
    .getByRole('radio', { name: 'Yes' })
    .check();
  await setting(page, 'Install Windows quality updates (might restart the device)')
    .getByRole('radio', { name: 'No' })
    .check();
  // "Block device use…" No greys out what it unlocks; Yes unlocks it again.
  const block = setting(page, 'Block device use until all apps and profiles are installed');
  const reset = setting(page, 'Allow users to reset device if installation error occurs');
  await block.getByRole('radio', { name: 'No' }).check();
  await expect(reset.getByRole('radio', { name: 'Yes' })).toBeDisabled();
  await block.getByRole('radio', { name: 'Yes' }).check();
  await expect(reset.getByRole('radio', { name: 'Yes' })).toBeEnabled();
  await reset.getByRole('radio', { name: 'Yes' }).check();
  await setting(page, 'Allow users to use device if installation error occurs')
    .getByRole('radio', { name: 'No' })
    .check();
  const apps = setting(
    page,
    'Block device use until these required apps are installed if they are assigned to the user/device',
  );
  await apps.getByRole('radio', { name: 'All' }).check();
  await expect(
    page.getByRole('radiogroup', { name: 'Only fail selected blocking apps in technician phase' }),
  ).toHaveCount(0);
  // 9. Select Next.
  await page.getByRole('button', { name: 'Next' }).click();

  // 10. In Assignments, select the groups to receive your profile. 11. Select Next.
  await page.getByRole('combobox', { name: 'Group to include' }).selectOption({ label: 'Autopilot devices' });
  await page.getByRole('button', { name: 'Add group' }).click();
  await expect(page.getByRole('list').filter({ hasText: 'Autopilot devices' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();

  // 12. Optionally, in Scope tags, assign a tag. Then select Next.
  await page.getByRole('textbox', { name: 'Scope tag' }).fill('US-NC IT Team');
  await page.getByRole('button', { name: 'Add scope tag' }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  // 13. In Review + create, review your settings. Select Create.
  const review = page.getByTestId('op-review');
  await expect(review).toContainText('Contoso pilot ESP');
  await expect(review).toContainText(MESSAGE);
  await expect(review).toContainText('30 minutes');
  await expect(review).toContainText('Autopilot devices');
  await expect(review).toContainText('Default, US-NC IT Team');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('op-message')).toHaveText('Created profile “Contoso pilot ESP” with priority 2');
  await expect(page.getByTestId('op-profiles')).toContainText('Contoso pilot ESP');
  await expect(page.getByTestId('op-edit-status')).toHaveText('Unsaved changes (kept as a draft)');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('op-message')).toHaveText('Saved “Custom message pilot”');

  // Explain agrees before anyone looks at the device.
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(page.getByTestId('op-explain-profile')).toContainText('Contoso pilot ESP');
  await expect(page.getByTestId('op-explain-message')).toContainText(MESSAGE);
  await expect(page.getByTestId('op-explain-actions')).toContainText('Reset device');

  // The device screen honours it: the custom message, Reset device, no Continue anyway.
  const device = await context.newPage();
  await device.goto(preview.url);
  await expect(device.getByTestId('error-message')).toHaveText(MESSAGE, { timeout: 30_000 });
  await expect(device.getByRole('button', { name: 'Reset device' })).toBeVisible();
  await expect(device.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(device.getByRole('link', { name: 'Continue anyway' })).toHaveCount(0);
  await expect(device.getByRole('button', { name: 'Continue anyway' })).toHaveCount(0);
});
