/**
 * One run of one scenario against a clock: speed, pause, user actions and the history the log
 * bundle and diagnostics read. The same class serves Electron, the browser preview and the CLI.
 * Main owns the truth: screens get snapshots from here and nothing else.
 */
import type { Command, CommandResult, UserAction } from '../../shared/contract';
import { ACTION_LABELS } from '../../shared/esp';
import type { Look, Snapshot } from '../../shared/snapshot';
import type { Run, TimedAction } from '../engine/simulate';
import { simulate, viewAt } from '../engine/simulate';
import type { Scenario } from '../scenario/model';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { Logger } from './logger';
import { silentLogger } from './logger';

export interface SessionOptions {
  scenario: Scenario;
  /** Why the requested scenario was replaced by the default, shown on screen. */
  scenarioProblem?: string | null;
  speed?: number;
  look?: Look;
  clock?: Clock;
  logger?: Logger;
  /** Start the clock at once (kiosk and preview) or wait for a start command. */
  autoStart?: boolean;
}

/** At most this long between clock updates to subscribers, in real milliseconds. */
const HEARTBEAT_MS = 1000;

export class Session {
  readonly scenario: Scenario;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly scenarioProblem: string | null;
  private actions: TimedAction[] = [];
  private current: Run;
  private speed: number;
  private look: Look;
  private started: boolean;
  private paused = false;
  /** Simulated seconds at the last rebase, and the real time of it. */
  private baseSim = 0;
  private baseReal: number;
  private revision = 0;
  private timer: unknown = null;
  private readonly listeners = new Set<(snapshot: Snapshot) => void>();

  constructor(options: SessionOptions) {
    this.scenario = options.scenario;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.scenarioProblem = options.scenarioProblem ?? null;
    this.speed = options.speed ?? 1;
    this.look = options.look ?? (options.scenario.windows.release === '10' ? 'windows10' : 'windows11');
    this.started = options.autoStart ?? true;
    this.baseReal = this.clock.nowMs();
    this.current = simulate(this.scenario, this.actions);
    this.logger.info(`session: scenario "${this.scenario.name}" (seed ${this.scenario.seed}) at speed ${this.speed}`);
    this.schedule();
  }

  get run(): Run {
    return this.current;
  }

  /** Simulated seconds since the run started; stops advancing once the run has nothing left to do. */
  elapsedSeconds(): number {
    const running = this.started && !this.paused;
    const raw = this.baseSim + (running ? ((this.clock.nowMs() - this.baseReal) / 1000) * this.speed : 0);
    return this.isFinishedAt(raw) ? this.current.endT : raw;
  }

  snapshot(): Snapshot {
    const t = this.elapsedSeconds();
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
      look: this.look,
      clock: {
        elapsedSeconds: Math.floor(t),
        speed: this.speed,
        paused: this.paused || !this.started,
        finished: this.isFinishedAt(t),
      },
      ...view,
      scenarioProblem: this.scenarioProblem,
    };
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
        this.look = command.look;
        break;
      case 'restart':
        this.actions = [];
        this.current = simulate(this.scenario, this.actions);
        this.baseSim = 0;
        this.baseReal = this.clock.nowMs();
        this.started = true;
        this.paused = false;
        break;
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
    this.publish();
    this.schedule();
    return { ok: true };
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  /** Actions are accepted only where the screen offers them. */
  private refusalFor(action: UserAction): string | null {
    const view = viewAt(this.current, this.elapsedSeconds());
    if (action === 'continueAnywayWhileRunning') {
      return view.continueAnywayWhileRunning
        ? null
        : 'Continue anyway is not offered while the ESP runs with this profile';
    }
    if (!view.errorScreen) return `${ACTION_LABELS[action]} is offered only on the error screen`;
    if (!view.errorScreen.actions.includes(action))
      return `${ACTION_LABELS[action]} is not offered by this profile's error screen`;
    return null;
  }

  private isFinishedAt(t: number): boolean {
    return !this.current.waitingForUser && t >= this.current.endT;
  }

  private rebase(): void {
    this.baseSim = this.elapsedSeconds();
    this.baseReal = this.clock.nowMs();
  }

  private publish(): void {
    if (this.listeners.size === 0) return;
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }

  /** Wakes at the next step of the run, or at the heartbeat, whichever is sooner. */
  private schedule(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    if (!this.started || this.paused) return;
    const t = this.elapsedSeconds();
    if (this.isFinishedAt(t)) return;
    const next = this.current.steps.find((s) => s.t > t);
    const dueMs = next ? ((next.t - t) / this.speed) * 1000 : HEARTBEAT_MS;
    this.timer = this.clock.setTimer(
      () => {
        this.timer = null;
        this.publish();
        this.schedule();
      },
      Math.max(1, Math.min(HEARTBEAT_MS, Math.ceil(dueMs))),
    );
  }
}
