/**
 * The ESP profile editor's rules (shared/espProfileRules.ts), one test per rule, each citing the sentence of
 * Microsoft Learn's "Set up the Enrollment Status Page" it comes from.
 */
import { describe, expect, it } from 'vitest';
import type { EspSettingKey, EspSettingsForm } from '../../../shared/espProfileRules';
import {
  ESP_SETTINGS,
  MAX_PROFILES,
  canAddProfile,
  formFromProfile,
  newProfileForm,
  profileWithForm,
  settingProblems,
  settingState,
} from '../../../shared/espProfileRules';

const form = (changes: Partial<EspSettingsForm> = {}): EspSettingsForm => ({ ...newProfileForm(), ...changes });
const visible = (f: EspSettingsForm, key: EspSettingKey) => settingState(f, key).visible;
const enabled = (f: EspSettingsForm, key: EspSettingKey) => settingState(f, key).enabled;

describe("the settings, under the article's own labels", () => {
  it('lists every setting of step 8 "In Settings, configure the following settings", in its order', () => {
    expect(ESP_SETTINGS.filter((s) => s.control !== 'message' && s.control !== 'apps').map((s) => s.label)).toEqual([
      'Show app and profile configuration progress',
      'Show an error when installation takes longer than specified number of minutes',
      'Show custom message when time limit or error occur',
      'Turn on log collection and diagnostics page for end users',
      'Only show page to devices provisioned by out-of-box experience (OOBE)',
      'Install Windows quality updates (might restart the device)',
      'Block device use until all apps and profiles are installed',
      'Allow users to reset device if installation error occurs',
      'Allow users to use device if installation error occurs',
      'Block device use until these required apps are installed if they are assigned to the user/device',
      'Only fail selected blocking apps in technician phase',
    ]);
  });
});

describe('rule: "Show app and profile configuration progress"', () => {
  // Article: "Yes: The enrollment status page appears during device setup. More options become available if you
  // select this one." — so with No, every other setting is hidden.
  it('hides every other setting when No, and shows them when Yes', () => {
    const off = form({ showProgress: false });
    for (const { key } of ESP_SETTINGS) expect(visible(off, key)).toBe(key === 'showProgress');
    const on = form({ showProgress: true });
    for (const key of [
      'timeoutMinutes',
      'showCustomMessage',
      'logCollection',
      'onlyOobe',
      'qualityUpdates',
      'blockDeviceUse',
    ] as const)
      expect(visible(on, key) && enabled(on, key)).toBe(true);
  });
});

describe('rule: "Show an error when installation takes longer than specified number of minutes"', () => {
  // Article: "The default time-out is 60 minutes." Intune accepts 1 to 1440 (docs/scenario-format.md §7.3).
  it('defaults to 60 and accepts only whole minutes from 1 to 1440', () => {
    expect(newProfileForm().timeoutMinutes).toBe(60);
    expect(formFromProfile({ installProgressTimeoutInMinutes: 0 }).timeoutMinutes).toBe(60);
    for (const ok of [1, 60, 1440]) expect(settingProblems(form({ timeoutMinutes: ok }))).toEqual([]);
    for (const bad of [0, 1441, 30.5, Number.NaN])
      expect(settingProblems(form({ timeoutMinutes: bad })).map((p) => p.key)).toEqual(['timeoutMinutes']);
  });
});

describe('rule: "Show custom message when time limit or error occur"', () => {
  // Article: "Yes: Your custom message is shown to users when an error occurs. Enter your message in the provided
  // text box." "No: The default message is shown".
  it('shows the text box only with Yes, and wants a message there', () => {
    expect(visible(form({ showCustomMessage: false }), 'customMessage')).toBe(false);
    const yes = form({ showCustomMessage: true, customMessage: '' });
    expect(visible(yes, 'customMessage')).toBe(true);
    expect(settingProblems(yes).map((p) => p.key)).toEqual(['customMessage']);
  });

  it('stores Yes as the message and No as no message (the default one)', () => {
    const yes = profileWithForm({}, form({ showCustomMessage: true, customMessage: 'Call 555-0100.' }));
    expect(yes['customErrorMessage']).toBe('Call 555-0100.');
    expect(
      profileWithForm({}, form({ showCustomMessage: false, customMessage: 'kept aside' }))['customErrorMessage'],
    ).toBeNull();
    expect(formFromProfile({ customErrorMessage: 'Call us' })).toMatchObject({
      showCustomMessage: true,
      customMessage: 'Call us',
    });
  });
});

