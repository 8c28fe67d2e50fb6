/**
 * What follows each part of the ESP: the technician's green page (§7.6), Windows 11 quality
 * updates (§1.13), leaving OOBE and signing in (§1.1, §7.3, §7.5), the desktop or the kiosk
 * (§7.7), the apps that wait for the ESP to end (§1.14), and later users (§1.12).
 */
import type { App } from '../scenario/model';
import { installApp } from './appInstall';
import type { EngineEvent } from './events';
import { restart } from './restart';
import { firstSignIn, promptForCredentials, signInFirstUser } from './signIn';
import type { Sim } from './sim';
import { at, currentUser, profileOf, record, setScreen } from './sim';
import { provisioningDetails } from './start';
import { deviceTargetedProfile } from './targeting';
import { deferredAppsFor, trackedAppsFor, trackedPoliciesFor } from './tracking';

/** How long the first user works before the next user of the scenario signs in (seconds). */
export const LATER_USER_AFTER_SECONDS = 600;

export function onEspExitDelayDone(sim: Sim, e: Extract<EngineEvent, { type: 'espExitDelayDone' }>): void {
  const { state } = sim;
  if (e.part === 'device') {
    state.continueAnywayWhileRunning = false;
    if (state.technician) {
      showTechnicianSuccess(sim);
      return;
    }
    runQualityUpdates(sim);
    return;
  }
  // After Continue anyway past a device failure the run still ends as continued, not as a success.
  state.outcome = state.continuedPastDevice ? 'continuedAnyway' : 'succeeded';
  record(sim, { t: sim.state.now, type: 'outcome', outcome: state.outcome });
  goToDesktop(sim, []);
  signInNextUser(sim);
}

/** §7.6: the green page; Reseal shuts the device down for the user flow. */
function showTechnicianSuccess(sim: Sim): void {
  const { state } = sim;
  state.outcome = 'succeeded';
  state.espEndedAt ??= state.now;
  record(sim, { t: sim.state.now, type: 'outcome', outcome: 'succeeded' });
  setScreen(sim, {
    kind: 'preProvisioningResult',
    success: true,
    details: provisioningDetails(sim),
    elapsedSeconds: state.now,
    errorText: null,
    actions: ['reseal'],
  });
}

/** The first Windows 11 build whose OOBE installs quality updates: 22H2 (article, KB5060826/KB5060829). */
export const FIRST_QUALITY_UPDATE_BUILD = 22621;

