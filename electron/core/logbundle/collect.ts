/**
 * Writes the log bundle to a folder as Windows does (§2.3, §3.1): one archive, streamed with
 * archiver 8, written to a temporary file beside the target, flushed, then linked into place so an
 * existing file is never overwritten. Any failure or cancellation removes the temporary file and
 * throws a LogExportError carrying the HRESULT Windows shows (toolchain-notes §4); quitting the
 * process mid-export removes it too (`abandonPartialExports`, run on `exit`). A process killed outright
 * cannot clean up: the next collection into that folder removes what it left (`removedPartials`).
 *
 * Past 400 lines because writing the archive safely is one job: temporary file, flush, link into place, and every failure path (missing, full, removed, cancelled) cleaning up.
 */
import { ZipArchive } from 'archiver';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, createReadStream, unlinkSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { copyFile, link, lstat, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Run } from '../engine/simulate';
import type { Scenario } from '../scenario/model';
import type { LogCollector } from '../session/session';
import { DEVICE_EXPORT_DRIVE, LogExportError } from '../session/session';
import type { BundleOptions, BundleSource } from './bundle';
import { APP_LOG_NAME, bundleSources, logBundleFileName } from './bundle';
import type { AppLogNote } from './readme';
import { startMsOf } from '../facts/time';

export { logBundleFileName };

/** HRESULTs the export shows (§2.3). */
export const EXPORT_ERRORS = {
  noDrive: '0x81036503',
  fileExists: '0x80070050',
  accessDenied: '0x80070005',
  diskFull: '0x80070070',
  timeout: '0x800705b4',
  cancelled: '0x800704c7',
  other: '0x81039025',
} as const;

/** ERROR_CANCELLED: the export was stopped by its caller (an AbortSignal) or by the app quitting. */
function cancelledError(): LogExportError {
  return new LogExportError(EXPORT_ERRORS.cancelled, 'The export was cancelled');
}

/** The diagnostics page gives up after two minutes (§2.3). */
export const EXPORT_TIMEOUT_MS = 2 * 60 * 1000;
/** At most this often, in real milliseconds, unless the export ends. */
const PROGRESS_INTERVAL_MS = 100;
/** Weight of an entry whose size is unknown until it is generated. */
const DEFAULT_WEIGHT = 64 * 1024;

export interface CollectRequest {
  scenario: Scenario;
  run: Run;
  /** Simulated second the collection is taken at. */
  t: number;
  /** A folder (the removable drive's root or any folder). */
  destination: string;
  /** Default: logBundleFileName(scenario). */
  fileName?: string;
  /** The app's own log file, copied into the bundle when it exists. */
  appLogPath?: string | null;
  onProgress?: (percent: number) => void;
  /** Default two minutes (§2.3). */
  timeoutMs?: number;
  /** zlib level; default 6. */
  level?: number;
  /** Benchmark knob, passed to the writers. */
  bundleOptions?: Pick<BundleOptions, 'imeLogPaddingBytes'>;
  /**
   * Stops the export: the archive is abandoned, the temporary file removed, and the promise rejects
   * with LogExportError 0x800704c7 ("The export was cancelled"). Ignored once the file is in place.
   */
  signal?: AbortSignal;
  /** Test seam: replaces the generated files (to inject a failing source). */
  sources?: BundleSource[];
  /** Test seam: creates the temporary file (default `open(path, 'wx')`), to inject write errors. */
  openTempFile?: (path: string) => Promise<FileHandle>;
}

export interface CollectResult {
  path: string;
  /** Size of the archive in bytes. */
  bytes: number;
  /** Temporary files an earlier, killed collection left in the folder, removed before this one. */
  removedPartials: string[];
}

// ---- Temporary files being written, removed if the process ends mid-export --------------------------

/** Temporary file → what stops its export. */
const partialExports = new Map<string, AbortController>();
let exitHookInstalled = false;

function registerPartial(tmp: string, controller: AbortController): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // 'exit' handlers must be synchronous: whatever the exit path (quit, process.exit, the end of
    // the event loop), the half-written archive goes with the process.
    process.on('exit', abandonPartialExports);
  }
  partialExports.set(tmp, controller);
}

