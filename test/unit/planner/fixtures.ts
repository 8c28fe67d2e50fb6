/** Scenarios for the planner's tests. */
import { join } from 'node:path';
import type { Scenario } from '../../../electron/core/scenario/model';
import { validateScenario } from '../../../electron/core/scenario/validate';

export const root = join(import.meta.dirname, '..', '..', '..');
export const defaultScenarioFile = join(root, 'resources', 'scenarios', 'default.json');

const group = (groupId: string) => ({ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } });

/**
 * A ten-minute ESP waiting on one app of 540 s (no download) whose install time varies by device (sigma 0.3):
 * calibrated so that about half the devices time out.
 */
export function halfTimeoutDocument(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    name: 'Half the devices time out',
    seed: 3,
    deployment: { mode: 'userDriven', join: 'entra' },
    device: { groupIds: ['g-devices'] },
    users: [{ id: 'u1', userPrincipalName: 'adele@contoso.com', groupIds: ['g-users'], intuneLicensed: true }],
    tenant: {
      groups: [
        { id: 'g-devices', displayName: 'Devices' },
        { id: 'g-users', displayName: 'Users' },
      ],
      enrollmentStatusPageProfiles: [
        {
          id: 'p1',
          displayName: 'Ten-minute ESP',
          priority: 1,
          showInstallationProgress: true,
          installProgressTimeoutInMinutes: 10,
          assignments: [group('g-devices')],
        },
      ],
      apps: [
        {
          '@odata.type': '#microsoft.graph.win32LobApp',
          id: 'big',
          displayName: 'Big app',
          installExperience: { runAsAccount: 'system' },
          assignments: [{ intent: 'required', ...group('g-devices') }],
        },
      ],
    },
    simulation: {
      apps: { big: { installSeconds: 540, downloadMB: 0, installTimeFactor: { median: 1, sigma: 0.3 } } },
      variation: { bandwidthMbps: { median: 96, sigma: 0 } },
    },
  };
}

export function scenarioOf(document: unknown): Scenario {
  const validated = validateScenario(document);
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
  return validated.scenario;
}
