/**
 * A small ZIP reader for the tests, written from the format description (PKWARE APPNOTE.TXT 6.3:
 * §4.3.7 local file header, §4.3.9 data descriptor, §4.3.12 central directory header, §4.3.16 end of
 * central directory record), independent of the writer (archiver) and of any unzip tool. It reads
 * what the collector writes — stored (0) or deflated (8) entries, with or without data descriptors —
 * and checks, for every entry, that the local header agrees with the central directory, that the
 * data inflates to the recorded size and that its CRC-32 matches. ZIP64, encryption, multi-disk
 * archives and other methods are refused: the collector's bundles never need them.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

const FLAG_ENCRYPTED = 1 << 0;
const FLAG_DESCRIPTOR = 1 << 3;
const FLAG_UTF8 = 1 << 11;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  size: number;
  /** MS-DOS date and time as stored (local time, 2-second resolution): `YYYY-MM-DDTHH:mm:ss`. */
  modified: string;
  /** The uncompressed bytes (CRC and size checked). */
  data: Buffer;
}

export interface ZipArchive {
  entries: ZipEntry[];
  comment: string;
}

// ---- CRC-32 (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320, as APPNOTE §4.4.7 specifies) --

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---- Reading --------------------------------------------------------------------------------------

class ZipFormatError extends Error {
  constructor(message: string) {
    super(`not a readable ZIP archive: ${message}`);
  }
}

function need(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ZipFormatError(message);
}

