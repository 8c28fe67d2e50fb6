/**
 * The one contract between main (or the browser-preview server) and the renderer.
 * The Electron preload and the browser-preview bridge both implement `EspApi`; the renderer
 * cannot tell them apart. Payloads crossing the boundary are checked by `contractSchema.ts`.
 */
import type { ErrorAction } from './esp';
import type { Look, Snapshot } from './snapshot';

/** What the renderer may ask the session to do. */
export type UserAction =
  | Exclude<ErrorAction, 'viewDiagnostics' | 'collectLogs'>
  | 'continueAnywayWhileRunning'
  /** Pre-provisioning result page (§7.6). */
  | 'reseal'
  | 'retry'
  | 'reset';

export type Command =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'setSpeed'; speed: number }
  | { type: 'setLook'; look: Look }
  | { type: 'restart' }
  | { type: 'userAction'; action: UserAction }
  /** Ctrl+Shift+D or View diagnostics (§2.1); Close returns to the ESP where it was. */
  | { type: 'openDiagnostics' }
  | { type: 'closeDiagnostics' }
  /**
   * Export logs / Collect logs. `destination` is a folder path; null asks the host to pick one
   * (the Electron shell shows a folder dialog; the browser preview has no dialog and refuses null).
   */
  | { type: 'exportLogs'; destination: string | null };

export type CommandResult = { ok: true } | { ok: false; error: string };

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
  restart(): Promise<CommandResult>;
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

/** Speeds the session accepts: from real time to very fast demos. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10_000;

/** Maps each named API function to its command; used by both bridge implementations. */
export function commandFor<K extends Exclude<keyof EspApi, 'getSnapshot' | 'onSnapshot'>>(
  name: K,
  arg?: unknown,
): Command {
  switch (name) {
    case 'setSpeed':
      return { type: 'setSpeed', speed: arg as number };
    case 'setLook':
      return { type: 'setLook', look: arg as Look };
    case 'act':
      return { type: 'userAction', action: arg as UserAction };
    case 'exportLogs':
      return { type: 'exportLogs', destination: (arg ?? null) as string | null };
    default:
      return { type: name } as Command;
  }
}
