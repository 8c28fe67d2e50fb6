/**
 * The device screens' languages (docs/fidelity.md, "Languages"): one i18next instance holding the three
 * catalogs, and the hooks the screens use. The language is the snapshot's (`snapshot.language`: the scenario's
 * `device.locale`, or the operator's choice), so every screen follows the session without any state of its own.
 *
 * i18next (with react-i18next for the hook and <Trans>): JSON-shaped catalogs, CLDR plural rules through the
 * browser's Intl.PluralRules (`_one` / `_many` / `_other`), interpolation, and no build step.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/esp';
import { useSnapshotStore } from '../store/snapshotStore';
import { I18N_OPTIONS } from './options';
import type { Translate } from './types';

export type { Translate } from './types';

export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init(I18N_OPTIONS);

/** The language the device screens speak now. */
export function useLanguage(): Language {
  return useSnapshotStore((s) => s.snapshot?.language ?? 'en');
}

/** `t` in the snapshot's language. */
export function useT(): Translate {
  const lng = useLanguage();
  return useTranslation('translation', { lng }).t;
}
