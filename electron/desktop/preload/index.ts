/**
 * The sandboxed preload: exposes the contract's named functions to the page and nothing else —
 * never ipcRenderer, never a generic invoke (Electron security checklist item 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type {
  Command,
  CommandResult,
  EspApi,
  KioskRequest,
  OperatorRequest,
  OperatorResult,
} from '../../../shared/contract';
import { IPC, commandFunctions, kioskFunctions, operatorFunctions } from '../../../shared/contract';
import type { Snapshot } from '../../../shared/snapshot';

const send = (command: Command): Promise<CommandResult> =>
  ipcRenderer.invoke(IPC.command, command) as Promise<CommandResult>;

/** The operator console's requests: main checks each one and answers only its own windows. */
const ask = (request: OperatorRequest): Promise<OperatorResult<unknown>> =>
  ipcRenderer.invoke(IPC.operator, request) as Promise<OperatorResult<unknown>>;

/** The console's "Kiosk playlist" panel: main checks each request as it does the console's. */
const askKiosk = (request: KioskRequest): Promise<OperatorResult<unknown>> =>
  ipcRenderer.invoke(IPC.kiosk, request) as Promise<OperatorResult<unknown>>;

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
  ...operatorFunctions(ask),
  ...kioskFunctions(askKiosk),
};

contextBridge.exposeInMainWorld('espSim', api);
