/**
 * The article's own notes shown beside the controls they concern.
 */

/** Step 10's note on filters for ESP assignments. */
export const ESP_ASSIGNMENT_NOTE =
  'Due to OS restrictions, a limited selection of filters are available for ESP assignments: only filters whose ' +
  'rules use model, manufacturer, osVersion, operatingSystemSKU, deviceOwnership and enrollmentProfileName.';

/** "Prioritize profiles": how Intune picks among profiles. */
export const PRIORITY_NOTE =
  'The profile with the highest priority takes precedence: 1 is the highest. Intune applies the highest-priority ' +
  'profile assigned to the device; if none, the highest-priority one assigned to the user (not in pre-provisioning ' +
  'or self-deploying); if none, the default profile.';
