import { describe, expect, it } from 'vitest';
import { DEFAULT_SWITCHES, parseHostSwitches } from '../../../electron/core/session/switches';

describe('the switches the desktop app and the browser preview share', () => {
  it('reads every switch', () => {
    const parsed = parseHostSwitches(
      [
        '--scenario',
        'a.json',
        '--speed',
        '60',
        '--look',
        'windows10',
        '--loop',
        '30',
        '--kiosk',
        '--port',
        '0',
        '--operator',
      ],
      true,
    );
    expect(parsed).toEqual({
      ok: true,
      warnings: [],
      switches: {
        ...DEFAULT_SWITCHES,
        scenario: 'a.json',
        speed: 60,
        look: 'windows10',
        loopAfterSeconds: 30,
        kiosk: true,
        port: 0,
        operator: true,
      },
    });
  });

  it('gives the defaults when nothing is passed', () => {
    expect(parseHostSwitches([], true)).toEqual({ ok: true, switches: DEFAULT_SWITCHES, warnings: [] });
  });

  it('says which switch is wrong and what it takes', () => {
    expect(parseHostSwitches(['--speed', 'fast'], true)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--speed'),
    });
    expect(parseHostSwitches(['--speed', '1e9'], true)).toMatchObject({ ok: false });
    expect(parseHostSwitches(['--loop', '0'], true)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--loop'),
    });
    expect(parseHostSwitches(['--look', 'vista'], true)).toMatchObject({
      ok: false,
      error: expect.stringContaining('windows10'),
    });
    expect(parseHostSwitches(['--port', '70000'], true)).toMatchObject({
      ok: false,
      error: expect.stringContaining('--port'),
    });
  });

  it('keeps a kiosk a kiosk in the desktop shell when another switch is bad', () => {
    const parsed = parseHostSwitches(['.', '--kiosk', '--speed', '0', '--scenario', 'demo.json'], false);
    expect(parsed).toMatchObject({ ok: true, switches: { kiosk: true, speed: 1, scenario: 'demo.json' } });
    expect(parsed.ok && parsed.warnings).toEqual(['--speed must be a number from 0.1 to 10000, not "0"']);
  });

  it('refuses unknown switches on the preview command line, ignores Chromium’s in the desktop shell', () => {
    expect(parseHostSwitches(['--frobnicate'], true).ok).toBe(false);
    expect(parseHostSwitches(['.', '--no-sandbox', '--speed', '10'], false)).toMatchObject({
      ok: true,
      switches: { speed: 10 },
    });
  });
});
