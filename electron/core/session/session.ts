/**
 * One run of one scenario against a clock: speed, pause, user actions and the history the log
 * bundle and diagnostics read. The same class serves Electron, the browser preview and the CLI.
 * Main owns the truth: screens get snapshots from here and nothing else.
 */
import type { Command, CommandResult, UserAction } from '../../../shared/contract';
import { USER_ACTION_LABELS } from '../../../shared/actions';
import type { DiagnosticsView, Look, LogExportView, Moment, Snapshot } from '../../../shared/snapshot';
import { momentsOf } from './moments';
import type { Run, TimedAction } from '../engine/simulate';
import { simulate, viewAt } from '../engine/simulate';
import type { Scenario } from '../scenario/model';
import { lookOf, releaseOf, withRelease } from '../scenario/release';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { Logger } from '../logging/logger';
import { silentLogger } from '../logging/logger';

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

/** A failed export as Windows reports it (§2.3): the HRESULT and a sentence. */
export class LogExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
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
}

/** The device shows the file on the removable drive Windows offers first (§2.3, docs/fidelity.md). */
function windowsPathOf(path: string): string {
  const name = path.split(/[\\/]/).pop() || 'MDMDiagReport.zip';
  return `D:\\${name}`;
}

/** At most this long between clock updates to subscribers, in real milliseconds. */
const HEARTBEAT_MS = 1000;

export class Session {
  /** The scenario as it runs: the file's, on the release the operator chose. */
  private currentScenario: Scenario;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly scenarioProblem: string | null;
  private readonly scenarioWarnings: string[];
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
  private readonly loopAfterSeconds: number | undefined;
  /** Real time at which the run was first seen to have settled; null while it runs. */
  private settledAtMs: number | null = null;
  private momentsOf: { run: Run; moments: Moment[] } | null = null;

  constructor(options: SessionOptions) {
    // The look follows the release: asking for a look means asking for that release.
    this.currentScenario = options.look ? withRelease(options.scenario, releaseOf(options.look)) : options.scenario;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.scenarioProblem = options.scenarioProblem ?? null;
    this.scenarioWarnings = [...(options.scenarioWarnings ?? [])];
    this.speed = options.speed ?? 1;
    this.started = options.autoStart ?? true;
    this.buildDiagnostics = options.diagnostics;
    this.logCollector = options.logCollector;
    this.loopAfterSeconds = options.loopAfterSeconds;
    this.baseReal = this.clock.nowMs();
    this.current = simulate(this.scenario, this.actions);
    this.logger.info(`session: scenario "${this.scenario.name}" (seed ${this.scenario.seed}) at speed ${this.speed}`);
    this.schedule();
  }

  get run(): Run {
    return this.current;
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
        name: this.scenario.name,
        description: this.scenario.description,
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
      },
      ...view,
      scenarioProblem: this.scenarioProblem,
      scenarioWarnings: this.scenarioWarnings,
      // The page belongs to Windows 11's ESP (§2.1): on another release or screen it is not there.
      diagnostics:
        this.diagnosticsOpen && view.diagnosticsAvailable && this.buildDiagnostics
          ? this.buildDiagnostics(this.scenario, this.current, t)
          : null,
      logExport: this.logExport,
      moments: this.moments(),
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
    this.logger.info(`session: ${command.type}${'action' in command ? ` ${command.action}` : ''}`);
    this.publishAndSchedule();
    return { ok: true };
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
        this.logExport = { state: 'failed', code, message };
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
          this.logger.info('session: looping back to the start (kiosk)');
          this.handle({ type: 'restart' });
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
