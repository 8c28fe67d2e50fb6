/**
 * The start of a run: the technician's first pages in pre-provisioning (§7.6), then the ESP itself
 * with the profile that applies (§5.2) and whether it shows at all (§1.1, §5.1).
 */
import type { ProvisioningDetails } from '../../../shared/snapshot';
import type { User } from '../scenario/model';
import { allRequiredApps, deviceRequiredApps, goToDesktop, leaveOobe } from './afterEsp';
import { firstSyncSkips } from './firstSync';
import { runDevicePreparation } from './devicePreparation';
import type { Sim } from './sim';
import { at, currentUser, markAll, record, setScreen } from './sim';
import type { ResolvedProfile } from './targeting';
import { profileCandidates, resolveProfile } from './targeting';
import { startTimer } from './timer';
import { PHASES } from '../../../shared/esp';

export function start(sim: Sim): void {
  if (sim.state.technician) {
    showProvisioningOptions(sim);
    return;
  }
  startEsp(sim);
}

/**
 * Windows key five times at the first OOBE screen, then Windows Autopilot Configuration (§7.6).
 * The trainee selects Continue and Provision; if nobody does, the simulated technician does.
 */
function showProvisioningOptions(sim: Sim): void {
  setScreen(sim, { kind: 'preProvisioningOptions' });
  at(sim, sim.rng.between(5, 10), 'device', { type: 'technicianContinues' });
}

export function showProvisioningConfiguration(sim: Sim): void {
  setScreen(sim, { kind: 'preProvisioningConfiguration', details: provisioningDetails(sim) });
  at(sim, sim.rng.between(10, 20), 'device', { type: 'technicianProvisions' });
}

export function provisioningDetails(sim: Sim): ProvisioningDetails {
  const { scenario } = sim;
  const resolved = resolveProfile(scenario, null);
  return {
    organization: scenario.tenant.displayName,
    profileName: scenario.device.enrollmentProfileName || resolved.profile.displayName,
    assignedUser: scenario.users[0]?.userPrincipalName ?? null,
    deviceId: scenario.device.serialNumber,
  };
}

/** The profile in force from now on, every candidate and why it won or lost (§5.2), into the record. */
export function useProfile(sim: Sim, resolved: ResolvedProfile, user: User | null): void {
  const { state } = sim;
  state.profile = resolved.profile;
  state.profileView = {
    id: resolved.profile.id,
    displayName: resolved.profile.displayName,
    targetedBy: resolved.targetedBy,
  };
  record(sim, {
    t: sim.state.now,
    type: 'profileResolved',
    profileId: resolved.profile.id,
    displayName: resolved.profile.displayName,
    targetedBy: resolved.targetedBy,
    reason: resolved.reason,
    userPrincipalName: user?.userPrincipalName ?? null,
    candidates: profileCandidates(sim.scenario, user, resolved),
  });
}

export function startEsp(sim: Sim): void {
  const { scenario, state } = sim;
  // Only device-targeted profiles apply in the technician flow (§7.6).
  const user = state.technician ? null : currentUser(sim);
  const resolved = resolveProfile(scenario, user);
  useProfile(sim, resolved, user);
  const profile = resolved.profile;

  const autopilotOnlyHidden = profile.trackInstallProgressForAutopilotOnly && !scenario.deployment.autopilotRegistered;
  const skip = firstSyncSkips(scenario);
  state.espShown.device = profile.showInstallationProgress && !autopilotOnlyHidden && !skip.device;
  // The first user always gets the user part when the ESP shows; later users depend on
  // disableUserStatusTrackingAfterFirstUser (§1.12, signInNextUser). SkipUserStatusPage turns it off (§4.2).
  state.espShown.user =
    profile.showInstallationProgress &&
    !autopilotOnlyHidden &&
    !skip.user &&
    currentUser(sim) !== null &&
    !state.technician;
  state.userPartShown = state.espShown.user;
  if (skip.device || skip.user) {
    record(sim, {
      t: sim.state.now,
      type: 'firstSyncOverride',
      skipDeviceStatusPage: skip.device,
      skipUserStatusPage: skip.user,
      reason: skip.reason,
    });
  }

  if (!state.espShown.device && state.espShown.user) {
    // SkipDeviceStatusPage: no device ESP, but the user's Account setup still shows after sign-in (§4.2).
    record(sim, { t: sim.state.now, type: 'espSkipped', part: 'device', reason: skip.reason });
    markAll(sim, 'devicePreparation', 'notRun');
    markAll(sim, 'deviceSetup', 'notRun');
    state.phases.accountSetup.status = 'notStarted';
    for (const app of deviceRequiredApps(sim))
      state.deferred.set(app.id, { id: app.id, displayName: app.displayName, installed: false });
    leaveOobe(sim, false);
    return;
  }

  if (!state.espShown.device) {
    const reason = autopilotOnlyHidden
      ? 'the profile shows progress only for Autopilot devices, and this device is not registered'
      : skip.device
        ? skip.reason
        : 'the profile does not show app and profile configuration progress';
    record(sim, { t: sim.state.now, type: 'espSkipped', part: 'device', reason });
    for (const phase of PHASES) markAll(sim, phase, 'notRun');
    state.outcome = 'notShown';
    record(sim, { t: sim.state.now, type: 'outcome', outcome: 'notShown' });
    goToDesktop(
      sim,
      allRequiredApps(sim).map((a) => a.id),
    );
    return;
  }
  if (!state.espShown.user) markAll(sim, 'accountSetup', 'notRun');
  else state.phases.accountSetup.status = 'notStarted';

  setScreen(sim, { kind: 'esp', part: 'device' });
  startTimer(sim, 'devicePreparation');
  runDevicePreparation(sim);
}
