/**
 * The screens' `t` (translatorFor) reads plain and simply filled texts straight from the catalogs and sends everything
 * else through i18next's own `t`: both ways must give the same words for every key of every catalog, with and without
 * values, whatever the values are (docs/fidelity.md, "Languages").
 */
import fc from 'fast-check';
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
const ALL_KEYS = keys(CATALOGS.en);
/** Every placeholder name any catalog uses, and a few i18next reads as options. */
const NAMES = [
  ...new Set(
    JSON.stringify(CATALOGS)
      .match(/\{\{\w+\}\}/g)
      ?.map((p) => p.slice(2, -2)) ?? [],
  ),
  'context',
  'lng',
  'defaultValue',
  'extra',
];

/** The words, or the error thrown (i18next throws for some option values, such as a number as `lng`). */
function outcome(translate: () => string): { words: string } | { threw: string } {
  try {
    return { words: translate() };
  } catch (error) {
    return { threw: String(error) };
  }
}

const theirsFor = (language: (typeof LANGUAGES)[number]): Loose => i18n().getFixedT(language) as unknown as Loose;

describe('translatorFor agrees with i18next', () => {
  for (const language of LANGUAGES) {
    it(`${language}: every key, bare, and every plural group with counts and values`, () => {
      const ours = translatorFor(language) as unknown as Loose;
      const theirs = theirsFor(language);
      for (const key of ALL_KEYS) expect(ours(key), key).toBe(theirs(key));
      const values = { done: 2, expected: 5, title: 'Apps', status: '2 of 5', code: '0x80070643', category: 'X' };
      for (const group of new Set(ALL_KEYS.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))) {
        for (const count of [0, 1, 2, 5, 21, 1_000_000])
          expect(ours(group, { ...values, count }), `${group} ${count}`).toBe(theirs(group, { ...values, count }));
      }
      for (const key of ALL_KEYS) expect(ours(key, values), key).toBe(theirs(key, values));
    });
  }

  it('any key with any values in any language: the same words (values with braces, $t(…), numbers, extra or missing ones)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('{{title}}', '$t(esp.pageTitle)', '{{- x}}', '</b>', 'Apps', '$&', "$'"),
      fc.integer(),
      fc.double({ noNaN: true }),
    );
    // Values for exactly the places the text has (the catalog's own use, which the fast path serves), sometimes
    // with one left out or one more, which i18next must answer.
    const call = fc
      .record({
        language: fc.constantFrom(...LANGUAGES),
        key: fc.constantFrom(...ALL_KEYS, ...ALL_KEYS.map((k) => k.replace(PLURAL, ''))),
      })
      .chain(({ language, key }) => {
        const text = JSON.stringify(
          key.split('.').reduce<unknown>((node, part) => (node as Catalog)?.[part], CATALOGS[language]),
        );
        const places = [...new Set(text?.match(/\{\{\w+\}\}/g)?.map((p) => p.slice(2, -2)) ?? [])];
        const exact = fc.record(Object.fromEntries(places.map((name) => [name, value])));
        const values = fc.oneof(
          { weight: 4, arbitrary: exact },
          {
            weight: 1,
            arbitrary: fc
              .tuple(exact, fc.dictionary(fc.constantFrom(...NAMES), value))
              .map(([a, b]) => ({ ...b, ...a })),
          },
          { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...NAMES), value) },
        );
        return values.map((v) => ({ language, key, values: v }));
      });
    fc.assert(
      fc.property(call, ({ language, key, values }) => {
        const ours = translatorFor(language) as unknown as Loose;
        expect(outcome(() => ours(key, values))).toEqual(outcome(() => theirsFor(language)(key, values)));
      }),
      { numRuns: 3000 },
    );
  });

  it('a key no catalog has, or a subtree, still answers as i18next does', () => {
    const ours = translatorFor('de') as unknown as Loose;
    const theirs = theirsFor('de');
    for (const key of ['esp.noSuchKey', 'esp', 'esp.progress.apps', 'translation:esp.pageTitle', 'esp..row', ''])
      expect(ours(key), key).toBe(theirs(key));
  });
});
