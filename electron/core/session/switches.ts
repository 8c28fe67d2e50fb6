/**
 * The switches that start a session, shared by the desktop shell and the browser preview so that
 * `npm start -- ...` means the same with or without Electron.
 */
import { parseArgs } from 'node:util';
import { MAX_SPEED, MIN_SPEED } from '../../../shared/contract';
import type { Look } from '../../../shared/snapshot';

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
  /** The operator console's scenario library folder; undefined: the platform's default (library.ts). */
  library: string | undefined;
  /** Kiosk demos: scenario files run in turn, one per loop (`--playlist a.json,b.json`). */
  playlist?: string[] | undefined;
  /** The remembered settings' file; undefined: the host's default (settings.ts). */
  settings?: string | undefined;
  /** Screenshot-safe identities: generated names instead of the scenario's real ones (`--safe-names`). */
  safeNames?: boolean;
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
  library: undefined,
};

export const SWITCHES_USAGE =
  '[--scenario <file>] [--playlist <file>,<file>...] [--speed <factor>] [--look windows10|windows11] [--loop <seconds>] [--kiosk] [--windowed] [--operator] [--library <folder>] [--settings <file>] [--safe-names] [--port <n>] [--host <address>]';

export type ParsedSwitches = { ok: true; switches: HostSwitches; warnings: string[] } | { ok: false; error: string };

/**
 * `strict` refuses unknown switches and bad values (the preview's own command line). The Electron
 * shell passes false: Chromium adds switches of its own, and a bad value must not undo the others
 * (a kiosk stays a kiosk), so only that switch falls back to its default, with a warning.
 */
export function parseHostSwitches(args: string[], strict: boolean): ParsedSwitches {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
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
        library: { type: 'string' },
        playlist: { type: 'string', multiple: true },
        settings: { type: 'string' },
        'safe-names': { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const problems: string[] = [];
  const text = (name: string): string | undefined =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined;
  /** The switch's value when `valid` holds for it, else its default (and a problem). */
  const checked = <T>(
    name: string,
    read: (raw: string) => T,
    valid: (v: T) => boolean,
    fallback: T,
    rule: string,
  ): T => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = read(raw);
    if (valid(value)) return value;
    problems.push(`--${name} ${rule}, not "${raw}"`);
    return fallback;
  };
  const playlistValues = Array.isArray(values['playlist']) ? (values['playlist'] as string[]) : [];
  const playlist = playlistValues
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (playlistValues.length > 0 && playlist.length === 0) problems.push('--playlist takes scenario files, a,b,c');
  const switches: HostSwitches = {
    scenario: text('scenario'),
    port: checked(
      'port',
      Number,
      (p) => Number.isInteger(p) && p >= 0 && p <= 65535,
      DEFAULT_SWITCHES.port,
      'must be a whole number from 0 to 65535',
    ),
    speed: checked(
      'speed',
      Number,
      (v) => Number.isFinite(v) && v >= MIN_SPEED && v <= MAX_SPEED,
      DEFAULT_SWITCHES.speed,
      `must be a number from ${MIN_SPEED} to ${MAX_SPEED}`,
    ),
    host: text('host') ?? DEFAULT_SWITCHES.host,
    look: checked<Look | undefined>(
      'look',
      (raw) => raw as Look,
      (l) => l === 'windows10' || l === 'windows11',
      undefined,
      'must be windows10 or windows11',
    ),
    loopAfterSeconds: checked<number | undefined>(
      'loop',
      Number,
      (v) => v !== undefined && Number.isFinite(v) && v >= 1 && v <= MAX_LOOP_SECONDS,
      undefined,
      `takes the seconds to wait before starting over, from 1 to ${MAX_LOOP_SECONDS}`,
    ),
    kiosk: values['kiosk'] === true,
    windowed: values['windowed'] === true,
    operator: values['operator'] === true,
    library: text('library'),
    ...(playlist.length > 0 ? { playlist } : {}),
    ...(text('settings') !== undefined ? { settings: text('settings') } : {}),
    ...(values['safe-names'] === true ? { safeNames: true } : {}),
  };
  if (strict && problems.length > 0) return { ok: false, error: problems.join('; ') };
  return { ok: true, switches, warnings: problems };
}

/**
 * The switches named on the command line (`speed` for `--speed 60` or `--speed=60`): what was chosen for this
 * launch wins over the remembered settings.
 */
export function switchesGiven(args: readonly string[]): Set<string> {
  const given = new Set<string>();
  for (const arg of args) {
    const match = /^--([a-z][a-z-]*)(?:=|$)/.exec(arg);
    if (match) given.add(match[1]!);
  }
  return given;
}
