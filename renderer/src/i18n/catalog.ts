/**
 * The shape every catalog has: nested groups of strings. en.ts is the reference; de.ts and fr.ts are checked
 * against it key by key (test/unit/renderer/i18n.test.ts), plural forms by each language's CLDR categories.
 */
export interface Catalog {
  readonly [key: string]: string | Catalog;
}
