/**
 * Screenshot-safe identities: a scenario whose real names (an imported tenant's name and id, its users' UPNs,
 * display names and ids, the device's serial number, manufacturer and model, group names, every GUID, and
 * optionally app and policy names) are replaced by generated ones, derived from the seed alone, before
 * anything is shown or written. Pure: the same scenario and seed always give the same names, and every file of
 * the log bundle, the screens and the snapshot read the one replaced scenario, so they agree.
 *
 * What it does not cover: ids that are not GUIDs (`app-1`, `esp-profile-2`: labels a scenario's author chose) and
 * free text that mentions a person or company by a name the scenario does not hold in one of the fields above.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/model';

export interface AnonymizeOptions {
  /** Also replace app, policy, certificate, network and ESP profile display names (`App 1`, `Policy 2`...). */
  appAndPolicyNames?: boolean;
}

const TENANTS = ['Contoso', 'Fabrikam', 'Northwind', 'Woodgrove', 'Tailspin', 'Litware', 'Adatum', 'Proseware'];
const FIRST = ['Alex', 'Sam', 'Jordan', 'Robin', 'Casey', 'Morgan', 'Taylor', 'Jamie', 'Riley', 'Quinn'];
const LAST = ['Reed', 'Hayes', 'Brooks', 'Lane', 'Ellis', 'Shaw', 'Moss', 'Frost', 'Wells', 'Blake'];
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Keys whose values are the format's own words (enums, versions, times), never names. */
const STRUCTURAL = new Set([
  '@odata.type',
  'kind',
  'mode',
  'join',
  'release',
  'build',
  'osVersion',
  'startTime',
  'locale',
  'intent',
  'type',
  'runAsAccount',
  'deviceRestartBehavior',
  'operatingSystemSKU',
  'deviceOwnership',
  'tpmAttestation',
  'platform',
]);
/** Shorter names are not replaced inside other text (too likely to hit ordinary words). */
const MIN_NAME = 3;

function hex(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

function pick<T>(list: readonly T[], seed: number, label: string): T {
  return list[parseInt(hex(String(seed), label).slice(0, 8), 16) % list.length]!;
}

/** A GUID-shaped id derived from the seed and the real one (lowercase, version-4 shaped). */
function fakeGuid(seed: number, real: string): string {
  const h = hex(String(seed), 'guid', real.toLowerCase());
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The replacement, in the case the matched text was written in (contoso.com → fabrikam.example). */
function inCaseOf(matched: string, fake: string): string {
  if (matched === matched.toLowerCase() && matched !== matched.toUpperCase()) return fake.toLowerCase();
  if (matched === matched.toUpperCase() && matched !== matched.toLowerCase()) return fake.toUpperCase();
  return fake;
}

/** The generated names for a scenario: real text → fake text, longest first. */
export function identityMap(scenario: Scenario, seed: number, options: AnonymizeOptions = {}): Map<string, string> {
  const map = new Map<string, string>();
  const add = (real: string | null | undefined, fake: string): void => {
    if (!real || real.length < MIN_NAME || map.has(real) || real === fake) return;
    map.set(real, fake);
  };
  const realTexts = [
    scenario.tenant.displayName,
    ...scenario.users.flatMap((u) => [u.userPrincipalName, u.displayName]),
  ].map((t) => t.toLowerCase());
  const clash = (name: string): boolean => realTexts.some((t) => t.includes(name.toLowerCase()));
  const start = TENANTS.indexOf(pick(TENANTS, seed, 'tenant'));
  let tenant = TENANTS[start]!;
  for (let i = 0; i < TENANTS.length && clash(tenant); i++) tenant = TENANTS[(start + i + 1) % TENANTS.length]!;
  if (clash(tenant)) tenant = `Tenant${hex(String(seed), 'tenant-fallback').slice(0, 4).toUpperCase()}`;
  const domain = `${tenant.toLowerCase()}.example`;
  const prefix = tenant
    .replace(/[aeiou]/gi, '')
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, 'X');

  // UPNs first (they contain the domain), then the domains and the tenant's name inside any other text.
  scenario.users.forEach((u, i) => {
    const first = pick(FIRST, seed, `first-${i}`);
    const last = pick(LAST, seed, `last-${i}`);
    add(u.userPrincipalName, `user${i + 1}@${domain}`);
    const domainOf = u.userPrincipalName.split('@')[1];
    add(domainOf, domain);
    add(u.displayName, `${first} ${last} ${i + 1}`);
    // Each word of a person's name (capitalised, 4 letters or more: `Adele`, `Vance`), so a first name alone goes too.
    const words = u.displayName.split(/\s+/).filter((w) => w.length >= 4 && /^\p{Lu}/u.test(w));
    words.forEach((w, j) => add(w, j === 0 ? first : `${last}${i + 1}`));
    const local = u.userPrincipalName.split('@')[0];
    if (local && local.length >= 4) add(local, `user${i + 1}`);
  });
  add(scenario.tenant.displayName, tenant);
  const serial = `${prefix}-${hex(String(seed), 'serial').slice(0, 8).toUpperCase()}`;
  add(scenario.device.serialNumber, serial);
  add(scenario.device.manufacturer, `${tenant} Devices`);
  add(scenario.device.model, `Model ${hex(String(seed), 'model').slice(0, 3).toUpperCase()}`);
  scenario.tenant.groups.forEach((g, i) => add(g.displayName, `Group ${i + 1}`));
  if (options.appAndPolicyNames) {
    scenario.tenant.apps.forEach((a, i) => add(a.displayName, `App ${i + 1}`));
    [...scenario.tenant.policies, ...scenario.tenant.certificateProfiles, ...scenario.tenant.networkProfiles].forEach(
      (p, i) => add(p.displayName, `Policy ${i + 1}`),
    );
    scenario.tenant.espProfiles.forEach((p, i) => add(p.displayName, `ESP profile ${i + 1}`));
  }
  return new Map([...map].sort((a, b) => b[0].length - a[0].length));
}

/**
 * The scenario with its real names replaced by generated ones (see the file's comment). GUIDs anywhere (values
 * and keys) map to GUIDs derived from the seed, so every reference still points where it did.
 */
export function anonymizeScenario(scenario: Scenario, seed: number, options: AnonymizeOptions = {}): Scenario {
  const map = identityMap(scenario, seed, options);
  const names = [...map.keys()];
  const pattern = names.length > 0 ? new RegExp(names.map(escape).join('|'), 'gi') : null;
  const lower = new Map([...map].map(([k, v]) => [k.toLowerCase(), v]));
  const text = (value: string): string => {
    let out = value.replace(GUID, (g) => fakeGuid(seed, g));
    if (pattern) out = out.replace(pattern, (m) => inCaseOf(m, lower.get(m.toLowerCase()) ?? m));
    return out;
  };
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') return key !== null && STRUCTURAL.has(key) ? value : text(value);
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k.replace(GUID, (g) => fakeGuid(seed, g)), walk(v, k)]),
      );
    }
    return value;
  };
  return walk(scenario, null) as Scenario;
}

/** The real names of a scenario (tests and the README: what the switch hides). */
export function realNames(scenario: Scenario): string[] {
  return [
    scenario.tenant.displayName,
    scenario.tenant.id,
    scenario.device.serialNumber,
    ...scenario.users.flatMap((u) => [u.userPrincipalName, u.displayName, u.id]),
    ...scenario.tenant.groups.flatMap((g) => [g.displayName, g.id]),
  ].filter((n) => n.length >= MIN_NAME);
}
