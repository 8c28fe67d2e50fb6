/**
 * The device screens' language: the scenario's `device.locale` (default en-US), the operator's `setLanguage`
 * over it, and the data the snapshot carries beside its English sentences so the screens can translate.
 */
import { describe, expect, it } from 'vitest';
import { Session } from '../../../electron/core/session/session';
import { formatProblem, validateScenario } from '../../../electron/core/scenario/validate';
import { languageOfLocale } from '../../../shared/esp';
import { ManualClock } from '../helpers/manualClock';
import {
  DEVICE_GROUP,
  allDevices,
  groupTarget,
  makeApp,
  makeProfile,
  makeScenario,
  required,
} from '../helpers/scenarioFactory';

function scenario(locale: string) {
  return makeScenario({
    device: { locale },
    tenant: {
      espProfiles: [makeProfile({ id: 'esp', assignments: [groupTarget(DEVICE_GROUP)] })],
      apps: [makeApp({ id: 'teams', assignments: [required(allDevices())] })],
    },
    simulation: { apps: { teams: { installSeconds: 60, downloadMB: 0, exitCodes: [1603] } } },
  });
}

function session(locale: string): Session {
  return new Session({ scenario: scenario(locale), clock: new ManualClock(), autoStart: false });
}

describe('the screen language', () => {
  it('follows the language subtag of the locale, English for the others', () => {
    expect(languageOfLocale('en-US')).toBe('en');
    expect(languageOfLocale('de-DE')).toBe('de');
    expect(languageOfLocale('de-CH')).toBe('de');
    expect(languageOfLocale('fr-CA')).toBe('fr');
    expect(languageOfLocale('FR')).toBe('fr');
    expect(languageOfLocale('es-ES')).toBe('en');
  });

  it("comes from the scenario's device.locale", () => {
    expect(session('en-US').snapshot().language).toBe('en');
    expect(session('de-DE').snapshot().language).toBe('de');
    expect(session('fr-FR').snapshot().language).toBe('fr');
  });

  it('can be chosen by the operator, and stays chosen across a restart', () => {
    const s = session('de-DE');
    expect(s.handle({ type: 'setLanguage', language: 'fr' })).toEqual({ ok: true });
    expect(s.snapshot().language).toBe('fr');
    s.handle({ type: 'restart' });
    expect(s.snapshot().language).toBe('fr');
    s.handle({ type: 'setLanguage', language: 'en' });
    expect(s.snapshot().language).toBe('en');
  });

  it('changes words only: the English sentences stay as they are', () => {
    const s = session('en-US');
    const before = s.snapshot(0);
    s.handle({ type: 'setLanguage', language: 'de' });
    const after = s.snapshot(0);
    expect(after.phases).toEqual(before.phases);
    expect(after.announcement).toBe(before.announcement);
  });
});

describe('device.locale in a scenario file', () => {
  const base = { schemaVersion: 1, name: 'Test', deployment: { mode: 'userDriven' } };

  it('defaults to en-US', () => {
    const result = validateScenario(base);
    expect(result.ok && result.scenario.device.locale).toBe('en-US');
  });

  it('accepts de-DE and fr-FR without a warning', () => {
    for (const locale of ['de-DE', 'fr-FR']) {
      const result = validateScenario({ ...base, device: { locale } });
      expect(result.ok && result.warnings).toEqual([]);
    }
  });

  it('warns that a language the screens do not speak is shown in English', () => {
    const result = validateScenario({ ...base, device: { locale: 'es-ES' } });
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      'device.locale: the device screens speak en, de, fr; "es-ES" is shown in English',
    ]);
  });

  it('refuses something that is not a language tag', () => {
    const result = validateScenario({ ...base, device: { locale: 'German' } });
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      'device.locale: a language tag such as en-US, de-DE or fr-FR',
    ]);
  });
});

describe('the data beside the English', () => {
  it('carries each row status, the category status and the error message as data', () => {
    const s = session('en-US');
    const end = s.snapshot(1e6);
    const setup = end.phases.find((p) => p.id === 'deviceSetup')!;
    expect(setup.statusKey).toBe('error');
    expect(setup.items.find((i) => i.id === 'apps')!.statusParts).toEqual({
      kind: 'failedCode',
      hresult: '0x80070643',
      failedPrefix: false,
    });
    expect(end.errorScreen?.messageParts).toEqual({ kind: 'default' });
    expect(end.announcementParts).toMatchObject({ kind: 'error', phase: 'deviceSetup' });
  });
});
