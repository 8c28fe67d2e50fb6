/**
 * The switches that start a session, shared by the desktop shell and the browser preview so that
 * `npm start -- ...` means the same with or without Electron.
 */
import { parseArgs } from 'node:util';
import { MAX_SPEED, MIN_SPEED } from '../../shared/contract';
import type { Look } from '../../shared/snapshot';

export const DEFAULT_PREVIEW_PORT = 5180;
const MAX_LOOP_SECONDS = 86_400;

export interface HostSwitches {
  scenario: string | undefined;
  port: number;
  speed: number;
  host: string;
  look: Look | undefined;
  /** Kiosk demos: start over this many seconds after the run settles. */
  loopAfterSeconds: number | undefined;
  kiosk: boolean;
  windowed: boolean;
  operator: boolean;
}

export const DEFAULT_SWITCHES: HostSwitches = {
  scenario: undefined,
  port: DEFAULT_PREVIEW_PORT,
  speed: 1,
  host: '127.0.0.1',
  look: undefined,
  loopAfterSeconds: undefined,
  kiosk: false,
  windowed: false,
  operator: false,
};

export const SWITCHES_USAGE =
  '[--scenario <file>] [--speed <factor>] [--look windows10|windows11] [--loop <seconds>] [--kiosk] [--windowed] [--operator] [--port <n>] [--host <address>]';

export type ParsedSwitches = { ok: true; switches: HostSwitches } | { ok: false; error: string };

/**
 * `strict` refuses unknown switches (the preview's own command line); the Electron shell passes
 * false because Chromium adds switches of its own.
 */
export function parseHostSwitches(args: string[], strict: boolean): ParsedSwitches {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict,
      allowPositionals: !strict,
      options: {
        scenario: { type: 'string' },
        port: { type: 'string' },
        speed: { type: 'string' },
        host: { type: 'string' },
        look: { type: 'string' },
        loop: { type: 'string' },
        kiosk: { type: 'boolean' },
        windowed: { type: 'boolean' },
        operator: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const text = (name: string): string | undefined =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined;
  const port = text('port') === undefined ? DEFAULT_PREVIEW_PORT : Number(text('port'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { ok: false, error: `--port must be a whole number from 0 to 65535, not "${text('port')}"` };
  }
  const speed = text('speed') === undefined ? 1 : Number(text('speed'));
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    return { ok: false, error: `--speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}, not "${text('speed')}"` };
  }
  const loop = text('loop') === undefined ? undefined : Number(text('loop'));
  if (loop !== undefined && !(Number.isFinite(loop) && loop >= 1 && loop <= MAX_LOOP_SECONDS)) {
    return {
      ok: false,
      error: `--loop takes the seconds to wait before starting over, from 1 to ${MAX_LOOP_SECONDS}, not "${text('loop')}"`,
    };
  }
  const look = text('look');
  if (look !== undefined && look !== 'windows10' && look !== 'windows11') {
    return { ok: false, error: `--look must be windows10 or windows11, not "${look}"` };
  }
  return {
    ok: true,
    switches: {
      scenario: text('scenario'),
      port,
      speed,
      host: text('host') ?? '127.0.0.1',
      look,
      loopAfterSeconds: loop,
      kiosk: values['kiosk'] === true,
      windowed: values['windowed'] === true,
      operator: values['operator'] === true,
    },
  };
}
