/**
 * AutopilotDDSZTDFile.json (§3.2, §4.7): the Autopilot profile the device downloaded before the ESP,
 * in the shape of Windows' AutopilotConfigurationFile.json (CloudAssigned* keys).
 */
import type { Scenario } from '../scenario/model';
import type { RunFacts } from '../facts/history';
import { PROFILE_DOWNLOAD_OFFSET_SECONDS } from '../facts/history';
import { isoTime } from '../facts/time';

/** CloudAssignedOobeConfig bits (§4.7): the OOBE pages the profile skips. */
export const OOBE_CONFIG = {
  skipCortanaOptIn: 1,
  oobeUserNotLocalAdmin: 2,
  skipExpressSettings: 4,
  skipOemRegistration: 8,
  skipEula: 16,
  tpmAttestation: 32,
  aadDeviceAuth: 64,
  aadTpmRequired: 128,
  skipWindowsUpgradeUx: 256,
  enablePatchDownload: 512,
  skipKeyboardSelection: 1024,
} as const;

/** User-driven profiles skip the privacy, OEM and EULA pages and make a standard user; self-deploying and pre-provisioning also require TPM attestation. */
export function cloudAssignedOobeConfig(scenario: Scenario): number {
  const b = OOBE_CONFIG;
  let bits = b.skipCortanaOptIn | b.oobeUserNotLocalAdmin | b.skipExpressSettings | b.skipOemRegistration | b.skipEula;
  bits |= b.skipWindowsUpgradeUx | b.skipKeyboardSelection;
  const mode = scenario.deployment.mode;
  if (mode === 'selfDeploying' || mode === 'preProvisioning')
    bits |= b.tpmAttestation | b.aadDeviceAuth | b.aadTpmRequired;
  return bits;
}

/** AutopilotDDSZTDFile.json's text (pretty JSON): the downloaded profile, or a note that there was none. */
export function autopilotProfileJson(facts: RunFacts): string {
  const { scenario } = facts;
  if (!scenario.deployment.autopilotRegistered) {
    return JSON.stringify(
      {
        Comment_File: 'This device is not registered with Windows Autopilot: no profile was downloaded.',
        CloudAssignedTenantId: '',
        PolicyDownloadDate: isoTime(facts.startMs, PROFILE_DOWNLOAD_OFFSET_SECONDS),
      },
      null,
      2,
    );
  }
  const serverData = {
    ZeroTouchConfig: {
      CloudAssignedTenantUpn: '',
      ForcedEnrollment: 1,
      CloudAssignedTenantDomain: facts.tenantDomain,
    },
  };
  return JSON.stringify(
    {
      CloudAssignedTenantId: scenario.tenant.id,
      CloudAssignedDeviceName: '',
      CloudAssignedForcedEnrollment: 1,
      Version: 2049,
      Comment_File: `Profile ${scenario.device.enrollmentProfileName}`,
      CloudAssignedAadServerData: JSON.stringify(serverData),
      CloudAssignedTenantDomain: facts.tenantDomain,
      CloudAssignedDomainJoinMethod: scenario.deployment.join === 'hybrid' ? 1 : 0,
      CloudAssignedOobeConfig: cloudAssignedOobeConfig(scenario),
      ZtdCorrelationId: facts.ids.ztdCorrelation,
      ZtdRegistrationId: facts.ids.ztdRegistration,
      CloudAssignedLanguage: 'os-default',
      CloudAssignedRegion: 'os-default',
      CloudAssignedAutopilotUpdateDisabled: 1,
      CloudAssignedAutopilotUpdateTimeout: 1800000,
      DeploymentProfileName: scenario.device.enrollmentProfileName,
      PolicyDownloadDate: isoTime(facts.startMs, PROFILE_DOWNLOAD_OFFSET_SECONDS),
    },
    null,
    2,
  );
}