/**
 * Synchronously removes the temporary file of every export still being written and cancels those
 * exports (they reject with 0x800704c7 if the process lives on). Runs on process `exit`; call it
 * from any quit path that does not end in `exit`. Returns the files it removed.
 */
export function abandonPartialExports(): string[] {
  const pending = [...partialExports];
  partialExports.clear();
  const removed: string[] = [];
  for (const [tmp, controller] of pending) {
    try {
      unlinkSync(tmp);
      removed.push(tmp);
    } catch {
      // ENOENT: not created yet or already gone. Anything else cannot be helped while exiting.
    }
    controller.abort();
  }
  return removed;
}

/** `.<archive name>.<pid>.<12 hex digits>.partial`: the temporary files this module names, and no others. */
const PARTIAL_NAME = /^\.[^/\\]+\.(\d+)\.[0-9a-f]{12}\.partial$/;

function partialNameFor(fileName: string): string {
  return `.${fileName}.${process.pid}.${randomBytes(6).toString('hex')}.partial`;
}

/** True when a process with this id runs here (and is not this one). */
function otherProcessRuns(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

/**
 * Removes the temporary files a collection killed outright (no `exit` hook ran) left in `folder`:
 * only names of our own pattern, last written before this process started, by a process that no
 * longer runs. Returns the files removed. Best effort: anything it cannot remove stays.
 */
async function removeStalePartials(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = PARTIAL_NAME.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    if (partialExports.has(path)) continue;
    const info = await lstat(path).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= performance.timeOrigin || otherProcessRuns(Number(match[1]))) continue;
    await unlink(path).then(
      () => removed.push(path),
      () => {},
    );
  }
  return removed;
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** One failure in both wordings: `say(place)` with the real folder quoted, and with the device's drive. */
function failure(code: string, destination: string, say: (place: string) => string): LogExportError {
  return new LogExportError(code, say(`"${destination}"`), say(DEVICE_EXPORT_DRIVE));
}

/** Turns a file-system error into what the export screen shows. */
export function exportErrorFor(error: unknown, destination: string, fileName: string): LogExportError {
  if (error instanceof LogExportError) return error;
  const code = errnoOf(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return failure(
        EXPORT_ERRORS.noDrive,
        destination,
        (place) =>
          `No removable drive or folder was found to export the logs to: ${place} does not exist or was removed. Insert a USB drive or choose a folder, then try again.`,
      );
    case 'EEXIST':
      return failure(
        EXPORT_ERRORS.fileExists,
        destination,
        (place) =>
          `A file named ${fileName} already exists in ${place}. Nothing was overwritten: move or rename that file, or choose another folder, then try again.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return failure(
        EXPORT_ERRORS.accessDenied,
        destination,
        (place) =>
          `Access is denied: ${place} is read-only or you do not have permission to write there. Choose another drive or folder, then try again.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return failure(
        EXPORT_ERRORS.diskFull,
        destination,
        (place) =>
          `There is not enough space on ${place} for the logs. Free some space or choose another drive, then try again.`,
      );
    case 'ETIMEDOUT':
      return new LogExportError(
        EXPORT_ERRORS.timeout,
        'Exporting the logs took longer than 2 minutes and was stopped. Nothing was written. Try again.',
      );
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return new LogExportError(
        EXPORT_ERRORS.other,
        `The logs could not be exported: ${message}. Nothing was written. Try again.`,
      );
    }
  }
}

/** The destination names a file: Windows' "no drive or folder" code, saying what it found instead. */
function notAFolderError(destination: string): LogExportError {
  return failure(
    EXPORT_ERRORS.noDrive,
    destination,
    (place) =>
      `No folder was found to export the logs to: ${place} is a file, not a folder. Choose a folder or a removable drive, then try again.`,
  );
}

class SourceError extends Error {
  constructor(name: string, cause: unknown) {
    super(`reading ${name} failed (${cause instanceof Error ? cause.message : String(cause)})`);
    const code = errnoOf(cause);
    // Disk-level problems keep their errno so they map to their own HRESULT; a failing source is "other".
    if (code === 'ENOSPC' || code === 'EDQUOT') Object.assign(this, { code });
  }
}

