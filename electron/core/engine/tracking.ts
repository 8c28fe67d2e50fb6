/**
 * What each phase of the ESP waits on (§1.3, §5.3, the article's App 1–4 example).
 */
import type { PhaseId } from '../../../shared/esp';
import type { App, EspProfile, Scenario, TrackedResource, User } from '../scenario/model';
import { appliesToDevice, appliesToUser, requiredAppsFor } from './targeting';

/** Policy kinds the ESP tracks; every other policy applies silently (§1.3). */
const TRACKED_POLICY_KINDS = new Set(['edgeBrowser', 'assignedAccess', 'kioskBrowser']);
/** Certificates the ESP tracks: SCEP (and PFX, FirstSync ExpectedPFXCerts §4.2). */
const TRACKED_CERT_KINDS = new Set(['scep', 'pkcs']);
/** App kinds that wait for the ESP to end when not blocking (article: Win32, Store, catalog). */
const DEFERRED_WHEN_NOT_BLOCKING = new Set(['win32', 'win32Catalog', 'winGet', 'store']);
/** Device-assigned user-context apps tracked in Account setup, except in hybrid join (§5.3, §7.3). */
const USER_CONTEXT_TRACKED_KINDS = new Set(['win32', 'win32Catalog', 'winGet', 'appx']);

export type SetupPhase = Exclude<PhaseId, 'devicePreparation'>;

export interface Audience {
  phase: SetupPhase;
  user: User | null;
}

function isBlocking(profile: EspProfile, app: App): boolean {
  return profile.selectedMobileAppIds.length === 0 || profile.selectedMobileAppIds.includes(app.id);
}

/** Required apps that fall in this phase, blocking or not, in assignment order. */
function requiredAppsInPhase(scenario: Scenario, { phase, user }: Audience): App[] {
  if (phase === 'deviceSetup') {
    return requiredAppsFor(scenario, { kind: 'device' }).filter((a) => a.installContext === 'device');
  }
  if (!user) return [];
  const userApps = requiredAppsFor(scenario, { kind: 'user', user });
  const hybrid = scenario.deployment.join === 'hybrid';
  const deviceUserContext = requiredAppsFor(scenario, { kind: 'device' }).filter(
    (a) =>
      a.installContext === 'user' &&
      !(hybrid && USER_CONTEXT_TRACKED_KINDS.has(a.kind)) &&
      USER_CONTEXT_TRACKED_KINDS.has(a.kind),
  );
  const seen = new Set<string>();
  return [...userApps, ...deviceUserContext].filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/**
 * The apps the ESP waits on in a phase: required, in the blocking list (or All), in the right
 * context. Blocking apps of a user-targeted profile are ignored during the device ESP (§5.2, AP-KI):
 * the caller passes the profile that applies to the phase.
 */
export function trackedAppsFor(scenario: Scenario, profile: EspProfile, audience: Audience): App[] {
  return requiredAppsInPhase(scenario, audience).filter((a) => isBlocking(profile, a));
}

/** Required apps left out of the blocking list that install only after the ESP ends (article, App 4). */
export function deferredAppsFor(scenario: Scenario, profile: EspProfile, audience: Audience): App[] {
  if (scenario.deployment.mode === 'preProvisioning') return [];
  return requiredAppsInPhase(scenario, audience).filter(
    (a) => !isBlocking(profile, a) && DEFERRED_WHEN_NOT_BLOCKING.has(a.kind),
  );
}

function targeted<K extends string>(
  scenario: Scenario,
  resources: TrackedResource<K>[],
  user: User | null,
): TrackedResource<K>[] {
  return resources.filter((r) =>
    user ? appliesToUser(r.assignments, scenario, user) : appliesToDevice(r.assignments, scenario),
  );
}

export function trackedPoliciesFor(scenario: Scenario, { user }: Audience): TrackedResource<string>[] {
  return targeted(scenario, scenario.tenant.policies, user).filter((p) => TRACKED_POLICY_KINDS.has(p.kind));
}

export function trackedCertificatesFor(scenario: Scenario, { user }: Audience): TrackedResource<string>[] {
  return targeted(scenario, scenario.tenant.certificateProfiles, user).filter((c) => TRACKED_CERT_KINDS.has(c.kind));
}

/** Device setup tracks VPN and Wi-Fi; Account setup tracks only Wi-Fi (§1.3). */
export function trackedNetworkProfilesFor(scenario: Scenario, { user }: Audience): TrackedResource<string>[] {
  return targeted(scenario, scenario.tenant.networkProfiles, user).filter((n) => (user ? n.kind === 'wifi' : true));
}

/** Required apps outside the blocking list, whatever their kind (the technician flow installs them, §5.1). */
export function nonBlockingAppsFor(scenario: Scenario, profile: EspProfile, audience: Audience): App[] {
  return requiredAppsInPhase(scenario, audience).filter((a) => !isBlocking(profile, a));
}
