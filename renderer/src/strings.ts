/**
 * Texts of the simulator's own frame, around the device screens: the loading line and the banner that says the
 * requested scenario could not be used. They speak to the operator or reviewer, in English, like the operator
 * console.
 *
 * Everything the device screens say goes through the catalogs in renderer/src/i18n (en.ts holds the English,
 * with Windows' own strings taken from shared/esp.ts); each simulator choice there is listed in docs/fidelity.md.
 */
export const UI_TEXT = {
  problemTitle: 'The requested scenario could not be used. The default scenario is running instead.',
  problemDismiss: 'Dismiss',
  warningsTitle: 'The scenario runs, but some of its settings may not do what was meant:',
  warningsLabel: 'Scenario warnings',
  moreWarnings: (count: number) => `and ${count} more (esp-sim validate lists them all)`,
  loading: 'Connecting to the simulator\u2026',
} as const;
