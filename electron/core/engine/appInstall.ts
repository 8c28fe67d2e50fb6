/**
 * Installing apps (§5.3, §7): the two install channels of the Apps row, one app's download,
 * installer and exit code through its return codes, retries, and the faults that hang or restart
 * an installer. Every attempt, download, retry, hang and InstallationState goes into the record.
 */
import { formatHresult, hresultFromExitCode } from '../../../shared/esp';
import type { AppPhase, InstallChannel, ReturnCodeResult } from '../../../shared/timeline';
import type { App } from '../scenario/model';
import { nextAfterEsp } from './afterEsp';
import type { AfterInstall, EngineEvent } from './events';
import { appHasFault, faultsOf } from './faults';
import { restart } from './restart';
import { finishItem } from './setupPhase';
import type { Sim } from './sim';
import { at, item, profileOf, record, setInstallationState, setItem } from './sim';
import type { Lane } from './state';
import type { SetupPhase } from './tracking';
import { nonBlockingAppsFor } from './tracking';

/** §5.3: Retry = three attempts, five minutes apart. */
export const RETRY_ATTEMPTS = 3;
export const RETRY_DELAY_SECONDS = 5 * 60;
/** Exit codes the faults of §7.1 and §7.5 produce. */
export const ERROR_INSTALL_ALREADY_RUNNING = 1618;
export const ERROR_SUCCESS_REBOOT_REQUIRED = 3010;
/** Simulated download speed when a scenario gives no install time (MB per second). */
export const DOWNLOAD_MB_PER_SECOND = 12;
/** The ranges a download size and an install time are drawn from when the scenario gives none (both inclusive). */
export const SEEDED_DOWNLOAD_MB: readonly [number, number] = [20, 400];
export const SEEDED_INSTALL_SECONDS: readonly [number, number] = [30, 180];
/** Apps the Intune Management Extension installs, one at a time (§5.3); the rest go through MDM. */
const IME_KINDS: ReadonlySet<string> = new Set(['win32', 'win32Catalog', 'winGet']);

/** Which channel installs an app (§5.3, §7.1). */
export function channelOf(app: App): InstallChannel {
  return IME_KINDS.has(app.kind) ? 'ime' : 'mdm';
}

/** Store and WinGet apps are not Win32 installers: no return-code mapping, 0 is success (§5.3). */
const UNMAPPED_KINDS: ReadonlySet<string> = new Set(['winGet', 'store']);

/** The code the ESP reports when an installer succeeds but the detection rule does not find the app (§5.3). */
export const NOT_DETECTED_HRESULT = 0x87d1041c;

/** An exit code through the app's return codes; anything unmapped fails (§5.3). */
export function resultOf(app: App, exitCode: number): ReturnCodeResult {
  if (UNMAPPED_KINDS.has(app.kind)) return exitCode === 0 ? 'success' : 'failed';
  return app.returnCodes.find((r) => r.returnCode === exitCode)?.type ?? 'failed';
}

/**
 * IME installs Win32, catalog and WinGet apps one at a time; the MDM channel installs MSI, Office
 * and Store apps beside it (§5.3, §7.1). Both count towards the one Apps row.
 */
export function trackApps(sim: Sim, phase: SetupPhase, lane: Lane, apps: App[]): void {
  const { state } = sim;
  const done = apps.filter((a) => state.installed.has(a.id)).length;
  setItem(sim, phase, 'apps', { status: 'inProgress', expected: apps.length, done });
  const pending = apps.filter((a) => !state.installed.has(a.id));
  const progress = state.setup[phase]!;
  progress.channels = [
    pending.filter((a) => channelOf(a) === 'ime').map((a) => a.id),
    pending.filter((a) => channelOf(a) === 'mdm').map((a) => a.id),
  ];
  progress.openChannels = progress.channels.filter((c) => c.length > 0).length;
  progress.appsFailed = false;
  if (progress.openChannels === 0) {
    finishItem(sim, phase, 'apps', true);
    return;
  }
  progress.channels.forEach((queue, channel) => {
    if (queue.length > 0) installNext(sim, phase, lane, channel);
  });
}

/** The next app of one channel, or the channel is done (the last done channel completes the row). */
export function installNext(sim: Sim, phase: SetupPhase, lane: Lane, channel: number): void {
  const progress = sim.state.setup[phase]!;
  if (progress.appsFailed) return;
  const appId = progress.channels[channel]!.shift();
  if (appId === undefined) {
    if (--progress.openChannels === 0) finishItem(sim, phase, 'apps', true);
    return;
  }
  installApp(sim, sim.appsById.get(appId)!, phase, lane, { kind: 'tracked', phase, channel });
}

