/**
 * The Electron preload's global, typed from the contract so the two can never drift apart.
 */
import type { EspApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in the browser preview. */
    readonly espSim?: EspApi;
  }
}
