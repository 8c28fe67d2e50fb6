/**
 * The scenario after validation and normalisation: every default filled in, every Graph oddity
 * (casing, JSON-in-a-string, nulls, OData keys) resolved. The engine reads only this shape.
 * The file format itself is fixed by shared/spec/scenario-and-cli.md §1.
 */
import type { DeploymentMode, JoinType, WindowsRelease } from '../../../shared/esp';

export type AssignmentTarget =
  | { kind: 'group'; groupId: string }
  | { kind: 'exclusionGroup'; groupId: string }
  | { kind: 'allDevices' }
  | { kind: 'allLicensedUsers' };

export type AppIntent = 'required' | 'available' | 'uninstall' | 'availableWithoutEnrollment';

export interface Assignment {
  target: AssignmentTarget;
  filterId: string | null;
  filterType: 'include' | 'exclude' | 'none';
  /** Apps only; profiles and other resources have no intent. */
  intent: AppIntent | null;
}

export interface EspProfile {
  id: string;
  displayName: string;
  /** 1 is the highest; the default profile is 0 and applies last (§5.1). */
  priority: number;
  isDefault: boolean;
  showInstallationProgress: boolean;
  installProgressTimeoutInMinutes: number;
  /** null when empty: the device then shows DEFAULT_ERROR_MESSAGE. */
  customErrorMessage: string | null;
  allowLogCollectionOnInstallFailure: boolean;
  disableUserStatusTrackingAfterFirstUser: boolean;
  installQualityUpdates: boolean;
  /** true = "Block device use until all apps and profiles are installed" No (§5.1 [I]). */
  blockDeviceSetupRetryByUser: boolean;
  allowDeviceResetOnInstallFailure: boolean;
  allowDeviceUseOnInstallFailure: boolean;
  /** Empty = All. */
  selectedMobileAppIds: string[];
  allowNonBlockingAppInstallation: boolean;
  trackInstallProgressForAutopilotOnly: boolean;
  assignments: Assignment[];
}

/** How the ESP and IME handle an app, from its Graph @odata.type (§5.3). */
export type AppKind = 'win32' | 'win32Catalog' | 'winGet' | 'msi' | 'appx' | 'office' | 'store' | 'other';

export type ReturnCodeType = 'success' | 'softReboot' | 'hardReboot' | 'retry' | 'failed';

export interface App {
  id: string;
  displayName: string;
  odataType: string;
  kind: AppKind;
  /** Device context (system) or user context (§5.3). */
  installContext: 'device' | 'user';
  returnCodes: { returnCode: number; type: ReturnCodeType }[];
  assignments: Assignment[];
}

export type PolicyKind = 'edgeBrowser' | 'assignedAccess' | 'kioskBrowser' | 'other';
export type CertificateKind = 'scep' | 'pkcs' | 'trustedRoot';
export type NetworkKind = 'wifi' | 'vpn';

export interface TrackedResource<K extends string> {
  id: string;
  displayName: string;
  kind: K;
  assignments: Assignment[];
}

export interface Device {
  serialNumber: string;
  manufacturer: string;
  model: string;
  osVersion: string;
  operatingSystemSKU: string;
  deviceOwnership: string;
  enrollmentProfileName: string;
  groupIds: string[];
  tpmAttestation: 'succeeds' | 'fails';
}

export interface User {
  id: string;
  userPrincipalName: string;
  displayName: string;
  groupIds: string[];
  intuneLicensed: boolean;
}

export interface AssignmentFilter {
  id: string;
  displayName: string;
  platform: string;
  rule: string;
}

export interface AppBehaviour {
  installSeconds: number | null;
  downloadMB: number | null;
  /** Exit code of each attempt; the last one repeats. */
  exitCodes: number[];
}

export interface ResourceBehaviour {
  applySeconds: number | null;
  fails: boolean;
}

export type Fault =
  | { kind: 'packagedReboot'; appId: string }
  | { kind: 'msiWin32Conflict'; appId: string }
  | { kind: 'declaredReboot'; appId: string }
  | { kind: 'identifyingNeverEnds' }
  | { kind: 'tpmAttestationFailure'; hresult: number }
  | { kind: 'officeHang'; appId: string }
  | { kind: 'networkOutage'; atSeconds: number; forSeconds: number }
  | { kind: 'resourceFails'; resourceId: string }
  | { kind: 'espProviderTimeout' };

export interface Scenario {
  schemaVersion: 1;
  name: string;
  description: string;
  seed: number;
  startTime: string;
  windows: { release: WindowsRelease; build: string };
  deployment: { mode: DeploymentMode; join: JoinType; autopilotRegistered: boolean };
  device: Device;
  users: User[];
  tenant: {
    id: string;
    displayName: string;
    groups: { id: string; displayName: string }[];
    assignmentFilters: AssignmentFilter[];
    espProfiles: EspProfile[];
    apps: App[];
    policies: TrackedResource<PolicyKind>[];
    certificateProfiles: TrackedResource<CertificateKind>[];
    networkProfiles: TrackedResource<NetworkKind>[];
  };
  simulation: {
    apps: Record<string, AppBehaviour>;
    resources: Record<string, ResourceBehaviour>;
    qualityUpdates: { available: boolean; minutes: number; restart: boolean };
    faults: Fault[];
  };
}
