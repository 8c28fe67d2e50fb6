/**
 * Every state a person meets during provisioning, reached through the bundled scenarios: each test
 * jumps the real browser preview to a moment of the run (the operator's Jump to), pauses there, and
 * checks what the screen says and offers, in both looks, with axe.
 */
import { expectNoAxeViolations } from './axe';
import type { Page } from '@playwright/test';
import { bundledScenario, expect, test } from './preview';
import type { Preview } from './preview';

async function command(page: Page, preview: Preview, body: object): Promise<void> {
  const response = await page.request.post(new URL('/api/command', preview.url).toString(), {
    data: body,
    headers: preview.commandHeaders,
  });
  expect(response.ok(), JSON.stringify(await response.json())).toBe(true);
}

/** Pauses the run at the first moment whose label matches, in the given look, and opens the page. */
async function showMoment(page: Page, preview: Preview, label: RegExp, look: 'windows10' | 'windows11' = 'windows11') {
  await command(page, preview, { type: 'pause' });
  const snapshot = await (await page.request.get(new URL('/api/snapshot', preview.url).toString())).json();
  const moment = (snapshot.moments as { t: number; label: string }[]).find((m) => label.test(m.label));
  expect(
    moment,
    `a moment matching ${label} in ${snapshot.moments.map((m: { label: string }) => m.label).join(' | ')}`,
  ).toBeDefined();
  await command(page, preview, { type: 'seek', seconds: moment!.t });
  await command(page, preview, { type: 'setLook', look });
  await page.goto(preview.url);
  await expect(page.locator('main')).toHaveAttribute('data-look', look);
}

const looks = ['windows10', 'windows11'] as const;

test.describe('a declared reboot in Device setup (§7.5)', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('declared-reboot-sign-in.json'), '--speed', '1'] });

  for (const look of looks) {
    test(`shows the restart screen, then a sign-in screen with nothing prefilled (${look})`, async ({
      page,
      preview,
    }) => {
      await showMoment(page, preview, /^Restarting$/, look);
      await expect(page.locator('main')).toHaveAttribute('data-screen', 'restarting');
      await expect(page.getByText('Restarting')).toBeVisible();
      await expectNoAxeViolations(page);

      await showMoment(page, preview, /^Windows sign-in$/, look);
      await expect(page.locator('main')).toHaveAttribute('data-screen', 'signIn');
      await expect(page.getByLabel('User name')).toHaveValue('');
      await expect(page.getByLabel('Password')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('passes through the first sign-in animation before Account setup (§1.1)', async ({ page, preview }) => {
    await showMoment(page, preview, /^First sign-in animation$/);
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'firstSignIn');
    await expectNoAxeViolations(page);
  });
});

test.describe('hybrid join (§7.3)', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('hybrid-join.json'), '--speed', '1'] });

  test('asks for domain credentials at the Windows logon', async ({ page, preview }) => {
    await showMoment(page, preview, /^Windows sign-in$/);
    await expect(page.getByTestId('sign-in-domain')).toBeVisible();
    await expect(page.getByLabel('User name')).toHaveValue('');
  });
});

test.describe('Windows 11 quality updates (§1.13)', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('quality-updates.json'), '--speed', '1'] });

  test('checks, downloads with a percentage, installs, and restarts', async ({ page, preview }) => {
    await showMoment(page, preview, /^Quality updates: checking$/);
    await expect(page.locator('main')).toHaveAttribute('data-stage', 'checking');
    await expect(page.getByText('Checking for updates')).toBeVisible();

    await showMoment(page, preview, /^Quality updates: downloading$/);
    await expect(page.locator('main')).toHaveAttribute('data-stage', 'downloading');
    await expect(page.getByTestId('oobe-title')).toContainText(/Downloading updates \d+%/);
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expectNoAxeViolations(page);

    await showMoment(page, preview, /^Quality updates: installing$/);
    await expect(page.getByTestId('oobe-title')).toContainText(/Installing updates \d+%/);

    await showMoment(page, preview, /^Quality updates: restarting$/);
    await expect(page.locator('main')).toHaveAttribute('data-stage', 'restarting');
  });
});

