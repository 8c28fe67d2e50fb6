/**
 * The device screens' languages (docs/fidelity.md, "Languages"): one i18next instance holding the three
 * catalogs, and the hooks the screens use. The language is the snapshot's (`snapshot.language`: the scenario's
 * `device.locale`, or the operator's choice), so every screen follows the session without any state of its own.
 *
 * i18next: JSON-shaped catalogs, CLDR plural rules through the browser's Intl.PluralRules (`_one` / `_many` /
 * `_other`), interpolation, and no build step. No React binding (react-i18next): the language is the snapshot's,
 * which the store already delivers to every screen, and i18next's own language never changes, so a hook needs only
 * i18next's fixed `t` for that language; `<link/>` markers go through TextWithComponents. That binding cost the
 * device screen about 6 KB of gzipped JavaScript (bench/renderer) for a subscription nothing here would fire.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import type { Language } from '../../../shared/esp';
import { useSnapshotStore } from '../store/snapshotStore';
import { I18N_OPTIONS } from './options';
import type { Translate } from './types';

export type { Translate } from './types';
export { TextWithComponents } from './TextWithComponents';

export const i18n: I18n = i18next.createInstance();
void i18n.init(I18N_OPTIONS);

/** One `t` per language, made once, so screens get the same function every render (stable for effects and memos). */
const translators = new Map<Language, Translate>();

/**
 * i18next's `t` fixed to `language`, whatever i18next's own current language is.
 *
 * A key asked for without options whose text in `language` is plain (no `{{…}}` to interpolate, no `$t(…)` to nest)
 * is read straight from i18next's store (`getResource`): `t` would return that same string, after a resolution path
 * that costs about 20 ms of the device screen's first frame on the benchmark machine (about three calls in four are
 * such keys). Everything else (counts and plurals, interpolation, a key missing in German or French and taken from
 * English) goes through `t`. test/unit/renderer/translator.test.ts checks both ways agree on every key.
 */
export function translatorFor(language: Language): Translate {
  let t = translators.get(language);
  if (!t) {
    const full = i18n.getFixedT(language) as unknown as (...args: unknown[]) => string;
    t = ((...args: unknown[]): string => {
      const [key] = args;
      if (args.length === 1 && typeof key === 'string') {
        const text: unknown = i18n.getResource(language, 'translation', key);
        if (typeof text === 'string' && !text.includes('{{') && !text.includes('$t(')) return text;
      }
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
