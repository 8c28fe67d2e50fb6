/**
 * The device screens' catalogs (renderer/src/i18n): German and French have every key of the English reference
 * and nothing else, each plural group has exactly its language's CLDR forms, every translation keeps the
 * placeholders and component tags of its English, and the counted rows resolve their plurals.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/esp';
import type { Catalog } from '../../../renderer/src/i18n/catalog';
import { CATALOGS, I18N_OPTIONS } from '../../../renderer/src/i18n/options';
import type { Translate } from '../../../renderer/src/i18n/types';
import { errorMessageWords, itemRowWords } from '../../../renderer/src/i18n/words';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf as `a.b.c` → text. */
function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Keys without their plural suffix, each with the plural forms it has (empty for a plain key). */
function keyGroups(catalog: Catalog): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of flatten(catalog).keys()) {
    const form = PLURAL.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    const forms = groups.get(base) ?? new Set<string>();
    if (form) forms.add(form);
    groups.set(base, forms);
  }
  return groups;
}

/** `{{name}}` placeholders and `<tag/>` components of a text, sorted. */
function markers(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)\s*\/?>/g)].map((m) => m[0].replace(/\s+/g, '')).sort();
}

const english = keyGroups(CATALOGS.en);

describe('the catalogs', () => {
  for (const language of LANGUAGES) {
    describe(language, () => {
      const groups = keyGroups(CATALOGS[language]);
      const categories = new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);

      it('has every key of English and no other', () => {
        expect([...groups.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it("has each plural group in exactly its language's CLDR forms", () => {
        for (const [key, forms] of groups) {
          if (english.get(key)!.size === 0) expect(forms.size, key).toBe(0);
          else expect([...forms].sort(), key).toEqual([...categories].sort());
        }
      });

      it('keeps the placeholders and components of the English in every text', () => {
        const en = flatten(CATALOGS.en);
        for (const [key, text] of flatten(CATALOGS[language])) {
          const base = key.replace(PLURAL, '_other');
          const reference = en.get(key) ?? en.get(base);
          expect(reference, key).toBeDefined();
          expect(markers(text), key).toEqual(markers(reference!));
          expect(text.trim(), key).not.toBe('');
        }
      });
    });
  }
});

describe('words from the catalogs', () => {
  let instance: I18n;
  const t = (language: string): Translate => instance.getFixedT(language);

  beforeAll(async () => {
    instance = i18next.createInstance();
    await instance.init(I18N_OPTIONS);
  });

  const row = (language: string, id: 'apps' | 'certificates' | 'securityPolicies', done: number, expected: number) =>
    itemRowWords(t(language), { id, statusParts: { kind: 'progress', done, expected, verb: 'installed' } });

  it('English reads as Windows: 1 of 1 applied, 2 of 5 installed', () => {
    expect(row('en', 'securityPolicies', 1, 1)).toBe('Security policies (1 of 1 applied)');
    expect(row('en', 'apps', 2, 5)).toBe('Apps (2 of 5 installed)');
    expect(row('en', 'apps', 0, 3)).toBe('Apps (0 of 3 installed)');
  });

  it('German counts the same way in both forms', () => {
    expect(row('de', 'securityPolicies', 1, 1)).toBe('Sicherheitsrichtlinien (1 von 1 angewendet)');
    expect(row('de', 'apps', 2, 5)).toBe('Apps (2 von 5 installiert)');
  });

  it('French agrees the participle with the count (0 and 1 singular) and the noun', () => {
    expect(row('fr', 'securityPolicies', 1, 1)).toBe('Stratégies de sécurité (1 sur 1 appliquée)');
    expect(row('fr', 'apps', 0, 3)).toBe('Applications (0 sur 3 installée)');
    expect(row('fr', 'apps', 2, 5)).toBe('Applications (2 sur 5 installées)');
    expect(row('fr', 'certificates', 2, 2)).toBe('Certificats (2 sur 2 appliqués)');
    expect(row('fr', 'apps', 1_000_000, 1_000_000)).toBe('Applications (1000000 sur 1000000 installées)');
  });

  it('resolves every plural key in every form its language has', () => {
    for (const language of LANGUAGES) {
      const rules = new Intl.PluralRules(language);
      for (const [key, forms] of english) {
        if (forms.size === 0) continue;
        for (const count of [0, 1, 2, 5, 21, 1_000_000]) {
          const text = t(language)(key as 'esp.progress.apps', { count, done: count, expected: count });
          const form = rules.select(count);
          const raw = flatten(CATALOGS[language]).get(`${key}_${form}`);
          expect(raw, `${language} ${key}_${form}`).toBeDefined();
          expect(text, `${language} ${key} ${count}`).not.toContain(key);
          expect(text).not.toMatch(/\{\{/);
        }
      }
    }
  });

  it('shows the admin message as written and words Windows texts in the language', () => {
    expect(errorMessageWords(t('de'), { kind: 'custom' }, 'Call the Contoso desk.')).toBe('Call the Contoso desk.');
    expect(errorMessageWords(t('fr'), { kind: 'default' }, 'x')).toMatch(/^La configuration n’a pas pu/);
    expect(errorMessageWords(t('de'), { kind: 'preProvisioning', error: 'mdmEnrollment', code: '80180014' }, 'x')).toBe(
      'Die MDM-Registrierung konnte nicht abgeschlossen werden. Fehler: 0x80180014',
    );
  });
});
