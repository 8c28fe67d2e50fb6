/**
 * Writing the bundle to a drive (§2.3, toolchain-notes §4): what the user sees when it works and
 * when it cannot — and that a failure never leaves a partial file behind.
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundleSource } from '../../../electron/core/logbundle/bundle';
import { bundleFiles } from '../../../electron/core/logbundle/bundle';
import {
  abandonPartialExports,
  collectLogBundle,
  createLogCollector,
  exportErrorFor,
} from '../../../electron/core/logbundle/collect';
import { LogExportError, Session } from '../../../electron/core/session/session';
import { runOf, teamsFailsScenario } from './fixtures';
import { readZip, zipNames, zipText } from './zipReader';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esp-logs-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    try {
      chmodSync(dir, 0o755);
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

const scenario = teamsFailsScenario();
const run = runOf(scenario);
const base = { scenario, run, t: run.endT };

async function failure(promise: Promise<unknown>): Promise<LogExportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LogExportError);
    return error as LogExportError;
  }
  throw new Error('the export did not fail');
}

/** A source that yields some data and then fails, as a drive pulled out mid-read would. */
function failingSource(afterBytes: number): BundleSource {
  return {
    name: 'big.log',
    sizeHint: afterBytes * 2,
    async *chunks() {
      let sent = 0;
      while (sent < afterBytes) {
        yield 'x'.repeat(64 * 1024);
        sent += 64 * 1024;
        await new Promise((r) => setImmediate(r));
      }
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    },
  };
}

/** 2 MB that deflate cannot shrink (so the archive is written in many chunks), the same every time. */
function noiseSource(): BundleSource {
  return {
    name: 'noise.bin',
    sizeHint: 2 * 1024 * 1024,
    *chunks() {
      let x = 0x2545f491;
      for (let n = 0; n < 32; n++) {
        const chunk = Buffer.alloc(64 * 1024);
        for (let i = 0; i < chunk.length; i += 4) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          chunk.writeInt32LE(x | 0, i);
        }
        yield chunk;
      }
    },
  };
}

