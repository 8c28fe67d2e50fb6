/**
 * One run of one scenario against a clock: speed, pause, user actions and the history the log
 * bundle and diagnostics read. The same class serves Electron, the browser preview and the CLI.
 * Main owns the truth: screens get snapshots from here and nothing else.
 *
 * Past 400 lines because the session is one state machine: clock, speed, pause, actions, release, log export and kiosk hooks all act on the same run.
 */
import type { Command, CommandResult, UserAction } from '../../../shared/contract';
import { USER_ACTION_LABELS } from '../../../shared/actions';
import type { DiagnosticsView, KioskView, Look, LogExportView, Moment, Snapshot } from '../../../shared/snapshot';
import type { Language } from '../../../shared/esp';
import { DEFAULT_LOCALE, languageOfLocale } from '../../../shared/esp';
import { momentsOf } from './moments';
import type { Run, TimedAction } from '../engine/simulate';
import { simulate, viewAt } from '../engine/simulate';
import type { Scenario } from '../scenario/model';
import { anonymizeScenario } from '../identities/anonymize';
import { lookOf, releaseOf, withRelease } from '../scenario/release';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { Logger } from '../logging/logger';
import { silentLogger } from '../logging/logger';
import type { Playlist } from './playlist';

/** Writes the log bundle of a run (electron/logbundle); injected so the session stays free of file I/O. */
export interface LogCollector {
  collect(request: {
    scenario: Scenario;
    run: Run;
    /** Simulated second the collection is taken at: the bundle shows the run up to here. */
    t: number;
    destination: string;
    onProgress(percent: number): void;
    /** Aborting removes the partial file and rejects (a restart or the app closing). */
    signal?: AbortSignal;
  }): Promise<{ path: string }>;
}

/** The drive the device screen names for an export (§2.3, docs/fidelity.md): the first removable drive Windows offers. */
export const DEVICE_EXPORT_DRIVE = 'D:\\';

/**
 * A failed export as Windows reports it (§2.3): the HRESULT and a sentence. `message` names the real folder (the
 * CLI, the operator, the app's log); `deviceMessage` is the same sentence as the device screen says it, naming the
 * device's drive (`D:\`) instead, or undefined where the sentence names no place.
 */
export class LogExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly deviceMessage?: string,
  ) {
    super(message);
  }
}

export interface SessionOptions {
  /** Builds the diagnostics page from the run (§2); the page cannot open without it. */
  diagnostics?: (scenario: Scenario, run: Run, t: number) => DiagnosticsView;
  logCollector?: LogCollector;
  scenario: Scenario;
  /** Why the requested scenario was replaced by the default, shown on screen. */
  scenarioProblem?: string | null;
  /** What validating the requested scenario noticed (`path: message` each), shown under the banner. */
  scenarioWarnings?: readonly string[];
  speed?: number;
  look?: Look;
  clock?: Clock;
  logger?: Logger;
  /** Start the clock at once (kiosk and preview) or wait for a start command. */
  autoStart?: boolean;
  /**
   * Kiosk demos: once the run has ended (or sits on an error screen nobody answers), start it over
   * after this many real seconds. Off when undefined.
   */
  loopAfterSeconds?: number;
  /** Kiosk demos: the scenarios to run in turn, one per loop (wrapping around); the first is `scenario`. */
  playlist?: Playlist;
  /** Kiosk mode (`--kiosk`): how the operator leaves it. Absent: not a kiosk. */
  kiosk?: KioskExit;
  /** The screens' language the operator chose (remembered settings); absent: each scenario's `device.locale`. */
  language?: Language;
  /**
   * Screenshot-safe identities (`--safe-names`): every scenario this session runs has its real names replaced by
   * generated ones from its seed (identities/anonymize.ts), so the screens and the log bundle show only those.
   */
  safeNames?: boolean;
}

/** What the screens call the scenario during a training round. */
export const TRAINING_NAME = 'Training round';

