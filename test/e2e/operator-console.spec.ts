/**
 * The operator console in the browser preview: every page passes axe; the run controls speak people's words and
 * hold a jumped-to moment; the library keeps unsaved edits across a reload, sets an unreadable file aside, and
 * imports Intune exports dropped on it through the same importer as `esp-sim import`.
 */
import { expectNoAxeViolations } from './axe';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, root, test } from './preview';

const realWorld = resolve(root, '..', 'shared', 'fixtures', 'real-world');
const hasRealWorld = existsSync(realWorld);
if (!hasRealWorld) {
  console.log(
    'skipped: operator-console.spec.ts "imports the real-world Intune exports" — ../shared/fixtures/real-world is absent (a fresh clone has no ../shared)',
  );
}

const libraries: string[] = [];
function freshLibrary(): string {
  const folder = mkdtempSync(join(tmpdir(), 'esp-e2e-console-'));
  libraries.push(folder);
  return folder;
}
test.afterAll(() => {
  for (const folder of libraries) rmSync(folder, { recursive: true, force: true });
});

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Console pages' }).getByRole('button', { name, exact: true });
}

async function duplicate(page: Page, bundledName: string, name: string): Promise<void> {
  await nav(page, 'Library').click();
  await page.getByRole('button', { name: `Duplicate to edit ${bundledName}` }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('op-message')).toContainText(`Duplicated as “${name}”`);
}

test.describe('every page', () => {
  const library = freshLibrary();
  test.use({ previewArgs: ['--library', library] });

  test('passes axe (WCAG 2.1 AA): Run, Library, Profile and its wizard, Tenant & device, Explain', async ({
    page,
    preview,
  }) => {
    // Fifteen axe runs on a busy two-core machine.
    test.setTimeout(300_000);
    await page.goto(new URL('/operator', preview.url).toString());
    await expect(page.getByTestId('op-run-state')).toHaveText('Waiting to start');
    await expectNoAxeViolations(page, 'Run');
    await duplicate(page, 'Contoso user-driven, everything succeeds', 'Accessible copy');
    await expectNoAxeViolations(page, 'Library');

    await nav(page, 'Profile').click();
    await expect(page.getByTestId('op-profiles')).toContainText('Contoso Autopilot ESP');
    await expectNoAxeViolations(page, 'Profile');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Checked by axe');
    for (const step of ['Basics', 'Settings', 'Assignments', 'Scope tags', 'Review + create']) {
      await expect(page.getByRole('button', { name: step, exact: true })).toHaveAttribute('aria-current', 'step');
      await expectNoAxeViolations(page, `Create profile, ${step}`);
      if (step === 'Settings') {
        // Greyed-out settings pass too.
        await page
          .getByRole('radiogroup', { name: 'Block device use until all apps and profiles are installed', exact: true })
          .getByRole('radio', { name: 'No' })
          .check();
        await expectNoAxeViolations(page, 'Create profile, Settings with greyed-out settings');
      }
      if (step !== 'Review + create') await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: 'Cancel' }).click();

    await nav(page, 'Tenant & device').click();
    for (const tab of [
      'Apps',
      'Policies, certificates, networks',
      'Groups & filters',
      'Device & users',
      'Deployment & Windows',
    ]) {
      await page
        .getByRole('navigation', { name: 'Tenant & device sections' })
        .getByRole('button', { name: tab })
        .click();
      await expectNoAxeViolations(page, `Tenant & device, ${tab}`);
    }
    await nav(page, 'Explain').click();
    await expect(page.getByTestId('op-explain-candidates')).toBeVisible();
    await expectNoAxeViolations(page, 'Explain');
  });
});

test.describe('run controls', () => {
  test.use({ previewArgs: ['--library', freshLibrary(), '--speed', '1'] });

  test("start, pause, step, jump (held and selected), resume from it, restart: in people's words", async ({
    page,
    preview,
  }) => {
    await page.goto(new URL('/operator', preview.url).toString());
    const message = page.getByTestId('op-message');
    await expect(page.getByTestId('op-run-state')).toHaveText('Waiting to start');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(message).toHaveText('Started at 1×');
    await expect(page.getByTestId('op-run-state')).toHaveText('Running');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(message).toHaveText(/^Paused at \d+:\d\d:\d\d Enrollment Status Page$/);
    await page.getByRole('button', { name: 'Step to next event' }).click();
    await expect(message).toHaveText(/^Stepped to \d+:\d\d:\d\d /);

    const jump = page.getByLabel('Jump to');
    const desktop = jump.locator('option', { hasText: 'Desktop' });
    const value = (await desktop.getAttribute('value'))!;
    const label = (await desktop.textContent())!;
    await jump.selectOption(value);
    await expect(message).toHaveText(`Jumped to ${label}`);
    await expect(jump).toHaveValue(value);
    await expect(page.getByTestId('op-screen')).toHaveText('Desktop');
    const time = label.split(' ')[0]!;
    await expect(page.getByRole('button', { name: `Resume from ${time}` })).toBeVisible();
    await expect(page.getByTestId('op-timeline')).toContainText('The desktop appears');
    await expect(page.getByTestId('op-timeline')).not.toContainText('appInstallStarted');

    await page.getByRole('button', { name: 'Speed' }).or(page.getByLabel('Speed')).selectOption('600');
    await expect(message).toHaveText('Speed set to 600×');
    await page.getByRole('button', { name: `Resume from ${time}` }).click();
    await expect(message).toHaveText(`Resumed from ${time}`);
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect(message).toHaveText('Restarted from the beginning');
  });
});

