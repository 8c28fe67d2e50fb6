/** The kiosk switches the desktop app and the browser preview share: `--playlist` and `--settings`. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SWITCHES, parseHostSwitches, switchesGiven } from '../../../electron/core/session/switches';

describe('the kiosk switches', () => {
  it('reads a playlist given as a comma-separated list, or as several switches', () => {
    expect(parseHostSwitches(['--kiosk', '--playlist', 'a.json, b.json,', '--loop', '30'], true)).toEqual({
      ok: true,
      warnings: [],
      switches: { ...DEFAULT_SWITCHES, kiosk: true, loopAfterSeconds: 30, playlist: ['a.json', 'b.json'] },
    });
    expect(parseHostSwitches(['--playlist', 'a.json', '--playlist=b.json,c.json'], true)).toMatchObject({
      ok: true,
      switches: { playlist: ['a.json', 'b.json', 'c.json'] },
    });
  });

  it('says what --playlist takes when it names no file', () => {
    expect(parseHostSwitches(['--playlist', ','], true)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--playlist'),
    });
  });

  it('reads the settings file', () => {
    expect(parseHostSwitches(['--settings', '/tmp/s.json'], true)).toMatchObject({
      ok: true,
      switches: { settings: '/tmp/s.json' },
    });
  });

  it('tells the switches given on the command line from the defaults', () => {
    expect([...switchesGiven(['--kiosk', '--speed=60', '--loop', '30', 'a.json', '-x'])].sort()).toEqual([
      'kiosk',
      'loop',
      'speed',
    ]);
  });
});