test.describe('pre-provisioning, technician flow (§7.6)', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('pre-provisioning-success.json'), '--speed', '1'] });

  test('opens with the Windows Autopilot provisioning option', async ({ page, preview }) => {
    await showMoment(page, preview, /^Pre-provisioning options$/);
    await expect(page.getByText('Windows Autopilot provisioning')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('lets the technician select Continue, then Provision, to start the ESP', async ({ page, preview }) => {
    await showMoment(page, preview, /^Pre-provisioning options$/);
    await command(page, preview, { type: 'resume' });
    await page.getByTestId('pp-continue').click();
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'preProvisioningConfiguration');
    await page.getByTestId('pp-provision').click();
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'esp');
  });

  test('shows the configuration screen with organization, profile, user and Provision', async ({ page, preview }) => {
    await showMoment(page, preview, /^Windows Autopilot Configuration$/);
    await expect(page.getByTestId('pp-organization')).toHaveText('Contoso');
    await expect(page.getByTestId('pp-assigned-user')).toHaveText('adele@contoso.com');
    await expect(page.getByTestId('pp-provision')).toHaveText('Provision');
    await expect(page.getByTestId('qr-code')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  for (const look of looks) {
    test(`ends on the green page; Reseal shuts the device down (${look})`, async ({ page, preview }) => {
      await showMoment(page, preview, /^Pre-provisioning succeeded$/, look);
      await expect(page.locator('main')).toHaveAttribute('data-success', 'true');
      await expect(page.getByRole('heading', { name: 'Pre-provisioning succeeded' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Reseal' }).click();
      await expect(page.locator('main')).toHaveAttribute('data-screen', 'shutDown');
    });
  }
});

test.describe('pre-provisioning failure (§7.6)', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('pre-provisioning-app-failure.json'), '--speed', '1'] });

  test('shows the red page with Retry, Reset and Collect logs; Retry runs again', async ({ page, preview }) => {
    await showMoment(page, preview, /^Pre-provisioning failed$/, 'windows10');
    await expect(page.locator('main')).toHaveAttribute('data-success', 'false');
    await expect(page.getByTestId('pp-error-text')).toHaveText(/Please call the Contoso|Setup could not be completed/);
    await expect(page.getByTestId('action-retry')).toBeVisible();
    await expect(page.getByTestId('action-reset')).toBeVisible();
    await expect(page.getByTestId('action-collectLogs')).toBeVisible();
    await expectNoAxeViolations(page);
    await command(page, preview, { type: 'resume' });
    await page.getByTestId('action-retry').click();
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'esp');
  });
});

test.describe('self-deploying (§7.7)', () => {
  test.describe('with Assigned Access', () => {
    test.use({ previewArgs: ['--scenario', bundledScenario('self-deploying-kiosk.json'), '--speed', '1'] });

    test('ends in the kiosk app', async ({ page, preview }) => {
      await showMoment(page, preview, /^Kiosk$/);
      await expect(page.getByTestId('kiosk-app')).toContainText('Contoso Visitor Kiosk');
      await expectNoAxeViolations(page);
    });
  });

  test.describe('without TPM attestation', () => {
    test.use({ previewArgs: ['--scenario', bundledScenario('self-deploying-tpm-failure.json'), '--speed', '1'] });

    test('shows Failed: 0x800705b4 and Previous step failed in Device preparation', async ({ page, preview }) => {
      await showMoment(page, preview, /^Error screen$/);
      await page.getByRole('button', { name: 'Device preparation Show details' }).click();
      await expect(page.getByTestId('item-devicePreparation-tpm')).toHaveText(
        'Securing your hardware (Failed: 0x800705b4)',
      );
      await expect(page.getByTestId('item-devicePreparation-join')).toHaveText(
        "Joining your organization's network (Previous step failed)",
      );
      await expect(page.getByTestId('phase-status-deviceSetup')).toHaveText('Previous step failed');
    });
  });
});

test.describe('Block device use = No (§1.10)', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('block-device-use-no.json'), '--speed', '1'] });

  test('offers Continue anyway while Device setup runs, and it leads to the desktop', async ({ page, preview }) => {
    await showMoment(page, preview, /^Device setup: Working on it\.\.\.$/, 'windows10');
    const button = page.getByTestId('action-continueAnywayWhileRunning');
    await expect(button).toHaveText('Continue anyway');
    await expectNoAxeViolations(page);
    await command(page, preview, { type: 'setSpeed', speed: 100 });
    await command(page, preview, { type: 'resume' });
    await button.click();
    await expect(page.locator('main')).toHaveAttribute('data-screen', 'desktop', { timeout: 15_000 });
  });
});

test.describe('apps left out of the blocking list (article, App 1–4)', () => {
  test.use({ previewArgs: ['--scenario', bundledScenario('selected-blocking-apps.json'), '--speed', '1'] });

  test('are still installing on the desktop', async ({ page, preview }) => {
    await showMoment(page, preview, /^Desktop$/);
    await expect(page.getByTestId('deferred-apps')).toContainText('Company Portal');
    await expect(page.getByTestId('deferred-apps')).toContainText('Contoso Expenses');
    await expectNoAxeViolations(page);
  });
});
