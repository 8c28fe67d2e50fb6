/**
 * What each phase of the ESP waits on (§1.3, §5.3, the article's App 1–4 example).
 */
import type { PhaseId } from '../../../shared/esp';
import type { TrackingWhy } from '../../../shared/timeline';
import type { App, EspProfile, Scenario, TrackedResource, User } from '../scenario/model';
import { memo } from './memo';
import { appliesToDevice, appliesToUser, explainAppRequirement, requiredAppsFor } from './targeting';

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

/**
 * Required apps that fall in this phase, blocking or not, in assignment order. The tracking lists, the
 * deferred list and the record's decisions all start from it: worked out once (memo.ts).
 */
function requiredAppsInPhase(scenario: Scenario, audience: Audience): App[] {
  return memo(scenario, `required:${audience.phase}:${audience.user?.id ?? ''}`, () =>
    computeRequiredAppsInPhase(scenario, audience),
  );
}

function computeRequiredAppsInPhase(scenario: Scenario, { phase, user }: Audience): App[] {
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
  return memo(scenario, `policies:${user?.id ?? ''}`, () =>
    targeted(scenario, scenario.tenant.policies, user).filter((p) => TRACKED_POLICY_KINDS.has(p.kind)),
  );
}

export function trackedCertificatesFor(scenario: Scenario, { user }: Audience): TrackedResource<string>[] {
  return memo(scenario, `certificates:${user?.id ?? ''}`, () =>
    targeted(scenario, scenario.tenant.certificateProfiles, user).filter((c) => TRACKED_CERT_KINDS.has(c.kind)),
  );
}

/** Device setup tracks VPN and Wi-Fi; Account setup tracks only Wi-Fi (§1.3). */
export function trackedNetworkProfilesFor(scenario: Scenario, { user }: Audience): TrackedResource<string>[] {
  return memo(scenario, `networks:${user?.id ?? ''}`, () =>
    targeted(scenario, scenario.tenant.networkProfiles, user).filter((n) => (user ? n.kind === 'wifi' : true)),
  );
}

/** Required apps outside the blocking list, whatever their kind (the technician flow installs them, §5.1). */
export function nonBlockingAppsFor(scenario: Scenario, profile: EspProfile, audience: Audience): App[] {
  return requiredAppsInPhase(scenario, audience).filter((a) => !isBlocking(profile, a));
}

/** Why an app is or is not tracked in a setup phase: the record's `appTracking.why` (§1.3, §5.1, §5.3). */
export type { TrackingWhy } from '../../../shared/timeline';

export interface AppTrackingDecision {
  appId: string;
  tracked: boolean;
  why: TrackingWhy;
  /** A sentence for people (Explain, the CLI). */
  reason: string;
}

/**
 * For every app of the tenant, whether this phase tracks it and why not. `profile` is the profile
 * whose blocking list applies to the phase (see `trackedAppsFor`); `technician` is the
 * pre-provisioning technician flow. Agrees with `trackedAppsFor` and `deferredAppsFor` by construction.
 */
export function appTrackingDecisions(
  scenario: Scenario,
  profile: EspProfile,
  audience: Audience,
  technician: boolean,
): AppTrackingDecision[] {
  // The blocking list is all that the profile contributes (a user-targeted profile's list is emptied in Device setup).
  const key = `decisions:${audience.phase}:${audience.user?.id ?? ''}:${technician}:${profile.id}:${profile.selectedMobileAppIds.join(',')}:${profile.allowNonBlockingAppInstallation}`;
  return memo(scenario, key, () => computeAppTrackingDecisions(scenario, profile, audience, technician));
}

function computeAppTrackingDecisions(
  scenario: Scenario,
  profile: EspProfile,
  audience: Audience,
  technician: boolean,
): AppTrackingDecision[] {
  const inPhase = new Set(requiredAppsInPhase(scenario, audience).map((a) => a.id));
  const preProvisioning = scenario.deployment.mode === 'preProvisioning';
  return scenario.tenant.apps.map((app): AppTrackingDecision => {
    const name = `"${app.displayName}"`;
    if (inPhase.has(app.id)) {
      if (isBlocking(profile, app)) {
        const list =
          profile.selectedMobileAppIds.length === 0 ? 'all required apps block' : 'it is in the blocking list';
        return { appId: app.id, tracked: true, why: 'blocking', reason: `${name} is required and ${list}` };
      }
      if (preProvisioning && technician && audience.phase === 'deviceSetup') {
        return profile.allowNonBlockingAppInstallation
          ? {
              appId: app.id,
              tracked: false,
              why: 'bestEffortInTechnicianFlow',
              reason: `${name} is not in the blocking list: the technician flow installs it without counting it, and ignores its failure`,
            }
          : {
              appId: app.id,
              tracked: false,
              why: 'installedByUserFlow',
              reason: `${name} is not in the blocking list: the technician flow leaves it for the user flow`,
            };
      }
      if (!preProvisioning && DEFERRED_WHEN_NOT_BLOCKING.has(app.kind)) {
        return {
          appId: app.id,
          tracked: false,
          why: 'deferredUntilAfterEsp',
          reason: `${name} is not in the blocking list: it waits until the ESP ends, then installs`,
        };
      }
      return {
        appId: app.id,
        tracked: false,
        why: 'notInSelectedList',
        reason: `${name} is not in the blocking list: it installs beside the ESP without being counted`,
      };
    }
    if (audience.phase === 'accountSetup' && !audience.user) {
      return { appId: app.id, tracked: false, why: 'noUser', reason: `no user signs in during this ESP` };
    }
    const subject =
      audience.phase === 'deviceSetup' || !audience.user
        ? ({ kind: 'device' } as const)
        : ({ kind: 'user', user: audience.user } as const);
    const forDevice = explainAppRequirement(app, scenario, { kind: 'device' });
    if (audience.phase === 'deviceSetup' && forDevice.applies && app.installContext === 'user') {
      return {
        appId: app.id,
        tracked: false,
        why: 'userContextInDevicePhase',
        reason: `${name} installs in the user's context, so Device setup does not track it`,
      };
    }
    if (audience.phase === 'accountSetup' && forDevice.applies) {
      return app.installContext === 'device'
        ? {
            appId: app.id,
            tracked: false,
            why: 'deviceContextInAccountSetup',
            reason: `${name} is a device app: Device setup tracks it`,
          }
        : {
            appId: app.id,
            tracked: false,
            why: 'notRequired',
            reason: `${name} is assigned to the device in the user's context, which Account setup does not track for this app type or join`,
          };
    }
    const explained = subject.kind === 'device' ? forDevice : explainAppRequirement(app, scenario, subject);
    const why: TrackingWhy =
      explained.cause === 'filteredOut' ? 'filteredOut' : explained.cause === 'excluded' ? 'excluded' : 'notRequired';
    return { appId: app.id, tracked: false, why, reason: explained.reason };
  });
}
