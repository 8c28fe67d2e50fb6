/**
 * The renderer's one way to reach the session: the Electron preload when present, else the browser-preview
 * HTTP bridge. Both implement `EspApi`; nothing else in the renderer knows which one it got.
 */
import type { EspApi } from '../../../shared/contract';
import { createHttpBridge } from './httpBridge';

let api: EspApi | undefined;

/** Returns the process-wide `EspApi`, created on first use. */
export function getApi(): EspApi {
  api ??= window.espSim ?? createHttpBridge();
  return api;
}