/** How the operator leaves kiosk mode (README, "Kiosk demos"): Ctrl+Alt+Shift+Q, then the PIN when one is set. */
export interface KioskExit {
  /** Whether leaving asks for the PIN; read each time, since the console can set or remove it. */
  pinRequired(): boolean;
  /** Whether `pin` is the kiosk PIN (a slow hash: asynchronous). */
  verifyPin(pin: string): Promise<boolean>;
  /** The operator has left kiosk mode: the desktop app ends the demo; the preview's page drops its lockdown. */
  onLeave(): void;
}

/** Wrong PINs in a row before the dialog refuses further tries for a while. */
const MAX_WRONG_PINS = 5;
const PIN_LOCKOUT_MS = 30_000;

/** The device shows the file on the removable drive Windows offers first (§2.3, docs/fidelity.md). */
function windowsPathOf(path: string): string {
  const name = path.split(/[\\/]/).pop() || 'MDMDiagReport.zip';
  return `${DEVICE_EXPORT_DRIVE}${name}`;
}

/** At most this long between clock updates to subscribers, in real milliseconds. */
const HEARTBEAT_MS = 1000;

export class Session {
  /** The scenario as it runs: the file's, on the release the operator chose. */
  private currentScenario: Scenario;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private scenarioProblem: string | null;
  private scenarioWarnings: string[];
  private actions: TimedAction[] = [];
  private current: Run;
  private speed: number;
  private started: boolean;
  private paused = false;
  /** Simulated seconds at the last rebase, and the real time of it. */
  private baseSim = 0;
  private baseReal: number;
  private revision = 0;
  private timer: unknown = null;
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();
  private diagnosticsOpen = false;
  private logExport: LogExportView = { state: 'idle' };
  /** The export under way, so a restart or dispose can cancel it and its result cannot land in a later run. */
  private currentExport: { abort: AbortController } | null = null;
  private readonly buildDiagnostics: SessionOptions['diagnostics'];
  private readonly logCollector: LogCollector | undefined;
  private loopAfterSeconds: number | undefined;
  private playlist: Playlist | null;
  private readonly kioskExit: KioskExit | undefined;
  private kioskActive: boolean;
  private kioskPrompt: KioskView['exitPrompt'] = null;
  /** Bumped by every PIN check and every cancel, so a late answer cannot act on a dialog that has moved on. */
  private pinAttempt = 0;
  private wrongPins = 0;
  private pinLockedUntilMs = 0;
  /** Kiosk loops done (each run that started over, or moved to the next playlist entry, after its pause). */
  private loops = 0;
  private readonly commandObservers = new Set<(command: Command) => void>();
  /** Real time at which the run was first seen to have settled; null while it runs. */
  private settledAtMs: number | null = null;
  private momentsOf: { run: Run; moments: Moment[] } | null = null;
  /** The run the snapshot's `runId` names: a new number for every new run. */
  private runIdOf: { run: Run | null; id: number } = { run: null, id: 0 };
  /** The operator's choice of language (`setLanguage`); null follows the scenario's `device.locale`. */
  private languageChoice: Language | null = null;

  constructor(options: SessionOptions) {
    this.safeNames = options.safeNames ?? false;
    // The look follows the release: asking for a look means asking for that release.
    this.sourceScenario = options.scenario;
    const scenario = this.safe(options.scenario);
    this.currentScenario = options.look ? withRelease(scenario, releaseOf(options.look)) : scenario;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.scenarioProblem = options.scenarioProblem ?? null;
    this.scenarioWarnings = [...(options.scenarioWarnings ?? [])];
    this.speed = options.speed ?? 1;
    this.started = options.autoStart ?? true;
    this.buildDiagnostics = options.diagnostics;
    this.logCollector = options.logCollector;
    this.loopAfterSeconds = options.loopAfterSeconds;
    this.playlist = options.playlist ?? null;
    this.kioskExit = options.kiosk;
    this.kioskActive = options.kiosk !== undefined;
    this.languageChoice = options.language ?? null;
    this.baseReal = this.clock.nowMs();
    this.current = simulate(this.scenario, this.actions);
    this.logger.info(`session: scenario "${this.scenario.name}" (seed ${this.scenario.seed}) at speed ${this.speed}`);
    this.schedule();
  }

