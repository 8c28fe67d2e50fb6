import { describe, it, expect } from 'vitest';
import {
  appliesToDevice,
  appliesToUser,
  deviceTargetedProfile,
  explainAppRequirement,
  requiredAppsFor,
  resolveProfile,
} from '../../../electron/core/engine/targeting';
import {
  DEFAULT_PROFILE_ID,
  DEVICE_GROUP,
  USER_GROUP,
  allDevices,
  allLicensedUsers,
  available,
  exclusionGroup,
  firstUser,
  groupTarget,
  makeApp,
  makeFilter,
  makeProfile,
  makeScenario,
  makeUser,
  required,
  uninstall,
  withFilter,
} from '../helpers/scenarioFactory';

const SURFACE_ONLY = makeFilter('f-surface', '(device.model -eq "Surface Laptop 5")', 'Surface only');

describe('who an assignment targets (scenario-and-cli.md §1 "Assignments")', () => {
  it('a group assignment reaches the device when the device is in the group', () => {
    // §5.2
    const s = makeScenario();
    expect(appliesToDevice([groupTarget(DEVICE_GROUP)], s)).toBe(true);
    expect(appliesToDevice([groupTarget('g-other')], s)).toBe(false);
  });

  it('"all devices" reaches the device but not the user', () => {
    // §5.2
    const s = makeScenario();
    expect(appliesToDevice([allDevices()], s)).toBe(true);
    expect(appliesToUser([allDevices()], s, firstUser(s))).toBe(false);
  });

  it('a group holding the user targets the user, not the device', () => {
    // §1 "Assignments": user-targeted when the signing-in user is in the group
    const s = makeScenario();
    expect(appliesToUser([groupTarget(USER_GROUP)], s, firstUser(s))).toBe(true);
    expect(appliesToDevice([groupTarget(USER_GROUP)], s)).toBe(false);
  });

  it('"all licensed users" reaches only users with an Intune licence', () => {
    // §5.1: allLicensedUsers target
    const s = makeScenario();
    expect(appliesToUser([allLicensedUsers()], s, makeUser({ intuneLicensed: true }))).toBe(true);
    expect(appliesToUser([allLicensedUsers()], s, makeUser({ intuneLicensed: false }))).toBe(false);
    expect(appliesToDevice([allLicensedUsers()], s)).toBe(false);
  });

  it('an excluded group beats an include', () => {
    // §5.2: exclusions apply
    const s = makeScenario({ device: { groupIds: [DEVICE_GROUP, 'g-kiosks'] } });
    expect(appliesToDevice([allDevices(), exclusionGroup('g-kiosks')], s)).toBe(false);
    expect(appliesToDevice([groupTarget(DEVICE_GROUP), exclusionGroup('g-other')], s)).toBe(true);
  });

  it('a user in an excluded group is not targeted', () => {
    // §5.2
    const s = makeScenario();
    const user = makeUser({ groupIds: [USER_GROUP, 'g-contractors'] });
    expect(appliesToUser([allLicensedUsers(), exclusionGroup('g-contractors')], s, user)).toBe(false);
  });

  it('an include filter must match the device', () => {
    // §5.2: filter mode include
    const s = makeScenario({ tenant: { assignmentFilters: [SURFACE_ONLY] } });
    const a = withFilter(groupTarget(DEVICE_GROUP), SURFACE_ONLY.id, 'include');
    expect(appliesToDevice([a], s)).toBe(true);
    const dell = makeScenario({ device: { model: 'Latitude 7440' }, tenant: { assignmentFilters: [SURFACE_ONLY] } });
    expect(appliesToDevice([a], dell)).toBe(false);
  });

  it('an exclude filter must not match the device', () => {
    // §5.2: filter mode exclude
    const s = makeScenario({ tenant: { assignmentFilters: [SURFACE_ONLY] } });
    expect(appliesToDevice([withFilter(allDevices(), SURFACE_ONLY.id, 'exclude')], s)).toBe(false);
  });

  it('a user assignment filter is evaluated against the device the user signs in on', () => {
    // §5.2: filters evaluate device properties
    const s = makeScenario({ device: { model: 'Latitude 7440' }, tenant: { assignmentFilters: [SURFACE_ONLY] } });
    expect(appliesToUser([withFilter(groupTarget(USER_GROUP), SURFACE_ONLY.id)], s, firstUser(s))).toBe(false);
  });

  it('an assignment whose filter is missing from the tenant is not applied', () => {
    // §5.2 (decision: conservative; validation reports the dangling id)
    const s = makeScenario();
    expect(appliesToDevice([withFilter(groupTarget(DEVICE_GROUP), 'f-missing')], s)).toBe(false);
  });

  it('an assignment whose filter uses a property ESP cannot evaluate is not applied', () => {
    // §5.2: only the ESP-allowed properties
    const s = makeScenario({ tenant: { assignmentFilters: [makeFilter('f-name', '(device.deviceName -eq "X")')] } });
    expect(appliesToDevice([withFilter(groupTarget(DEVICE_GROUP), 'f-name')], s)).toBe(false);
  });
});

