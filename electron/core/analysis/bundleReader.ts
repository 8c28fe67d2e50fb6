/**
 * Opens a log bundle — `MDMDiagReport.zip` or `AutopilotWhiteGloveLogs.zip`, the simulator's or a real
 * device's (§2.3, §3.1, §3.2) — and picks out the files `diagnoseBundle` reads. The ZIP format is left
 * to fflate (a maintained, dependency-free reader that runs in Node and in the browser alike, so the
 * operator console can reuse this); nothing here touches the file system.
 */
import { unzipSync } from 'fflate';

/** One file of a bundle: its path inside the archive and its bytes. */
export interface BundleEntry {
  name: string;
  data: Uint8Array;
}

/** A bundle that cannot be read at all (not a ZIP, damaged, or none of the files diagnose reads). */
export class BundleReadError extends Error {}

/** Which files diagnose reads, by the base name of the entry (case-insensitive; rotated IME logs too). */
export type BundleFileRole = 'imeLog' | 'registry' | 'eventLog' | 'setupact';

/** Entries larger than this are skipped (and the diagnosis says so): no real log comes near it. */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/** The last part of an entry's path (archives from Windows may use backslashes). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** The role of a bundle file, or null for files diagnose does not read. */
export function roleOf(path: string): BundleFileRole | null {
  const name = baseName(path).toLowerCase();
  if (/^(appworkload|intunemanagementextension)(-[\w.-]*)?\.log$/.test(name)) return 'imeLog';
  if (name.endsWith('.reg')) return 'registry';
  if (name.startsWith('microsoft-windows-') && name.endsWith('.txt')) return 'eventLog';
  if (name === 'setupact.log') return 'setupact';
  return null;
}

export interface ReadBundle {
  /** The files diagnose reads, in archive order. */
  entries: BundleEntry[];
  /** Every entry name of the archive, in archive order. */
  names: string[];
  /** What could not be read, in people's words. */
  notes: string[];
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CAB = [0x4d, 0x53, 0x43, 0x46];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Reads a bundle archive from its bytes. Throws BundleReadError with a sentence for people when the
 * bytes are not a ZIP archive, cannot be unpacked, or hold none of the files diagnose reads.
 */
export function readBundleZip(bytes: Uint8Array): ReadBundle {
  if (startsWith(bytes, CAB)) {
    throw new BundleReadError(
      'this is a CAB archive, not a ZIP: expand it first (expand -F:* <file>.cab <folder>), then zip the folder',
    );
  }
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) {
    throw new BundleReadError('this is not a ZIP archive (an MDMDiagReport.zip or AutopilotWhiteGloveLogs.zip)');
  }
  const names: string[] = [];
  const notes: string[] = [];
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        if (file.name.endsWith('/') || roleOf(file.name) === null) return false;
        if (file.compression !== 0 && file.compression !== 8) {
          notes.push(`${file.name} uses a compression method this reader does not support (${file.compression})`);
          return false;
        }
        if (file.originalSize > MAX_ENTRY_BYTES) {
          notes.push(`${file.name} is ${file.originalSize} bytes, more than diagnose reads; it was skipped`);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new BundleReadError(`the ZIP archive cannot be read (${(error as Error).message})`);
  }
  const entries = names.filter((n) => unzipped[n] !== undefined).map((name) => ({ name, data: unzipped[name]! }));
  for (const name of names) {
    const lower = baseName(name).toLowerCase();
    if (lower.endsWith('.evtx')) {
      notes.push(`${name} is a binary event log (.evtx), which diagnose cannot read: export it as text with wevtutil`);
    } else if (lower.endsWith('.cab')) {
      notes.push(`${name} is a CAB archive inside the bundle; diagnose does not open it`);
    }
  }
  if (entries.length === 0) {
    throw new BundleReadError(
      names.length === 0
        ? 'the ZIP archive is empty'
        : 'the archive holds none of the files diagnose reads (IntuneManagementExtension.log, AppWorkload.log, ' +
            'MdmDiagReport_RegistryDump.reg, event logs exported as text, setupact.log)',
    );
  }
  return { entries, names, notes };
}
