/**
 * The catalogs' types, apart from the React side so plain TypeScript (the engine's tests) can use the words too:
 * i18next checks every key against the English catalog, the reference.
 */
import type { TFunction } from 'i18next';
import type { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** `t` of the device screens' catalogs. */
export type Translate = TFunction<'translation'>;
