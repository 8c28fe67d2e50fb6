/**
 * The one contract between main (or the browser-preview server) and the renderer.
 * The Electron preload and the browser-preview bridge both implement `EspApi`; the renderer
 * cannot tell them apart. Payloads crossing the boundary are checked by `contractSchema.ts`.
 */
import type { Look, Snapshot } from './snapshot';
import type { WindowsRelease } from './esp';

/** What the renderer may ask the session to do: the one list in ./actions. */
export type { UserAction } from './actions';
import type { UserAction } from './actions';

export type Command =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'setSpeed'; speed: number }
  /** The look follows the release: this switches the run to the look's Windows release. */
  | { type: 'setLook'; look: Look }
  /** The operator chooses the Windows release; features and look follow (issue: no impossible pair). */
  | { type: 'setRelease'; release: WindowsRelease }
  | { type: 'restart' }
  /** UX review: show the run as it was at this simulated second (later user actions are dropped). */
  | { type: 'seek'; seconds: number }
  | { type: 'userAction'; action: UserAction }
  /** Ctrl+Shift+D or View diagnostics (§2.1); Close returns to the ESP where it was. */
  | { type: 'openDiagnostics' }
  | { type: 'closeDiagnostics' }
  /**
   * Export logs / Collect logs. `destination` is a folder path; null asks the host to pick one
   * (the Electron shell shows a folder dialog; the browser preview has no dialog and refuses null).
   */
  | { type: 'exportLogs'; destination: string | null };

/** `cancelled` marks a refusal the user chose (closing the folder dialog): nothing to report. */
export type CommandResult = { ok: true } | { ok: false; error: string; cancelled?: true };

export type Unsubscribe = () => void;

/** Named functions only: no generic invoke is ever exposed to the page (DEVELOPERS.md, security). */
export interface EspApi {
  getSnapshot(): Promise<Snapshot>;
  onSnapshot(listener: (snapshot: Snapshot) => void): Unsubscribe;
  start(): Promise<CommandResult>;
  pause(): Promise<CommandResult>;
  resume(): Promise<CommandResult>;
  setSpeed(speed: number): Promise<CommandResult>;
  setLook(look: Look): Promise<CommandResult>;
  setRelease(release: WindowsRelease): Promise<CommandResult>;
  restart(): Promise<CommandResult>;
  seek(seconds: number): Promise<CommandResult>;
  act(action: UserAction): Promise<CommandResult>;
  openDiagnostics(): Promise<CommandResult>;
  closeDiagnostics(): Promise<CommandResult>;
  exportLogs(destination: string | null): Promise<CommandResult>;
}

/** Electron IPC channel names. */
export const IPC = {
  getSnapshot: 'esp:get-snapshot',
  command: 'esp:command',
  snapshot: 'esp:snapshot',
} as const;

/** Browser-preview HTTP routes (same contract, other transport). */
export const HTTP = {
  snapshot: '/api/snapshot',
  events: '/api/events',
  command: '/api/command',
} as const;

/**
 * The browser preview's per-launch token: in the page it serves (`<meta name="esp-sim-token">`) and
 * wanted back on every command (this header), so only that page can drive the session.
 */
export const PREVIEW_TOKEN = { meta: 'esp-sim-token', header: 'x-esp-sim-token' } as const;

/** Speeds the session accepts: from real time to very fast demos. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10_000;

/** The named functions of `EspApi` that send a command. */
export type CommandFunctions = Omit<EspApi, 'getSnapshot' | 'onSnapshot'>;

/**
 * Builds every command-sending function of the API over one transport's `send`. The Electron
 * preload and the browser-preview bridge both use it, so the two cannot drift apart.
 */
export function commandFunctions(send: (command: Command) => Promise<CommandResult>): CommandFunctions {
  return {
    start: () => send({ type: 'start' }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    setSpeed: (speed) => send({ type: 'setSpeed', speed }),
    setLook: (look) => send({ type: 'setLook', look }),
    setRelease: (release) => send({ type: 'setRelease', release }),
    restart: () => send({ type: 'restart' }),
    seek: (seconds) => send({ type: 'seek', seconds }),
    act: (action) => send({ type: 'userAction', action }),
    openDiagnostics: () => send({ type: 'openDiagnostics' }),
    closeDiagnostics: () => send({ type: 'closeDiagnostics' }),
    exportLogs: (destination) => send({ type: 'exportLogs', destination }),
  };
}