describe('rule: "Block device use until all apps and profiles are installed"', () => {
  // Article: "Yes: Users can't leave the ESP until Intune is done setting up the device. This option unlocks more
  // settings for this scenario." With No the settings it unlocks are greyed out.
  it('greys out reset, use and the blocking-app choice when No', () => {
    const no = form({ blockDeviceUse: false, blockingApps: 'selected', selectedAppIds: ['a'] });
    for (const key of [
      'allowReset',
      'allowUse',
      'blockingApps',
      'selectedAppIds',
      'onlyFailSelectedInTechnician',
    ] as const) {
      expect(visible(no, key)).toBe(true);
      expect(enabled(no, key)).toBe(false);
    }
    const yes = form({ blockDeviceUse: true });
    for (const key of ['allowReset', 'allowUse', 'blockingApps'] as const) expect(enabled(yes, key)).toBe(true);
  });

  it('is stored backwards, as blockDeviceSetupRetryByUser, and greyed-out settings are stored as No/All', () => {
    const no = profileWithForm(
      {},
      form({
        blockDeviceUse: false,
        allowReset: true,
        allowUse: true,
        blockingApps: 'selected',
        selectedAppIds: ['a'],
      }),
    );
    expect(no).toMatchObject({
      blockDeviceSetupRetryByUser: true,
      allowDeviceResetOnInstallFailure: false,
      allowDeviceUseOnInstallFailure: false,
      selectedMobileAppIds: [],
    });
    expect(formFromProfile({ blockDeviceSetupRetryByUser: false }).blockDeviceUse).toBe(true);
    expect(formFromProfile({}).blockDeviceUse).toBe(true);
  });
});

describe('rules: "Allow users to reset device…" and "Allow users to use device if installation error occurs"', () => {
  // Article: "Yes: The ESP gives users the option to reset their devices when an installation fails." and
  // "Yes: The ESP gives users the option to bypass the ESP and use their devices when an installation fails."
  it('are stored in their own Graph properties when Block device use is Yes', () => {
    const stored = profileWithForm({}, form({ blockDeviceUse: true, allowReset: true, allowUse: false }));
    expect(stored).toMatchObject({ allowDeviceResetOnInstallFailure: true, allowDeviceUseOnInstallFailure: false });
  });
});

describe('rule: "Block device use until these required apps are installed if they are assigned to the user/device"', () => {
  // Article: "Selected: The selected-apps must be installed before users can use their devices. Choose Select apps
  // to start a Blocking apps list" and "You can choose up to 100 apps."
  it('shows the app picker only with Selected, and wants 1 to 100 apps', () => {
    expect(visible(form({ blockingApps: 'all' }), 'selectedAppIds')).toBe(false);
    const selected = form({ blockingApps: 'selected', selectedAppIds: [] });
    expect(visible(selected, 'selectedAppIds') && enabled(selected, 'selectedAppIds')).toBe(true);
    expect(settingProblems(selected).map((p) => p.key)).toEqual(['selectedAppIds']);
    const ids = Array.from({ length: 101 }, (_, i) => `app-${i}`);
    expect(settingProblems(form({ blockingApps: 'selected', selectedAppIds: ids }))).toEqual([
      { key: 'selectedAppIds', message: 'At most 100 apps.' },
    ]);
    expect(settingProblems(form({ blockingApps: 'selected', selectedAppIds: ids.slice(0, 100) }))).toEqual([]);
  });

  it('stores All as an empty list and Selected as the chosen apps', () => {
    expect(profileWithForm({}, form({ blockingApps: 'all', selectedAppIds: ['a'] }))['selectedMobileAppIds']).toEqual(
      [],
    );
    expect(
      profileWithForm({}, form({ blockingApps: 'selected', selectedAppIds: ['a'] }))['selectedMobileAppIds'],
    ).toEqual(['a']);
    expect(formFromProfile({ selectedMobileAppIds: ['a', 'b'] })).toMatchObject({
      blockingApps: 'selected',
      selectedAppIds: ['a', 'b'],
    });
  });
});

