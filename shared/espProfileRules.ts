/**
 * The ESP profile's settings as Intune's "Create profile" flow shows them (Microsoft Learn, "Set up the Enrollment
 * Status Page": every label below is the article's own), and the one place that decides which of them are shown
 * and which are greyed out given the others. The operator console's editor renders from here and decides nothing;
 * test/unit/shared/espProfileRules.test.ts checks each rule against the article.
 *
 * The form speaks the article's terms (Yes/No, All/Selected); `formFromProfile` and `profileWithForm` translate
 * to and from Graph's properties (docs/scenario-format.md §7.3), including the two inverted or implied ones:
 * "Block device use until all apps and profiles are installed" is `blockDeviceSetupRetryByUser` read backwards,
 * and "Show custom message" Yes is a non-empty `customErrorMessage`.
 *
 * Pure: no Node, no DOM.
 */

/** Intune's limits: the timeout's range, the blocking-app list, the profiles per tenant, the message length. */
export const MIN_TIMEOUT_MINUTES = 1;
export const MAX_TIMEOUT_MINUTES = 1440;
export const DEFAULT_TIMEOUT_MINUTES = 60;
export const MAX_BLOCKING_APPS = 100;
export const MAX_PROFILES = 51;
export const MAX_CUSTOM_MESSAGE_LENGTH = 10000;
/** What the device shows when the profile has no custom message (the article's own text). */
export const DEFAULT_MESSAGE_TEXT =
  'Setup could not be completed. Please try again or contact your support person for help.';

/** The Settings step, in the article's terms. */
export interface EspSettingsForm {
  showProgress: boolean;
  timeoutMinutes: number;
  showCustomMessage: boolean;
  customMessage: string;
  logCollection: boolean;
  onlyOobe: boolean;
  qualityUpdates: boolean;
  blockDeviceUse: boolean;
  allowReset: boolean;
  allowUse: boolean;
  blockingApps: 'all' | 'selected';
  selectedAppIds: string[];
  onlyFailSelectedInTechnician: boolean;
}

export type EspSettingKey = keyof EspSettingsForm;

export type SettingControl = 'yesNo' | 'allSelected' | 'minutes' | 'message' | 'apps';

export interface EspSettingDefinition {
  key: EspSettingKey;
  /** The article's label, verbatim. */
  label: string;
  control: SettingControl;
  /** The Graph property it is stored in (docs/scenario-format.md §7.3). */
  graphProperty: string;
  /** One line under the control: what the choice does, from the article. */
  help: string;
}

