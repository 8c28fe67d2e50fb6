/**
 * The tests' ZIP reader (zipReader.ts) against archives assembled here byte by byte from APPNOTE.TXT,
 * so that a bundle it accepts is known to be well-formed, and one it should refuse is refused.
 */
import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { crc32, readZip, zipNames, zipText } from './zipReader';

interface Part {
  name: string;
  content: string;
  method: 0 | 8;
  /** Sizes and CRC after the data (general purpose flag bit 3), as streaming writers do. */
  descriptor?: boolean;
}

const DOS_TIME = (8 << 11) | (30 << 5) | (14 >> 1); // 08:30:14
const DOS_DATE = ((2026 - 1980) << 9) | (3 << 5) | 2; // 2026-03-02

/** A minimal, correct archive: local headers and data, then the central directory and its end record. */
function assemble(parts: Part[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const data = Buffer.from(part.content, 'utf8');
    const stored = part.method === 8 ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const flags = (1 << 11) | (part.descriptor ? 1 << 3 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    if (!part.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(stored.length, 18);
      local.writeUInt32LE(data.length, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(part.descriptor ? 16 : 0);
    if (part.descriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(stored.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    const entry = Buffer.concat([local, name, stored, descriptor]);
    locals.push(entry);
    centrals.push(Buffer.concat([central, name]));
    offset += entry.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment, 'latin1'), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment, 'latin1')]);
}

const PARTS: Part[] = [
  { name: 'readme.txt', content: 'Hello from the device.\r\n', method: 0 },
  { name: 'IntuneManagementExtension.log', content: 'line\r\n'.repeat(500), method: 8, descriptor: true },
  { name: 'empty.txt', content: '', method: 8 },
];

describe('the ZIP reader used by the tests', () => {
  it('computes the standard CRC-32 (check value of "123456789" is cbf43926), as zlib does', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const sample = Buffer.from('x'.repeat(1000) + 'é');
    expect(crc32(sample)).toBe(zlibCrc32(sample));
  });

  it('reads stored and deflated entries, with and without data descriptors, and an archive comment', () => {
    const zip = assemble(PARTS, 'a comment that mentions PK\u0005\u0006 on purpose, followed by more text');
    const archive = readZip(zip);
    expect(archive.comment).toBe('a comment that mentions PK\u0005\u0006 on purpose, followed by more text');
    expect(archive.entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['readme.txt', 0, 24],
      ['IntuneManagementExtension.log', 8, 3000],
      ['empty.txt', 8, 0],
    ]);
    expect(archive.entries[0]!.modified).toBe('2026-03-02T08:30:14');
    expect(zipNames(zip)).toEqual(PARTS.map((p) => p.name));
    expect(zipText(zip, 'IntuneManagementExtension.log')).toBe(PARTS[1]!.content);
    expect(() => zipText(zip, 'missing.txt')).toThrow('missing.txt is not in the archive');
  });

  it('refuses data whose CRC-32 does not match', () => {
    const zip = assemble([PARTS[0]!]);
    const first = 30 + 'readme.txt'.length; // first data byte of the stored entry
    zip[first] = zip[first]! ^ 0x01;
    expect(() => readZip(zip)).toThrow(/readme\.txt: CRC-32 is [0-9a-f]{8}, the archive says/);
  });

  it('refuses deflated data that is damaged', () => {
    const zip = assemble([PARTS[1]!]);
    zip.fill(0xff, 30 + PARTS[1]!.name.length, 30 + PARTS[1]!.name.length + 8);
    expect(() => readZip(zip)).toThrow(/IntuneManagementExtension\.log/);
  });

  it('refuses a truncated archive and one without an end record', () => {
    const zip = assemble(PARTS);
    expect(() => readZip(zip.subarray(0, zip.length - 10))).toThrow('no end of central directory record');
    expect(() => readZip(Buffer.from('PK'))).toThrow('too short');
  });

  it('refuses a local header that disagrees with the central directory', () => {
    const zip = assemble([PARTS[0]!]);
    zip.write('R', 30); // local name "readme.txt" -> "Readme.txt"
    expect(() => readZip(zip)).toThrow('readme.txt: local and central names differ');
  });

  it('refuses ZIP64 archives and other compression methods', () => {
    const zip64 = assemble(PARTS);
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 8);
    expect(() => readZip(zip64)).toThrow('ZIP64');

    const bzip2 = assemble([PARTS[0]!]);
    const central = bzip2.length - 22 - 46 - 'readme.txt'.length;
    bzip2.writeUInt16LE(12, central + 10);
    expect(() => readZip(bzip2)).toThrow('readme.txt uses compression method 12');
  });
});
