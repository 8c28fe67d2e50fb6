/**
 * The device screens in German and French (docs/fidelity.md, "Languages"): chosen by the scenario's
 * `device.locale` or by the operator (`setLanguage`), in the real browser preview, with axe on each. German and
 * French are the project's translations; English stays Windows' wording (the other specs check it).
 */
import { expectNoAxeViolations } from './axe';
import type { Page } from '@playwright/test';
import { expect, scenarioPath, test } from './preview';
import type { Preview } from './preview';

/** The part of a snapshot these tests read. */
interface Snap {
  language: string;
  moments: { t: number; label: string }[];
  clock: { elapsedSeconds: number };
  phases: { id: string; items: { id: string; statusParts: { kind: string; done?: number } }[] }[];
}

async function command(page: Page, preview: Preview, body: object): Promise<void> {
  const response = await page.request.post(new URL('/api/command', preview.url).toString(), {
    data: body,
    headers: preview.commandHeaders,
  });
  expect(response.ok(), JSON.stringify(await response.json())).toBe(true);
}

async function snapshot(page: Page, preview: Preview): Promise<Snap> {
  return (await page.request.get(new URL('/api/snapshot', preview.url).toString())).json() as Promise<Snap>;
}

/** Holds the run still (started, paused) so the tests choose the moment on screen. */
async function hold(page: Page, preview: Preview): Promise<void> {
  await command(page, preview, { type: 'start' });
  await command(page, preview, { type: 'pause' });
}

/** Jumps to the first moment whose label matches (the operator's Jump to). */
async function seekMoment(page: Page, preview: Preview, label: RegExp): Promise<void> {
  const moment = (await snapshot(page, preview)).moments.find((m) => label.test(m.label));
  expect(moment, `a moment matching ${label}`).toBeDefined();
  await command(page, preview, { type: 'seek', seconds: moment!.t });
}

/** Jumps to the first second at which Device setup's Apps row has `done` apps installed. */
async function seekAppsDone(page: Page, preview: Preview, done: number): Promise<void> {
  await seekMoment(page, preview, /^Device setup: Working on it\.\.\.$/);
  let t = (await snapshot(page, preview)).clock.elapsedSeconds;
  for (let i = 0; i < 400; i += 1, t += 5) {
    await command(page, preview, { type: 'seek', seconds: t });
    const apps = (await snapshot(page, preview)).phases
      .find((p) => p.id === 'deviceSetup')!
      .items.find((item) => item.id === 'apps')!;
    if (apps.statusParts.kind === 'progress' && apps.statusParts.done === done) return;
  }
  throw new Error(`Device setup never showed ${done} apps installed`);
}