/** A file that never ends: one line every 20 ms. */
function endlessSource(): BundleSource {
  return {
    name: 'slow.log',
    sizeHint: null,
    async *chunks() {
      for (;;) {
        yield 'tick\r\n';
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/**
 * Opens the temporary file as the collector does, but the disk fails with `code` once `afterBytes`
 * are on it (ENOSPC: the drive fills up; EACCES: it is made read-only under us). Records what the
 * folder held when the write failed, to show a partial file really existed then.
 */
function failingDisk(code: string, afterBytes: number) {
  const seen: { failures: number; folderAtFailure: string[] } = { failures: 0, folderAtFailure: [] };
  const openTempFile = async (path: string): Promise<FileHandle> => {
    const handle = await open(path, 'wx');
    let written = 0;
    const take = (bytes: number): void => {
      if (written + bytes > afterBytes) {
        seen.failures++;
        seen.folderAtFailure = readdirSync(join(path, '..'));
        throw Object.assign(new Error(`${code}: simulated failure, write`), { code, syscall: 'write' });
      }
      written += bytes;
    };
    const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<unknown>;
    const writev = handle.writev.bind(handle);
    Object.assign(handle, {
      write: async (data: NodeJS.ArrayBufferView | string, ...rest: unknown[]) => {
        take(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
        return write(data, ...rest);
      },
      writev: async (buffers: NodeJS.ArrayBufferView[], position?: number) => {
        take(buffers.reduce((n, b) => n + b.byteLength, 0));
        return writev(buffers, position);
      },
    });
    return handle;
  };
  return { openTempFile, seen };
}

/** Resolves once the folder holds the collector's temporary file. */
async function partialFileIn(dir: string): Promise<string> {
  for (let waited = 0; waited < 5000; waited += 5) {
    const partial = readdirSync(dir).find((name) => name.endsWith('.partial'));
    if (partial) return partial;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no temporary file appeared in ${dir}`);
}

describe('a successful export', () => {
  it('writes MDMDiagReport.zip holding every bundle file, byte for byte, and nothing else', async () => {
    const dir = folder();
    const progress: number[] = [];
    const { path } = await collectLogBundle({ ...base, destination: dir, onProgress: (p) => progress.push(p) });
    expect(path).toBe(join(dir, 'MDMDiagReport.zip'));
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    // readZip checks every entry's local header, sizes and CRC-32 against the central directory.
    const { entries } = readZip(path);
    const expected = bundleFiles(scenario, run, run.endT, { archiveName: 'MDMDiagReport.zip' });
    expect(entries.map((e) => e.name)).toEqual(expected.map((f) => f.name));
    for (const [i, file] of expected.entries()) {
      expect(Buffer.compare(entries[i]!.data, Buffer.from(file.content))).toBe(0);
    }
    expect(entries.every((e) => e.method === 8)).toBe(true);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('the same run collected twice gives byte-identical archives', async () => {
    const one = await collectLogBundle({ ...base, destination: folder() });
    const two = await collectLogBundle({ ...base, destination: folder() });
    expect(readFileSync(two.path).equals(readFileSync(one.path))).toBe(true);
  });

  it("copies the app's own log when it exists and says so in the readme when it does not", async () => {
    const dir = folder();
    const logFile = join(folder(), 'main.log');
    writeFileSync(logFile, '[2026-03-02 08:30:00.000] [info] session: started\n');
    const { path } = await collectLogBundle({ ...base, destination: dir, appLogPath: logFile });
    expect(zipNames(path)).toContain('esp-simulator.log');
    expect(zipText(path, 'esp-simulator.log')).toContain('session: started');

    const other = folder();
    const missing = await collectLogBundle({ ...base, destination: other, appLogPath: join(other, 'nope.log') });
    expect(zipNames(missing.path)).not.toContain('esp-simulator.log');
    expect(zipText(missing.path, 'readme.txt')).toMatch(
      /The app's own log \(esp-simulator\.log\) is not included: .*nope\.log does not exist yet/,
    );
  });

  it('pre-provisioning writes AutopilotWhiteGloveLogs.zip', async () => {
    const pre = teamsFailsScenario({ deployment: { mode: 'preProvisioning' } });
    const preRun = runOf(pre);
    const { path } = await createLogCollector(null).collect({
      scenario: pre,
      run: preRun,
      t: preRun.endT,
      destination: folder(),
      onProgress() {},
    });
    expect(path.endsWith('/AutopilotWhiteGloveLogs.zip')).toBe(true);
  });
});

describe('when it cannot write, the user gets the Windows code, a clear message, and no partial file', () => {
  it('no such folder (the USB drive is not there): 0x81036503', async () => {
    const dir = join(folder(), 'E-drive');
    const error = await failure(collectLogBundle({ ...base, destination: dir }));
    expect(error.code).toBe('0x81036503');
    expect(error.message).toMatch(
      /^No removable drive or folder was found to export the logs to: ".*E-drive" does not exist/,
    );
  });

  it('the destination is a file, not a folder: 0x81036503 saying it is a file, not that it does not exist', async () => {
    const file = join(folder(), 'not-a-folder');
    writeFileSync(file, 'x');
    const error = await failure(collectLogBundle({ ...base, destination: file }));
    expect(error.code).toBe('0x81036503');
    expect(error.message).toBe(
      `No folder was found to export the logs to: "${file}" is a file, not a folder. Choose a folder or a removable drive, then try again.`,
    );
    expect(error.message).not.toContain('does not exist');
    expect(error.deviceMessage).toBe(
      'No folder was found to export the logs to: D:\\ is a file, not a folder. Choose a folder or a removable drive, then try again.',
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('the file already exists: 0x80070050, and the existing file is untouched', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'MDMDiagReport.zip'), 'an earlier export');
    const error = await failure(collectLogBundle({ ...base, destination: dir }));
    expect(error.code).toBe('0x80070050');
    expect(error.message).toContain('A file named MDMDiagReport.zip already exists');
    expect(error.message).toContain('Nothing was overwritten');
    expect(error.message).toContain(`in "${dir}"`);
    // The device screen says it of the device's drive, never of the host's folder (issue 9, point 15).
    expect(error.deviceMessage).toBe(
      'A file named MDMDiagReport.zip already exists in D:\\. Nothing was overwritten: move or rename that file, or choose another folder, then try again.',
    );
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    expect(readFileSync(join(dir, 'MDMDiagReport.zip'), 'utf8')).toBe('an earlier export');
  });

  it('two exports to the same folder at once: one writes, the other says the file exists; no partial file', async () => {
    const dir = folder();
    const results = await Promise.allSettled([
      collectLogBundle({ ...base, destination: dir }),
      collectLogBundle({ ...base, destination: dir }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as LogExportError).code).toBe('0x80070050');
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    readZip(join(dir, 'MDMDiagReport.zip'));
  });

  it('a read-only folder: 0x80070005', async (context) => {
    const dir = folder();
    chmodSync(dir, 0o555);
    // CI runs as root, and root writes through chmod 555: then there is nothing to test here.
    try {
      writeFileSync(join(dir, 'probe'), '');
      rmSync(join(dir, 'probe'));
      context.skip('this user can write into a chmod 555 folder (root), so read-only cannot be simulated');
    } catch {
      // read-only as intended
    }
    const error = await failure(collectLogBundle({ ...base, destination: dir }));
    expect(error.code).toBe('0x80070005');
    expect(error.message).toMatch(/read-only or you do not have permission/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a source that fails mid-way: 0x81039025 naming the file, no partial file, and the next try works', async () => {
    const dir = folder();
    const error = await failure(collectLogBundle({ ...base, destination: dir, sources: [failingSource(512 * 1024)] }));
    expect(error.code).toBe('0x81039025');
    expect(error.message).toContain('reading big.log failed (EIO: i/o error, read)');
    expect(readdirSync(dir)).toEqual([]);
    const retry = await collectLogBundle({ ...base, destination: dir });
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    readZip(retry.path);
  });

  it('the drive is removed mid-write: 0x81036503 and nothing is left', async () => {
    const parent = folder();
    const dir = join(parent, 'usb');
    mkdirSync(dir);
    const pulled: BundleSource = {
      name: 'pulled.log',
      sizeHint: null,
      *chunks() {
        yield 'first part\r\n';
        rmSync(dir, { recursive: true, force: true });
        yield 'second part\r\n';
      },
    };
    const error = await failure(collectLogBundle({ ...base, destination: dir, sources: [pulled] }));
    expect(error.code).toBe('0x81036503');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('it takes longer than the time limit: 0x800705b4 and no partial file', async () => {
    const dir = folder();
    const slow: BundleSource = {
      name: 'slow.log',
      sizeHint: null,
      async *chunks() {
        for (;;) {
          yield 'tick\r\n';
          await new Promise((r) => setTimeout(r, 20));
        }
      },
    };
    const error = await failure(collectLogBundle({ ...base, destination: dir, sources: [slow], timeoutMs: 200 }));
    expect(error.code).toBe('0x800705b4');
    expect(error.message).toContain('longer than 2 minutes');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the disk fills up mid-write: 0x80070070 saying so, no partial or target file, and the next try works', async () => {
    const dir = folder();
    const disk = failingDisk('ENOSPC', 512 * 1024);
    const error = await failure(
      collectLogBundle({ ...base, destination: dir, sources: [noiseSource()], openTempFile: disk.openTempFile }),
    );
    expect(error.code).toBe('0x80070070');
    expect(error.message).toMatch(/^There is not enough space on ".*" for the logs\. Free some space/);
    expect(disk.seen.failures).toBeGreaterThan(0);
    expect(disk.seen.folderAtFailure).toEqual([expect.stringMatching(/^\.MDMDiagReport\.zip\..*\.partial$/)]);
    expect(readdirSync(dir)).toEqual([]);

    const retry = await collectLogBundle({ ...base, destination: dir, sources: [noiseSource()] });
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    expect(zipNames(retry.path)).toEqual(['noise.bin']);
  });

  it('writing is refused mid-write: 0x80070005, no partial or target file, and the next try works', async () => {
    const dir = folder();
    const disk = failingDisk('EACCES', 256 * 1024);
    const error = await failure(
      collectLogBundle({ ...base, destination: dir, sources: [noiseSource()], openTempFile: disk.openTempFile }),
    );
    expect(error.code).toBe('0x80070005');
    expect(error.message).toMatch(/^Access is denied: ".*" is read-only or you do not have permission/);
    expect(disk.seen.failures).toBeGreaterThan(0);
    expect(disk.seen.folderAtFailure).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);

    await collectLogBundle({ ...base, destination: dir });
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    readZip(join(dir, 'MDMDiagReport.zip'));
  });

  it('disk full and permission errors map to their Windows codes', () => {
    const err = (code: string) =>
      exportErrorFor(Object.assign(new Error(code), { code }), '/media/usb', 'MDMDiagReport.zip');
    expect(err('ENOSPC').code).toBe('0x80070070');
    expect(err('ENOSPC').message).toContain('not enough space on "/media/usb"');
    expect(err('EROFS').code).toBe('0x80070005');
    expect(err('EACCES').code).toBe('0x80070005');
    expect(err('EBUSY').code).toBe('0x81039025');
  });
});

describe('stopping an export', () => {
  it('aborting its signal mid-write: 0x800704c7 "The export was cancelled", and the folder is left empty', async () => {
    const dir = folder();
    const controller = new AbortController();
    const exporting = collectLogBundle({
      ...base,
      destination: dir,
      sources: [endlessSource()],
      signal: controller.signal,
    });
    await partialFileIn(dir);
    controller.abort();
    const error = await failure(exporting);
    expect(error.code).toBe('0x800704c7');
    expect(error.message).toBe('The export was cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a signal aborted before it starts: cancelled, and nothing is created', async () => {
    const dir = folder();
    const error = await failure(collectLogBundle({ ...base, destination: dir, signal: AbortSignal.abort() }));
    expect(error.code).toBe('0x800704c7');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a signal aborted after the export finished changes nothing', async () => {
    const dir = folder();
    const controller = new AbortController();
    const { path } = await collectLogBundle({ ...base, destination: dir, signal: controller.signal });
    controller.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    readZip(path);
  });

  it('quitting mid-export (abandonPartialExports, run on exit) removes the temporary file at once', async () => {
    const dir = folder();
    const exporting = collectLogBundle({ ...base, destination: dir, sources: [endlessSource()] });
    const partial = await partialFileIn(dir);
    expect(partial).toMatch(/^\.MDMDiagReport\.zip\..*\.partial$/);
    expect(process.listeners('exit')).toContain(abandonPartialExports);
    // It names what it removed (the CLI tells the user on Ctrl+C).
    expect(abandonPartialExports()).toEqual([join(dir, partial)]);
    // Synchronously: an 'exit' handler gets no second turn of the event loop.
    expect(readdirSync(dir)).toEqual([]);
    // If the process lives on, the export stops as cancelled.
    expect((await failure(exporting)).code).toBe('0x800704c7');
    expect(readdirSync(dir)).toEqual([]);
    // Exports that already ended are no longer tracked: a later export is unaffected.
    expect(abandonPartialExports()).toEqual([]);
    await collectLogBundle({ ...base, destination: dir });
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
  });

  it("the session's collector passes a signal through", async () => {
    const dir = folder();
    const controller = new AbortController();
    const collector = createLogCollector(null);
    const request = { ...base, destination: dir, onProgress() {}, signal: controller.signal };
    controller.abort();
    const error = await failure(collector.collect(request));
    expect(error.code).toBe('0x800704c7');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('what a process killed outright left behind', () => {
  /** No process ever has this id (Linux's largest is 2^22), so the file's writer is surely gone. */
  const GONE_PID = 4_194_305;
  const hourAgo = (path: string) =>
    utimesSync(path, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));

  it('the next collection into that folder removes its stale partial file and says which', async () => {
    const dir = folder();
    const stale = join(dir, `.MDMDiagReport.zip.${GONE_PID}.0123456789ab.partial`);
    writeFileSync(stale, 'PK half an archive');
    hourAgo(stale);
    const result = await collectLogBundle({ ...base, destination: dir });
    expect(result.removedPartials).toEqual([stale]);
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
    readZip(result.path);
  });

  it('only files of our own partial-name pattern, and older than this process, are removed', async () => {
    const dir = folder();
    const keep = [
      // Ours by name, but written since this process started: maybe another collection under way.
      `.AutopilotWhiteGloveLogs.zip.${GONE_PID}.abcdef012345.partial`,
      // Not our pattern (no pid, wrong digits, not hidden, another suffix).
      '.MDMDiagReport.zip.partial',
      `.MDMDiagReport.zip.${GONE_PID}.0123.partial`,
      `MDMDiagReport.zip.${GONE_PID}.0123456789ab.partial`,
      `.MDMDiagReport.zip.${GONE_PID}.0123456789ab.partial.bak`,
      'notes.partial',
    ];
    for (const name of keep) writeFileSync(join(dir, name), 'keep me');
    for (const name of keep.slice(1)) hourAgo(join(dir, name));
    // Ours by name and old, but its writer (this very test runner's parent) still runs.
    const running = `.MDMDiagReport.zip.${process.ppid}.0123456789ab.partial`;
    writeFileSync(join(dir, running), 'keep me');
    hourAgo(join(dir, running));
    expect(statSync(join(dir, keep[0]!)).mtimeMs).toBeGreaterThanOrEqual(performance.timeOrigin);

    const result = await collectLogBundle({ ...base, destination: dir });
    expect(result.removedPartials).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([...keep, running, 'MDMDiagReport.zip'].sort());
  });
});

describe('in the session', () => {
  it('Export logs reports progress, then the path; a second export hits "file exists" and can be retried elsewhere', async () => {
    const session = new Session({ scenario, logCollector: createLogCollector(null), autoStart: false });
    const dir = folder();
    const states: string[] = [];
    session.subscribe((s) => states.push(s.logExport.state));
    const settled = () =>
      new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const state = session.snapshot().logExport.state;
          if (state === 'succeeded' || state === 'failed') {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      });
    expect(session.handle({ type: 'exportLogs', destination: dir })).toEqual({ ok: true });
    await settled();
    expect(session.snapshot().logExport).toMatchObject({ state: 'succeeded', path: join(dir, 'MDMDiagReport.zip') });
    expect(states[0]).toBe('inProgress');

    session.handle({ type: 'exportLogs', destination: dir });
    await settled();
    expect(session.snapshot().logExport).toMatchObject({ state: 'failed', code: '0x80070050' });
    session.dispose();
  });
});
