// Types for the electron-builder afterPack hook (scripts/fuses.mjs, itself type-checked with @ts-check).
import type { FuseV1Config, FuseV1Options } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

export const FUSES: Readonly<Record<keyof typeof FuseV1Options, boolean>>;
export const FUSES_LEFT_AS_BUILT: Readonly<Record<number, string>>;
export function fuseConfig(): FuseV1Config;
export function packagedExecutable(context: AfterPackContext): string;
export function fuseProblems(executable: string): Promise<string[]>;
export function removedFuses(executable: string): Promise<string[]>;
export function afterPack(context: AfterPackContext): Promise<void>;
export default afterPack;
