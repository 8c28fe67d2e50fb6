/**
 * The worst-case tenant of bench/engine, shared with bench/operator: 50 profiles + the default (only the
 * lowest-priority one matches, behind a filter), 120 apps (100 selected blocking), 200 policies, 20 certificate
 * and 10 network profiles, two users. A scenario file's JSON, before validation.
 */
const DEVICE_GROUP = 'g-devices';
const USER_GROUP = 'g-users';
const group = (groupId: string) => ({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } });

/** The worst-case tenant's scenario file, as JSON before validation. */
export function worstCaseScenario(): unknown {
  const apps = Array.from({ length: 120 }, (_, i) => ({
    '@odata.type': i % 10 === 9 ? '#microsoft.graph.windowsMobileMSI' : '#microsoft.graph.win32LobApp',
    id: `app-${i}`,
    displayName: `Line-of-business app ${i}`,
    installExperience: { runAsAccount: i % 7 === 6 ? 'user' : 'system' },
    useDeviceContext: true,
    assignments: [{ intent: 'required', ...group(i % 7 === 6 ? USER_GROUP : DEVICE_GROUP) }],
  }));
  const profiles = Array.from({ length: 50 }, (_, i) => ({
    id: `profile-${i}`,
    displayName: `ESP ${i}`,
    priority: i + 1,
    showInstallationProgress: true,
    installProgressTimeoutInMinutes: 1440,
    selectedMobileAppIds: apps.slice(0, 100).map((a) => a.id),
    // Only the lowest-priority profile matches: resolution has to look at all of them.
    assignments: [
      {
        ...group(i === 49 ? DEVICE_GROUP : `g-other-${i}`),
        target: {
          ...group(i === 49 ? DEVICE_GROUP : `g-other-${i}`).target,
          deviceAndAppManagementAssignmentFilterId: 'f-surface',
          deviceAndAppManagementAssignmentFilterType: 'include',
        },
      },
    ],
  }));
  const resources = (kind: string, n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${i}`,
      displayName: `${prefix} ${i}`,
      kind,
      assignments: [group(i % 2 ? USER_GROUP : DEVICE_GROUP)],
    }));
  return {
    schemaVersion: 1,
    name: 'Worst-case tenant',
    seed: 42,
    deployment: { mode: 'userDriven' },
    device: { groupIds: [DEVICE_GROUP], model: 'Surface Laptop 5' },
    users: [
      {
        id: 'u1',
        userPrincipalName: 'adele@contoso.com',
        displayName: 'Adele Vance',
        groupIds: [USER_GROUP],
        intuneLicensed: true,
      },
      {
        id: 'u2',
        userPrincipalName: 'megan@contoso.com',
        displayName: 'Megan Bowen',
        groupIds: [USER_GROUP],
        intuneLicensed: true,
      },
    ],
    tenant: {
      groups: [
        { id: DEVICE_GROUP, displayName: 'Devices' },
        { id: USER_GROUP, displayName: 'Users' },
        ...profiles.map((_, i) => ({ id: `g-other-${i}`, displayName: `Other ${i}` })),
      ],
      assignmentFilters: [
        {
          id: 'f-surface',
          displayName: 'Surface corporate',
          platform: 'windows10AndLater',
          rule: '(device.model -startsWith "Surface") and (device.deviceOwnership -eq "Corporate") or (device.enrollmentProfileName -in ["A", "B"])',
        },
      ],
      enrollmentStatusPageProfiles: profiles,
      apps,
      policies: [...resources('edgeBrowser', 100, 'edge'), ...resources('other', 100, 'policy')],
      certificateProfiles: resources('scep', 20, 'cert'),
      networkProfiles: [...resources('wifi', 5, 'wifi'), ...resources('vpn', 5, 'vpn')],
    },
  };
}
