/**
 * Identifiers a real device would have made up (enrollment GUID, Entra device id, correlation ids,
 * the computer name): derived from the scenario with a seeded hash, so the same scenario and seed
 * always write the same bundle. Never Date.now or Math.random.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/model';

/** SHA-256 of the parts, hex. */
export function hashHex(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** A version-4-shaped GUID from a hash: lowercase, without braces. */
export function guidFrom(...parts: string[]): string {
  const h = hashHex(...parts);
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** An unsigned integer in [0, range) from a hash of the parts. */
export function hashInt(range: number, ...parts: string[]): number {
  return parseInt(hashHex(...parts).slice(0, 12), 16) % range;
}

/** A GUID that belongs to this scenario (seed, tenant, device) and a label. */
export function scenarioGuid(scenario: Scenario, label: string): string {
  return guidFrom(String(scenario.seed), scenario.tenant.id, scenario.device.serialNumber, label);
}

const GUID = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i;

/**
 * The SID Windows gives a Microsoft Entra user: S-1-12-1 followed by the object id's 16 bytes
 * (in .NET Guid byte order) read as four little-endian 32-bit numbers. Ids that are not GUIDs
 * (test scenarios) go through a hash first.
 */
export function entraUserSid(objectId: string): string {
  const m = GUID.exec(objectId) ?? GUID.exec(guidFrom('user', objectId));
  if (!m) throw new Error('unreachable: guidFrom always returns a GUID');
  const [, a, b, c, d, e] = m as unknown as [string, string, string, string, string, string];
  const bytes = [
    ...hexBytes(a).reverse(),
    ...hexBytes(b).reverse(),
    ...hexBytes(c).reverse(),
    ...hexBytes(d),
    ...hexBytes(e),
  ];
  const parts: number[] = [];
  for (let i = 0; i < 16; i += 4) {
    parts.push((bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0);
  }
  return `S-1-12-1-${parts.join('-')}`;
}

function hexBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** `DESKTOP-` and seven letters or digits, as Windows names a device it names itself. */
export function computerName(scenario: Scenario): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const h = hashHex(String(scenario.seed), scenario.device.serialNumber, 'computer-name');
  let name = 'DESKTOP-';
  for (let i = 0; i < 7; i++) name += alphabet[parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return name;
}

/** The tenant's initial domain, `<name>.onmicrosoft.com`, from its display name. */
export function tenantDomain(scenario: Scenario): string {
  const name = scenario.tenant.displayName.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `${name || 'tenant'}.onmicrosoft.com`;
}

/** A file-name-safe form (serial numbers end up in `DeviceHash_<serial>.csv`). */
export function safeFileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_') || '_';
}
