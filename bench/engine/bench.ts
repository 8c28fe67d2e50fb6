/**
 * bench/engine: a worst-case tenant (50 profiles + the default, 100 selected blocking apps, 200
 * policies, 20 certificate and 10 network profiles, two users) through the real validator and engine.
 * Prints the median of a full headless run and of profile resolution, and runs per second.
 */
import { performance } from 'node:perf_hooks';
import { simulate } from '../../electron/core/engine/simulate';
import { resolveProfile } from '../../electron/core/engine/targeting';
import { validateScenario } from '../../electron/core/scenario/validate';

const DEVICE_GROUP = 'g-devices';
const USER_GROUP = 'g-users';
const group = (groupId: string) => ({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } });

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => void, iterations: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function runBench(): void {
  const validated = validateScenario(worstCaseScenario());
  if (!validated.ok) throw new Error(`worst-case scenario invalid: ${JSON.stringify(validated.problems.slice(0, 3))}`);
  const scenario = validated.scenario;
  const run = simulate(scenario);
  const tracked = run.tracked.deviceSetup?.length ?? 0;
  // Warm up the JIT before measuring, as an operator console re-running on every edit would be.
  time(() => simulate(scenario), 20);
  const runs = time(() => simulate(scenario), 200);
  const resolutions = time(() => resolveProfile(scenario, scenario.users[0]!), 2000);
  const validations = time(() => validateScenario(worstCaseScenario()), 50);
  const totalSeconds = runs.reduce((a, b) => a + b, 0) / 1000;
  console.log(
    `bench/engine — worst-case tenant: ${scenario.tenant.espProfiles.length} profiles, ${tracked} tracked device apps, ${scenario.tenant.policies.length} policies, ${scenario.tenant.certificateProfiles.length} certificates, ${scenario.tenant.networkProfiles.length} network profiles, ${scenario.users.length} users`,
  );
  console.log(`  timeline events per run:        ${run.timeline.length}`);
  console.log(`  full headless run, median:      ${median(runs).toFixed(2)} ms   (goal < 20 ms)`);
  console.log(`  runs per second:                ${(runs.length / totalSeconds).toFixed(0)}`);
  console.log(`  profile resolution, median:     ${(median(resolutions) * 1000).toFixed(1)} µs`);
  console.log(`  validate + normalise, median:   ${median(validations).toFixed(2)} ms`);
}

runBench();
