// Types for scripts/chromium.mjs, shared with playwright.config.ts.
export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: string[];
