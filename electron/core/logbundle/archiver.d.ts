/**
 * The part of archiver@8's API the log bundle uses (there is no @types/archiver for the v8 class API).
 * archiver 8 is ESM-only and has no default export: `import { ZipArchive } from 'archiver'`.
 */
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';
  import type { ZlibOptions } from 'node:zlib';

  export interface ArchiverOptions {
    zlib?: ZlibOptions;
    store?: boolean;
    forceZip64?: boolean;
    comment?: string;
    statConcurrency?: number;
    highWaterMark?: number;
  }

  export interface EntryData {
    name: string;
    date?: Date | string;
    mode?: number;
    prefix?: string;
  }

  export interface ProgressData {
    entries: { total: number; processed: number };
    fs: { totalBytes: number; processedBytes: number };
  }

  export class Archiver extends Transform {
    constructor(options?: ArchiverOptions);
    append(source: Readable | Buffer | string, data: EntryData): this;
    file(path: string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
    on(event: 'warning' | 'error', listener: (error: Error & { code?: string }) => void): this;
    on(event: 'entry', listener: (entry: EntryData) => void): this;
    on(event: 'progress', listener: (progress: ProgressData) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export class ZipArchive extends Archiver {}
}