test.describe('a German device (device.locale de-DE)', () => {
  test.use({ previewArgs: ['--scenario', scenarioPath('german-device.json'), '--speed', '1'] });

  test('shows the ESP in German: titles, statuses and a row count', async ({ page, preview }) => {
    await hold(page, preview);
    expect((await snapshot(page, preview)).language).toBe('de');
    await seekAppsDone(page, preview, 2);
    await page.goto(preview.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Einrichtung für Arbeit oder Schule');
    await expect(page.getByTestId('phase-devicePreparation').getByRole('heading')).toHaveText('Gerätevorbereitung');
    await expect(page.getByTestId('phase-deviceSetup').getByRole('heading')).toHaveText('Geräteeinrichtung');
    await expect(page.getByTestId('phase-accountSetup').getByRole('heading')).toHaveText('Kontoeinrichtung');
    await expect(page.getByTestId('phase-status-devicePreparation')).toHaveText('Abgeschlossen');
    await expect(page.getByTestId('phase-status-deviceSetup')).toHaveText('Wird ausgeführt...');
    await expect(page.getByTestId('phase-status-accountSetup')).toHaveText(
      'Warten auf den Abschluss des vorherigen Schritts',
    );
    await expect(page.getByRole('progressbar', { name: 'Geräteeinrichtung wird ausgeführt' })).toBeVisible();

    await page.getByRole('button', { name: 'Geräteeinrichtung Details anzeigen' }).click();
    await expect(page.getByTestId('item-deviceSetup-securityPolicies')).toHaveText(
      'Sicherheitsrichtlinien (1 von 1 angewendet)',
    );
    await expect(page.getByTestId('item-deviceSetup-apps')).toHaveText('Apps (2 von 5 installiert)');
    await expect(page.getByRole('button', { name: 'Geräteeinrichtung Details ausblenden' })).toBeVisible();
    await expect(page.getByTestId('announcer')).toHaveText('Geräteeinrichtung: Apps (2 von 5 installiert)');
    await expectNoAxeViolations(page);
  });

  for (const look of ['windows11', 'windows10'] as const) {
    test(`shows the error screen in German (${look})`, async ({ page, preview }) => {
      await hold(page, preview);
      await seekMoment(page, preview, /^Error screen$/);
      await command(page, preview, { type: 'setLook', look });
      await page.goto(preview.url);
      await expect(page.locator('main')).toHaveAttribute('data-error', 'true');
      // The profile has no message of its own: Intune's default, in German.
      await expect(page.getByTestId('error-message')).toHaveText(
        'Die Einrichtung konnte nicht abgeschlossen werden. Versuchen Sie es erneut, oder wenden Sie sich an Ihren Supportmitarbeiter.',
      );
      await expect(page.getByTestId('action-resetDevice')).toHaveText('Gerät zurücksetzen');
      await expect(page.getByTestId('action-tryAgain')).toHaveText('Erneut versuchen');
      await expect(page.getByTestId('action-continueAnyway')).toHaveText('Trotzdem fortfahren');
      // Inclusive Blue says a sentence before Continue anyway; Lite has the link only (CXH).
      if (look === 'windows10')
        await expect(page.getByTestId('continue-note')).toHaveText(
          'Sie können trotzdem fortfahren, sollten sich aber zuerst an Ihre IT-Abteilung wenden.',
        );
      else await expect(page.getByTestId('continue-note')).toHaveCount(0);
      if (look === 'windows11') {
        await expect(page.getByTestId('action-viewDiagnostics')).toHaveText('Diagnose anzeigen');
        await expect(page.getByTestId('esp-link-blob')).toContainText(
          'Wählen Sie für weitere Details Diagnose anzeigen aus.',
        );
      } else {
        await expect(page.getByTestId('action-collectLogs')).toHaveText('Protokolle sammeln');
      }
      await expect(page.getByTestId('phase-status-deviceSetup')).toHaveText('Fehler');
      await expect(page.getByTestId('phase-status-accountSetup')).toHaveText('Vorheriger Schritt fehlgeschlagen');
      await expectNoAxeViolations(page);

      await page.getByTestId('action-resetDevice').click();
      const dialog = page.getByRole('dialog', { name: 'Dieses Gerät zurücksetzen?' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('button', { name: 'Abbrechen' })).toBeFocused();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();
      await expect(dialog).toBeHidden();
    });
  }

  test('switches to French, then English, when the operator says so, without a reload', async ({ page, preview }) => {
    await hold(page, preview);
    await seekAppsDone(page, preview, 1);
    await page.goto(preview.url);
    await expect(page.getByTestId('phase-deviceSetup').getByRole('heading')).toHaveText('Geräteeinrichtung');

    await command(page, preview, { type: 'setLanguage', language: 'fr' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Configuration pour le travail ou l’école');
    await expect(page.getByTestId('phase-devicePreparation').getByRole('heading')).toHaveText(
      'Préparation de l’appareil',
    );
    await expect(page.getByTestId('phase-deviceSetup').getByRole('heading')).toHaveText('Configuration de l’appareil');
    await expect(page.getByTestId('phase-accountSetup').getByRole('heading')).toHaveText('Configuration du compte');
    await page.getByRole('button', { name: 'Configuration de l’appareil Afficher les détails' }).click();
    // French agrees the participle with the count: one is singular, two are plural.
    await expect(page.getByTestId('item-deviceSetup-securityPolicies')).toHaveText(
      'Stratégies de sécurité (1 sur 1 appliquée)',
    );
    await expect(page.getByTestId('item-deviceSetup-apps')).toHaveText('Applications (1 sur 5 installée)');
    await seekAppsDone(page, preview, 2);
    await expect(page.getByTestId('item-deviceSetup-apps')).toHaveText('Applications (2 sur 5 installées)');
    await expectNoAxeViolations(page);

    await command(page, preview, { type: 'setLanguage', language: 'en' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('phase-deviceSetup').getByRole('heading')).toHaveText('Device setup');
    await expect(page.getByTestId('item-deviceSetup-apps')).toHaveText('Apps (2 of 5 installed)');
  });
});

test.describe('an English scenario shown in French by the operator', () => {
  test.use({ previewArgs: ['--scenario', scenarioPath('teams-fails.json'), '--speed', '1'] });

  test('words the error screen in French and keeps the admin message as written', async ({ page, preview }) => {
    await hold(page, preview);
    expect((await snapshot(page, preview)).language).toBe('en');
    await command(page, preview, { type: 'setLanguage', language: 'fr' });
    await seekMoment(page, preview, /^Error screen$/);
    await command(page, preview, { type: 'setLook', look: 'windows11' });
    await page.goto(preview.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByTestId('phase-deviceSetup').getByRole('heading')).toHaveText('Configuration de l’appareil');
    await expect(page.getByTestId('phase-status-deviceSetup')).toHaveText('Erreur');
    await expect(page.getByTestId('phase-status-accountSetup')).toHaveText('Échec de l’étape précédente');
    await expect(page.getByTestId('error-message')).toHaveText(
      'Teams did not install. Call the Contoso helpdesk on 555-0100.',
    );
    await expect(page.getByTestId('action-resetDevice')).toHaveText('Réinitialiser l’appareil');
    await expect(page.getByTestId('action-tryAgain')).toHaveText('Réessayer');
    await expect(page.getByTestId('action-continueAnyway')).toHaveText('Continuer quand même');
    await expect(page.getByTestId('action-viewDiagnostics')).toHaveText('Afficher les diagnostics');
    await expect(page.getByTestId('esp-link-blob')).toContainText(
      'Pour plus de détails, sélectionnez Afficher les diagnostics.',
    );
    await page.getByRole('button', { name: 'Configuration de l’appareil Afficher les détails' }).click();
    await expect(page.getByTestId('item-deviceSetup-apps')).toHaveText('Applications (0x80070643)');
    await expectNoAxeViolations(page);
  });
});
