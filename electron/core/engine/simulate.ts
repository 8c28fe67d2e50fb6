/**
 * The tracking engine: a pure function of (scenario, user actions so far) that returns the whole
 * run — every screen state with its simulated time, and the timeline. No clock, no I/O: the
 * Session decides how fast simulated time passes; tests and the CLI read the result directly.
 *
 * A user action is stamped with the simulated second it happened at. Replaying the same scenario
 * with one more action yields the same run up to that second (the random source is consumed in the
 * same order), then the consequences of the action.
 */
import type { ErrorAction, ItemId, Outcome, PhaseId, Status } from '../../../shared/esp';
import {
  DEFAULT_ERROR_MESSAGE,
  PHASES,
  PHASE_TITLES,
  PRE_PROVISIONING_ERRORS,
  formatHresult,
} from '../../../shared/esp';
import type { UserAction } from '../../../shared/contract';
import type {
  DeferredAppView,
  ErrorScreenView,
  PhaseView,
  ProvisioningDetails,
  ScreenView,
  Snapshot,
} from '../../../shared/snapshot';
import type { ReturnCodeResult, TimelineEvent } from '../../../shared/timeline';
import type { App, EspProfile, Scenario, User } from '../scenario/model';
import { errorActionsFor } from './errorActions';
import { EventQueue } from './eventQueue';
import type { Rng } from './rng';
import { createRng } from './rng';
import type { ItemProgress } from './rowText';
import { itemRowText, phaseStatusText } from './rowText';
import type { Audience, SetupPhase } from './tracking';
import {
  deferredAppsFor,
  nonBlockingAppsFor,
  trackedAppsFor,
  trackedCertificatesFor,
  trackedNetworkProfilesFor,
  trackedPoliciesFor,
} from './tracking';
import type { ResolvedProfile } from './targeting';
import { deviceTargetedProfile, resolveProfile } from './targeting';

export interface TimedAction {
  t: number;
  action: UserAction;
}

/** The part of a Snapshot the engine decides. */
export type EngineView = Pick<
  Snapshot,
  | 'screen'
  | 'phases'
  | 'errorScreen'
  | 'continueAnywayWhileRunning'
  | 'diagnosticsAvailable'
  | 'outcome'
  | 'profile'
  | 'deferredApps'
  | 'announcement'
>;

export interface Step {
  t: number;
  view: EngineView;
}

export interface Run {
  /** Screen states in time order; the first is at t = 0. */
  steps: Step[];
  timeline: TimelineEvent[];
  /** When the last thing happened. */
  endT: number;
  /** The run stopped at an error screen and waits for the user. */
  waitingForUser: boolean;
  /** When the ESP itself ended (desktop, reset or sign-in screen); null while it waits or runs. */
  espEndedAt: number | null;
  espShown: { device: boolean; user: boolean };
  deferredAppIds: string[];
  /** The items' tracked app ids per phase, in install order. */
  tracked: Partial<Record<PhaseId, string[]>>;
}

/** §1.11 and §7.3. */
const HYBRID_EXTRA_MINUTES = 40;
/** §1.11: the ESP provider's own timeout. */
const ESP_PROVIDER_TIMEOUT_SECONDS = 15 * 60;
/** §5.3: Retry = three attempts, five minutes apart. */
const RETRY_ATTEMPTS = 3;
const RETRY_DELAY_SECONDS = 5 * 60;
const ERROR_TIMEOUT = 0x800705b4;
/** §1.7: the ESP waits a moment on Complete before it exits. */
const EXIT_DELAY_SECONDS = 5;
/** How long the first user works before the next user of the scenario signs in. */
const LATER_USER_AFTER_SECONDS = 600;
/** Exit codes the faults of §7.1 and §7.5 produce. */
const ERROR_INSTALL_ALREADY_RUNNING = 1618;
const ERROR_SUCCESS_REBOOT_REQUIRED = 3010;
/** Apps the Intune Management Extension installs, one at a time (§5.3). */
const IME_KINDS = new Set(['win32', 'win32Catalog', 'winGet']);
/** Simulated download speed when a scenario gives no install time. */
const DOWNLOAD_MB_PER_SECOND = 12;

interface PhaseState {
  id: PhaseId;
  status: Status;
  items: ItemProgress[];
}

const SETUP_ITEMS: ItemId[] = ['securityPolicies', 'certificates', 'networkConnections', 'apps'];

class Simulation {
  private readonly queue = new EventQueue();
  private readonly rng: Rng;
  private now = 0;
  private readonly timeline: TimelineEvent[] = [];
  private readonly steps: Step[] = [];
  private dirty = true;

  private readonly phases: Record<PhaseId, PhaseState>;
  private screen: ScreenView = { kind: 'esp', part: 'device' };
  private errorScreen: ErrorScreenView | null = null;
  private failedPhase: PhaseId | null = null;
  private continueAnywayWhileRunning = false;
  private outcome: Outcome | null = null;
  private announcement = '';
  private espEndedAt: number | null = null;
  private readonly deferred = new Map<string, DeferredAppView>();
  private readonly tracked: Partial<Record<PhaseId, string[]>> = {};
  private readonly espShown = { device: false, user: false };

  /** The user signing in now: the first user, then any later one (§1.12). */
  private user: User | null;
  /** Whether the current user gets Account setup (§1.12: maybe only the first user). */
  private userPartShown = false;
  private profile!: EspProfile;
  private profileView: EngineView['profile'] = null;
  /** Install attempts per app across the whole run: picks the exit code from `exitCodes`. */
  private readonly attempts = new Map<string, number>();
  /** Attempts per app since the last Try again: a retry code gets three of them (§5.3). */
  private readonly roundAttempts = new Map<string, number>();
  private readonly installed = new Set<string>();
  private readonly appliedResources = new Set<string>();
  private rebootPending = false;
  /** A restart happened in Device setup: the user must sign in again, nothing prefilled (§7.5). */
  private restartedInDeviceSetup = false;
  /** Pre-provisioning technician flow until Reseal (§7.6). */
  private technician: boolean;
  /** Apps whose installer restarts the device itself and never reports back (§7.2). */
  private readonly hungApps = new Set<string>();
  /** Apps the MDM channel (MSI, Office, Store) is installing now, with their lane, for the 1618 conflict (§7.1). */
  private readonly mdmInstalling = new Map<string, string>();
  constructor(private readonly scenario: Scenario) {
    this.rng = createRng(scenario.seed);
    // Self-deploying has no user during the ESP (§7.7); pre-provisioning has one only after Reseal (§7.6).
    this.user = scenario.deployment.mode === 'selfDeploying' ? null : (scenario.users[0] ?? null);
    this.technician = scenario.deployment.mode === 'preProvisioning';
    this.phases = {
      devicePreparation: newPhase('devicePreparation', ['tpm', 'join', 'mdm', 'espProvider']),
      deviceSetup: newPhase('deviceSetup', SETUP_ITEMS),
      accountSetup: newPhase('accountSetup', ['join', ...SETUP_ITEMS]),
    };
  }