  get run(): Run {
    return this.current;
  }

  /** Training mode (the console's Training page): the snapshot hides the scenario's name and description. */
  private training = false;

  /** Turns training mode on or off; the screens update at once. */
  setTraining(on: boolean): void {
    if (this.training === on) return;
    this.training = on;
    this.publish();
  }

  get inTraining(): boolean {
    return this.training;
  }

  /** Whether real names are replaced (`--safe-names`, or the console's switch). */
  private safeNames: boolean;
  /** The scenario as given, before names are replaced (the switch can be turned off again). */
  private sourceScenario: Scenario;

  get safeNamesOn(): boolean {
    return this.safeNames;
  }

  /**
   * Turns screenshot-safe identities on or off for the scenario running now and every later one. The run starts
   * again at the moment on screen (as an edit does), now with the other names, on the same Windows release.
   */
  setSafeNames(on: boolean): void {
    if (this.safeNames === on) return;
    this.safeNames = on;
    const release = this.currentScenario.windows.release;
    const source = this.sourceScenario;
    this.replaceScenario(source, {
      keepTime: true,
      problem: this.scenarioProblem,
      warnings: this.scenarioWarnings,
    });
    if (this.currentScenario.windows.release !== release) {
      this.currentScenario = withRelease(this.currentScenario, release);
      this.current = simulate(this.scenario, this.actions);
    }
    this.publishAndSchedule();
  }

  /** The scenario as this session shows it: with generated names when `safeNames` is on. */
  private safe(scenario: Scenario): Scenario {
    return this.safeNames ? anonymizeScenario(scenario, scenario.seed) : scenario;
  }

  get scenario(): Scenario {
    return this.currentScenario;
  }

  /** Simulated seconds since the run started; stops advancing once the run has nothing left to do. */
  elapsedSeconds(): number {
    const running = this.started && !this.paused;
    const raw = this.baseSim + (running ? ((this.clock.nowMs() - this.baseReal) / 1000) * this.speed : 0);
    return this.isFinishedAt(raw) ? this.current.endT : raw;
  }

  /** The screen at simulated second `t` (now, unless a caller already read the clock). */
  snapshot(t = this.elapsedSeconds()): Snapshot {
    const view = viewAt(this.current, t);
    return {
      revision: ++this.revision,
      scenario: {
        // Training mode: the trainee must find the fault, so the screens never name the scenario.
        name: this.training ? TRAINING_NAME : this.scenario.name,
        description: this.training ? '' : this.scenario.description,
        seed: this.scenario.seed,
        windowsRelease: this.scenario.windows.release,
        mode: this.scenario.deployment.mode,
        join: this.scenario.deployment.join,
      },
      look: lookOf(this.scenario.windows.release),
      clock: {
        elapsedSeconds: Math.floor(t),
        speed: this.speed,
        paused: this.paused || !this.started,
        finished: this.isFinishedAt(t),
        waitingToStart: !this.started,
      },
      runId: this.runId(),
      ...view,
      language: this.languageChoice ?? languageOfLocale(this.scenario.device.locale ?? DEFAULT_LOCALE),
      scenarioProblem: this.scenarioProblem,
      scenarioWarnings: this.training ? [] : this.scenarioWarnings,
      // The page belongs to Windows 11's ESP (§2.1): on another release or screen it is not there.
      diagnostics:
        this.diagnosticsOpen && view.diagnosticsAvailable && this.buildDiagnostics
          ? this.buildDiagnostics(this.scenario, this.current, t)
          : null,
      logExport: this.logExport,
      moments: this.moments(),
      kiosk: this.kioskExit ? { active: this.kioskActive, exitPrompt: this.kioskPrompt } : null,
    };
  }

