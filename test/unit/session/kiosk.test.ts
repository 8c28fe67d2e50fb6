/**
 * Kiosk demos, host side (electron/core/session/kiosk.ts): what a launch starts with (the command line, then the
 * remembered settings), the console's "Kiosk playlist" panel, remembering the operator's choices, and leaving kiosk
 * mode with Ctrl+Alt+Shift+Q and the PIN.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../electron/core/logging/logger';
import { DEFAULT_PLAYLIST_LOOP_SECONDS, KioskHost } from '../../../electron/core/session/kiosk';
import { Session } from '../../../electron/core/session/session';
import { SettingsStore } from '../../../electron/core/session/settings';
import type { HostSwitches } from '../../../electron/core/session/switches';
import { DEFAULT_SWITCHES, parseHostSwitches, switchesGiven } from '../../../electron/core/session/switches';
import type { KioskState, OperatorResult } from '../../../shared/contract';
import { ManualClock } from '../helpers/manualClock';

const root = join(import.meta.dirname, '..', '..', '..');
const resourcesDir = join(root, 'resources');
const bundled = (name: string): string => join(resourcesDir, 'scenarios', name);

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esp-kiosk-'));
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

interface Launch {
  host: KioskHost;
  session: Session;
  clock: ManualClock;
  settingsFile: string;
  logger: ReturnType<typeof recordingLogger>;
  left: { count: number };
}

/** A launch as the hosts do it, from a command line and a settings file. */
async function launch(args: string[], settingsFile = join(folder(), 'settings.json')): Promise<Launch> {
  const parsed = parseHostSwitches(args, true);
  if (!parsed.ok) throw new Error(parsed.error);
  const logger = recordingLogger();
  const settings = await SettingsStore.open(settingsFile, logger);
  const host = await KioskHost.prepare({
    switches: parsed.switches,
    given: switchesGiven(args),
    settings,
    resourcesDir,
    libraryFolder: join(folder(), 'library'),
    logger,
  });
  const clock = new ManualClock();
  const left = { count: 0 };
  const session = new Session({
    scenario: host.opened.scenario,
    scenarioProblem: host.opened.problem,
    clock,
    logger,
    ...host.sessionOptions(() => left.count++),
  });
  host.attach(session);
  return { host, session, clock, settingsFile, logger, left };
}

