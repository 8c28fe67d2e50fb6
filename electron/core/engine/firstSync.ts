/**
 * The DMClient CSP's FirstSyncStatus settings that steer the ESP (§4.2): a custom configuration
 * (windows10CustomConfiguration) assigned to the device that sets SkipUserStatusPage or
 * SkipDeviceStatusPage to true skips that part of the ESP, whatever the ESP profile says.
 * Source: Microsoft, "Troubleshoot the Enrollment Status Page"; OpenIntuneBaseline "Skip User ESP".
 */
import type { Scenario } from '../scenario/model';
import { ESP_OMA_URIS } from '../scenario/schema';
import { appliesToDevice } from './targeting';

export interface FirstSyncSkips {
  device: boolean;
  user: boolean;
  /** Which configuration set them, for the record. */
  reason: string;
}

/** OMA-URI booleans arrive as true, "true", 1 or "1" depending on the export. */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === 'string' && ['true', '1'].includes(value.toLowerCase()));
}

export function firstSyncSkips(scenario: Scenario): FirstSyncSkips {
  const skips: FirstSyncSkips = { device: false, user: false, reason: '' };
  const names: string[] = [];
  for (const policy of scenario.tenant.policies) {
    if (!policy.omaSettings || !appliesToDevice(policy.assignments, scenario)) continue;
    for (const setting of policy.omaSettings) {
      const uri = setting.omaUri.toLowerCase();
      if (!isTrue(setting.value)) continue;
      if (uri === ESP_OMA_URIS.skipUserStatusPage.toLowerCase()) skips.user = true;
      else if (uri === ESP_OMA_URIS.skipDeviceStatusPage.toLowerCase()) skips.device = true;
      else continue;
      names.push(`"${policy.displayName}" sets ${setting.omaUri.split('/').pop()} to true`);
    }
  }
  skips.reason = names.join('; ');
  return skips;
}
