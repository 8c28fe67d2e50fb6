/**
 * Device setup and Account setup (§1.3): four trackers in parallel — security policies,
 * certificates, network connections, apps — each from the tracking list the phase builds once
 * Identifying is over. Account setup first waits for the user's Entra registration.
 */
import type { ItemId } from '../../../shared/esp';
import type { EspProfile } from '../scenario/model';
import { goToDesktop, signInNextUser, userRequiredApps } from './afterEsp';
import { installBestEffort, trackApps } from './appInstall';
import { fail } from './errors';
import type { EngineEvent } from './events';
import { RESOURCE_FAILURE_HRESULT, hasFault, resourceFails } from './faults';
import type { Sim } from './sim';
import {
  at,
  currentUser,
  item,
  laneOf,
  markAll,
  profileOf,
  record,
  setInstallationState,
  setItem,
  setPhase,
  setScreen,
} from './sim';
import { SETUP_ITEMS } from './state';
import { startTimer } from './timer';
import type { SetupPhase } from './tracking';
import {
  appTrackingDecisions,
  deferredAppsFor,
  trackedAppsFor,
  trackedCertificatesFor,
  trackedNetworkProfilesFor,
  trackedPoliciesFor,
} from './tracking';

/** §1.7: the ESP waits a moment on Complete before it exits. */
export const EXIT_DELAY_SECONDS = 5;

/** §1.10: Block device use = No, not in the technician flow, from Device setup onward. */
function continueAnywayAllowed(sim: Sim): boolean {
  return profileOf(sim).blockDeviceSetupRetryByUser && sim.scenario.deployment.mode !== 'preProvisioning';
}

export function runSetupPhase(sim: Sim, phase: SetupPhase, alreadyStarted = false): void {
  const { state } = sim;
  if (!alreadyStarted) setPhase(sim, phase, 'inProgress');
  for (const id of SETUP_ITEMS) setItem(sim, phase, id, { status: 'identifying', expected: null, done: 0 });
  if (continueAnywayAllowed(sim)) {
    state.continueAnywayWhileRunning = true;
    sim.dirty = true;
  }
  const identifyingForever =
    phase === 'accountSetup' && (hasFault(sim.scenario, 'identifyingNeverEnds') || !currentUser(sim)?.intuneLicensed);
  if (identifyingForever) return; // §7.4: only the timer ends this
  state.setup[phase] = {
    remaining: new Set(SETUP_ITEMS),
    resources: new Map(),
    channels: [],
    openChannels: 0,
    appsFailed: false,
  };
  const lane = laneOf(phase);
  at(sim, sim.rng.between(4, 12), lane, { type: 'trackingListsReady', phase, lane });
}

/**
 * The blocking-app list of a user-targeted profile is ignored during the device ESP (§5.2, AP-KI):
 * Device setup then waits on every required device app.
 */
function blockingProfileFor(sim: Sim, phase: SetupPhase): EspProfile {
  const profile = profileOf(sim);
  if (phase === 'deviceSetup' && sim.state.profileView?.targetedBy === 'user')
    return { ...profile, selectedMobileAppIds: [] };
  return profile;
}

export function onTrackingListsReady(sim: Sim, e: Extract<EngineEvent, { type: 'trackingListsReady' }>): void {
  const { scenario, state } = sim;
  const { phase, lane } = e;
  const audience = { phase, user: phase === 'accountSetup' ? currentUser(sim) : null };
  const policies = trackedPoliciesFor(scenario, audience);
  const certificates = trackedCertificatesFor(scenario, audience);
  const networks = trackedNetworkProfilesFor(scenario, audience);
  const profile = blockingProfileFor(sim, phase);
  const apps = trackedAppsFor(scenario, profile, audience);
  state.tracked[phase] = apps.map((a) => a.id);
  for (const app of deferredAppsFor(scenario, profile, audience)) {
    if (!state.installed.has(app.id))
      state.deferred.set(app.id, { id: app.id, displayName: app.displayName, installed: false });
  }
  record(sim, { t: sim.state.now, type: 'trackingListBuilt', phase, item: 'apps', ids: state.tracked[phase] });
  for (const d of appTrackingDecisions(scenario, profile, audience, state.technician)) {
    record(sim, {
      t: sim.state.now,
      type: 'appTracking',
      phase,
      appId: d.appId,
      tracked: d.tracked,
      why: d.why,
      reason: d.reason,
    });
  }
  // Intune sends one dummy policy (EntDMID) so policies read "1 of 1 applied" (§4.2).
  const lists: [ItemId, { id: string }[]][] = [
    ['securityPolicies', [{ id: 'EntDMID' }, ...policies]],
    ['certificates', certificates],
    ['networkConnections', networks],
  ];
  for (const [id, resources] of lists) {
    record(sim, { t: sim.state.now, type: 'trackingListBuilt', phase, item: id, ids: resources.map((r) => r.id) });
  }
  // A new tracking list starts a new round: what is not installed reads NotInstalled again (§4.2).
  for (const app of apps) {
    if (!state.installed.has(app.id) && !state.inFlight.has(app.id))
      setInstallationState(sim, app.id, phase, 'notInstalled');
  }
  for (const [id, resources] of lists) trackResources(sim, phase, id, resources);
  trackApps(sim, phase, lane, apps);
  installBestEffort(sim, phase, lane);
}

