/**
 * How the catalogs are set up, apart from React so the tests build the very same i18next instance.
 */
import type { InitOptions } from 'i18next';
import { LANGUAGES } from '../../../shared/esp';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';

export const CATALOGS = { en, de, fr } as const;

export const I18N_OPTIONS = {
  resources: {
    en: { translation: en },
    de: { translation: de },
    fr: { translation: fr },
  },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // Everything is in memory: initialise synchronously, so the first frame already has its words.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
} satisfies InitOptions;
