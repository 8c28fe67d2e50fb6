/**
 * The device screens' languages (docs/fidelity.md, "Languages"): the three catalogs, i18next for what needs it, and
 * the hooks the screens use. The language is the snapshot's (`snapshot.language`: the scenario's `device.locale`,
 * or the operator's choice), so every screen follows the session without any state of its own.
 *
 * i18next: JSON-shaped catalogs, CLDR plural rules through the browser's Intl.PluralRules (`_one` / `_many` /
 * `_other`), fallback to English, nesting. No React binding (react-i18next): the language is the snapshot's, which
 * the store already delivers to every screen, and i18next's own language never changes, so a hook needs only a `t`
 * fixed to that language; `<link/>` markers go through TextWithComponents.
 *
 * i18next starts on first use, not with the page: its start and its first calls cost about 13 ms of the ESP's
 * first frame on the benchmark machine (bench/README.md), and that frame needs none of what only i18next does.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import type { Language } from '../../../shared/esp';
import { useSnapshotStore } from '../store/snapshotStore';
import type { Catalog } from './catalog';
import { CATALOGS, I18N_OPTIONS } from './options';
import type { Translate } from './types';

export type { Translate } from './types';
export { TextWithComponents } from './TextWithComponents';

let instance: I18n | null = null;

/** The i18next instance holding the three catalogs, initialised (synchronously: all in memory) on the first call. */
export function i18n(): I18n {
  if (instance === null) {
    instance = i18next.createInstance();
    void instance.init(I18N_OPTIONS);
  }
  return instance;
}

/** Starts i18next while the page is idle, so the first text that needs it (a count) does not wait for its start. */
export function warmUpTranslations(): void {
  i18n();
}

/** The text at a dotted key (`esp.status.error`), or undefined where the catalog has none or a group. */
function textAt(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const PLACEHOLDER = /\{\{(.*?)\}\}/g;
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
/** i18next's own options: a value under one of these names is never a plain value, even where a text uses it. */
const I18NEXT_OPTIONS: ReadonlySet<string> = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keyPrefix',
  'defaultValue',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
]);

/**
 * `text` with each `{{name}}` replaced by `values[name]`, when that is all the text asks for and all the values
 * are: every placeholder a plain name with a string or number value, and no value i18next would read as an option
 * (`count`, `context`, `lng`, `defaultValue`, ..., or any value no placeholder uses). Otherwise undefined, and i18next
 * answers. Values are inserted as they are, as i18next does with `escapeValue: false` (React escapes what it renders).
 */
function interpolated(text: string, values: Readonly<Record<string, unknown>>): string | undefined {
  const used = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!PLAIN_NAME.test(name) || I18NEXT_OPTIONS.has(name) || !Object.hasOwn(values, name)) return undefined;
    const value = values[name];
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    used.add(name);
  }
  if (Object.keys(values).some((name) => !used.has(name))) return undefined;
  return text.replace(PLACEHOLDER, (_, name: string) => String(values[name]));
}

/** One `t` per language, made once, so screens get the same function every render (stable for effects and memos). */
const translators = new Map<Language, Translate>();

/**
 * i18next's `t` fixed to `language`, whatever i18next's own current language is.
 *
 * A key whose text in `language` is plain, or fills `{{name}}` places from the values given (no count, no nesting,
 * no option), is read straight from the catalog: the same words i18next gives, without i18next's start or its
 * resolution path, which is all of the first frame's texts. Everything else (counts and plurals, a key missing in
 * German or French and taken from English, options) goes through i18next's `t`. test/unit/renderer/translator.test.ts
 * checks both ways agree on every key of every catalog, with any values (fast-check).
 */
export function translatorFor(language: Language): Translate {
  let t = translators.get(language);
  if (!t) {
    const catalog = CATALOGS[language];
    let full: ((...args: unknown[]) => string) | null = null;
    t = ((...args: unknown[]): string => {
      const [key, values] = args;
      if (typeof key === 'string' && args.length <= 2) {
        const text = textAt(catalog, key);
        if (text !== undefined && !text.includes('$t(')) {
          if (values === undefined && !text.includes('{{')) return text;
          if (typeof values === 'object' && values !== null && !Array.isArray(values)) {
            const words = interpolated(text, values as Readonly<Record<string, unknown>>);
            if (words !== undefined) return words;
          }
        }
      }
      full ??= i18n().getFixedT(language) as unknown as (...args: unknown[]) => string;
      return full(...args);
    }) as unknown as Translate;
    translators.set(language, t);
  }
  return t;
}

/** The language the device screens speak now. */
export function useLanguage(): Language {
  return useSnapshotStore((s) => s.snapshot?.language ?? 'en');
}

/** `t` in the snapshot's language; a new snapshot language re-renders through the store, like every other field. */
export function useT(): Translate {
  return translatorFor(useLanguage());
}