/** Every setting of the Settings step, in the article's order. */
export const ESP_SETTINGS: readonly EspSettingDefinition[] = [
  {
    key: 'showProgress',
    label: 'Show app and profile configuration progress',
    control: 'yesNo',
    graphProperty: 'showInstallationProgress',
    help: 'Yes shows the enrollment status page during device setup; more options become available.',
  },
  {
    key: 'timeoutMinutes',
    label: 'Show an error when installation takes longer than specified number of minutes',
    control: 'minutes',
    graphProperty: 'installProgressTimeoutInMinutes',
    help: `From ${MIN_TIMEOUT_MINUTES} to ${MAX_TIMEOUT_MINUTES} minutes; the default time-out is ${DEFAULT_TIMEOUT_MINUTES} minutes.`,
  },
  {
    key: 'showCustomMessage',
    label: 'Show custom message when time limit or error occur',
    control: 'yesNo',
    graphProperty: 'customErrorMessage',
    help: `No shows the default message: "${DEFAULT_MESSAGE_TEXT}"`,
  },
  {
    key: 'customMessage',
    label: 'Custom message',
    control: 'message',
    graphProperty: 'customErrorMessage',
    help: 'Tell people what happened and who to contact for help.',
  },
  {
    key: 'logCollection',
    label: 'Turn on log collection and diagnostics page for end users',
    control: 'yesNo',
    graphProperty: 'allowLogCollectionOnInstallFailure',
    help: 'Yes shows the collect logs button on an installation error, and the diagnostics page on Windows 11.',
  },
  {
    key: 'onlyOobe',
    label: 'Only show page to devices provisioned by out-of-box experience (OOBE)',
    control: 'yesNo',
    graphProperty: 'disableUserStatusTrackingAfterFirstUser',
    help: 'Yes shows the user phase only to the first user who signs in.',
  },
  {
    key: 'qualityUpdates',
    label: 'Install Windows quality updates (might restart the device)',
    control: 'yesNo',
    graphProperty: 'installQualityUpdates',
    help: 'Yes checks for and installs monthly security updates at the end of OOBE (Windows 11).',
  },
  {
    key: 'blockDeviceUse',
    label: 'Block device use until all apps and profiles are installed',
    control: 'yesNo',
    graphProperty: 'blockDeviceSetupRetryByUser',
    help: 'No lets users leave the ESP before Intune is finished; Yes keeps them there and unlocks more settings.',
  },
  {
    key: 'allowReset',
    label: 'Allow users to reset device if installation error occurs',
    control: 'yesNo',
    graphProperty: 'allowDeviceResetOnInstallFailure',
    help: 'Yes offers Reset device when an installation fails.',
  },
  {
    key: 'allowUse',
    label: 'Allow users to use device if installation error occurs',
    control: 'yesNo',
    graphProperty: 'allowDeviceUseOnInstallFailure',
    help: 'Yes offers Continue anyway when an installation fails.',
  },
  {
    key: 'blockingApps',
    label: 'Block device use until these required apps are installed if they are assigned to the user/device',
    control: 'allSelected',
    graphProperty: 'selectedMobileAppIds',
    help: `All: every assigned app must install. Selected: only the chosen apps (up to ${MAX_BLOCKING_APPS}) block.`,
  },
  {
    key: 'selectedAppIds',
    label: 'Blocking apps',
    control: 'apps',
    graphProperty: 'selectedMobileAppIds',
    help: `Choose up to ${MAX_BLOCKING_APPS} apps from the tenant.`,
  },
  {
    key: 'onlyFailSelectedInTechnician',
    label: 'Only fail selected blocking apps in technician phase',
    control: 'yesNo',
    graphProperty: 'allowNonBlockingAppInstallation',
    help: 'Pre-provisioning only: Yes also installs the non-blocking apps in the technician flow and ignores their failures.',
  },
];

/** Whether a setting is on the page, and whether it can be changed there (false: greyed out), with why not. */
export interface SettingState {
  visible: boolean;
  enabled: boolean;
  /** Why it is hidden or greyed out, in people's words; null when it is shown and enabled. */
  because: string | null;
}

const SHOWN: SettingState = { visible: true, enabled: true, because: null };

const NEEDS_PROGRESS = 'Shown when "Show app and profile configuration progress" is Yes.';
const NEEDS_BLOCK = 'Available when "Block device use until all apps and profiles are installed" is Yes.';

/**
 * The rules, each from the article:
 * - "Show app and profile configuration progress": Yes — "More options become available if you select this one";
 *   so with No every other setting is hidden.
 * - "Show custom message…": Yes — "Enter your message in the provided text box"; the box exists only with Yes.
 * - "Block device use until all apps and profiles are installed": Yes — "This option unlocks more settings for this
 *   scenario": with No, the reset, use and blocking-app settings are greyed out.
 * - "Block device use until these required apps are installed…": Selected — "Choose Select apps to start a
 *   Blocking apps list": the app picker appears with Selected.
 * - "Only fail selected blocking apps in technician phase": "only available if blocking apps are added": it
 *   appears with Selected and can be changed once at least one app is in the list.
 */