function trackResources(sim: Sim, phase: SetupPhase, id: ItemId, resources: { id: string }[]): void {
  const { scenario, state } = sim;
  const applied = state.appliedResources[phase];
  const already = resources.filter((r) => applied.has(r.id)).length;
  setItem(sim, phase, id, { status: 'inProgress', expected: resources.length, done: already });
  if (resources.length === 0) {
    finishItem(sim, phase, id, true);
    return;
  }
  state.setup[phase]!.resources.set(id, { pending: resources.length, failures: 0 });
  for (const resource of resources) {
    const behaviour = scenario.simulation.resources[resource.id];
    const fails = resourceFails(scenario, resource.id);
    const seconds = applied.has(resource.id) ? 1 : (behaviour?.applySeconds ?? sim.rng.between(2, 20));
    at(sim, seconds, laneOf(phase), { type: 'resourceReported', phase, item: id, resourceId: resource.id, fails });
  }
}

export function onResourceReported(sim: Sim, e: Extract<EngineEvent, { type: 'resourceReported' }>): void {
  const { state } = sim;
  const applied = state.appliedResources[e.phase];
  if (!applied.has(e.resourceId) && !e.fails) {
    applied.add(e.resourceId);
    setItem(sim, e.phase, e.item, { done: item(sim, e.phase, e.item).done + 1 });
  }
  record(sim, {
    t: sim.state.now,
    type: 'resourceApplied',
    phase: e.phase,
    item: e.item,
    resourceId: e.resourceId,
    ok: !e.fails,
  });
  const tracker = state.setup[e.phase]!.resources.get(e.item)!;
  if (e.fails) tracker.failures++;
  // A failed setting fails the row, with its code, when the last one reports (§1.4, §7.8).
  if (--tracker.pending === 0) {
    if (tracker.failures > 0) setItem(sim, e.phase, e.item, { hresult: RESOURCE_FAILURE_HRESULT });
    finishItem(sim, e.phase, e.item, tracker.failures === 0);
  }
}

/** A row is over: a failure fails the phase; the last row to succeed completes it. */
export function finishItem(sim: Sim, phase: SetupPhase, id: ItemId, ok: boolean): void {
  const row = item(sim, phase, id);
  setItem(sim, phase, id, { status: ok ? 'succeeded' : 'failed', done: row.done });
  if (!ok) {
    fail(sim, phase, 'failed');
    return;
  }
  const progress = sim.state.setup[phase]!;
  progress.remaining.delete(id);
  if (progress.remaining.size === 0) completeSetupPhase(sim, phase);
}

function completeSetupPhase(sim: Sim, phase: SetupPhase): void {
  setPhase(sim, phase, 'succeeded');
  sim.queue.cancel((lane) => lane === 'timer');
  const part = phase === 'deviceSetup' ? 'device' : 'user';
  record(sim, { t: sim.state.now, type: 'espCompleted', part });
  at(sim, EXIT_DELAY_SECONDS, laneOf(phase), { type: 'espExitDelayDone', part });
}

/** Account setup, or none for a user who does not get it (§1.12). */
export function startAccountSetup(sim: Sim): void {
  const { state } = sim;
  if (!state.userPartShown) {
    const laterUser = state.userIndex !== 0;
    record(sim, {
      t: sim.state.now,
      type: 'espSkipped',
      part: 'user',
      reason: laterUser
        ? `only the first user gets Account setup, and ${currentUser(sim)?.userPrincipalName} is not the first`
        : 'the user part of the ESP is not shown',
    });
    markAll(sim, 'accountSetup', 'notRun');
    state.outcome = state.continuedPastDevice ? 'continuedAnyway' : 'succeeded';
    record(sim, { t: sim.state.now, type: 'outcome', outcome: state.outcome });
    // Without Account setup the user's apps install once the desktop shows (§1.12, §1.14).
    goToDesktop(
      sim,
      userRequiredApps(sim).filter((id) => !state.installed.has(id)),
    );
    signInNextUser(sim);
    return;
  }
  setScreen(sim, { kind: 'esp', part: 'user' });
  startTimer(sim, 'accountSetup');
  setPhase(sim, 'accountSetup', 'inProgress');
  // The user part first waits for the Entra device registration (§1.3; hybrid waits for Entra Connect, §7.3).
  setItem(sim, 'accountSetup', 'join', { status: 'inProgress' });
  const hybrid = sim.scenario.deployment.join === 'hybrid';
  at(sim, hybrid ? sim.rng.between(300, 1500) : sim.rng.between(2, 8), 'user', { type: 'accountJoinDone' });
}

export function onAccountJoinDone(sim: Sim): void {
  setItem(sim, 'accountSetup', 'join', { status: 'succeeded' });
  runSetupPhase(sim, 'accountSetup', true);
}