  /** Notable moments of the current run, computed once per run. */
  private moments(): Moment[] {
    if (this.momentsOf?.run !== this.current) this.momentsOf = { run: this.current, moments: momentsOf(this.current) };
    return this.momentsOf.moments;
  }

  subscribe(listener: (snapshot: Snapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle(command: Command): CommandResult {
    switch (command.type) {
      case 'start':
        if (!this.started) {
          this.rebase();
          this.started = true;
        }
        break;
      case 'pause':
        this.rebase();
        this.paused = true;
        break;
      case 'step':
        this.stepToNextEvent();
        break;
      case 'resume':
        this.rebase();
        this.paused = false;
        break;
      case 'setSpeed':
        this.rebase();
        this.speed = command.speed;
        break;
      case 'setLook':
      case 'setRelease': {
        // The same run on the other release: its features and its look change together.
        const release = command.type === 'setLook' ? releaseOf(command.look) : command.release;
        this.cancelExport();
        this.currentScenario = withRelease(this.currentScenario, release);
        this.current = simulate(this.scenario, this.actions);
        this.settledAtMs = null;
        break;
      }
      case 'setLanguage':
        // Words only: the run, its clock and what the user did stay as they are.
        this.languageChoice = command.language;
        break;
      case 'restart':
        this.cancelExport();
        this.settledAtMs = null;
        this.diagnosticsOpen = false;
        this.logExport = { state: 'idle' };
        this.actions = [];
        this.current = simulate(this.scenario, this.actions);
        this.baseSim = 0;
        this.baseReal = this.clock.nowMs();
        this.started = true;
        this.paused = false;
        break;
      case 'seek': {
        // Jumping back past a user action drops it: the run is replayed from what remains.
        const seconds = Math.min(command.seconds, this.current.endT);
        // An action at exactly this second is part of what the screen showed then: keep it.
        const kept = this.actions.filter((a) => a.t <= seconds);
        if (kept.length !== this.actions.length) {
          this.actions = kept;
          this.current = simulate(this.scenario, this.actions);
        }
        this.baseSim = Math.min(seconds, this.current.endT);
        this.baseReal = this.clock.nowMs();
        this.settledAtMs = null;
        // Jumping to a moment means someone is looking: the run no longer waits to start.
        this.started = true;
        break;
      }
      case 'openDiagnostics':
        if (!this.buildDiagnostics) return { ok: false, error: 'the diagnostics page is not available here' };
        if (!viewAt(this.current, this.elapsedSeconds()).diagnosticsAvailable) {
          return {
            ok: false,
            error: 'the diagnostics page needs Windows 11 and a profile with log collection and diagnostics turned on',
          };
        }
        this.diagnosticsOpen = true;
        this.logExport = { state: 'idle' };
        break;
      case 'closeDiagnostics':
        this.diagnosticsOpen = false;
        break;
      case 'exportLogs':
        return this.exportLogs(command.destination);
      case 'requestKioskExit':
        if (!this.kioskExit || !this.kioskActive) return { ok: false, error: 'the device screen is not in kiosk mode' };
        if (!this.kioskExit.pinRequired()) {
          this.leaveKiosk();
          return { ok: true };
        }
        this.kioskPrompt ??= { checking: false, error: null };
        break;
      case 'cancelKioskExit':
        this.pinAttempt++;
        this.kioskPrompt = null;
        break;
      case 'exitKiosk':
        return this.checkKioskPin(command.pin);
      case 'userAction': {
        const refusal = this.refusalFor(command.action);
        if (refusal) return { ok: false, error: refusal };
        const t = this.elapsedSeconds();
        this.rebase();
        this.actions = [...this.actions, { t, action: command.action }];
        this.current = simulate(this.scenario, this.actions);
        break;
      }
    }
    this.logger.info(
      `session: ${command.type}${'action' in command ? ` ${command.action}` : ''}${
        'language' in command ? ` ${command.language}` : ''
      }`,
    );
    for (const observer of this.commandObservers) observer(command);
    this.publishAndSchedule();
    return { ok: true };
  }

  /**
   * Calls `observer` with every command the session carried out (the host remembers the operator's speed, release
   * and language from them). Returns the unsubscribe.
   */
  observeCommands(observer: (command: Command) => void): () => void {
    this.commandObservers.add(observer);
    return () => this.commandObservers.delete(observer);
  }

  /**
   * The kiosk loop: the pause after each run (undefined: no looping) and the playlist it goes through (null: the
   * same scenario starts over). `playNow` starts the playlist's first entry at once.
   */
  setLoop(loopAfterSeconds: number | undefined, playlist: Playlist | null, playNow: boolean): void {
    this.loopAfterSeconds = loopAfterSeconds;
    this.playlist = playlist;
    // A new pause counts from now.
    this.settledAtMs = null;
    const first = playNow ? (playlist?.rewind() ?? null) : null;
    if (first?.scenario) {
      this.logger.info(
        `session: kiosk playlist: playing "${this.safe(first.scenario).name}" (${first.label}) from the start`,
      );
      this.replaceScenario(first.scenario, { keepTime: false, start: true, warnings: first.warnings });
      return;
    }
    this.publishAndSchedule();
  }

  /** The playlist the kiosk loop goes through, if any. */
  get currentPlaylist(): Playlist | null {
    return this.playlist;
  }

  /** For the soak benchmark and tests: subscribers now, and kiosk loops done so far. */
  debugCounts(): { listeners: number; loops: number } {
    return { listeners: this.listeners.size, loops: this.loops };
  }

  /** Kiosk mode's PIN dialog: checks the PIN (asynchronously); the answer arrives in a later snapshot. */
  private checkKioskPin(pin: string): CommandResult {
    const exit = this.kioskExit;
    if (!exit || !this.kioskActive) return { ok: false, error: 'the device screen is not in kiosk mode' };
    if (!exit.pinRequired()) {
      this.leaveKiosk();
      return { ok: true };
    }
    const now = this.clock.nowMs();
    if (now < this.pinLockedUntilMs) {
      const error = `Too many wrong PINs. Try again in ${Math.ceil((this.pinLockedUntilMs - now) / 1000)} seconds.`;
      this.kioskPrompt = { checking: false, error };
      this.publish();
      return { ok: false, error };
    }
    const attempt = ++this.pinAttempt;
    this.kioskPrompt = { checking: true, error: null };
    this.publish();
    const settle = (error: string | null): void => {
      if (attempt !== this.pinAttempt || !this.kioskActive) return;
      if (error === null) {
        this.wrongPins = 0;
        this.leaveKiosk();
        return;
      }
      this.kioskPrompt = { checking: false, error };
      this.publish();
    };
    exit.verifyPin(pin).then(
      (right) => {
        if (right) return settle(null);
        this.logger.warn('session: a wrong kiosk PIN was typed');
        this.wrongPins++;
        if (this.wrongPins < MAX_WRONG_PINS) return settle('That PIN is not right.');
        this.wrongPins = 0;
        this.pinLockedUntilMs = this.clock.nowMs() + PIN_LOCKOUT_MS;
        settle(`That PIN is not right. Too many wrong PINs: try again in ${PIN_LOCKOUT_MS / 1000} seconds.`);
      },
      (error: unknown) => {
        this.logger.error('session: the kiosk PIN could not be checked', error);
        settle('The PIN could not be checked.');
      },
    );
    return { ok: true };
  }

  private leaveKiosk(): void {
    this.pinAttempt++;
    this.kioskActive = false;
    this.kioskPrompt = null;
    this.logger.info('session: the operator left kiosk mode');
    this.publish();
    this.kioskExit?.onLeave();
  }

  /** After a run and its pause: the playlist's next entry, or the same scenario again. */
  private loopAgain(): void {
    this.loops++;
    const next = this.playlist?.advance() ?? null;
    if (next?.scenario) {
      const at = (this.playlist?.position ?? 0) + 1;
      this.logger.info(
        `session: kiosk playlist: ${at} of ${this.playlist?.entries.length ?? 0}, "${this.safe(next.scenario).name}" (${next.label})`,
      );
      this.replaceScenario(next.scenario, { keepTime: false, start: true, warnings: next.warnings });
      return;
    }
    this.logger.info('session: looping back to the start (kiosk)');
    this.handle({ type: 'restart' });
  }

  /** A number for the current run: the operator console reloads the run's record when it changes. */
  private runId(): number {
    if (this.runIdOf.run !== this.current) this.runIdOf = { run: this.current, id: this.runIdOf.id + 1 };
    return this.runIdOf.id;
  }

  /** The number the snapshot's `runId` gives the current run (the console's timeline is tagged with it). */
  get currentRunId(): number {
    return this.runId();
  }

  /** Step: hold the run at the next moment something changes on screen (or at its end). */
  private stepToNextEvent(): void {
    const now = this.elapsedSeconds();
    const next = this.current.steps.find((s) => s.t > now + 1e-9);
    this.started = true;
    this.paused = true;
    this.baseSim = next ? next.t : this.current.endT;
    this.baseReal = this.clock.nowMs();
    this.settledAtMs = null;
  }

  /**
   * Runs another scenario (the operator opened a library entry) or an edited one (the console's preview).
   * `keepTime`: an edit keeps the moment on screen and whether the run is paused, so the change shows at once;
   * otherwise the new run starts at zero and waits for the device screen or Start. User actions are dropped,
   * since they answered screens of the previous run.
   */
  replaceScenario(
    scenario: Scenario,
    options: {
      keepTime: boolean;
      problem?: string | null;
      warnings?: readonly string[];
      start?: boolean;
      /** A training round (its name hidden); otherwise another scenario ends a round, an edit keeps it. */
      training?: boolean;
    },
  ): void {
    const t = this.elapsedSeconds();
    this.cancelExport();
    this.training = options.training ?? (options.keepTime ? this.training : false);
    this.sourceScenario = scenario;
    this.currentScenario = this.safe(scenario);
    this.scenarioProblem = options.problem ?? null;
    this.scenarioWarnings = [...(options.warnings ?? [])];
    this.diagnosticsOpen = false;
    this.logExport = { state: 'idle' };
    this.actions = [];
    this.current = simulate(this.scenario, this.actions);
    this.settledAtMs = null;
    this.baseReal = this.clock.nowMs();
    if (options.keepTime) {
      this.baseSim = Math.min(t, this.current.endT);
    } else {
      this.baseSim = 0;
      // Kiosk loops start the next run at once; elsewhere it waits for the device screen or Start.
      this.started = options.start ?? false;
      this.paused = false;
    }
    this.logger.info(`session: now running "${this.scenario.name}"${options.keepTime ? ' (edited)' : ''}`);
    this.publishAndSchedule();
  }

  private cancelExport(): void {
    this.currentExport?.abort.abort();
    this.currentExport = null;
  }

  dispose(): void {
    this.cancelExport();
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.listeners.clear();
    this.commandObservers.clear();
  }

  /**
   * Starts writing the log bundle; progress and the result arrive in later snapshots. The clock and
   * the screen keep running meanwhile: the collector streams and never blocks the event loop.
   */
  private exportLogs(destination: string | null): CommandResult {
    if (!this.logCollector) return { ok: false, error: 'log collection is not available here' };
    if (this.logExport.state === 'inProgress') return { ok: false, error: 'logs are already being exported' };
    if (destination === null) return { ok: false, error: 'choose a folder or removable drive to export the logs to' };
    const t = this.elapsedSeconds();
    this.logExport = { state: 'inProgress', percent: 0, destination };
    const current = { abort: new AbortController() };
    this.currentExport = current;
    const isCurrent = (): boolean => this.currentExport === current;
    this.publish();
    this.logCollector
      .collect({
        signal: current.abort.signal,
        scenario: this.scenario,
        run: this.current,
        t,
        destination,
        onProgress: (percent) => {
          if (!isCurrent() || this.logExport.state !== 'inProgress') return;
          this.logExport = { state: 'inProgress', percent, destination };
          this.publish();
        },
      })
      .then(({ path }) => {
        if (!isCurrent()) return;
        this.logExport = { state: 'succeeded', path, windowsPath: windowsPathOf(path) };
        this.logger.info(`logs exported to ${path}`);
      })
      .catch((error: unknown) => {
        if (!isCurrent()) return;
        const code = error instanceof LogExportError ? error.code : '0x81039025';
        const message = error instanceof Error ? error.message : String(error);
        const windowsMessage = (error instanceof LogExportError ? error.deviceMessage : undefined) ?? message;
        this.logExport = { state: 'failed', code, message, windowsMessage };
        this.logger.warn(`log export failed (${code}): ${message}`);
      })
      .finally(() => {
        if (!isCurrent()) return;
        this.currentExport = null;
        this.publish();
      });
    return { ok: true };
  }

  /** Actions are accepted only where the screen offers them: the engine's list, checked for membership. */
  private refusalFor(action: UserAction): string | null {
    const offered = viewAt(this.current, this.elapsedSeconds()).offeredActions;
    if (offered.includes(action)) return null;
    return `${USER_ACTION_LABELS[action]} is not offered on this screen (it offers ${
      offered.map((a) => USER_ACTION_LABELS[a]).join(', ') || 'nothing'
    })`;
  }

  private isFinishedAt(t: number): boolean {
    return !this.current.waitingForUser && t >= this.current.endT;
  }

  private rebase(): void {
    this.baseSim = this.elapsedSeconds();
    this.baseReal = this.clock.nowMs();
  }

  /**
   * Reads the clock once for both: were the push and the decision to stop waking taken at two
   * different instants, a step falling between them (the error screen, under load) would never be
   * pushed, and the screen would wait on a state the session had already left.
   */
  private publishAndSchedule(): void {
    const t = this.elapsedSeconds();
    this.publish(t);
    this.schedule(t);
  }

  private publish(t = this.elapsedSeconds()): void {
    if (this.listeners.size === 0) return;
    const snapshot = this.snapshot(t);
    for (const listener of this.listeners) {
      // One broken subscriber (a closed window, a dropped stream) must not stop the clock for the others.
      try {
        listener(snapshot);
      } catch (error) {
        this.logger.warn('session: a subscriber failed', error);
      }
    }
  }

  /** Wakes at the next step of the run, or at the heartbeat, whichever is sooner. */
  private schedule(t = this.elapsedSeconds()): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    if (!this.started || this.paused) return;
    const settled = this.isFinishedAt(t) || (this.current.waitingForUser && t >= this.current.endT);
    if (!settled) this.settledAtMs = null;
    if (settled) {
      if (this.loopAfterSeconds === undefined) return;
      this.settledAtMs ??= this.clock.nowMs();
      const remainingMs = this.settledAtMs + this.loopAfterSeconds * 1000 - this.clock.nowMs();
      this.timer = this.clock.setTimer(
        () => {
          this.timer = null;
          this.loopAgain();
        },
        Math.max(1, remainingMs),
      );
      return;
    }
    const next = this.current.steps.find((s) => s.t > t);
    const dueMs = next ? ((next.t - t) / this.speed) * 1000 : HEARTBEAT_MS;
    this.timer = this.clock.setTimer(
      () => {
        this.timer = null;
        this.publishAndSchedule();
      },
      Math.max(1, Math.min(HEARTBEAT_MS, Math.ceil(dueMs))),
    );
  }
}
