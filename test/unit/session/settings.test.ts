/**
 * The settings remembered between launches (README, "Kiosk demos"): a validated JSON file written atomically; a
 * corrupt one is set aside as `settings.corrupt-<n>.json` with a message, and the defaults are used; the kiosk PIN
 * is kept as a salted hash, never as typed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../electron/core/logging/logger';
import {
  defaultSettingsFile,
  hashPin,
  parseSettings,
  pinMatches,
  SettingsStore,
} from '../../../electron/core/session/settings';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esp-settings-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (...args: unknown[]): void => {
    lines.push(args.map(String).join(' '));
  };
  return { lines, info: record, warn: record, error: record };
}

describe('the settings file', () => {
  it('starts from the defaults when there is no file, and remembers what is written for the next launch', async () => {
    const file = join(folder(), 'nested', 'settings.json');
    const first = await SettingsStore.open(file, recordingLogger());
    expect(first.current).toEqual({});
    expect(first.notices).toEqual([]);
    await first.update((s) => ({ ...s, speed: 60, release: '10', language: 'de' }));
    await first.update((s) => ({ ...s, kiosk: { playlist: ['bundled:default', '/tmp/a.json'], loopSeconds: 45 } }));

    const next = await SettingsStore.open(file, recordingLogger());
    expect(next.current).toEqual({
      speed: 60,
      release: '10',
      language: 'de',
      kiosk: { playlist: ['bundled:default', '/tmp/a.json'], loopSeconds: 45 },
    });
    // Written whole, by rename: no temporary file is left beside it.
    expect(readdirSync(join(file, '..'))).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, speed: 60 });
  });

  it('sets a corrupt file aside, says so, and uses the defaults; a second one gets the next number', async () => {
    const dir = folder();
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"version": 1, "speed": ');
    const logger = recordingLogger();
    const store = await SettingsStore.open(file, logger);
    expect(store.current).toEqual({});
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toContain(file);
    expect(store.notices[0]).toContain(join(dir, 'settings.corrupt-1.json'));
    expect(store.notices[0]).toMatch(/not JSON/);
    expect(logger.lines.join('\n')).toContain('settings.corrupt-1.json');
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(join(dir, 'settings.corrupt-1.json'), 'utf8')).toBe('{"version": 1, "speed": ');

    // Valid JSON, wrong content: a speed the app does not take.
    writeFileSync(file, JSON.stringify({ version: 1, speed: 1e9 }));
    const again = await SettingsStore.open(file, recordingLogger());
    expect(again.current).toEqual({});
    expect(again.notices[0]).toContain('settings.corrupt-2.json');
    expect(again.notices[0]).toContain('speed');
    expect(readdirSync(dir).sort()).toEqual(['settings.corrupt-1.json', 'settings.corrupt-2.json']);

    // The defaults are then written over nothing: the corrupt copies stay.
    await again.update((s) => ({ ...s, speed: 2 }));
    expect(readdirSync(dir).sort()).toEqual(['settings.corrupt-1.json', 'settings.corrupt-2.json', 'settings.json']);
  });

  it('refuses unknown keys and a PIN kept in the clear', () => {
    expect(parseSettings(JSON.stringify({ version: 1, kiosk: { pin: '1234' } })).ok).toBe(false);
    expect(parseSettings(JSON.stringify({ version: 1, colour: 'red' })).ok).toBe(false);
    expect(parseSettings(JSON.stringify({ version: 2 })).ok).toBe(false);
    expect(parseSettings(JSON.stringify({ version: 1 }))).toEqual({ ok: true, settings: {} });
  });

  it('keeps the PIN as a salted hash that only the right PIN matches', async () => {
    const file = join(folder(), 'settings.json');
    const store = await SettingsStore.open(file, recordingLogger());
    const pin = await hashPin('4711');
    await store.update((s) => ({ ...s, kiosk: { pin } }));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('4711');
    expect(await pinMatches('4711', pin)).toBe(true);
    expect(await pinMatches('4712', pin)).toBe(false);
    expect(await pinMatches('', pin)).toBe(false);
    // The same PIN hashes differently each time (a new salt).
    expect((await hashPin('4711')).hash).not.toBe(pin.hash);
    const reread = await SettingsStore.open(file, recordingLogger());
    expect(await pinMatches('4711', reread.current.kiosk!.pin!)).toBe(true);
  });

  it('lives under the configuration folder of each platform by default', () => {
    expect(defaultSettingsFile({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/esp-simulator/settings.json');
    expect(defaultSettingsFile({}, 'linux', '/home/a')).toBe('/home/a/.config/esp-simulator/settings.json');
    expect(defaultSettingsFile({ APPDATA: 'C:\\AppData' }, 'win32', 'C:\\Users\\a')).toContain('esp-simulator');
  });
});
