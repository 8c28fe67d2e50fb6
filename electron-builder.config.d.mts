// Types for electron-builder.config.mjs (itself type-checked with @ts-check).
import type { Configuration } from 'electron-builder';

declare const config: Configuration;
export default config;
