/**
 * The sandboxed preload: exposes the contract's named functions to the page and nothing else —
 * never ipcRenderer, never a generic invoke (Electron security checklist item 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Command, CommandResult, EspApi } from '../../shared/contract';
import { IPC, commandFor } from '../../shared/contract';
import type { Snapshot } from '../../shared/snapshot';

const send = (command: Command): Promise<CommandResult> =>
  ipcRenderer.invoke(IPC.command, command) as Promise<CommandResult>;

const api: EspApi = {
  getSnapshot: () => ipcRenderer.invoke(IPC.getSnapshot) as Promise<Snapshot>,
  onSnapshot(listener) {
    const handler = (_event: unknown, snapshot: Snapshot): void => listener(snapshot);
    ipcRenderer.on(IPC.snapshot, handler);
    return () => {
      ipcRenderer.removeListener(IPC.snapshot, handler);
    };
  },
  start: () => send(commandFor('start')),
  pause: () => send(commandFor('pause')),
  resume: () => send(commandFor('resume')),
  setSpeed: (speed) => send(commandFor('setSpeed', speed)),
  setLook: (look) => send(commandFor('setLook', look)),
  restart: () => send(commandFor('restart')),
  act: (action) => send(commandFor('act', action)),
  openDiagnostics: () => send(commandFor('openDiagnostics')),
  closeDiagnostics: () => send(commandFor('closeDiagnostics')),
  exportLogs: (destination) => send(commandFor('exportLogs', destination)),
};

contextBridge.exposeInMainWorld('espSim', api);
