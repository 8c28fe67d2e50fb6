// Types for the plain .mjs helper the npm scripts and the Electron tests share.
export const root: string;
export function electronBinary(): string | null;
export function electronInstaller(): string | null;