function dosDateTime(date: number, time: number): string {
  const year = 1980 + (date >>> 9);
  const month = (date >>> 5) & 0x0f;
  const day = date & 0x1f;
  const hours = time >>> 11;
  const minutes = (time >>> 5) & 0x3f;
  const seconds = (time & 0x1f) * 2;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}`;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  need(zip.length >= EOCD_SIZE, `${zip.length} bytes is too short`);
  const lowest = Math.max(0, zip.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = zip.length - EOCD_SIZE; at >= lowest; at--) {
    // The comment length must reach exactly to the end of the file, or this is a signature in data.
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE && at + EOCD_SIZE + zip.readUInt16LE(at + 20) === zip.length) {
      return at;
    }
  }
  throw new ZipFormatError('no end of central directory record');
}

/** Parses a whole archive and checks every entry. Throws on anything it does not understand. */
export function readZip(source: Buffer | string): ZipArchive {
  const zip = typeof source === 'string' ? readFileSync(source) : source;
  const eocd = findEndOfCentralDirectory(zip);
  need(
    eocd < 20 || zip.readUInt32LE(eocd - 20) !== ZIP64_LOCATOR_SIGNATURE,
    'ZIP64 end of central directory locator (ZIP64 is not supported)',
  );
  const disk = zip.readUInt16LE(eocd + 4);
  const centralDisk = zip.readUInt16LE(eocd + 6);
  const entriesOnDisk = zip.readUInt16LE(eocd + 8);
  const entryCount = zip.readUInt16LE(eocd + 10);
  const centralSize = zip.readUInt32LE(eocd + 12);
  const centralOffset = zip.readUInt32LE(eocd + 16);
  const commentLength = zip.readUInt16LE(eocd + 20);
  need(disk === 0 && centralDisk === 0, 'multi-disk archive');
  need(entriesOnDisk === entryCount, `${entriesOnDisk} entries on this disk but ${entryCount} in all`);
  need(
    entryCount !== 0xffff && centralSize !== 0xffffffff && centralOffset !== 0xffffffff,
    'ZIP64 marker values (ZIP64 is not supported)',
  );
  need(centralOffset + centralSize === eocd, 'the central directory does not end where the end record starts');
  const comment = zip.toString('latin1', eocd + EOCD_SIZE, eocd + EOCD_SIZE + commentLength);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = centralOffset;
  let previousEnd = 0;
  for (let i = 0; i < entryCount; i++) {
    need(at + CENTRAL_SIZE <= eocd, `central directory entry ${i} runs past the directory`);
    need(zip.readUInt32LE(at) === CENTRAL_SIGNATURE, `central directory entry ${i} has no signature`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const time = zip.readUInt16LE(at + 12);
    const date = zip.readUInt16LE(at + 14);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const entryCommentLength = zip.readUInt16LE(at + 32);
    const startDisk = zip.readUInt16LE(at + 34);
    const localOffset = zip.readUInt32LE(at + 42);
    const nameBytes = zip.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const name = nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    at += CENTRAL_SIZE + nameLength + extraLength + entryCommentLength;
    need(at <= eocd, `central directory entry ${name} runs past the directory`);
    need(!(flags & FLAG_ENCRYPTED), `${name} is encrypted`);
    need(method === 0 || method === 8, `${name} uses compression method ${method}`);
    need(startDisk === 0, `${name} starts on disk ${startDisk}`);
    need(
      compressedSize !== 0xffffffff && size !== 0xffffffff && localOffset !== 0xffffffff,
      `${name} has ZIP64 sizes (ZIP64 is not supported)`,
    );
    need(!names.has(name), `${name} appears twice`);
    names.add(name);

    // The local header must say the same as the central directory.
    need(localOffset >= previousEnd, `${name} overlaps the entry before it`);
    need(localOffset + LOCAL_SIZE <= centralOffset, `${name}'s local header is past the file data`);
    need(zip.readUInt32LE(localOffset) === LOCAL_SIGNATURE, `${name} has no local header signature`);
    const localFlags = zip.readUInt16LE(localOffset + 6);
    need(zip.readUInt16LE(localOffset + 8) === method, `${name}: local and central methods differ`);
    need((localFlags & FLAG_DESCRIPTOR) === (flags & FLAG_DESCRIPTOR), `${name}: local and central flags differ`);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    const localExtraLength = zip.readUInt16LE(localOffset + 28);
    need(
      zip.subarray(localOffset + LOCAL_SIZE, localOffset + LOCAL_SIZE + localNameLength).equals(nameBytes),
      `${name}: local and central names differ`,
    );
    if (!(localFlags & FLAG_DESCRIPTOR)) {
      need(zip.readUInt32LE(localOffset + 14) === crc, `${name}: local and central CRC-32 differ`);
      need(zip.readUInt32LE(localOffset + 18) === compressedSize, `${name}: local and central sizes differ`);
      need(zip.readUInt32LE(localOffset + 22) === size, `${name}: local and central sizes differ`);
    }
    const dataStart = localOffset + LOCAL_SIZE + localNameLength + localExtraLength;
    const dataEnd = dataStart + compressedSize;
    need(dataEnd <= centralOffset, `${name}'s data runs into the central directory`);
    previousEnd = dataEnd;
    if (localFlags & FLAG_DESCRIPTOR) {
      // crc-32, compressed size, uncompressed size; the signature before them is optional.
      let d = dataEnd;
      if (d + 16 <= centralOffset && zip.readUInt32LE(d) === DESCRIPTOR_SIGNATURE) d += 4;
      need(d + 12 <= centralOffset, `${name}'s data descriptor runs into the central directory`);
      need(zip.readUInt32LE(d) === crc, `${name}: data descriptor and central CRC-32 differ`);
      need(zip.readUInt32LE(d + 4) === compressedSize, `${name}: data descriptor and central sizes differ`);
      need(zip.readUInt32LE(d + 8) === size, `${name}: data descriptor and central sizes differ`);
      previousEnd = d + 12;
    }

    const raw = zip.subarray(dataStart, dataEnd);
    let data: Buffer;
    if (method === 0) {
      need(compressedSize === size, `${name} is stored but its sizes differ`);
      data = Buffer.from(raw);
    } else {
      try {
        data = inflateRawSync(raw);
      } catch (error) {
        throw new ZipFormatError(`${name} does not inflate (${(error as Error).message})`);
      }
    }
    need(data.length === size, `${name} inflates to ${data.length} bytes, not ${size}`);
    const actual = crc32(data);
    need(
      actual === crc,
      `${name}: CRC-32 is ${actual.toString(16).padStart(8, '0')}, the archive says ${crc.toString(16).padStart(8, '0')}`,
    );
    entries.push({
      name,
      method: method as 0 | 8,
      crc32: crc,
      compressedSize,
      size,
      modified: dosDateTime(date, time),
      data,
    });
  }
  need(at === eocd, 'bytes left over between the central directory and its end record');
  return { entries, comment };
}

/** Entry names in archive order. */
export function zipNames(source: Buffer | string): string[] {
  return readZip(source).entries.map((e) => e.name);
}

/** One entry's bytes. */
export function zipEntry(source: Buffer | string, name: string): Buffer {
  const entry = readZip(source).entries.find((e) => e.name === name);
  if (!entry) throw new Error(`${name} is not in the archive`);
  return entry.data;
}

/** One entry as UTF-8 text. */
export function zipText(source: Buffer | string, name: string): string {
  return zipEntry(source, name).toString('utf8');
}
