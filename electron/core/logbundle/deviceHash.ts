/**
 * DeviceHash_<serial>.csv (§3.2): the hardware hash as Get-WindowsAutopilotInfo and the diagnostics
 * collection write it. The hash is a deterministic stand-in (a base64 blob of the real size class),
 * not a decodable hardware hash.
 */
import type { RunFacts } from '../facts/history';
import { hashHex, safeFileNamePart } from '../facts/ids';

export const DEVICE_HASH_HEADER = 'Device Serial Number,Windows Product ID,Hardware Hash';

/** `DeviceHash_<serial>.csv`, the serial made file-name safe. */
export function deviceHashFileName(serialNumber: string): string {
  return `DeviceHash_${safeFileNamePart(serialNumber)}.csv`;
}

/** About 4 KB of base64, like a real 4K hardware hash. */
export function hardwareHash(facts: RunFacts): string {
  const { scenario } = facts;
  const chunks: Buffer[] = [];
  for (let i = 0; chunks.length * 32 < 3000; i++) {
    chunks.push(
      Buffer.from(
        hashHex(String(scenario.seed), scenario.device.serialNumber, scenario.device.model, String(i)),
        'hex',
      ),
    );
  }
  // A real hash starts with its header bytes; keep a fixed, recognisable prefix.
  return Buffer.concat([Buffer.from([0x54, 0x35, 0x00, 0x00, 0x0a, 0x00]), ...chunks]).toString('base64');
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The hardware-hash CSV (header and one row, CRLF): a deterministic stand-in for the hash. */
export function deviceHashCsv(facts: RunFacts): string {
  const serial = facts.scenario.device.serialNumber;
  return `${DEVICE_HASH_HEADER}\r\n${csvField(serial)},,${hardwareHash(facts)}\r\n`;
}