/**
 * Pre-provisioning (article, "Only fail selected blocking apps in technician phase"): with Yes the
 * technician flow also installs the non-blocking apps and ignores their failures; with No it leaves
 * them for the user flow, whose ESP attempts them. Neither is counted in the Apps row.
 */
export function installBestEffort(sim: Sim, phase: SetupPhase, lane: Lane): void {
  const { scenario, state } = sim;
  if (scenario.deployment.mode !== 'preProvisioning' || phase !== 'deviceSetup') return;
  const profile = profileOf(sim);
  if (state.technician && !profile.allowNonBlockingAppInstallation) return;
  state.bestEffortQueue = nonBlockingAppsFor(scenario, profile, { phase, user: null })
    .filter((a) => !state.installed.has(a.id))
    .map((a) => a.id);
  nextBestEffort(sim, phase, lane);
}

function nextBestEffort(sim: Sim, phase: SetupPhase, lane: Lane): void {
  const appId = sim.state.bestEffortQueue.shift();
  if (appId !== undefined) installApp(sim, sim.appsById.get(appId)!, phase, lane, { kind: 'bestEffort', phase });
}

/** A network outage stalls every download that overlaps it (scenario fault `networkOutage`). */
function outageDelay(sim: Sim, downloadSeconds: number): number {
  const now = sim.state.now;
  let delay = 0;
  for (const f of faultsOf(sim.scenario, 'networkOutage')) {
    const end = f.atSeconds + f.forSeconds;
    if (now < end && now + downloadSeconds + delay > f.atSeconds) delay += end - Math.max(now, f.atSeconds);
  }
  return delay;
}

/** One attempt: download, then the installer; its exit is `installerExited`. */
export function installApp(sim: Sim, app: App, phase: AppPhase, lane: Lane, then: AfterInstall): void {
  const { scenario, state, rng } = sim;
  const attempt = (state.attempts.get(app.id) ?? 0) + 1;
  state.attempts.set(app.id, attempt);
  const attemptInRound = (state.roundAttempts.get(app.id) ?? 0) + 1;
  state.roundAttempts.set(app.id, attemptInRound);
  const behaviour = scenario.simulation.apps[app.id];
  const downloadMB = behaviour?.downloadMB ?? rng.between(...SEEDED_DOWNLOAD_MB);
  const downloadSeconds = Math.round(downloadMB / DOWNLOAD_MB_PER_SECOND);
  const stalled = outageDelay(sim, downloadSeconds);
  const seconds = downloadSeconds + stalled + (behaviour?.installSeconds ?? rng.between(...SEEDED_INSTALL_SECONDS));
  const channel = channelOf(app);
  record(sim, {
    t: sim.state.now,
    type: 'appInstallStarted',
    phase,
    appId: app.id,
    attempt,
    attemptInRound,
    channel,
    downloadBytes: Math.round(downloadMB * 1024 * 1024),
    downloadSeconds: downloadSeconds + stalled,
  });
  setInstallationState(sim, app.id, phase, 'inProgress');
  if (channel === 'mdm') state.mdmInstalling.set(app.id, lane);
  state.inFlight.set(app.id, { appId: app.id, phase, attempt, lane });
  at(sim, seconds, lane, { type: 'installerExited', appId: app.id, phase, lane, attempt, attemptInRound, then });
}