describe('which ESP profile applies (§5.2)', () => {
  it('with nothing assigned, the default profile applies', () => {
    // §5.2 step 3
    const r = resolveProfile(makeScenario(), makeUser());
    expect(r.targetedBy).toBe('default');
    expect(r.profile.id).toBe(DEFAULT_PROFILE_ID);
    expect(r.reason).toBe('no profile is targeted at the device or user; the default profile applies');
  });

  it('a device-targeted profile applies and says which group brought it', () => {
    // §5.2 step 1
    const p = makeProfile({
      id: 'p-contoso',
      displayName: 'Contoso ESP',
      priority: 1,
      assignments: [groupTarget(DEVICE_GROUP)],
    });
    const r = resolveProfile(makeScenario({ tenant: { espProfiles: [p] } }), null);
    expect(r.targetedBy).toBe('device');
    expect(r.profile.id).toBe('p-contoso');
    expect(r.reason).toBe(
      '"Contoso ESP" (priority 1) is assigned to group "Autopilot devices", which contains this device',
    );
  });

  it('priority 1 beats priority 2 regardless of file order', () => {
    // §5.2: lowest number wins
    const two = makeProfile({ id: 'p-two', priority: 2, assignments: [allDevices()] });
    const one = makeProfile({ id: 'p-one', priority: 1, assignments: [allDevices()] });
    expect(resolveProfile(makeScenario({ tenant: { espProfiles: [two, one] } }), null).profile.id).toBe('p-one');
    expect(resolveProfile(makeScenario({ tenant: { espProfiles: [one, two] } }), null).profile.id).toBe('p-one');
  });

  it('equal priorities are broken by id order, and the reason says so', () => {
    // §5.2 (decision: Intune never stores a tie; a hand-written scenario may)
    const b = makeProfile({ id: 'p-b', displayName: 'B', priority: 3, assignments: [allDevices()] });
    const a = makeProfile({ id: 'p-a', displayName: 'A', priority: 3, assignments: [allDevices()] });
    const r = resolveProfile(makeScenario({ tenant: { espProfiles: [b, a] } }), null);
    expect(r.profile.id).toBe('p-a');
    expect(r.reason).toMatch(/"B" has the same priority and lost the tie on id order/);
  });

  it('a device-targeted profile beats a higher-priority user-targeted one', () => {
    // §5.2 steps 1–2: device first, whatever the priorities
    const userP = makeProfile({ id: 'p-user', priority: 1, assignments: [groupTarget(USER_GROUP)] });
    const deviceP = makeProfile({ id: 'p-device', priority: 5, assignments: [groupTarget(DEVICE_GROUP)] });
    const r = resolveProfile(makeScenario({ tenant: { espProfiles: [userP, deviceP] } }), makeUser());
    expect(r.profile.id).toBe('p-device');
    expect(r.targetedBy).toBe('device');
  });

  it('a user-targeted profile applies when nothing targets the device', () => {
    // §5.2 step 2
    const p = makeProfile({
      id: 'p-sales',
      displayName: 'Sales ESP',
      priority: 2,
      assignments: [groupTarget(USER_GROUP)],
    });
    const r = resolveProfile(makeScenario({ tenant: { espProfiles: [p] } }), makeUser());
    expect(r.targetedBy).toBe('user');
    expect(r.profile.id).toBe('p-sales');
    expect(r.reason).toMatch(
      /"Sales ESP" \(priority 2\) is assigned to group "All staff", which contains adele@contoso\.com/,
    );
  });

  it('a user-targeted profile is ignored in self-deploying mode', () => {
    // §5.2 step 2: never in self-deploying
    const p = makeProfile({ id: 'p-sales', displayName: 'Sales ESP', assignments: [groupTarget(USER_GROUP)] });
    const s = makeScenario({ deployment: { mode: 'selfDeploying' }, tenant: { espProfiles: [p] } });
    const r = resolveProfile(s, makeUser());
    expect(r.targetedBy).toBe('default');
    expect(r.reason).toBe(
      '"Sales ESP" is targeted at adele@contoso.com but user-targeted profiles are ignored in self-deploying mode; the default profile applies',
    );
  });

  it('a user-targeted profile is ignored in pre-provisioning', () => {
    // §5.2 step 2: never in pre-provisioning
    const p = makeProfile({ assignments: [allLicensedUsers()] });
    const s = makeScenario({ deployment: { mode: 'preProvisioning' }, tenant: { espProfiles: [p] } });
    expect(resolveProfile(s, makeUser()).targetedBy).toBe('default');
  });

  it('without a user, only device-targeted profiles count', () => {
    // §5.2 step 2: only when there is a user
    const p = makeProfile({ assignments: [groupTarget(USER_GROUP)] });
    const r = resolveProfile(makeScenario({ tenant: { espProfiles: [p] } }), null);
    expect(r.targetedBy).toBe('default');
    expect(r.reason).toBe('no profile is targeted at the device; the default profile applies');
  });

  it('a profile excluded for the device falls through to the next one', () => {
    // §5.2: exclusions apply
    const s = makeScenario({
      device: { groupIds: [DEVICE_GROUP, 'g-kiosks'] },
      tenant: {
        espProfiles: [
          makeProfile({ id: 'p-1', priority: 1, assignments: [allDevices(), exclusionGroup('g-kiosks')] }),
          makeProfile({ id: 'p-2', priority: 2, assignments: [groupTarget(DEVICE_GROUP)] }),
        ],
      },
    });
    expect(resolveProfile(s, null).profile.id).toBe('p-2');
  });

  it('a profile whose include filter does not match the device is skipped', () => {
    // §5.2: filters apply
    const s = makeScenario({
      device: { model: 'Latitude 7440' },
      tenant: {
        assignmentFilters: [SURFACE_ONLY],
        espProfiles: [makeProfile({ assignments: [withFilter(allDevices(), SURFACE_ONLY.id)] })],
      },
    });
    expect(resolveProfile(s, null).targetedBy).toBe('default');
  });

  it('the default profile is never chosen through its own assignments over a targeted profile', () => {
    // §5.1: the default (priority 0) applies last
    const s = makeScenario({
      tenant: { espProfiles: [makeProfile({ id: 'p-1', priority: 7, assignments: [allDevices()] })] },
    });
    const def = s.tenant.espProfiles.find((p) => p.isDefault);
    if (def) def.assignments = [allDevices()];
    expect(resolveProfile(s, null).profile.id).toBe('p-1');
  });

  it('a tenant without a default profile behaves like a new tenant: the ESP is off', () => {
    // §1 "The default ESP profile": showInstallationProgress false
    const s = makeScenario();
    s.tenant.espProfiles = s.tenant.espProfiles.filter((p) => !p.isDefault);
    const r = resolveProfile(s, makeUser());
    expect(r.targetedBy).toBe('default');
    expect(r.profile.isDefault).toBe(true);
    expect(r.profile.showInstallationProgress).toBe(false);
    expect(r.reason).toMatch(/no default profile/);
  });

  it('quality updates come from the device-targeted profile even when a user profile applies', () => {
    // §5.2 [V]: quality-updates setting is read only from device-targeted profiles
    const userP = makeProfile({ id: 'p-user', installQualityUpdates: true, assignments: [groupTarget(USER_GROUP)] });
    const s = makeScenario({ tenant: { espProfiles: [userP] } });
    expect(resolveProfile(s, makeUser()).profile.id).toBe('p-user');
    const d = deviceTargetedProfile(s);
    expect(d.targetedBy).toBe('default');
    expect(d.profile.installQualityUpdates).toBe(false);
  });
});

