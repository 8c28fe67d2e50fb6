/**
 * The sandboxed preload: exposes the contract's named functions to the page and nothing else —
 * never ipcRenderer, never a generic invoke (Electron security checklist item 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Command, CommandResult, EspApi } from '../../../shared/contract';
import { IPC, commandFunctions } from '../../../shared/contract';
import type { Snapshot } from '../../../shared/snapshot';

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
  ...commandFunctions(send),
};

contextBridge.exposeInMainWorld('espSim', api);