async function* bytesOf(source: BundleSource, counted: (n: number) => void): AsyncGenerator<Buffer> {
  try {
    for await (const part of source.chunks()) {
      const buffer =
        typeof part === 'string'
          ? Buffer.from(part, 'utf8')
          : Buffer.from(part.buffer, part.byteOffset, part.byteLength);
      counted(buffer.length);
      yield buffer;
    }
  } catch (error) {
    throw new SourceError(source.name, error);
  }
}

/** The app's own log: read up to the size it had when collection started (it keeps growing). */
async function appLogSource(
  path: string | null | undefined,
): Promise<{ note: AppLogNote | null; source: BundleSource | null }> {
  if (!path) return { note: null, source: null };
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) {
    return { note: { name: APP_LOG_NAME, included: false, reason: `${path} does not exist yet` }, source: null };
  }
  const size = info.size;
  return {
    note: { name: APP_LOG_NAME, included: true },
    source: {
      name: APP_LOG_NAME,
      sizeHint: size,
      chunks: () => (size === 0 ? [] : (createReadStream(path, { start: 0, end: size - 1 }) as AsyncIterable<Buffer>)),
    },
  };
}

/** Destroys a write stream and waits until its file is closed (at most a few seconds). */
function closed(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.closed) {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, 5000);
    stream.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    stream.destroy();
  });
}

/** Best effort: makes the new directory entry durable (not supported on every platform). */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems cannot fsync a directory; the file itself is already synced.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/**
 * Moves the finished temporary file to `target` without ever replacing an existing file: a hard
 * link fails with EEXIST atomically. File systems without hard links (FAT/exFAT USB drives) get an
 * exclusive copy instead.
 */
async function publish(tmp: string, target: string): Promise<void> {
  try {
    await link(tmp, target);
  } catch (error) {
    const code = errnoOf(error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') {
      throw error;
    }
    try {
      await copyFile(tmp, target, fsConstants.COPYFILE_EXCL);
    } catch (copyError) {
      // COPYFILE_EXCL created it (unless it existed): remove what we may have half-written.
      if (errnoOf(copyError) !== 'EEXIST') await rm(target, { force: true }).catch(() => {});
      throw copyError;
    }
  }
  await unlink(tmp).catch(() => {});
}