test.describe('the library', () => {
  const library = freshLibrary();
  writeFileSync(join(library, 'broken.json'), '{ "schemaVersion": 1, "name": "Half written",');
  test.use({ previewArgs: ['--library', library] });

  test('sets an unreadable file aside, keeps unsaved edits across a reload, and saves only valid scenarios', async ({
    page,
    preview,
  }) => {
    await page.goto(new URL('/operator', preview.url).toString());
    await nav(page, 'Library').click();
    await expect(page.getByTestId('op-set-aside')).toContainText(
      'broken.unreadable-1.json: "broken.json" could not be read: not JSON',
    );
    expect(readFileSync(join(library, 'broken.unreadable-1.json'), 'utf8')).toContain('Half written');
    await expect(page.getByTestId('op-entry-bundled:default')).toContainText(
      'Contoso user-driven, everything succeeds',
    );

    await duplicate(page, 'Contoso user-driven, everything succeeds', 'Draft keeper');
    await nav(page, 'Tenant & device').click();
    await page
      .getByRole('navigation', { name: 'Tenant & device sections' })
      .getByRole('button', { name: 'Device & users' })
      .click();
    await page.getByRole('textbox', { name: 'Model (device.model)' }).fill('Surface Laptop 7');
    await expect(page.getByTestId('op-edit-status')).toHaveText('Unsaved changes (kept as a draft)');
    expect(existsSync(join(library, 'draft-keeper.draft.json'))).toBe(true);

    await page.reload();
    await page.getByRole('button', { name: 'Restore unsaved edits' }).click();
    await nav(page, 'Tenant & device').click();
    await page
      .getByRole('navigation', { name: 'Tenant & device sections' })
      .getByRole('button', { name: 'Device & users' })
      .click();
    await expect(page.getByRole('textbox', { name: 'Model (device.model)' })).toHaveValue('Surface Laptop 7');

    // An invalid scenario is never saved over the valid file.
    await page.getByRole('textbox', { name: 'Serial number' }).fill('');
    await expect(page.getByTestId('op-edit-status')).toHaveText(/1 problem/);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('op-message')).toHaveText(/^Not saved: the scenario has 1 problem/);
    expect(JSON.parse(readFileSync(join(library, 'draft-keeper.json'), 'utf8')).device.serialNumber).toBe('5CG1234XYZ');
    await page.getByRole('textbox', { name: 'Serial number' }).fill('PILOT-01');
    await expect(page.getByTestId('op-edit-status')).toHaveText('Unsaved changes (kept as a draft)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('op-message')).toHaveText('Saved “Draft keeper”');
    const saved = JSON.parse(readFileSync(join(library, 'draft-keeper.json'), 'utf8'));
    expect(saved.device).toMatchObject({ serialNumber: 'PILOT-01', model: 'Surface Laptop 7' });
    expect(existsSync(join(library, 'draft-keeper.draft.json'))).toBe(false);
  });

  test('imports Intune exports dropped on it, shows what was and was not mapped, and opens the result', async ({
    page,
    preview,
  }) => {
    await page.goto(new URL('/operator', preview.url).toString());
    await nav(page, 'Library').click();
    const profile = {
      '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
      id: 'esp-dropped',
      displayName: 'Dropped ESP',
      priority: 1,
      showInstallationProgress: true,
      customErrorMessage: 'Dropped in from Intune.',
      assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
    };
    const ios = { '@odata.type': '#microsoft.graph.iosVppApp', id: 'ios-1', displayName: 'An iPhone app' };
    const files = [
      { name: 'esp.json', base64: Buffer.from(JSON.stringify(profile)).toString('base64') },
      { name: 'ios.json', base64: Buffer.from(JSON.stringify(ios)).toString('base64') },
    ];
    const dataTransfer = await page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const f of list) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: 'application/json' }));
      }
      return transfer;
    }, files);
    await page.getByTestId('op-dropzone').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByTestId('op-message')).toHaveText(
      /^Imported \d+ objects \(1 not mapped\); the device screen runs the result$/,
    );
    await expect(page.getByTestId('op-import-mapped')).toContainText('Dropped ESP');
    await expect(page.getByTestId('op-import-unmapped')).toContainText('ios.json');
    await expect(page.getByTestId('op-scenario-name')).toHaveText('Imported from Intune exports');
    await nav(page, 'Explain').click();
    await expect(page.getByTestId('op-explain-profile')).toContainText('Dropped ESP');
  });

  test('imports the real-world Intune exports (../shared/fixtures/real-world)', async ({ page, preview }) => {
    test.skip(!hasRealWorld, '../shared/fixtures/real-world is absent (a fresh clone has no ../shared)');
    await page.goto(new URL('/operator', preview.url).toString());
    await nav(page, 'Library').click();
    const paths = ['esp-profiles', 'apps'].flatMap((folder) =>
      readdirSync(join(realWorld, folder))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(realWorld, folder, f)),
    );
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose Intune exports' }).click();
    await (await chooser).setFiles(paths);
    await expect(page.getByTestId('op-message')).toHaveText(
      /^Imported \d+ objects \(\d+ not mapped\); the device screen runs the result$/,
    );
    await expect(page.getByTestId('op-import-mapped')).toContainText('OpenIntuneBaseline');
    await expect(page.getByTestId('op-import-unmapped')).not.toBeEmpty();
  });
});