export function onInstallerExited(sim: Sim, e: Extract<EngineEvent, { type: 'installerExited' }>): void {
  const { scenario, state } = sim;
  const app = sim.appsById.get(e.appId)!;
  state.mdmInstalling.delete(app.id);
  const packagedReboot = appHasFault(scenario, 'packagedReboot', app.id);
  if (appHasFault(scenario, 'officeHang', app.id) || (packagedReboot && state.hungApps.has(app.id))) {
    // Never reports (§7.8, §7.2): the install stays in flight until the ESP gives up on it.
    record(sim, {
      t: sim.state.now,
      type: 'appInstallHung',
      phase: e.phase,
      appId: app.id,
      attempt: e.attempt,
      reason: `${app.displayName}'s installer never finishes`,
    });
    return;
  }
  if (packagedReboot) {
    // The installer restarts the device behind the ESP's back; the app never reports back (§7.2).
    state.hungApps.add(app.id);
    record(sim, {
      t: sim.state.now,
      type: 'appInstallHung',
      phase: e.phase,
      appId: app.id,
      attempt: e.attempt,
      reason: `${app.displayName} restarted the device from inside its installer and never reported back`,
    });
    restart(sim, {
      reason: `${app.displayName} restarted the device from inside its installer`,
      lane: e.lane,
      seconds: [45, 90],
      then: { kind: 'showEsp', part: e.phase === 'accountSetup' ? 'user' : 'device' },
    });
    return;
  }
  state.inFlight.delete(app.id);
  const codes = scenario.simulation.apps[app.id]?.exitCodes ?? [0];
  let exitCode = codes[Math.min(e.attempt, codes.length) - 1] ?? 0;
  // §7.1: Windows Installer is busy with an MSI of the MDM channel.
  if (appHasFault(scenario, 'msiWin32Conflict', app.id) && state.mdmInstalling.size > 0)
    exitCode = ERROR_INSTALL_ALREADY_RUNNING;
  if (appHasFault(scenario, 'declaredReboot', app.id)) exitCode = ERROR_SUCCESS_REBOOT_REQUIRED;
  const mapped = resultOf(app, exitCode);
  // Installed but not detected: the installer said success, the detection rule disagrees (0x87d1041c).
  const notDetected = mapped !== 'failed' && mapped !== 'retry' && scenario.simulation.apps[app.id]?.detected === false;
  const result: ReturnCodeResult = notDetected ? 'failed' : mapped;
  const code = notDetected ? NOT_DETECTED_HRESULT : hresultFromExitCode(exitCode);
  record(sim, {
    t: sim.state.now,
    type: 'appInstallCompleted',
    phase: e.phase,
    appId: app.id,
    attempt: e.attempt,
    attemptInRound: e.attemptInRound,
    exitCode,
    result,
    hresult: formatHresult(code),
    detected: result !== 'failed' && result !== 'retry',
    mapped,
  });
  if (result === 'retry') {
    if (e.attemptInRound < RETRY_ATTEMPTS) {
      record(sim, {
        t: sim.state.now,
        type: 'appRetryScheduled',
        phase: e.phase,
        appId: app.id,
        attemptInRound: e.attemptInRound + 1,
        inSeconds: RETRY_DELAY_SECONDS,
      });
      state.inFlight.set(app.id, { appId: app.id, phase: e.phase, attempt: e.attempt, lane: e.lane });
      at(sim, RETRY_DELAY_SECONDS, e.lane, {
        type: 'retryDue',
        appId: app.id,
        phase: e.phase,
        lane: e.lane,
        then: e.then,
      });
      return;
    }
    setInstallationState(sim, app.id, e.phase, 'error');
    afterInstall(sim, e.then, app, 'failed', code);
    return;
  }
  if (result !== 'failed') state.installed.add(app.id);
  setInstallationState(sim, app.id, e.phase, result === 'failed' ? 'error' : 'completed');
  // Account setup does not restart: IME defers the reboot to after the ESP (§1.8, §7.2).
  if ((result === 'softReboot' || result === 'hardReboot') && e.phase === 'deviceSetup') state.rebootPending = true;
  afterInstall(sim, e.then, app, result, code);
}

export function onRetryDue(sim: Sim, e: Extract<EngineEvent, { type: 'retryDue' }>): void {
  sim.state.inFlight.delete(e.appId);
  installApp(sim, sim.appsById.get(e.appId)!, e.phase, e.lane, e.then);
}

function afterInstall(sim: Sim, then: AfterInstall, app: App, result: ReturnCodeResult, hresult: number): void {
  const { state } = sim;
  switch (then.kind) {
    case 'tracked': {
      const { phase, channel } = then;
      if (result === 'failed') {
        state.setup[phase]!.appsFailed = true;
        // The row shows the app's code as Windows reports it (§1.4): 1603 → 0x80070643.
        setItem(sim, phase, 'apps', { hresult });
        finishItem(sim, phase, 'apps', false);
        return;
      }
      setItem(sim, phase, 'apps', { done: item(sim, phase, 'apps').done + 1 });
      if (result === 'hardReboot' && phase === 'deviceSetup') {
        // A hard reboot stops IME until the device restarts; the ESP then resumes where it was (§5.3, §1.8).
        state.restartedInDeviceSetup = true;
        state.rebootPending = false;
        restart(sim, {
          reason: 'an app returned a hard reboot code',
          lane: 'device',
          seconds: [45, 90],
          then: { kind: 'resumeInstalls', phase, channel },
        });
      } else installNext(sim, phase, phase === 'deviceSetup' ? 'device' : 'user', channel);
      return;
    }
    case 'bestEffort':
      nextBestEffort(sim, then.phase, 'device');
      return;
    case 'afterEsp': {
      const entry = state.deferred.get(app.id);
      if (result !== 'failed' && entry) state.deferred.set(app.id, { ...entry, installed: true });
      sim.dirty = true;
      nextAfterEsp(sim);
      return;
    }
  }
}