export function settingState(form: EspSettingsForm, key: EspSettingKey): SettingState {
  if (key === 'showProgress') return SHOWN;
  if (!form.showProgress) return { visible: false, enabled: false, because: NEEDS_PROGRESS };
  switch (key) {
    case 'customMessage':
      return form.showCustomMessage
        ? SHOWN
        : {
            visible: false,
            enabled: false,
            because: 'Shown when "Show custom message when time limit or error occur" is Yes.',
          };
    case 'allowReset':
    case 'allowUse':
    case 'blockingApps':
      return form.blockDeviceUse ? SHOWN : { visible: true, enabled: false, because: NEEDS_BLOCK };
    case 'selectedAppIds':
      if (form.blockingApps !== 'selected') return { visible: false, enabled: false, because: 'Shown with Selected.' };
      return form.blockDeviceUse ? SHOWN : { visible: true, enabled: false, because: NEEDS_BLOCK };
    case 'onlyFailSelectedInTechnician':
      if (form.blockingApps !== 'selected')
        return { visible: false, enabled: false, because: 'Available only if blocking apps are added.' };
      if (!form.blockDeviceUse) return { visible: true, enabled: false, because: NEEDS_BLOCK };
      return form.selectedAppIds.length > 0
        ? SHOWN
        : { visible: true, enabled: false, because: 'Available only if blocking apps are added.' };
    default:
      return SHOWN;
  }
}

/** A problem with what was typed, under the setting it concerns. */
export interface SettingProblem {
  key: EspSettingKey;
  message: string;
}

/** What Intune would refuse on Next: a time-out out of range, an empty custom message, an empty or long app list. */
export function settingProblems(form: EspSettingsForm): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const shown = (key: EspSettingKey): boolean => {
    const state = settingState(form, key);
    return state.visible && state.enabled;
  };
  if (
    shown('timeoutMinutes') &&
    (!Number.isInteger(form.timeoutMinutes) ||
      form.timeoutMinutes < MIN_TIMEOUT_MINUTES ||
      form.timeoutMinutes > MAX_TIMEOUT_MINUTES)
  ) {
    problems.push({
      key: 'timeoutMinutes',
      message: `Enter a whole number of minutes from ${MIN_TIMEOUT_MINUTES} to ${MAX_TIMEOUT_MINUTES}.`,
    });
  }
  if (shown('customMessage')) {
    if (form.customMessage.trim() === '')
      problems.push({ key: 'customMessage', message: 'Enter the message, or choose No for the default one.' });
    else if (form.customMessage.length > MAX_CUSTOM_MESSAGE_LENGTH)
      problems.push({ key: 'customMessage', message: `At most ${MAX_CUSTOM_MESSAGE_LENGTH} characters.` });
  }
  if (shown('selectedAppIds')) {
    if (form.selectedAppIds.length === 0)
      problems.push({ key: 'selectedAppIds', message: 'Select at least one app, or choose All.' });
    else if (form.selectedAppIds.length > MAX_BLOCKING_APPS)
      problems.push({ key: 'selectedAppIds', message: `At most ${MAX_BLOCKING_APPS} apps.` });
  }
  return problems;
}

/**
 * A new profile's settings. Quality updates default to Yes: "Newly created ESP Profiles will default to Yes, while
 * existing ESP profiles default to No"; the time-out defaults to 60 minutes.
 */
export function newProfileForm(): EspSettingsForm {
  return {
    showProgress: true,
    timeoutMinutes: DEFAULT_TIMEOUT_MINUTES,
    showCustomMessage: false,
    customMessage: '',
    logCollection: false,
    onlyOobe: false,
    qualityUpdates: true,
    blockDeviceUse: true,
    allowReset: false,
    allowUse: false,
    blockingApps: 'all',
    selectedAppIds: [],
    onlyFailSelectedInTechnician: false,
  };
}

type GraphProfile = Record<string, unknown>;

function flag(profile: GraphProfile, key: string): boolean {
  return profile[key] === true;
}