/** `10.0.26100.2894` or `26100` → 26100; null when the scenario's build says nothing usable. */
function buildNumber(build: string): number | null {
  const parts = build.split('.');
  const n = Number(parts.length >= 3 ? parts[2] : parts[0]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Whether OOBE installs quality updates, and why (§1.13; the article's "Supported configurations"):
 * only Windows 11 on a supported build has the step, never in the technician flow (the caller);
 * a device that meets every condition — the ESP on, and registered with Autopilot or given the
 * profile through an All Devices assignment — follows the device-targeted profile's setting; any
 * other device installs them whatever the setting says.
 */
export function qualityUpdatesPlan(sim: Sim): { install: boolean; reason: string } {
  const { scenario, state } = sim;
  if (scenario.windows.release !== '11')
    return { install: false, reason: 'Windows 10 has no quality-update step in OOBE' };
  const build = buildNumber(scenario.windows.build);
  if (build !== null && build < FIRST_QUALITY_UPDATE_BUILD)
    return { install: false, reason: `Windows 11 build ${build} is older than the first build with the step (22621)` };
  const { profile } = deviceTargetedProfile(scenario);
  const allDevices = profile.assignments.some((a) => a.target.kind === 'allDevices');
  const honored = state.espShown.device && (scenario.deployment.autopilotRegistered || allDevices);
  const setting = `"Install Windows quality updates (might restart the device)" is ${profile.installQualityUpdates ? 'Yes' : 'No'} in "${profile.displayName}"`;
  if (!honored)
    return {
      install: true,
      reason: `${setting}, but the device is neither registered with Autopilot nor given the profile through All Devices, so the setting is not honored and updates install`,
    };
  return { install: profile.installQualityUpdates, reason: setting };
}

/**
 * §1.13: the page checks, downloads and installs, and may restart; after a restart the user is
 * not signed in automatically.
 */
function runQualityUpdates(sim: Sim): void {
  const plan = qualityUpdatesPlan(sim);
  record(sim, { t: sim.state.now, type: 'qualityUpdatesDecided', install: plan.install, reason: plan.reason });
  if (!plan.install) {
    leaveOobe(sim, false);
    return;
  }
  setScreen(sim, { kind: 'qualityUpdates', stage: 'checking', percent: 0 });
  at(sim, sim.rng.between(20, 40), 'device', { type: 'qualityUpdatesChecked' });
}

export function onQualityUpdatesChecked(sim: Sim): void {
  const settings = sim.scenario.simulation.qualityUpdates;
  record(sim, { t: sim.state.now, type: 'qualityUpdatesChecked', found: settings.available });
  if (!settings.available) {
    leaveOobe(sim, false);
    return;
  }
  const stageSeconds = Math.max(10, Math.round((settings.minutes * 60 * 0.45) / 10));
  qualityUpdatesStage(sim, 'downloading', 0, stageSeconds);
}

function qualityUpdatesStage(sim: Sim, stage: 'downloading' | 'installing', percent: number, seconds: number): void {
  setScreen(sim, { kind: 'qualityUpdates', stage, percent });
  if (percent < 100) {
    at(sim, seconds, 'device', { type: 'qualityUpdatesStage', stage, percent: percent + 10, stageSeconds: seconds });
    return;
  }
  if (stage === 'downloading') {
    qualityUpdatesStage(sim, 'installing', 0, seconds);
    return;
  }
  const settings = sim.scenario.simulation.qualityUpdates;
  record(sim, { t: sim.state.now, type: 'qualityUpdatesInstalled', restart: settings.restart });
  if (!settings.restart) {
    leaveOobe(sim, false);
    return;
  }
  restart(sim, {
    reason: 'quality updates need a restart',
    lane: 'device',
    seconds: [60, 120],
    screen: { kind: 'qualityUpdates', stage: 'restarting', percent: 100 },
    then: { kind: 'leaveOobe', restarted: true },
  });
}

export function onQualityUpdatesStage(sim: Sim, e: Extract<EngineEvent, { type: 'qualityUpdatesStage' }>): void {
  qualityUpdatesStage(sim, e.stage, e.percent, e.stageSeconds);
}

/** OOBE is over: self-deploying ends here; a user signs in and Account setup follows. */
export function leaveOobe(sim: Sim, restartedByUpdates: boolean): void {
  const { state } = sim;
  const user = currentUser(sim);
  if (!user) {
    state.outcome = 'succeeded';
    state.espEndedAt ??= state.now;
    record(sim, { t: sim.state.now, type: 'outcome', outcome: 'succeeded' });
    showDesktop(
      sim,
      allRequiredApps(sim)
        .filter((a) => !state.installed.has(a.id) && state.deferred.has(a.id))
        .map((a) => a.id),
    );
    return;
  }
  const hybrid = sim.scenario.deployment.join === 'hybrid';
  if (state.rebootPending || hybrid) {
    // Coalesced reboots restart the device now (§1.8); hybrid join always restarts and signs in
    // with domain credentials at the Windows logon (§7.3). Either way nothing is prefilled (§7.5).
    state.rebootPending = false;
    restart(sim, {
      reason: hybrid ? 'hybrid join completes with a restart' : 'an app asked for a restart',
      lane: 'user',
      seconds: [45, 90],
      then: { kind: 'promptForCredentials', lane: 'user', domain: hybrid, then: { kind: 'accountSetup' } },
    });
    return;
  }
  if (state.restartedInDeviceSetup || restartedByUpdates) {
    promptForCredentials(sim, 'user', hybrid, { kind: 'accountSetup' });
    return;
  }
  signInFirstUser(sim);
}

/**
 * A later user of the scenario signs in after the first has worked for a while. With "only show
 * page to devices provisioned by OOBE" (disableUserStatusTrackingAfterFirstUser) they get no
 * Account setup; otherwise they get their own (§1.12).
 */
export function signInNextUser(sim: Sim): void {
  const next = (sim.state.userIndex ?? -1) + 1;
  if (!sim.scenario.users[next]) return;
  at(sim, LATER_USER_AFTER_SECONDS, 'user', { type: 'nextUserArrives', userIndex: next });
}

export function onNextUserArrives(sim: Sim, e: Extract<EngineEvent, { type: 'nextUserArrives' }>): void {
  sim.state.userIndex = e.userIndex;
  const hybrid = sim.scenario.deployment.join === 'hybrid';
  promptForCredentials(sim, 'user', hybrid, { kind: 'laterUser', userIndex: e.userIndex });
}

/**
 * Leaves the ESP for the desktop. The first time the ESP ends is what the run reports (a later
 * user's sign-in does not move it). `installAfter`: app ids that install once the desktop shows.
 */
export function goToDesktop(sim: Sim, installAfter: string[]): void {
  const { state } = sim;
  state.espEndedAt ??= state.now;
  state.continueAnywayWhileRunning = false;
  const user = currentUser(sim);
  if (user && state.screen.kind === 'esp' && state.screen.part === 'device') {
    state.installAfterDesktop = installAfter;
    if (sim.scenario.deployment.join !== 'hybrid') {
      firstSignIn(sim, 'background', 'desktop');
      return;
    }
    // Leaving OOBE early does not skip hybrid join's restart and domain sign-in (§7.3).
    restart(sim, {
      reason: 'hybrid join completes with a restart',
      lane: 'background',
      seconds: [45, 90],
      then: { kind: 'promptForCredentials', lane: 'background', domain: true, then: { kind: 'desktop' } },
    });
    return;
  }
  showDesktop(sim, installAfter);
}

export function showDesktop(sim: Sim, installAfter: readonly string[]): void {
  const { state, scenario } = sim;
  // What installs after the ESP gets its own three tries (§5.3).
  state.roundAttempts.clear();
  const user = currentUser(sim);
  if (!user) {
    // Self-deploying ends at the Windows sign-in screen, or in the kiosk app with Assigned Access (§7.7).
    const kiosk = trackedPoliciesFor(scenario, { phase: 'deviceSetup', user: null }).find(
      (p) => p.kind === 'assignedAccess',
    );
    if (kiosk) setScreen(sim, { kind: 'kiosk', appName: kiosk.displayName });
    else {
      setScreen(sim, { kind: 'signIn', prefilledUser: null, domain: false });
      record(sim, { t: sim.state.now, type: 'signInShown', prefilledUser: null });
    }
  } else {
    setScreen(sim, { kind: 'desktop', userDisplayName: user.displayName });
    record(sim, { t: sim.state.now, type: 'desktopReached' });
  }
  for (const id of installAfter) {
    const app = sim.appsById.get(id);
    if (app) state.deferred.set(id, { id, displayName: app.displayName, installed: false });
  }
  // "ESP completed. Triggering immediate app workload check-in" (§1.14): what waited now installs,
  // once each: an app already installing or queued (a later user's desktop) is not started again.
  const busy = [...state.inFlight.values()].some((f) => f.phase === 'afterEsp');
  for (const d of state.deferred.values()) {
    if (!d.installed && !state.inFlight.has(d.id) && !state.afterEspQueue.includes(d.id))
      state.afterEspQueue.push(d.id);
  }
  if (!busy) nextAfterEsp(sim);
}

export function nextAfterEsp(sim: Sim): void {
  const id = sim.state.afterEspQueue.shift();
  const app = id === undefined ? undefined : sim.appsById.get(id);
  if (!app) return;
  installApp(sim, app, 'afterEsp', 'background', { kind: 'afterEsp' });
}

/** Every required app of the device part, tracked or deferred. */
export function deviceRequiredApps(sim: Sim): App[] {
  const profile = profileOf(sim);
  const audience = { phase: 'deviceSetup', user: null } as const;
  return [...trackedAppsFor(sim.scenario, profile, audience), ...deferredAppsFor(sim.scenario, profile, audience)];
}

/** The ids of the current user's required apps, tracked or deferred (Account setup's share). */
export function userRequiredApps(sim: Sim): string[] {
  const user = currentUser(sim);
  if (!user) return [];
  const profile = profileOf(sim);
  const audience = { phase: 'accountSetup', user } as const;
  return [...trackedAppsFor(sim.scenario, profile, audience), ...deferredAppsFor(sim.scenario, profile, audience)].map(
    (a) => a.id,
  );
}

/** Every required app of the device and the current user, tracked or deferred, once each. */
export function allRequiredApps(sim: Sim): App[] {
  const { scenario } = sim;
  const profile = profileOf(sim);
  const user = currentUser(sim);
  const apps = [
    ...trackedAppsFor(scenario, profile, { phase: 'deviceSetup', user: null }),
    ...deferredAppsFor(scenario, profile, { phase: 'deviceSetup', user: null }),
    ...(user
      ? [
          ...trackedAppsFor(scenario, profile, { phase: 'accountSetup', user }),
          ...deferredAppsFor(scenario, profile, { phase: 'accountSetup', user }),
        ]
      : []),
  ];
  const seen = new Set<string>();
  return apps.filter((a) => !seen.has(a.id) && seen.add(a.id));
}