function value(result: OperatorResult<KioskState>): KioskState {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('a kiosk launch', () => {
  it('runs the playlist, naming and skipping the scenario it cannot use, with the default pause', async () => {
    const bad = join(folder(), 'broken.json');
    writeFileSync(bad, '[1, 2');
    const { session, host, logger } = await launch([
      '--kiosk',
      '--playlist',
      `${bad},${bundled('self-deploying-kiosk.json')},${bundled('default.json')}`,
    ]);
    expect(session.snapshot().scenario.name).toBe(host.opened.scenario.name);
    expect(host.opened.problem).toBeNull();
    const skipped = logger.lines.filter((l) => l.includes('skipped'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain(bad);
    expect(skipped[0]).toContain('not a valid scenario');
    const state = value(await host.handle({ type: 'kioskState' }));
    expect(state.kioskMode).toBe(true);
    expect(state.loopSeconds).toBe(DEFAULT_PLAYLIST_LOOP_SECONDS);
    expect(state.playlist.map((p) => p.problem === null)).toEqual([false, true, true]);
    expect(state.playlist[0]!.problem).toContain(bad);
    // The files named by path are offered to the panel by id, never by path.
    expect(state.playlist.map((p) => p.id)).toEqual(['file:1', 'bundled:self-deploying-kiosk', 'bundled:default']);
    expect(state.playing).toBe(1);
  });

  it('falls back to the default scenario, with a banner, when no playlist scenario can be used', async () => {
    const { host } = await launch(['--playlist', join(folder(), 'none.json')]);
    expect(host.opened.problem).toMatch(/none of the playlist's scenarios can be used/);
    expect(host.opened.problem).toContain('none.json');
  });

  it('takes the remembered speed, release, language and playlist unless the command line says otherwise', async () => {
    const settingsFile = join(folder(), 'settings.json');
    writeFileSync(
      settingsFile,
      JSON.stringify({
        version: 1,
        speed: 600,
        release: '10',
        language: 'de',
        kiosk: { playlist: ['bundled:user-driven-app-fails', 'bundled:default'], loopSeconds: 12 },
      }),
    );
    const kiosk = await launch(['--kiosk'], settingsFile);
    const snapshot = kiosk.session.snapshot();
    expect(snapshot.clock.speed).toBe(600);
    expect(snapshot.look).toBe('windows10');
    expect(snapshot.language).toBe('de');
    const state = value(await kiosk.host.handle({ type: 'kioskState' }));
    expect(state.loopSeconds).toBe(12);
    expect(state.playlist.map((p) => p.id)).toEqual(['bundled:user-driven-app-fails', 'bundled:default']);

    const chosen = await launch(['--kiosk', '--speed', '30', '--look', 'windows11', '--loop', '5'], settingsFile);
    expect(chosen.session.snapshot().clock.speed).toBe(30);
    expect(chosen.session.snapshot().look).toBe('windows11');
    expect(value(await chosen.host.handle({ type: 'kioskState' })).loopSeconds).toBe(5);

    // Not a kiosk and a scenario of its own: the remembered playlist is not used.
    const review = await launch(['--scenario', bundled('hybrid-join.json')], settingsFile);
    expect(value(await review.host.handle({ type: 'kioskState' })).playlist).toEqual([]);
    expect(review.session.snapshot().scenario.name).toBe(review.host.opened.scenario.name);
  });

  it("remembers the operator's speed, release and language for the next launch", async () => {
    const { session, settingsFile } = await launch([]);
    session.handle({ type: 'setSpeed', speed: 120 });
    session.handle({ type: 'setRelease', release: '10' });
    session.handle({ type: 'setLanguage', language: 'fr' });
    await vi.waitFor(
      () => {
        expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({
          version: 1,
          speed: 120,
          release: '10',
          language: 'fr',
        });
      },
      { timeout: 5000, interval: 20 },
    );
    const next = await launch([], settingsFile);
    expect(next.session.snapshot().clock.speed).toBe(120);
    expect(next.session.snapshot().look).toBe('windows10');
    expect(next.session.snapshot().language).toBe('fr');
  });
});

describe('the Kiosk playlist panel', () => {
  it('sets a playlist and pause, plays it now, and remembers it for the next kiosk launch', async () => {
    const { host, session, settingsFile, clock } = await launch(['--speed', '1000']);
    const choices = value(await host.handle({ type: 'kioskState' })).choices.map((c) => c.id);
    expect(choices).toContain('bundled:default');
    expect(choices).toContain('bundled:self-deploying-kiosk');

    const state = value(
      await host.handle({
        type: 'setKioskPlaylist',
        entries: ['bundled:self-deploying-kiosk', 'bundled:user-driven-app-fails'],
        loopSeconds: 3,
        playNow: true,
      }),
    );
    expect(state.playlist.every((p) => p.problem === null)).toBe(true);
    expect(state.playing).toBe(0);
    expect(session.snapshot().clock.waitingToStart).toBe(false);
    const kioskName = session.snapshot().scenario.name;
    // The run ends on the kiosk app; three seconds later the next scenario runs.
    clock.advance(Math.ceil(session.run.endT) + 3_200);
    expect(session.snapshot().scenario.name).not.toBe(kioskName);
    expect(value(await host.handle({ type: 'kioskState' })).playing).toBe(1);

    expect(JSON.parse(readFileSync(settingsFile, 'utf8')).kiosk).toEqual({
      playlist: ['bundled:self-deploying-kiosk', 'bundled:user-driven-app-fails'],
      loopSeconds: 3,
    });
    const next = await launch(['--kiosk'], settingsFile);
    expect(next.session.snapshot().scenario.name).toBe(kioskName);
  });

  it('lists a library scenario that does not validate as skipped, with its path and why', async () => {
    const libraryFolder = join(folder(), 'library');
    mkdirSync(libraryFolder, { recursive: true });
    writeFileSync(join(libraryFolder, 'half-done.json'), JSON.stringify({ schemaVersion: 1, name: 'Half done' }));
    const logger = recordingLogger();
    const host = await KioskHost.prepare({
      switches: DEFAULT_SWITCHES satisfies HostSwitches,
      given: new Set(),
      settings: await SettingsStore.open(join(folder(), 'settings.json'), logger),
      resourcesDir,
      libraryFolder,
      logger,
    });
    const state = value(
      await host.handle({
        type: 'setKioskPlaylist',
        entries: ['user:half-done', 'bundled:default'],
        loopSeconds: null,
        playNow: false,
      }),
    );
    expect(state.playlist[0]!.problem).toContain(join(libraryFolder, 'half-done.json'));
    expect(state.playlist[0]!.problem).toContain('not a valid scenario');
    expect(state.playlist[1]!.problem).toBeNull();
    expect(state.loopSeconds).toBeNull();
    expect(
      await host.handle({ type: 'setKioskPlaylist', entries: ['file:99'], loopSeconds: 5, playNow: false }),
    ).toEqual({
      ok: false,
      error: 'there is no scenario "file:99" to put in the playlist',
    });
  });
});

describe('leaving kiosk mode', () => {
  it('without a PIN, Ctrl+Alt+Shift+Q leaves at once', async () => {
    const { session, left } = await launch(['--kiosk']);
    expect(session.snapshot().kiosk).toEqual({ active: true, exitPrompt: null });
    expect(session.handle({ type: 'requestKioskExit' })).toEqual({ ok: true });
    expect(session.snapshot().kiosk).toEqual({ active: false, exitPrompt: null });
    expect(left.count).toBe(1);
  });

  it('with a PIN, asks for it, refuses a wrong one and leaves with the right one', async () => {
    const { session, host, left, settingsFile } = await launch(['--kiosk']);
    expect(value(await host.handle({ type: 'setKioskPin', pin: '2468' })).pinSet).toBe(true);
    expect(readFileSync(settingsFile, 'utf8')).not.toContain('2468');

    session.handle({ type: 'requestKioskExit' });
    expect(session.snapshot().kiosk).toEqual({ active: true, exitPrompt: { checking: false, error: null } });
    session.handle({ type: 'exitKiosk', pin: '1357' });
    await vi.waitFor(() => expect(session.snapshot().kiosk?.exitPrompt?.error).toBe('That PIN is not right.'), {
      timeout: 10_000,
      interval: 20,
    });
    expect(session.snapshot().kiosk?.active).toBe(true);
    expect(left.count).toBe(0);

    session.handle({ type: 'exitKiosk', pin: '2468' });
    await vi.waitFor(() => expect(session.snapshot().kiosk?.active).toBe(false), { timeout: 10_000, interval: 20 });
    expect(left.count).toBe(1);
    // Out of kiosk mode, Ctrl+Alt+Shift+Q has nothing left to do.
    expect(session.handle({ type: 'requestKioskExit' }).ok).toBe(false);
  });

  it('Cancel closes the dialog and the demo goes on', async () => {
    const { session, host } = await launch(['--kiosk']);
    value(await host.handle({ type: 'setKioskPin', pin: '8642' }));
    session.handle({ type: 'requestKioskExit' });
    session.handle({ type: 'cancelKioskExit' });
    expect(session.snapshot().kiosk).toEqual({ active: true, exitPrompt: null });
  });

  it('refuses further tries for 30 seconds after five wrong PINs', async () => {
    const { session, host, clock } = await launch(['--kiosk']);
    value(await host.handle({ type: 'setKioskPin', pin: '1111' }));
    session.handle({ type: 'requestKioskExit' });
    for (let i = 1; i <= 5; i++) {
      session.handle({ type: 'exitKiosk', pin: '0000' });
      await vi.waitFor(() => expect(session.snapshot().kiosk?.exitPrompt?.checking).toBe(false), {
        timeout: 10_000,
        interval: 20,
      });
    }
    expect(session.snapshot().kiosk?.exitPrompt?.error).toMatch(/try again in 30 seconds/);
    expect(session.handle({ type: 'exitKiosk', pin: '1111' })).toMatchObject({ ok: false });
    expect(session.snapshot().kiosk?.active).toBe(true);
    clock.advance(30_000);
    session.handle({ type: 'exitKiosk', pin: '1111' });
    await vi.waitFor(() => expect(session.snapshot().kiosk?.active).toBe(false), { timeout: 10_000, interval: 20 });
  });
});
