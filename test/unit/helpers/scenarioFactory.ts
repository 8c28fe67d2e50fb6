/**
 * Builds full, normalised scenarios for unit tests. Every field has a sensible default:
 * a user-driven Entra join of one Surface in group "g-devices", one licensed user (adele) in "g-users",
 * the tenant's default ESP profile with the ESP turned off, no apps, no filters, no faults.
 *
 *   const s = makeScenario({
 *     device: { model: 'Surface Pro 9' },
 *     tenant: {
 *       espProfiles: [makeProfile({ id: 'p1', priority: 1, assignments: [groupTarget(DEVICE_GROUP)] })],
 *       apps: [makeApp({ id: 'a1', assignments: [required(groupTarget(DEVICE_GROUP))] })],
 *     },
 *   });
 *
 * `tenant.espProfiles` is completed with the default profile unless it already holds one (isDefault); to test a
 * tenant without one, remove it afterwards: `s.tenant.espProfiles = s.tenant.espProfiles.filter((p) => !p.isDefault)`.
 */
import { newTenantDefaultProfile } from '../../../electron/core/scenario/defaultProfile';
import type {
  App,
  AppIntent,
  Assignment,
  AssignmentFilter,
  AssignmentTarget,
  Device,
  EspProfile,
  Scenario,
  User,
} from '../../../electron/core/scenario/model';

export const TENANT_ID = 'tenant-contoso';
export const DEVICE_GROUP = 'g-devices';
export const USER_GROUP = 'g-users';
export const DEFAULT_PROFILE_ID = `${TENANT_ID}_DefaultWindows10EnrollmentCompletionPageConfiguration`;

/** Intune's return codes for a new Win32 app (§5.3). */
export const DEFAULT_RETURN_CODES: App['returnCodes'] = [
  { returnCode: 0, type: 'success' },
  { returnCode: 1707, type: 'success' },
  { returnCode: 3010, type: 'softReboot' },
  { returnCode: 1641, type: 'hardReboot' },
  { returnCode: 1618, type: 'retry' },
];

// ---------------------------------------------------------------------------------------------
// Assignments

export interface AssignmentOptions {
  /** Attach an assignment filter by id, in include or exclude mode. */
  filter?: { id: string; type: 'include' | 'exclude' };
  intent?: AppIntent | null;
}

function assignment(target: AssignmentTarget, opts: AssignmentOptions = {}): Assignment {
  return {
    target,
    filterId: opts.filter?.id ?? null,
    filterType: opts.filter?.type ?? 'none',
    intent: opts.intent ?? null,
  };
}

export function groupTarget(groupId: string, opts?: AssignmentOptions): Assignment {
  return assignment({ kind: 'group', groupId }, opts);
}

export function exclusionGroup(groupId: string, opts?: Pick<AssignmentOptions, 'intent'>): Assignment {
  return assignment({ kind: 'exclusionGroup', groupId }, opts);
}

export function allDevices(opts?: AssignmentOptions): Assignment {
  return assignment({ kind: 'allDevices' }, opts);
}

export function allLicensedUsers(opts?: AssignmentOptions): Assignment {
  return assignment({ kind: 'allLicensedUsers' }, opts);
}

/** The same assignment with an app intent: `required(groupTarget(DEVICE_GROUP))`. */
export function withIntent(a: Assignment, intent: AppIntent): Assignment {
  return { ...a, intent };
}
export const required = (a: Assignment): Assignment => withIntent(a, 'required');
export const available = (a: Assignment): Assignment => withIntent(a, 'available');
export const uninstall = (a: Assignment): Assignment => withIntent(a, 'uninstall');

/** The same assignment with a filter: `withFilter(groupTarget(DEVICE_GROUP), 'f-surface', 'include')`. */
export function withFilter(a: Assignment, filterId: string, type: 'include' | 'exclude' = 'include'): Assignment {
  return { ...a, filterId, filterType: type };
}

// ---------------------------------------------------------------------------------------------
// Tenant objects

export function makeFilter(id: string, rule: string, displayName: string = id): AssignmentFilter {
  return { id, displayName, platform: 'windows10AndLater', rule };
}

/** The tenant's default profile, as a new tenant has it: the ESP off (§5.1). */
export function makeDefaultProfile(overrides: Partial<EspProfile> = {}): EspProfile {
  return { ...newTenantDefaultProfile(TENANT_ID), ...overrides };
}

let profileCounter = 0;

