/**
 * The screens' `t` (translatorFor) reads plain texts straight from i18next's store and sends everything else through
 * i18next's own `t`: both ways must give the same words for every key of every catalog, with and without options.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/esp';
import type { Catalog } from '../../../renderer/src/i18n/catalog';
import { i18n, translatorFor } from '../../../renderer/src/i18n';
import { CATALOGS } from '../../../renderer/src/i18n/options';

function keys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
type Loose = (...args: unknown[]) => string;

describe('translatorFor agrees with i18next', () => {
  for (const language of LANGUAGES) {
    it(`${language}: every key, bare, and every plural group with counts and values`, () => {
      const ours = translatorFor(language) as unknown as Loose;
      const theirs = i18n.getFixedT(language) as unknown as Loose;
      const all = keys(CATALOGS.en);
      for (const key of all) expect(ours(key), key).toBe(theirs(key));
      const values = { done: 2, expected: 5, title: 'Apps', status: '2 of 5', code: '0x80070643', category: 'X' };
      for (const group of new Set(all.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))) {
        for (const count of [0, 1, 2, 5, 21])
          expect(ours(group, { ...values, count }), `${group} ${count}`).toBe(theirs(group, { ...values, count }));
      }
      for (const key of all) expect(ours(key, values), key).toBe(theirs(key, values));
    });
  }

  it('a key no catalog has, or a subtree, still answers as i18next does', () => {
    const ours = translatorFor('de') as unknown as Loose;
    const theirs = i18n.getFixedT('de') as unknown as Loose;
    for (const key of ['esp.noSuchKey', 'esp', 'esp.progress.apps', 'translation:esp.pageTitle'])
      expect(ours(key), key).toBe(theirs(key));
  });
});
