/**
 * The settings remembered between launches (README, "Kiosk demos"): speed, Windows release, language, the kiosk
 * playlist and its loop pause, and the kiosk PIN (as a salted scrypt hash, never the PIN itself).
 *
 * One JSON file: the desktop app's `userData/settings.json`, the browser preview's `--settings <file>` or
 * `$XDG_CONFIG_HOME/esp-simulator/settings.json`. It is validated when read; a file that is not JSON or not valid is
 * set aside as `settings.corrupt-<n>.json` (never deleted) with a message, and the defaults are used. Every write
 * replaces the file atomically (temporary file, flush, rename), one write at a time.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { MAX_SPEED, MIN_SPEED } from '../../../shared/contract';
import { MAX_LOOP_SECONDS, MAX_PLAYLIST_ENTRIES } from '../../../shared/contractSchema';
import type { Language, WindowsRelease } from '../../../shared/esp';
import { LANGUAGES } from '../../../shared/esp';
import type { Logger } from '../logging/logger';
import { writeFileAtomically } from '../scenario/library';

export const SETTINGS_FILE = 'settings.json';

/** scrypt's cost: about 50 ms per check on a laptop, far too slow to try every 4-digit PIN quickly offline. */
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

export interface PinHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}

export interface Settings {
  speed?: number;
  release?: WindowsRelease;
  language?: Language;
  kiosk?: {
    /** Library ids (`bundled:<name>`, `user:<name>`) and absolute paths of scenario files. */
    playlist?: string[];
    loopSeconds?: number;
    pin?: PinHash;
  };
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64');

export const settingsSchema = z.strictObject({
  version: z.literal(1),
  speed: z.number().finite().min(MIN_SPEED).max(MAX_SPEED).optional(),
  release: z.enum(['10', '11']).optional(),
  // A language a later version no longer speaks is forgotten rather than costing the whole file.
  language: z.enum(LANGUAGES).optional().catch(undefined),
  kiosk: z
    .strictObject({
      playlist: z.array(z.string().min(1).max(4096)).max(MAX_PLAYLIST_ENTRIES).optional(),
      loopSeconds: z.number().finite().min(1).max(MAX_LOOP_SECONDS).optional(),
      pin: z
        .strictObject({
          algorithm: z.literal('scrypt'),
          N: z.number().int().min(1024).max(1_048_576),
          r: z.number().int().min(1).max(32),
          p: z.number().int().min(1).max(16),
          salt: base64,
          hash: base64,
        })
        .optional(),
    })
    .optional(),
});

/**
 * Where the browser preview remembers its settings without `--settings`: beside the scenario library, under the
 * operating system's configuration folder (`$XDG_CONFIG_HOME/esp-simulator`, `%APPDATA%\esp-simulator`,
 * `~/Library/Application Support/esp-simulator`). The desktop app uses its user-data folder.
 */
export function defaultSettingsFile(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32')
    return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'esp-simulator', SETTINGS_FILE);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'esp-simulator', SETTINGS_FILE);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'esp-simulator', SETTINGS_FILE);
}

/** Why the text is not a settings file, or the settings. */
export function parseSettings(text: string): { ok: true; settings: Settings } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  const result = settingsSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return { ok: false, reason: `${path}: ${issue?.message ?? 'not valid'}` };
  }
  const { version: _version, ...settings } = result.data;
  return { ok: true, settings: settings as Settings };
}

export class SettingsStore {
  private settings: Settings;
  private readonly messages: string[];
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    settings: Settings,
    notices: string[],
    private readonly logger: Logger,
  ) {
    this.settings = settings;
    this.messages = notices;
  }

  /** Reads the file: missing means the defaults; a corrupt one is set aside (`notices` says so) for the defaults. */
  static async open(file: string, logger: Logger): Promise<SettingsStore> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return new SettingsStore(file, {}, [], logger);
      const notice = `The settings file ${file} cannot be read (${(error as Error).message}); the defaults are used.`;
      logger.warn(notice);
      return new SettingsStore(file, {}, [notice], logger);
    }
    const parsed = parseSettings(text.replace(/^\uFEFF/, ''));
    if (parsed.ok) {
      logger.info(`settings: read ${file}`);
      return new SettingsStore(file, parsed.settings, [], logger);
    }
    const aside = await setAside(file).catch((error: unknown) => {
      logger.error(`settings: could not set ${file} aside`, error);
      return null;
    });
    const notice = aside
      ? `The settings file ${file} was corrupt (${parsed.reason}); it was set aside as ${aside} and the defaults are used.`
      : `The settings file ${file} is corrupt (${parsed.reason}) and could not be set aside; the defaults are used.`;
    logger.warn(notice);
    return new SettingsStore(file, {}, [notice], logger);
  }

  get current(): Settings {
    return this.settings;
  }

  /** What went wrong reading the file, for the operator console. */
  get notices(): readonly string[] {
    return this.messages;
  }

  /** Changes the settings now and writes them (after any write under way); resolves once written or failed. */
  update(change: (settings: Settings) => Settings): Promise<void> {
    this.settings = change(this.settings);
    const text = JSON.stringify({ version: 1, ...this.settings }, null, 2) + '\n';
    this.queue = this.queue
      .then(async () => {
        await mkdir(dirname(this.file), { recursive: true });
        await writeFileAtomically(this.file, text);
      })
      .catch((error: unknown) => {
        const notice = `The settings could not be written to ${this.file}: ${(error as Error).message}`;
        this.logger.error(notice);
        if (!this.messages.includes(notice)) this.messages.push(notice);
      });
    return this.queue;
  }
}

/** Moves a corrupt file to the first free `<name>.corrupt-<n>.json` beside it (never over another file). */
async function setAside(file: string): Promise<string> {
  const stem = basename(file).replace(/\.json$/i, '');
  for (let n = 1; n < 10_000; n++) {
    const target = join(dirname(file), `${stem}.corrupt-${n}.json`);
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await rm(file, { force: true });
    return target;
  }
  throw new Error('too many corrupt settings files already set aside');
}

function scryptAsync(pin: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, SCRYPT.keylen, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** The PIN as the settings keep it: a salted scrypt hash. */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  const key = await scryptAsync(pin, salt, SCRYPT);
  return {
    algorithm: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    hash: key.toString('base64'),
  };
}

/** Whether `pin` is the one hashed, compared in constant time. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scryptAsync(pin, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