describe('rule: "Only fail selected blocking apps in technician phase"', () => {
  // Article: "This setting is only available if blocking apps are added and only applies to devices going through
  // pre-provisioning."
  it('appears with Selected and can be changed only once an app is in the list', () => {
    expect(visible(form({ blockingApps: 'all' }), 'onlyFailSelectedInTechnician')).toBe(false);
    const empty = form({ blockingApps: 'selected', selectedAppIds: [] });
    expect(visible(empty, 'onlyFailSelectedInTechnician')).toBe(true);
    expect(enabled(empty, 'onlyFailSelectedInTechnician')).toBe(false);
    expect(enabled(form({ blockingApps: 'selected', selectedAppIds: ['a'] }), 'onlyFailSelectedInTechnician')).toBe(
      true,
    );
  });

  it('is stored as allowNonBlockingAppInstallation (Yes installs every required app in the technician flow)', () => {
    const on = form({ blockingApps: 'selected', selectedAppIds: ['a'], onlyFailSelectedInTechnician: true });
    expect(profileWithForm({}, on)['allowNonBlockingAppInstallation']).toBe(true);
    expect(profileWithForm({}, { ...on, selectedAppIds: [] })['allowNonBlockingAppInstallation']).toBe(false);
  });
});

describe('rule: "Install Windows quality updates (might restart the device)"', () => {
  // Article: "Newly created ESP Profiles will default to Yes, while existing ESP profiles default to No."
  it('defaults to Yes for a new profile and to No for an existing one that does not set it', () => {
    expect(newProfileForm().qualityUpdates).toBe(true);
    expect(formFromProfile({ showInstallationProgress: true }).qualityUpdates).toBe(false);
  });
});

describe('rules: "Turn on log collection…" and "Only show page to devices provisioned by out-of-box experience (OOBE)"', () => {
  // Article: "Yes: The collect logs button is shown to users when an installation error occurs." and "Yes: … The
  // page is also shown during the user phase, but only to the first user who signs into the device."
  it('map to allowLogCollectionOnInstallFailure and disableUserStatusTrackingAfterFirstUser', () => {
    expect(profileWithForm({}, form({ logCollection: true, onlyOobe: true }))).toMatchObject({
      allowLogCollectionOnInstallFailure: true,
      disableUserStatusTrackingAfterFirstUser: true,
    });
  });
});

describe('rule: the profile limit', () => {
  // Article: "You can create maximum of 51 ESP profiles (Default + 50) in a tenant."
  it('allows a new profile up to 51 in all, the default included', () => {
    expect(MAX_PROFILES).toBe(51);
    expect(canAddProfile(50)).toBe(true);
    expect(canAddProfile(51)).toBe(false);
  });
});

describe('translation', () => {
  it('keeps every property the form does not own (id, assignments, scope tags, export noise)', () => {
    const original = { id: 'p1', assignments: [{ target: {} }], roleScopeTagIds: ['0'], '@odata.type': 'x' };
    expect(profileWithForm(original, form())).toMatchObject(original);
  });

  it('reads back what it writes', () => {
    const f = form({ showCustomMessage: true, customMessage: 'Hi', timeoutMinutes: 90, onlyOobe: true });
    expect(formFromProfile(profileWithForm({}, f))).toEqual(f);
  });
});