describe('required apps (§5.3)', () => {
  it('only required assignments count; available ones are not tracked', () => {
    // §5.3: only required assignments are ESP-tracked
    const s = makeScenario({
      tenant: {
        apps: [
          makeApp({ id: 'a-req', assignments: [required(groupTarget(DEVICE_GROUP))] }),
          makeApp({ id: 'a-avail', assignments: [available(groupTarget(DEVICE_GROUP))] }),
        ],
      },
    });
    expect(requiredAppsFor(s, { kind: 'device' }).map((a) => a.id)).toEqual(['a-req']);
  });

  it('an app required for the user is not required for the device, and vice versa', () => {
    // §5.3: device setup tracks device-assigned apps, account setup user-assigned ones
    const s = makeScenario({
      tenant: {
        apps: [
          makeApp({ id: 'a-dev', assignments: [required(allDevices())] }),
          makeApp({ id: 'a-user', installContext: 'user', assignments: [required(allLicensedUsers())] }),
        ],
      },
    });
    expect(requiredAppsFor(s, { kind: 'device' }).map((a) => a.id)).toEqual(['a-dev']);
    expect(requiredAppsFor(s, { kind: 'user', user: firstUser(s) }).map((a) => a.id)).toEqual(['a-user']);
  });

  it('an uninstall assignment wins over required', () => {
    // §5.3 (decision: uninstall beats required for the same subject)
    const app = makeApp({
      id: 'a-1',
      displayName: 'Legacy VPN',
      assignments: [required(allDevices()), uninstall(groupTarget(DEVICE_GROUP))],
    });
    const s = makeScenario({ tenant: { apps: [app] } });
    expect(requiredAppsFor(s, { kind: 'device' })).toEqual([]);
    expect(explainAppRequirement(app, s, { kind: 'device' }).reason).toMatch(/uninstall wins/);
  });

  it('an exclusion under required removes the app for that group', () => {
    // §5.2/§5.3: exclusions apply, per intent
    const s = makeScenario({
      device: { groupIds: [DEVICE_GROUP, 'g-lab'] },
      tenant: { apps: [makeApp({ assignments: [required(allDevices()), required(exclusionGroup('g-lab'))] })] },
    });
    expect(requiredAppsFor(s, { kind: 'device' })).toEqual([]);
  });

  it('an exclusion listed under another intent does not remove a required app', () => {
    // §5.3: Graph stores one intent per exclusion assignment
    const s = makeScenario({
      device: { groupIds: [DEVICE_GROUP, 'g-lab'] },
      tenant: {
        apps: [makeApp({ id: 'a-1', assignments: [required(allDevices()), available(exclusionGroup('g-lab'))] })],
      },
    });
    expect(requiredAppsFor(s, { kind: 'device' }).map((a) => a.id)).toEqual(['a-1']);
  });

  it('a required app with a non-matching include filter is not required', () => {
    // §5.2: filters apply to app assignments too
    const s = makeScenario({
      device: { model: 'Latitude 7440' },
      tenant: {
        assignmentFilters: [SURFACE_ONLY],
        apps: [makeApp({ assignments: [required(withFilter(allDevices(), SURFACE_ONLY.id))] })],
      },
    });
    expect(requiredAppsFor(s, { kind: 'device' })).toEqual([]);
  });

  it('required apps keep the tenant order', () => {
    // §5.3
    const s = makeScenario({
      tenant: {
        apps: ['a-3', 'a-1', 'a-2'].map((id) => makeApp({ id, assignments: [required(allDevices())] })),
      },
    });
    expect(requiredAppsFor(s, { kind: 'device' }).map((a) => a.id)).toEqual(['a-3', 'a-1', 'a-2']);
  });
});