export async function collectLogBundle(request: CollectRequest): Promise<CollectResult> {
  const { scenario, run, t, destination, signal } = request;
  if (signal?.aborted) throw cancelledError();
  const fileName = request.fileName ?? logBundleFileName(scenario);
  if (basename(fileName) !== fileName || fileName === '' || fileName.startsWith('.')) {
    throw new LogExportError(EXPORT_ERRORS.other, `The logs could not be exported: "${fileName}" is not a file name.`);
  }
  const target = join(destination, fileName);

  // The checks Windows makes before it starts: a folder to write to, and no file of that name.
  const folder = await stat(destination).catch((error: unknown) => {
    throw exportErrorFor(error, destination, fileName);
  });
  if (!folder.isDirectory()) throw notAFolderError(destination);
  const existing = await lstat(target).catch((error: unknown) =>
    errnoOf(error) === 'ENOENT' ? null : Promise.reject(error),
  );
  if (existing) throw exportErrorFor(Object.assign(new Error('exists'), { code: 'EEXIST' }), destination, fileName);
  const removedPartials = await removeStalePartials(destination);

  const tmp = join(destination, partialNameFor(fileName));
  // Aborted by the caller's signal or by abandonPartialExports.
  const cancel = new AbortController();
  const onAbort = (): void => cancel.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // Aborted while the folder was being checked: the event has fired already.
  if (signal?.aborted) cancel.abort();
  registerPartial(tmp, cancel);
  let handle: FileHandle | null = null;
  let out: WriteStream | null = null;
  let archive: ZipArchive | null = null;
  let timer: NodeJS.Timeout | null = null;
  const streams: Readable[] = [];
  try {
    const appLog = await appLogSource(request.appLogPath);
    const sources = [
      ...(request.sources ??
        bundleSources(scenario, run, t, { ...request.bundleOptions, archiveName: fileName, appLog: appLog.note })),
      ...(appLog.source && !request.sources ? [appLog.source] : []),
    ];
    handle = await (request.openTempFile ?? ((path: string) => open(path, 'wx')))(tmp);
    if (cancel.signal.aborted) throw cancelledError();
    // flush: fsync before the stream closes the handle, so the archive is on disk before it is linked.
    out = handle.createWriteStream({ flush: true, highWaterMark: 256 * 1024 });
    // zlib's 256 KB output chunks halve the trips to the thread pool (measured in bench/logs).
    archive = new ZipArchive({ zlib: { level: request.level ?? 6, chunkSize: 256 * 1024 }, highWaterMark: 256 * 1024 });

    let fail: (error: unknown) => void = () => {};
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    failed.catch(() => {});
    archive.on('warning', fail);
    archive.on('error', fail);
    out.on('error', fail);
    cancel.signal.addEventListener('abort', () => fail(cancelledError()), { once: true });
    timer = setTimeout(
      () => fail(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
      request.timeoutMs ?? EXPORT_TIMEOUT_MS,
    );

    // Progress: bytes read from the sources against their (estimated) sizes.
    const weights = sources.map((s) => s.sizeHint ?? DEFAULT_WEIGHT);
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const done = sources.map(() => 0);
    let lastPercent = -1;
    let lastAt = 0;
    const report = (force = false): void => {
      if (!request.onProgress) return;
      const sum = done.reduce((a, n, i) => a + Math.min(n, weights[i]!), 0);
      const percent = force ? 100 : Math.min(99, Math.floor((sum / total) * 100));
      const now = performance.now();
      if (percent <= lastPercent || (!force && now - lastAt < PROGRESS_INTERVAL_MS)) return;
      lastPercent = percent;
      lastAt = now;
      request.onProgress(percent);
    };

    const written = pipeline(archive, out);
    written.catch(() => {});
    const date = new Date(startMsOf(scenario.startTime) + Math.round(t * 1000));
    // One entry at a time: archiver pipes every appended stream at once, which would generate all
    // the files in one go at the start and stall the event loop. The next file is only appended
    // (and so only generated) when the previous one is in the archive.
    let next = 0;
    let finish: (value: Promise<void>) => void = () => {};
    const finalized = new Promise<Promise<void>>((resolve) => {
      finish = resolve;
    }).then((p) => p);
    finalized.catch(() => {});
    const appendNext = (): void => {
      const i = next++;
      const source = sources[i];
      if (!source) {
        finish(archive!.finalize());
        return;
      }
      const stream = Readable.from(
        bytesOf(source, (n) => {
          done[i]! += n;
          report();
        }),
        { objectMode: false, highWaterMark: 256 * 1024 },
      );
      // Without this listener a failing source crashes the process; archiver itself would hang.
      stream.on('error', fail);
      streams.push(stream);
      archive!.append(stream, { name: source.name, date });
    };
    archive.on('entry', () => {
      done[next - 1] = Math.max(done[next - 1]!, weights[next - 1]!);
      report();
      appendNext();
    });
    appendNext();
    await Promise.race([Promise.all([finalized, written]), failed]);
    clearTimeout(timer);
    timer = null;

    handle = null; // closed (after the flush) by the stream at the end of the pipeline
    const bytes = (await stat(tmp)).size;
    if (cancel.signal.aborted) throw cancelledError();
    await publish(tmp, target);
    partialExports.delete(tmp);
    await syncDirectory(destination);
    report(true);
    return { path: target, bytes, removedPartials };
  } catch (error) {
    if (timer) clearTimeout(timer);
    archive?.abort();
    for (const s of streams) s.destroy();
    // The file must be closed before it can be removed (Windows refuses to delete an open file).
    if (out) await closed(out);
    else await handle?.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    // Whatever broke while the export was being stopped, the user stopped it.
    throw cancel.signal.aborted ? cancelledError() : exportErrorFor(error, destination, fileName);
  } finally {
    partialExports.delete(tmp);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The Session's LogCollector: writes `logBundleFileName(scenario)` with the app's log inside. */
export function createLogCollector(appLogPath: string | null): LogCollector {
  return {
    collect: (request) => {
      const { scenario, run, t, destination, onProgress, signal } = request as typeof request & {
        signal?: AbortSignal;
      };
      return collectLogBundle({ scenario, run, t, destination, appLogPath, onProgress, signal });
    },
  };
}