  run(actions: readonly TimedAction[]): Run {
    this.start();
    this.flush();
    const pending = [...actions].sort((a, b) => a.t - b.t);
    for (;;) {
      const nextT = this.queue.peekTime();
      const action = pending[0];
      // A user acts on what the screen shows at t, so events due at t come first.
      if (action && (nextT === undefined || action.t < nextT)) {
        pending.shift();
        this.now = Math.max(this.now, action.t);
        this.apply(action.action);
        this.flush();
        continue;
      }
      if (nextT === undefined) break;
      this.now = nextT;
      while (this.queue.peekTime() === nextT) this.queue.pop()!.run();
      this.flush();
    }
    return {
      steps: this.steps,
      timeline: this.timeline,
      endT: this.now,
      waitingForUser: this.errorScreen !== null,
      espEndedAt: this.espEndedAt,
      espShown: { ...this.espShown },
      deferredAppIds: [...this.deferred.keys()],
      tracked: this.tracked,
    };
  }

  // ---- recording -------------------------------------------------------------------------------

  private record(event: DistributiveOmit<TimelineEvent, 't'>): void {
    this.timeline.push({ t: this.now, ...event } as TimelineEvent);
    this.dirty = true;
  }

  private flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const view = this.view();
    const last = this.steps[this.steps.length - 1];
    if (last && last.t === this.now) last.view = view;
    else this.steps.push({ t: this.now, view });
  }

  private view(): EngineView {
    return {
      screen: this.screen,
      phases: PHASES.map((id) => phaseView(this.phases[id], this.tracked[id])),
      errorScreen: this.errorScreen,
      continueAnywayWhileRunning: this.continueAnywayWhileRunning && this.errorScreen === null,
      diagnosticsAvailable: this.diagnosticsAvailable(),
      outcome: this.outcome,
      profile: this.profileView,
      deferredApps: [...this.deferred.values()].map((d) => ({ ...d })),
      announcement: this.announcement,
    };
  }

  /**
   * §2.1: Windows 11, a profile that shows progress and turns on log collection and diagnostics;
   * the page belongs to the ESP's own flow (and the technician's result page), not to other screens.
   */
  private diagnosticsAvailable(): boolean {
    const profile = this.profileView ? this.profile : null;
    return (
      this.scenario.windows.release === '11' &&
      profile !== null &&
      profile.showInstallationProgress &&
      profile.allowLogCollectionOnInstallFailure &&
      (this.screen.kind === 'esp' || this.screen.kind === 'preProvisioningResult')
    );
  }

  /** Drops what the matching lanes had planned, installs under way included. */
  private cancelLanes(match: (lane: string) => boolean): void {
    this.queue.cancel(match);
    for (const [appId, lane] of this.mdmInstalling) if (match(lane)) this.mdmInstalling.delete(appId);
  }

  private at(delaySeconds: number, lane: string, run: () => void): void {
    this.queue.push(this.now + delaySeconds, lane, run);
  }

  private setScreen(screen: ScreenView): void {
    this.screen = screen;
    this.dirty = true;
  }

  private setItem(phase: PhaseId, id: ItemId, change: Partial<ItemProgress>): void {
    const item = this.item(phase, id);
    const before = itemRowText(item);
    const statusBefore = item.status;
    Object.assign(item, change);
    const text = itemRowText(item);
    if (text !== before || item.status !== statusBefore) {
      const hresult = item.status === 'failed' && item.hresult !== null ? { hresult: formatHresult(item.hresult) } : {};
      this.record({ type: 'itemChanged', phase, item: id, status: item.status, text, ...hresult });
      this.announcement = `${PHASE_TITLES[phase]}: ${text}`;
    }
  }

  private setPhase(phase: PhaseId, status: Status): void {
    this.phases[phase].status = status;
    this.dirty = true;
    if (status === 'inProgress') {
      this.record({ type: 'phaseStarted', phase });
      this.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText(status)}`;
    } else if (status === 'succeeded' || status === 'failed') {
      this.record({ type: 'phaseCompleted', phase, status });
      this.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText(status)}`;
    }
  }

  private item(phase: PhaseId, id: ItemId): ItemProgress {
    return this.phases[phase].items.find((i) => i.id === id)!;
  }

  // ---- the flow ----------------------------------------------------------------------------------

  private start(): void {
    if (this.technician) {
      this.showProvisioningOptions();
      return;
    }
    this.startEsp();
  }

  /**
   * Windows key five times at the first OOBE screen, then Windows Autopilot Configuration (§7.6).
   * The trainee selects Continue and Provision; if nobody does, the simulated technician does.
   */
  private showProvisioningOptions(): void {
    this.setScreen({ kind: 'preProvisioningOptions' });
    this.at(this.rng.between(5, 10), 'device', () => this.showProvisioningConfiguration());
  }

  private showProvisioningConfiguration(): void {
    this.setScreen({ kind: 'preProvisioningConfiguration', details: this.provisioningDetails() });
    this.at(this.rng.between(10, 20), 'device', () => this.startEsp());
  }

  private startEsp(): void {
    const { scenario } = this;
    // Only device-targeted profiles apply in the technician flow (§7.6).
    const resolved = resolveProfile(scenario, this.technician ? null : this.user);
    this.useProfile(resolved);

    const autopilotOnlyHidden =
      this.profile.trackInstallProgressForAutopilotOnly && !scenario.deployment.autopilotRegistered;
    this.espShown.device = this.profile.showInstallationProgress && !autopilotOnlyHidden;
    // The first user always gets the user part when the ESP shows; later users depend on
    // disableUserStatusTrackingAfterFirstUser (§1.12, signInNextUser).
    this.espShown.user = this.espShown.device && this.user !== null && !this.technician;
    this.userPartShown = this.espShown.user;

    if (!this.espShown.device) {
      const reason = autopilotOnlyHidden
        ? 'the profile shows progress only for Autopilot devices, and this device is not registered'
        : 'the profile does not show app and profile configuration progress';
      this.record({ type: 'espSkipped', part: 'device', reason });
      for (const phase of PHASES) this.markAll(phase, 'notRun');
      this.outcome = 'notShown';
      this.record({ type: 'outcome', outcome: 'notShown' });
      this.goToDesktop(this.allRequiredApps());
      return;
    }
    if (!this.espShown.user) this.markAll('accountSetup', 'notRun');
    else this.phases.accountSetup.status = 'notStarted';

    this.setScreen({ kind: 'esp', part: 'device' });
    this.startTimer('devicePreparation');
    this.runDevicePreparation();
  }

  /** The profile in force from now on, and why it won (§5.2), for the snapshot and the timeline. */
  private useProfile(resolved: ResolvedProfile): void {
    this.profile = resolved.profile;
    this.profileView = {
      id: resolved.profile.id,
      displayName: resolved.profile.displayName,
      targetedBy: resolved.targetedBy,
    };
    this.record({
      type: 'profileResolved',
      profileId: resolved.profile.id,
      displayName: resolved.profile.displayName,
      targetedBy: resolved.targetedBy,
      reason: resolved.reason,
    });
  }

  /** One timer around the device part, one around the user part (§1.9, §1.11). */
  private startTimer(phase: PhaseId): void {
    this.queue.cancel((lane) => lane === 'timer');
    const minutes =
      this.profile.installProgressTimeoutInMinutes +
      (this.scenario.deployment.join === 'hybrid' ? HYBRID_EXTRA_MINUTES : 0);
    const part = phase === 'accountSetup' ? 'accountSetup' : 'device';
    this.at(minutes * 60, 'timer', () => {
      const running =
        part === 'accountSetup'
          ? 'accountSetup'
          : this.phases.deviceSetup.status === 'inProgress'
            ? 'deviceSetup'
            : 'devicePreparation';
      this.record({ type: 'timeout', phase: running, minutes });
      for (const item of this.phases[running].items) {
        if (item.status === 'inProgress' || item.status === 'identifying')
          this.setItem(running, item.id, { status: 'failed' });
      }
      this.fail(running, 'timedOut');
    });
  }

  private runDevicePreparation(): void {
    const { mode, join } = this.scenario.deployment;
    const phase = 'devicePreparation';
    this.setPhase(phase, 'inProgress');
    const needsTpm = mode === 'selfDeploying' || this.technician;
    const userAlreadyJoined = !needsTpm;
    const tpmFault = this.scenario.simulation.faults.find((f) => f.kind === 'tpmAttestationFailure');
    const providerTimesOut = this.scenario.simulation.faults.some((f) => f.kind === 'espProviderTimeout');

    type PrepStep = { id: ItemId; seconds: number; hresult: number | null; skip: boolean };
    const steps: PrepStep[] = [
      {
        id: 'tpm',
        seconds: this.rng.between(15, 45),
        hresult:
          needsTpm && (tpmFault || this.scenario.device.tpmAttestation === 'fails')
            ? tpmFault && 'hresult' in tpmFault
              ? tpmFault.hresult
              : ERROR_TIMEOUT
            : null,
        skip: !needsTpm,
      },
      // In user-driven mode the user has joined and enrolled before the ESP opens (§1.1).
      {
        id: 'join',
        seconds: userAlreadyJoined
          ? this.rng.between(1, 3)
          : this.rng.between(join === 'hybrid' ? 60 : 15, join === 'hybrid' ? 180 : 40),
        hresult: null,
        skip: false,
      },
      {
        id: 'mdm',
        seconds: userAlreadyJoined ? this.rng.between(1, 3) : this.rng.between(10, 30),
        hresult: null,
        skip: false,
      },
      {
        id: 'espProvider',
        seconds: providerTimesOut ? ESP_PROVIDER_TIMEOUT_SECONDS : this.rng.between(25, 75),
        hresult: providerTimesOut ? ERROR_TIMEOUT : null,
        skip: false,
      },
    ];

    const next = (index: number): void => {
      const step = steps[index];
      if (!step) {
        this.setPhase(phase, 'succeeded');
        this.runSetupPhase('deviceSetup');
        return;
      }
      if (step.skip) {
        this.setItem(phase, step.id, { status: 'notRun', skippedAsComplete: true });
        next(index + 1);
        return;
      }
      this.setItem(phase, step.id, { status: 'inProgress' });
      this.at(step.seconds, 'device', () => {
        if (step.hresult !== null) {
          this.setItem(phase, step.id, { status: 'failed', hresult: step.hresult });
          for (const later of steps.slice(index + 1)) this.setItem(phase, later.id, { status: 'previousStepFailed' });
          this.fail(phase, 'failed');
          return;
        }
        this.setItem(phase, step.id, { status: 'succeeded' });
        next(index + 1);
      });
    };
    next(0);
  }

  /** Device setup and Account setup: four trackers in parallel (§1.3). */
  private runSetupPhase(phase: SetupPhase, alreadyStarted = false): void {
    const lane = phase === 'deviceSetup' ? 'device' : 'user';
    const audience: Audience = { phase, user: phase === 'accountSetup' ? this.user : null };
    if (!alreadyStarted) this.setPhase(phase, 'inProgress');
    for (const id of SETUP_ITEMS) this.setItem(phase, id, { status: 'identifying', expected: null, done: 0 });
    if (this.continueAnywayAllowed()) {
      this.continueAnywayWhileRunning = true;
      this.dirty = true;
    }

    const identifyingForever =
      phase === 'accountSetup' &&
      (this.scenario.simulation.faults.some((f) => f.kind === 'identifyingNeverEnds') || !this.user?.intuneLicensed);
    if (identifyingForever) return; // §7.4: only the timer ends this

    const remaining = new Set<ItemId>(SETUP_ITEMS);
    const finishItem = (id: ItemId, ok: boolean): void => {
      const item = this.item(phase, id);
      this.setItem(phase, id, { status: ok ? 'succeeded' : 'failed', done: item.done });
      if (!ok) {
        this.fail(phase, 'failed');
        return;
      }
      remaining.delete(id);
      if (remaining.size === 0) this.completeSetupPhase(phase);
    };

    this.at(this.rng.between(4, 12), lane, () => {
      const policies = trackedPoliciesFor(this.scenario, audience);
      const certificates = trackedCertificatesFor(this.scenario, audience);
      const networks = trackedNetworkProfilesFor(this.scenario, audience);
      const profile = this.blockingProfileFor(phase);
      const apps = trackedAppsFor(this.scenario, profile, audience);
      this.tracked[phase] = apps.map((a) => a.id);
      for (const app of deferredAppsFor(this.scenario, profile, audience)) {
        if (!this.installed.has(app.id))
          this.deferred.set(app.id, { id: app.id, displayName: app.displayName, installed: false });
      }
      this.record({ type: 'trackingListBuilt', phase, item: 'apps', ids: this.tracked[phase] });

      // Intune sends one dummy policy (EntDMID) so policies read "1 of 1 applied" (§4.2).
      this.trackResources(phase, lane, 'securityPolicies', [{ id: 'EntDMID' }, ...policies], finishItem);
      this.trackResources(phase, lane, 'certificates', certificates, finishItem);
      this.trackResources(phase, lane, 'networkConnections', networks, finishItem);
      this.trackApps(phase, lane, apps, finishItem);
      this.installNonBlockingForPreProvisioning(phase, lane);
    });
  }

  /**
   * The blocking-app list of a user-targeted profile is ignored during the device ESP (§5.2, AP-KI):
   * Device setup then waits on every required device app.
   */
  private blockingProfileFor(phase: SetupPhase): EspProfile {
    if (phase === 'deviceSetup' && this.profileView?.targetedBy === 'user')
      return { ...this.profile, selectedMobileAppIds: [] };
    return this.profile;
  }

  private trackResources(
    phase: SetupPhase,
    lane: string,
    id: ItemId,
    resources: { id: string }[],
    finish: (id: ItemId, ok: boolean) => void,
  ): void {
    const already = resources.filter((r) => this.appliedResources.has(`${phase}:${r.id}`)).length;
    this.setItem(phase, id, { status: 'inProgress', expected: resources.length, done: already });
    if (resources.length === 0) {
      finish(id, true);
      return;
    }
    let pending = resources.length;
    let failures = 0;
    for (const resource of resources) {
      const key = `${phase}:${resource.id}`;
      const behaviour = this.scenario.simulation.resources[resource.id];
      const fails =
        (behaviour?.fails ?? false) ||
        this.scenario.simulation.faults.some((f) => f.kind === 'resourceFails' && f.resourceId === resource.id);
      const seconds = this.appliedResources.has(key) ? 1 : (behaviour?.applySeconds ?? this.rng.between(2, 20));
      this.at(seconds, lane, () => {
        if (!this.appliedResources.has(key) && !fails) {
          this.appliedResources.add(key);
          this.setItem(phase, id, { done: this.item(phase, id).done + 1 });
        }
        this.record({ type: 'resourceApplied', phase, item: id, resourceId: resource.id, ok: !fails });
        if (fails) failures++;
        // A mismatch between expected and applied fails the row when the last one reports (§7.8).
        if (--pending === 0) finish(id, failures === 0);
      });
    }
  }

  /**
   * IME installs Win32, catalog and WinGet apps one at a time; the MDM channel installs MSI, Office
   * and Store apps beside it (§5.3, §7.1). Both count towards the one Apps row.
   */
  private trackApps(phase: SetupPhase, lane: string, apps: App[], finish: (id: ItemId, ok: boolean) => void): void {
    const done = apps.filter((a) => this.installed.has(a.id)).length;
    this.setItem(phase, 'apps', { status: 'inProgress', expected: apps.length, done });
    const pending = apps.filter((a) => !this.installed.has(a.id));
    const channels = [pending.filter((a) => IME_KINDS.has(a.kind)), pending.filter((a) => !IME_KINDS.has(a.kind))];
    let open = channels.filter((c) => c.length > 0).length;
    let failed = false;
    if (open === 0) {
      finish('apps', true);
      return;
    }
    for (const channel of channels) {
      const installNext = (): void => {
        if (failed) return;
        const app = channel.shift();
        if (!app) {
          if (--open === 0) finish('apps', true);
          return;
        }
        this.installApp(app, phase, lane, (result) => {
          if (result === 'failed') {
            failed = true;
            finish('apps', false);
            return;
          }
          this.setItem(phase, 'apps', { done: this.item(phase, 'apps').done + 1 });
          if (result === 'hardReboot' && phase === 'deviceSetup') this.restartDuringDeviceSetup(lane, installNext);
          else installNext();
        });
      };
      if (channel.length > 0) installNext();
    }
  }

  /**
   * Pre-provisioning (article, "Only fail selected blocking apps in technician phase"): with Yes the
   * technician flow also installs the non-blocking apps and ignores their failures; with No it leaves
   * them for the user flow, whose ESP attempts them. Neither is counted in the Apps row.
   */
  private installNonBlockingForPreProvisioning(phase: SetupPhase, lane: string): void {
    if (this.scenario.deployment.mode !== 'preProvisioning' || phase !== 'deviceSetup') return;
    if (this.technician && !this.profile.allowNonBlockingAppInstallation) return;
    const queue = nonBlockingAppsFor(this.scenario, this.profile, { phase, user: null }).filter(
      (a) => !this.installed.has(a.id),
    );
    const next = (): void => {
      const app = queue.shift();
      if (app) this.installApp(app, phase, lane, next);
    };
    next();
  }

  /** A hard reboot stops IME until the device restarts; the ESP then resumes where it was (§5.3, §1.8). */
  private restartDuringDeviceSetup(lane: string, resume: () => void): void {
    this.restartedInDeviceSetup = true;
    this.rebootPending = false;
    this.record({ type: 'restartStarted', reason: 'an app returned a hard reboot code' });
    this.setScreen({ kind: 'restarting' });
    this.at(this.rng.between(45, 90), lane, () => {
      this.setScreen({ kind: 'esp', part: 'device' });
      resume();
    });
  }

  /** One app: download, install, exit code through returnCodes, retries (§5.3), and the faults of §7. */
  private installApp(
    app: App,
    phase: SetupPhase | 'afterEsp',
    lane: string,
    done: (result: ReturnCodeResult) => void,
  ): void {
    const attempt = (this.attempts.get(app.id) ?? 0) + 1;
    this.attempts.set(app.id, attempt);
    const tries = (this.roundAttempts.get(app.id) ?? 0) + 1;
    this.roundAttempts.set(app.id, tries);
    this.record({ type: 'appInstallStarted', phase, appId: app.id, attempt });
    const behaviour = this.scenario.simulation.apps[app.id];
    const downloadMB = behaviour?.downloadMB ?? this.rng.between(20, 400);
    const downloadSeconds = Math.round(downloadMB / DOWNLOAD_MB_PER_SECOND);
    const seconds =
      downloadSeconds + this.outageDelay(downloadSeconds) + (behaviour?.installSeconds ?? this.rng.between(30, 180));
    const viaMdm = !IME_KINDS.has(app.kind);
    if (viaMdm) this.mdmInstalling.set(app.id, lane);
    const fault = (kind: string) =>
      this.scenario.simulation.faults.some((f) => f.kind === kind && 'appId' in f && f.appId === app.id);

    this.at(seconds, lane, () => {
      if (viaMdm) this.mdmInstalling.delete(app.id);
      if (fault('officeHang') || (fault('packagedReboot') && this.hungApps.has(app.id))) return; // never reports (§7.8, §7.2)
      if (fault('packagedReboot')) {
        // The installer restarts the device behind the ESP's back; the app never reports back (§7.2).
        this.hungApps.add(app.id);
        this.record({
          type: 'restartStarted',
          reason: `${app.displayName} restarted the device from inside its installer`,
        });
        this.setScreen({ kind: 'restarting' });
        this.at(this.rng.between(45, 90), lane, () =>
          this.setScreen({ kind: 'esp', part: phase === 'accountSetup' ? 'user' : 'device' }),
        );
        return;
      }
      const codes = behaviour?.exitCodes ?? [0];
      let exitCode = codes[Math.min(attempt, codes.length) - 1] ?? 0;
      if (fault('msiWin32Conflict') && this.mdmInstalling.size > 0) exitCode = ERROR_INSTALL_ALREADY_RUNNING; // §7.1: Windows Installer is busy
      if (fault('declaredReboot')) exitCode = ERROR_SUCCESS_REBOOT_REQUIRED;
      const result = resultOf(app, exitCode);
      this.record({ type: 'appInstallCompleted', phase, appId: app.id, exitCode, result });
      if (result === 'retry') {
        if (tries < RETRY_ATTEMPTS) {
          this.at(RETRY_DELAY_SECONDS, lane, () => this.installApp(app, phase, lane, done));
          return;
        }
        done('failed');
        return;
      }
      if (result !== 'failed') this.installed.add(app.id);
      // Account setup does not restart: IME defers the reboot to after the ESP (§1.8, §7.2).
      if ((result === 'softReboot' || result === 'hardReboot') && phase === 'deviceSetup') this.rebootPending = true;
      done(result);
    });
  }

  /** A network outage stalls every download that overlaps it (scenario fault `networkOutage`). */
  private outageDelay(downloadSeconds: number): number {
    let delay = 0;
    for (const f of this.scenario.simulation.faults) {
      if (f.kind !== 'networkOutage') continue;
      const end = f.atSeconds + f.forSeconds;
      if (this.now < end && this.now + downloadSeconds + delay > f.atSeconds)
        delay += end - Math.max(this.now, f.atSeconds);
    }
    return delay;
  }

  private completeSetupPhase(phase: SetupPhase): void {
    this.setPhase(phase, 'succeeded');
    this.queue.cancel((lane) => lane === 'timer');
    if (phase === 'deviceSetup') {
      this.record({ type: 'espCompleted', part: 'device' });
      this.at(EXIT_DELAY_SECONDS, 'device', () => this.afterDeviceSetup());
      return;
    }
    this.record({ type: 'espCompleted', part: 'user' });
    this.at(EXIT_DELAY_SECONDS, 'user', () => {
      this.outcome = 'succeeded';
      this.record({ type: 'outcome', outcome: 'succeeded' });
      this.goToDesktop([]);
      this.signInNextUser();
    });
  }

  /**
   * A later user of the scenario signs in after the first has worked for a while. With "only show
   * page to devices provisioned by OOBE" (disableUserStatusTrackingAfterFirstUser) they get no
   * Account setup; otherwise they get their own (§1.12).
   */
  private signInNextUser(): void {
    const current = this.user;
    const next = current ? this.scenario.users[this.scenario.users.indexOf(current) + 1] : undefined;
    if (!next) return;
    const hybrid = this.scenario.deployment.join === 'hybrid';
    this.at(LATER_USER_AFTER_SECONDS, 'user', () => {
      this.user = next;
      this.setScreen({ kind: 'signIn', prefilledUser: null, domain: hybrid });
      this.record({ type: 'signInShown', prefilledUser: null });
      this.at(this.rng.between(20, 40), 'user', () => {
        this.record({ type: 'signedIn', userPrincipalName: next.userPrincipalName });
        const resolved = resolveProfile(this.scenario, next);
        this.useProfile(resolved);
        this.userPartShown =
          resolved.profile.showInstallationProgress && !resolved.profile.disableUserStatusTrackingAfterFirstUser;
        this.phases.accountSetup.status = 'notStarted';
        for (const item of this.phases.accountSetup.items) {
          this.setItem('accountSetup', item.id, { status: 'notStarted', expected: null, done: 0, hresult: null });
        }
        this.setScreen({ kind: 'firstSignIn', userDisplayName: next.displayName });
        this.at(this.rng.between(15, 30), 'user', () => this.startAccountSetup());
      });
    });
  }

  /** Between the device part and the user part (§1.1, §7.5), or the end of the ESP. */
  private afterDeviceSetup(): void {
    this.continueAnywayWhileRunning = false;
    if (this.technician) {
      this.showTechnicianSuccess();
      return;
    }
    this.runQualityUpdates((restarted) => this.leaveOobe(restarted));
  }

  /**
   * §1.13: Windows 11, a device-targeted profile that installs quality updates, not the technician
   * flow. The page checks, downloads and installs, and may restart; after a restart the user is not
   * signed in automatically.
   */
  private runQualityUpdates(then: (restarted: boolean) => void): void {
    const settings = this.scenario.simulation.qualityUpdates;
    const fromProfile = deviceTargetedProfile(this.scenario).profile;
    if (!fromProfile.installQualityUpdates || this.scenario.windows.release !== '11') {
      then(false);
      return;
    }
    this.setScreen({ kind: 'qualityUpdates', stage: 'checking', percent: 0 });
    this.at(this.rng.between(20, 40), 'device', () => {
      this.record({ type: 'qualityUpdatesChecked', found: settings.available });
      if (!settings.available) {
        then(false);
        return;
      }
      const stageSeconds = Math.max(10, Math.round((settings.minutes * 60 * 0.45) / 10));
      const stage = (name: 'downloading' | 'installing', percent: number, next: () => void): void => {
        this.setScreen({ kind: 'qualityUpdates', stage: name, percent });
        if (percent >= 100) {
          next();
          return;
        }
        this.at(stageSeconds, 'device', () => stage(name, percent + 10, next));
      };
      stage('downloading', 0, () =>
        stage('installing', 0, () => {
          this.record({ type: 'qualityUpdatesInstalled', restart: settings.restart });
          if (!settings.restart) {
            then(false);
            return;
          }
          this.record({ type: 'restartStarted', reason: 'quality updates need a restart' });
          this.setScreen({ kind: 'qualityUpdates', stage: 'restarting', percent: 100 });
          this.at(this.rng.between(60, 120), 'device', () => then(true));
        }),
      );
    });
  }

  /** OOBE is over: self-deploying ends here; a user signs in and Account setup follows. */
  private leaveOobe(restartedByUpdates: boolean): void {
    const user = this.user;
    if (!user) {
      this.outcome = 'succeeded';
      this.espEndedAt ??= this.now;
      this.record({ type: 'outcome', outcome: 'succeeded' });
      this.showDesktop(this.allRequiredApps().filter((a) => !this.installed.has(a.id) && this.deferred.has(a.id)));
      return;
    }
    const signIn = (): void => {
      this.record({ type: 'signedIn', userPrincipalName: user.userPrincipalName });
      this.setScreen({ kind: 'firstSignIn', userDisplayName: user.displayName });
      this.at(this.rng.between(15, 30), 'user', () => this.startAccountSetup());
    };
    const hybrid = this.scenario.deployment.join === 'hybrid';
    const promptForCredentials = (): void => {
      this.setScreen({ kind: 'signIn', prefilledUser: null, domain: hybrid });
      this.record({ type: 'signInShown', prefilledUser: null });
      this.at(this.rng.between(20, 40), 'user', signIn);
    };
    if (this.rebootPending || hybrid) {
      // Coalesced reboots restart the device now (§1.8); hybrid join always restarts and signs in
      // with domain credentials at the Windows logon (§7.3). Either way nothing is prefilled (§7.5).
      this.rebootPending = false;
      this.record({
        type: 'restartStarted',
        reason: hybrid ? 'hybrid join completes with a restart' : 'an app asked for a restart',
      });
      this.setScreen({ kind: 'restarting' });
      this.at(this.rng.between(45, 90), 'user', promptForCredentials);
      return;
    }
    if (this.restartedInDeviceSetup || restartedByUpdates) {
      promptForCredentials();
      return;
    }
    signIn();
  }

  private provisioningDetails(): ProvisioningDetails {
    const resolved = resolveProfile(this.scenario, null);
    return {
      organization: this.scenario.tenant.displayName,
      profileName: this.scenario.device.enrollmentProfileName || resolved.profile.displayName,
      assignedUser: this.scenario.users[0]?.userPrincipalName ?? null,
      deviceId: this.scenario.device.serialNumber,
    };
  }

  /** §7.6: the green page; Reseal shuts the device down for the user flow. */
  private showTechnicianSuccess(): void {
    this.outcome = 'succeeded';
    this.espEndedAt ??= this.now;
    this.record({ type: 'outcome', outcome: 'succeeded' });
    this.setScreen({
      kind: 'preProvisioningResult',
      success: true,
      details: this.provisioningDetails(),
      elapsedSeconds: this.now,
      errorText: null,
      actions: ['reseal'],
    });
  }

  /** §7.6: the red page's text for what failed. */
  private technicianErrorText(phase: PhaseId, outcome: 'failed' | 'timedOut'): string {
    if (outcome === 'timedOut') return PRE_PROVISIONING_ERRORS.timeout;
    if (phase === 'devicePreparation') {
      const failed = this.phases.devicePreparation.items.find((i) => i.status === 'failed');
      const code = formatHresult(failed?.hresult ?? ERROR_TIMEOUT).slice(2);
      if (failed?.id === 'tpm') return PRE_PROVISIONING_ERRORS.tpmTimeout;
      if (failed?.id === 'espProvider') return PRE_PROVISIONING_ERRORS.espProvider.replace('{0}', code);
      if (failed?.id === 'mdm') return PRE_PROVISIONING_ERRORS.mdmEnrollment.replace('{0}', code);
      if (failed?.id === 'join') return PRE_PROVISIONING_ERRORS.aadJoin.replace('{0}', code);
    }
    return this.profile.customErrorMessage ?? DEFAULT_ERROR_MESSAGE;
  }

  private startAccountSetup(): void {
    if (!this.userPartShown) {
      const laterUser = this.user !== this.scenario.users[0];
      this.record({
        type: 'espSkipped',
        part: 'user',
        reason: laterUser
          ? `only the first user gets Account setup, and ${this.user?.userPrincipalName} is not the first`
          : 'the user part of the ESP is not shown',
      });
      this.markAll('accountSetup', 'notRun');
      this.outcome = 'succeeded';
      this.record({ type: 'outcome', outcome: 'succeeded' });
      this.goToDesktop([]);
      this.signInNextUser();
      return;
    }
    this.setScreen({ kind: 'esp', part: 'user' });
    this.startTimer('accountSetup');
    const phase = 'accountSetup';
    this.setPhase(phase, 'inProgress');
    // The user part first waits for the Entra device registration (§1.3; hybrid waits for Entra Connect, §7.3).
    this.setItem(phase, 'join', { status: 'inProgress' });
    const hybrid = this.scenario.deployment.join === 'hybrid';
    this.at(hybrid ? this.rng.between(300, 1500) : this.rng.between(2, 8), 'user', () => {
      this.setItem(phase, 'join', { status: 'succeeded' });
      this.runSetupPhase(phase, true);
    });
  }

  private continueAnywayAllowed(): boolean {
    // §1.10: Block device use = No, not in the technician flow, from Device setup onward.
    return this.profile.blockDeviceSetupRetryByUser && this.scenario.deployment.mode !== 'preProvisioning';
  }

  // ---- errors and user actions -------------------------------------------------------------------

  private fail(phase: PhaseId, outcome: 'failed' | 'timedOut'): void {
    this.cancelLanes((lane) => lane !== 'background');
    // A timeout can strike while the device restarts; the error is shown on the ESP it comes back to (§1.9).
    if (this.screen.kind !== 'esp' && !this.technician) {
      this.setScreen({ kind: 'esp', part: phase === 'accountSetup' ? 'user' : 'device' });
    }
    for (const item of this.phases[phase].items) {
      if (item.status === 'inProgress' || item.status === 'identifying')
        this.setItem(phase, item.id, { status: 'failed' });
    }
    this.setPhase(phase, 'failed');
    for (const later of PHASES.slice(PHASES.indexOf(phase) + 1)) {
      if (this.phases[later].status === 'notRun') continue;
      this.phases[later].status = 'previousStepFailed';
      for (const item of this.phases[later].items) this.setItem(later, item.id, { status: 'previousStepFailed' });
    }
    this.failedPhase = phase;
    this.outcome = outcome;
    this.continueAnywayWhileRunning = false;
    let message = this.profile.customErrorMessage ?? DEFAULT_ERROR_MESSAGE;
    let actions = errorActionsFor(this.profile, this.scenario.windows.release, this.scenario.deployment.mode);
    if (this.technician) {
      // §7.6: the red result page, with Retry, Reset and a diagnostics link, whatever the profile says.
      message = this.technicianErrorText(phase, outcome);
      const logs: ErrorAction =
        this.scenario.windows.release === '11' && this.profile.allowLogCollectionOnInstallFailure
          ? 'viewDiagnostics'
          : 'collectLogs';
      actions = ['resetDevice', 'tryAgain', logs];
      this.setScreen({
        kind: 'preProvisioningResult',
        success: false,
        details: this.provisioningDetails(),
        elapsedSeconds: this.now,
        errorText: message,
        actions: ['retry', 'reset', logs],
      });
    }
    this.errorScreen = { message, actions };
    this.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText('failed')}. ${message}`;
    this.record({ type: 'errorScreenShown', phase, message, actions });
    this.record({ type: 'outcome', outcome });
  }

  private apply(requested: UserAction): void {
    // The technician page's Retry and Reset are the ESP's Try again and Reset device (§7.6).
    const action: UserAction = requested === 'retry' ? 'tryAgain' : requested === 'reset' ? 'resetDevice' : requested;
    const offered: readonly (UserAction | ErrorAction)[] = this.errorScreen?.actions ?? [];
    const resealable = this.screen.kind === 'preProvisioningResult' && this.screen.success;
    const allowed =
      action === 'continueAnywayWhileRunning'
        ? this.continueAnywayWhileRunning && !this.errorScreen
        : action === 'reseal'
          ? resealable
          : action === 'startProvisioning'
            ? this.screen.kind === 'preProvisioningOptions'
            : action === 'provision'
              ? this.screen.kind === 'preProvisioningConfiguration'
              : offered.includes(action);
    if (!allowed) return; // the Session refuses these before they get here; a replay ignores them
    this.record({ type: 'userAction', action });
    switch (action) {
      case 'reseal':
        return this.reseal();
      case 'startProvisioning':
        this.cancelLanes((lane) => lane === 'device');
        return this.showProvisioningConfiguration();
      case 'provision':
        this.cancelLanes((lane) => lane === 'device');
        return this.startEsp();
      case 'tryAgain':
        return this.tryAgain();
      case 'resetDevice':
        this.cancelLanes(() => true);
        this.errorScreen = null;
        this.continueAnywayWhileRunning = false;
        this.outcome = 'reset';
        this.espEndedAt ??= this.now;
        this.record({ type: 'outcome', outcome: 'reset' });
        this.setScreen({ kind: 'resetting' });
        return;
      case 'continueAnyway':
      case 'signOut':
      case 'continueAnywayWhileRunning':
        this.cancelLanes((lane) => lane !== 'background');
        this.errorScreen = null;
        this.continueAnywayWhileRunning = false;
        this.outcome = 'continuedAnyway';
        this.record({ type: 'outcome', outcome: 'continuedAnyway' });
        this.goToDesktop(this.allRequiredApps().filter((a) => !this.installed.has(a.id)));
        return;
    }
  }

  /**
   * Reseal shuts the device down; the user later turns it on, signs in, and the device ESP runs
   * again before Account setup (§7.6). What the technician installed stays installed.
   */
  private reseal(): void {
    this.roundAttempts.clear();
    this.setScreen({ kind: 'shutDown' });
    this.outcome = null;
    this.espEndedAt = null;
    this.at(10, 'device', () => {
      this.technician = false;
      for (const phase of PHASES) {
        this.phases[phase].status = 'notStarted';
        for (const item of this.phases[phase].items) {
          this.setItem(phase, item.id, {
            status: 'notStarted',
            expected: null,
            done: 0,
            hresult: null,
            skippedAsComplete: false,
          });
        }
      }
      this.startEsp();
    });
  }

  /** Resets the failed category to waiting, restarts the timer and reruns it (§1.9). */
  private tryAgain(): void {
    const phase = this.failedPhase;
    if (!phase) return;
    this.errorScreen = null;
    this.failedPhase = null;
    this.outcome = null;
    for (const later of PHASES.slice(PHASES.indexOf(phase))) {
      if (this.phases[later].status === 'notRun') continue;
      this.phases[later].status = 'notStarted';
      for (const item of this.phases[later].items) {
        this.setItem(later, item.id, { status: 'notStarted', expected: null, done: 0, hresult: null });
      }
    }
    if (this.screen.kind === 'preProvisioningResult') this.setScreen({ kind: 'esp', part: 'device' });
    this.roundAttempts.clear();
    this.startTimer(phase);
    if (phase === 'devicePreparation') this.runDevicePreparation();
    else if (phase === 'deviceSetup') this.runSetupPhase('deviceSetup');
    else this.startAccountSetup();
  }

  // ---- the end -----------------------------------------------------------------------------------

  /** Leaves the ESP for the desktop. The first time the ESP ends is what the run reports (a later user's sign-in does not move it). */
  private goToDesktop(installAfter: App[]): void {
    this.espEndedAt ??= this.now;
    this.continueAnywayWhileRunning = false;
    const user = this.user;
    if (user && this.screen.kind === 'esp' && this.screen.part === 'device') {
      const firstSignIn = (): void => {
        this.setScreen({ kind: 'firstSignIn', userDisplayName: user.displayName });
        this.at(this.rng.between(15, 30), 'background', () => this.showDesktop(installAfter));
      };
      if (this.scenario.deployment.join !== 'hybrid') {
        firstSignIn();
        return;
      }
      // Leaving OOBE early does not skip hybrid join's restart and domain sign-in (§7.3).
      this.record({ type: 'restartStarted', reason: 'hybrid join completes with a restart' });
      this.setScreen({ kind: 'restarting' });
      this.at(this.rng.between(45, 90), 'background', () => {
        this.setScreen({ kind: 'signIn', prefilledUser: null, domain: true });
        this.record({ type: 'signInShown', prefilledUser: null });
        this.at(this.rng.between(20, 40), 'background', () => {
          this.record({ type: 'signedIn', userPrincipalName: user.userPrincipalName });
          firstSignIn();
        });
      });
      return;
    }
    this.showDesktop(installAfter);
  }

  private showDesktop(installAfter: App[]): void {
    // What installs after the ESP gets its own three tries (§5.3).
    this.roundAttempts.clear();
    if (!this.user) {
      // Self-deploying ends at the Windows sign-in screen, or in the kiosk app with Assigned Access (§7.7).
      const kiosk = trackedPoliciesFor(this.scenario, { phase: 'deviceSetup', user: null }).find(
        (p) => p.kind === 'assignedAccess',
      );
      if (kiosk) this.setScreen({ kind: 'kiosk', appName: kiosk.displayName });
      else {
        this.setScreen({ kind: 'signIn', prefilledUser: null, domain: false });
        this.record({ type: 'signInShown', prefilledUser: null });
      }
    } else {
      this.setScreen({ kind: 'desktop', userDisplayName: this.user.displayName });
      this.record({ type: 'desktopReached' });
    }
    for (const app of installAfter)
      this.deferred.set(app.id, { id: app.id, displayName: app.displayName, installed: false });
    // "ESP completed. Triggering immediate app workload check-in" (§1.14): what waited now installs.
    const queue = [...this.deferred.values()].filter((d) => !d.installed);
    const appsById = new Map(this.scenario.tenant.apps.map((a) => [a.id, a]));
    const next = (): void => {
      const entry = queue.shift();
      const app = entry && appsById.get(entry.id);
      if (!entry || !app) return;
      this.installApp(app, 'afterEsp', 'background', (result) => {
        if (result !== 'failed') this.deferred.set(app.id, { ...entry, installed: true });
        this.dirty = true;
        next();
      });
    };
    next();
  }

  private allRequiredApps(): App[] {
    const apps = [
      ...trackedAppsFor(this.scenario, this.profile, { phase: 'deviceSetup', user: null }),
      ...deferredAppsFor(this.scenario, this.profile, { phase: 'deviceSetup', user: null }),
      ...(this.user
        ? [
            ...trackedAppsFor(this.scenario, this.profile, { phase: 'accountSetup', user: this.user }),
            ...deferredAppsFor(this.scenario, this.profile, { phase: 'accountSetup', user: this.user }),
          ]
        : []),
    ];
    const seen = new Set<string>();
    return apps.filter((a) => !seen.has(a.id) && seen.add(a.id));
  }

  private markAll(phase: PhaseId, status: Status): void {
    this.phases[phase].status = status;
    for (const item of this.phases[phase].items) item.status = status;
    this.dirty = true;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function newPhase(id: PhaseId, items: ItemId[]): PhaseState {
  return {
    id,
    status: 'notStarted',
    items: items.map((item) => ({
      id: item,
      status: 'notStarted',
      expected: null,
      done: 0,
      hresult: null,
      skippedAsComplete: false,
    })),
  };
}

function phaseView(phase: PhaseState, tracked: string[] | undefined): PhaseView {
  return {
    id: phase.id,
    title: PHASE_TITLES[phase.id],
    status: phase.status,
    statusText: phaseStatusText(phase.status),
    items: phase.items.map((item) => ({
      id: item.id,
      status: item.status,
      text: itemRowText(item),
      ...(item.id === 'apps' && tracked ? { tracked } : {}),
    })),
  };
}

/** An exit code through the app's return codes; anything unmapped fails (§5.3). */
export function resultOf(app: App, exitCode: number): ReturnCodeResult {
  return app.returnCodes.find((r) => r.returnCode === exitCode)?.type ?? 'failed';
}

export function simulate(scenario: Scenario, actions: readonly TimedAction[] = []): Run {
  return new Simulation(scenario).run(actions);
}

/** The screen state at simulated second t (the last step at or before it). */
export function viewAt(run: Run, t: number): EngineView {
  const steps = run.steps;
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return steps[lo]!.view;
}