/** The form for a profile as the scenario file holds it (Graph's properties; a missing one takes Graph's default). */
export function formFromProfile(profile: GraphProfile): EspSettingsForm {
  const message = typeof profile['customErrorMessage'] === 'string' ? profile['customErrorMessage'] : '';
  const timeout = profile['installProgressTimeoutInMinutes'];
  const selected = Array.isArray(profile['selectedMobileAppIds'])
    ? profile['selectedMobileAppIds'].filter((id): id is string => typeof id === 'string')
    : [];
  return {
    showProgress: flag(profile, 'showInstallationProgress'),
    // Graph stores 0 (or nothing) for "not set"; Intune then applies 60.
    timeoutMinutes: typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MINUTES,
    showCustomMessage: message.trim() !== '',
    customMessage: message,
    logCollection: flag(profile, 'allowLogCollectionOnInstallFailure'),
    onlyOobe: flag(profile, 'disableUserStatusTrackingAfterFirstUser'),
    qualityUpdates: flag(profile, 'installQualityUpdates'),
    blockDeviceUse: !flag(profile, 'blockDeviceSetupRetryByUser'),
    allowReset: flag(profile, 'allowDeviceResetOnInstallFailure'),
    allowUse: flag(profile, 'allowDeviceUseOnInstallFailure'),
    blockingApps: selected.length > 0 ? 'selected' : 'all',
    selectedAppIds: selected,
    onlyFailSelectedInTechnician: flag(profile, 'allowNonBlockingAppInstallation'),
  };
}

/**
 * The profile with the form's settings written into Graph's properties; every other property (id, assignments,
 * scope tags, anything an export carried) is kept. A greyed-out setting is stored as Intune applies it (No, All),
 * so the file never holds a choice the page would not show; a hidden one keeps what the form holds.
 */
export function profileWithForm(profile: GraphProfile, form: EspSettingsForm): GraphProfile {
  const enabled = (key: EspSettingKey): boolean => settingState(form, key).enabled;
  const selectedApps =
    form.blockingApps === 'selected' && (enabled('selectedAppIds') || !form.showProgress) ? form.selectedAppIds : [];
  const greyed = (key: EspSettingKey, value: boolean): boolean => (form.showProgress && !enabled(key) ? false : value);
  return {
    ...profile,
    showInstallationProgress: form.showProgress,
    installProgressTimeoutInMinutes: form.timeoutMinutes,
    customErrorMessage: form.showCustomMessage && form.customMessage.trim() !== '' ? form.customMessage : null,
    allowLogCollectionOnInstallFailure: form.logCollection,
    disableUserStatusTrackingAfterFirstUser: form.onlyOobe,
    installQualityUpdates: form.qualityUpdates,
    blockDeviceSetupRetryByUser: !form.blockDeviceUse,
    allowDeviceResetOnInstallFailure: greyed('allowReset', form.allowReset),
    allowDeviceUseOnInstallFailure: greyed('allowUse', form.allowUse),
    selectedMobileAppIds: selectedApps,
    allowNonBlockingAppInstallation: greyed('onlyFailSelectedInTechnician', form.onlyFailSelectedInTechnician),
  };
}

/** The article's words for a setting's value, for Review + create. */
export function describeSetting(form: EspSettingsForm, key: EspSettingKey, appName: (id: string) => string): string {
  switch (key) {
    case 'timeoutMinutes':
      return `${form.timeoutMinutes} minutes`;
    case 'customMessage':
      return form.customMessage;
    case 'blockingApps':
      return form.blockingApps === 'selected' ? 'Selected' : 'All';
    case 'selectedAppIds':
      return form.selectedAppIds.map(appName).join(', ') || 'none';
    default:
      return form[key] ? 'Yes' : 'No';
  }
}

/** The default profile applies to all users and all devices: it has no assignments and cannot be deleted. */
export const DEFAULT_PROFILE_RULE =
  'Intune applies the default profile to all users and all devices when no other ESP profiles are available to assign.';

/** Whether another profile may be created: "You can create maximum of 51 ESP profiles (Default + 50) in a tenant." */
export function canAddProfile(profileCount: number): boolean {
  return profileCount < MAX_PROFILES;
}
