/**
 * The default ESP profile a tenant has before anyone edits it: "All users and all devices",
 * ESP off (§5.1 Graph sample: showInstallationProgress false, blockDeviceSetupRetryByUser true).
 * The validator adds it to scenarios that have none; the engine falls back to it defensively.
 */
import type { EspProfile } from './model';

export const DEFAULT_PROFILE_ID_SUFFIX = '_DefaultWindows10EnrollmentCompletionPageConfiguration';
export const DEFAULT_PROFILE_NAME = 'All users and all devices';
export const DEFAULT_INSTALL_TIMEOUT_MINUTES = 60;

export function newTenantDefaultProfile(tenantId: string): EspProfile {
  return {
    id: `${tenantId}${DEFAULT_PROFILE_ID_SUFFIX}`,
    displayName: DEFAULT_PROFILE_NAME,
    priority: 0,
    isDefault: true,
    showInstallationProgress: false,
    installProgressTimeoutInMinutes: DEFAULT_INSTALL_TIMEOUT_MINUTES,
    customErrorMessage: null,
    allowLogCollectionOnInstallFailure: false,
    disableUserStatusTrackingAfterFirstUser: false,
    installQualityUpdates: false,
    blockDeviceSetupRetryByUser: true,
    allowDeviceResetOnInstallFailure: false,
    allowDeviceUseOnInstallFailure: false,
    selectedMobileAppIds: [],
    allowNonBlockingAppInstallation: false,
    trackInstallProgressForAutopilotOnly: false,
    // The default applies as the fallback of §5.2, never through assignments.
    assignments: [],
  };
}