/**
 * A non-default profile with the ESP on, blocking on all apps, 60-minute timeout, priority 1,
 * assigned to nobody unless `assignments` says so.
 */
export function makeProfile(overrides: Partial<EspProfile> = {}): EspProfile {
  profileCounter += 1;
  const id = overrides.id ?? `profile-${profileCounter}`;
  return {
    id,
    displayName: overrides.displayName ?? `ESP ${id}`,
    priority: 1,
    isDefault: false,
    showInstallationProgress: true,
    installProgressTimeoutInMinutes: 60,
    customErrorMessage: null,
    allowLogCollectionOnInstallFailure: false,
    disableUserStatusTrackingAfterFirstUser: false,
    installQualityUpdates: false,
    blockDeviceSetupRetryByUser: false,
    allowDeviceResetOnInstallFailure: false,
    allowDeviceUseOnInstallFailure: false,
    selectedMobileAppIds: [],
    allowNonBlockingAppInstallation: false,
    trackInstallProgressForAutopilotOnly: false,
    assignments: [],
    ...overrides,
  };
}

let appCounter = 0;

/** A device-context Win32 app with Intune's default return codes, assigned to nobody by default. */
export function makeApp(overrides: Partial<App> = {}): App {
  appCounter += 1;
  const id = overrides.id ?? `app-${appCounter}`;
  return {
    id,
    displayName: overrides.displayName ?? `App ${id}`,
    odataType: '#microsoft.graph.win32LobApp',
    kind: 'win32',
    installContext: 'device',
    returnCodes: DEFAULT_RETURN_CODES.map((c) => ({ ...c })),
    assignments: [],
    ...overrides,
  };
}

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'user-adele',
    userPrincipalName: 'adele@contoso.com',
    displayName: 'Adele Vance',
    groupIds: [USER_GROUP],
    intuneLicensed: true,
    ...overrides,
  };
}

export function makeDevice(overrides: Partial<Device> = {}): Device {
  return {
    serialNumber: 'SN-0001-TEST',
    manufacturer: 'Microsoft Corporation',
    model: 'Surface Laptop 5',
    osVersion: '10.0.26100.2605',
    operatingSystemSKU: 'Enterprise',
    deviceOwnership: 'Corporate',
    enrollmentProfileName: 'AP-UserDriven',
    groupIds: [DEVICE_GROUP],
    tpmAttestation: 'succeeds',
    locale: 'en-US',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenario

export interface ScenarioOverrides {
  name?: string;
  description?: string;
  seed?: number;
  startTime?: string;
  windows?: Partial<Scenario['windows']>;
  deployment?: Partial<Scenario['deployment']>;
  device?: Partial<Device>;
  users?: User[];
  tenant?: Partial<Scenario['tenant']>;
  simulation?: Partial<Scenario['simulation']>;
}

export function makeScenario(overrides: ScenarioOverrides = {}): Scenario {
  const tenant: Scenario['tenant'] = {
    id: TENANT_ID,
    displayName: 'Contoso',
    groups: [
      { id: DEVICE_GROUP, displayName: 'Autopilot devices' },
      { id: USER_GROUP, displayName: 'All staff' },
    ],
    assignmentFilters: [],
    espProfiles: [],
    apps: [],
    policies: [],
    certificateProfiles: [],
    networkProfiles: [],
    ...overrides.tenant,
  };
  if (!tenant.espProfiles.some((p) => p.isDefault)) {
    tenant.espProfiles = [
      ...tenant.espProfiles,
      makeDefaultProfile({ id: `${tenant.id}_DefaultWindows10EnrollmentCompletionPageConfiguration` }),
    ];
  }
  return {
    schemaVersion: 1,
    name: overrides.name ?? 'Test scenario',
    description: overrides.description ?? '',
    seed: overrides.seed ?? 1,
    startTime: overrides.startTime ?? '2025-06-02T09:00:00Z',
    windows: { release: '11', build: '26100.2605', ...overrides.windows },
    deployment: { mode: 'userDriven', join: 'entra', autopilotRegistered: true, ...overrides.deployment },
    device: makeDevice(overrides.device),
    users: overrides.users ?? [makeUser()],
    tenant,
    simulation: {
      apps: {},
      resources: {},
      qualityUpdates: { available: false, minutes: 20, restart: true },
      faults: [],
      ...overrides.simulation,
    },
  };
}

/** The scenario's first user, for tests that need one (throws if the scenario has none). */
export function firstUser(s: Scenario): User {
  const u = s.users[0];
  if (!u) throw new Error('scenario has no users');
  return u;
}
