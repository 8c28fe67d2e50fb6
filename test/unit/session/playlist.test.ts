/**
 * Kiosk playlists (README, "Kiosk demos"): after each run ends (the desktop, the kiosk app, or an error screen
 * nobody answers) and the loop pause is over, the next scenario of the playlist runs, wrapping around; a scenario
 * that cannot be used is named with its path and the reason, and skipped. Driven by a manual clock.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { PlaylistEntry } from '../../../electron/core/session/playlist';
import { Playlist, playlistEntry } from '../../../electron/core/session/playlist';
import { Session } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';

const root = join(import.meta.dirname, '..', '..', '..');
const bundled = (name: string): string => join(root, 'resources', 'scenarios', name);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'esp-playlist-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function entry(path: string, n: number): Promise<PlaylistEntry> {
  return playlistEntry({ id: `file:${n}`, label: path, source: path }, await loadScenarioFile(path));
}

async function playlistOf(...paths: string[]): Promise<Playlist> {
  return new Playlist(await Promise.all(paths.map((p, i) => entry(p, i + 1))));
}

/** Runs the clock until the session shows another scenario, or gives up after `limitMs` of simulated real time. */
function advanceUntilScenarioChanges(clock: ManualClock, session: Session, limitMs: number): number {
  const name = session.snapshot().scenario.name;
  let spent = 0;
  while (spent < limitMs && session.snapshot().scenario.name === name) {
    clock.advance(250);
    spent += 250;
  }
  return spent;
}

describe('a kiosk playlist', () => {
  it('runs each scenario in turn after the loop pause, then wraps around to the first', async () => {
    const playlist = await playlistOf(
      bundled('default.json'),
      bundled('user-driven-app-fails.json'),
      bundled('self-deploying-kiosk.json'),
    );
    const names = playlist.entries.map((e) => e.scenario!.name);
    const clock = new ManualClock();
    const session = new Session({
      scenario: playlist.current()!.scenario!,
      playlist,
      loopAfterSeconds: 30,
      speed: 100,
      clock,
    });
    const seen: string[] = [session.snapshot().scenario.name];
    const screensAtEnd: string[] = [];
    for (let i = 0; i < 3; i++) {
      // Each run ends within a few seconds at speed 100 ...
      let settled = session.snapshot();
      while (!settled.clock.finished && !(settled.errorScreen && settled.clock.elapsedSeconds >= session.run.endT)) {
        clock.advance(100);
        settled = session.snapshot();
      }
      screensAtEnd.push(settled.errorScreen ? 'error' : settled.screen.kind);
      // ... and the next starts 30 s after that, not before.
      clock.advance(29_500);
      expect(session.snapshot().scenario.name).toBe(seen[seen.length - 1]);
      clock.advance(1_000);
      const next = session.snapshot();
      seen.push(next.scenario.name);
      // At once and from the beginning: nobody has to press Start (at most 1.1 s of it at speed 100).
      expect(next.clock.waitingToStart).toBe(false);
      expect(next.clock.elapsedSeconds).toBeLessThanOrEqual(110);
      expect(next.errorScreen).toBeNull();
    }
    expect(seen).toEqual([names[0], names[1], names[2], names[0]]);
    expect(screensAtEnd).toEqual(['desktop', 'error', 'kiosk']);
    expect(session.debugCounts().loops).toBe(3);
  });

  it('names a bad scenario with its path and the reason, skips it, and keeps going', async () => {
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ this is not json');
    const wrongMode = join(dir, 'wrong-mode.json');
    const document = JSON.parse(
      (await import('node:fs')).readFileSync(bundled('default.json'), 'utf8').replace(/^\uFEFF/, ''),
    ) as { deployment: { mode: string } };
    document.deployment.mode = 'teleport';
    writeFileSync(wrongMode, JSON.stringify(document));
    const missing = join(dir, 'missing.json');
    const playlist = await playlistOf(
      notJson,
      bundled('default.json'),
      wrongMode,
      missing,
      bundled('user-driven-app-fails.json'),
    );

    expect(playlist.playableCount).toBe(2);
    const problems = playlist.problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain(notJson);
    expect(problems[0]).toMatch(/not a valid scenario/);
    expect(problems[1]).toContain(wrongMode);
    expect(problems[1]).toContain('deployment.mode');
    expect(problems[2]).toContain(missing);
    expect(problems[2]).toMatch(/no such file/);

    // The first usable one plays first; after it, the next usable one; then back.
    expect(playlist.current()!.label).toBe(bundled('default.json'));
    const clock = new ManualClock();
    const session = new Session({
      scenario: playlist.current()!.scenario!,
      playlist,
      loopAfterSeconds: 5,
      speed: 1000,
      clock,
    });
    advanceUntilScenarioChanges(clock, session, 60_000);
    expect(session.snapshot().scenario.name).toBe(playlist.entries[4]!.scenario!.name);
    advanceUntilScenarioChanges(clock, session, 60_000);
    expect(session.snapshot().scenario.name).toBe(playlist.entries[1]!.scenario!.name);
  });

  it('with a single usable scenario, starts it over each time', async () => {
    const playlist = await playlistOf(join(dir, 'gone.json'), bundled('user-driven-app-fails.json'));
    const clock = new ManualClock();
    const session = new Session({
      scenario: playlist.current()!.scenario!,
      playlist,
      loopAfterSeconds: 2,
      speed: 10,
      clock,
    });
    const firstRun = session.snapshot().runId;
    clock.advance(Math.ceil((session.run.endT / 10) * 1000) + 2_500);
    const again = session.snapshot();
    expect(again.runId).toBeGreaterThan(firstRun);
    expect(again.errorScreen).toBeNull();
    expect(again.scenario.name).toBe(playlist.entries[1]!.scenario!.name);
  });

  it('takes a new playlist and pause from the operator, and plays it from the first scenario when asked', async () => {
    const clock = new ManualClock();
    const first = await loadScenarioFile(bundled('default.json'));
    if (first.kind !== 'valid') throw new Error('default.json does not load');
    const session = new Session({ scenario: first.scenario, speed: 1000, clock });
    // No loop yet: the run stays on its last screen.
    clock.advance(120_000);
    expect(session.snapshot().screen.kind).toBe('desktop');

    const playlist = await playlistOf(bundled('self-deploying-kiosk.json'), bundled('default.json'));
    session.setLoop(10, playlist, true);
    const now = session.snapshot();
    expect(now.scenario.name).toBe(playlist.entries[0]!.scenario!.name);
    expect(now.clock.waitingToStart).toBe(false);
    clock.advance(Math.ceil(session.run.endT) + 10_500);
    expect(session.snapshot().scenario.name).toBe(playlist.entries[1]!.scenario!.name);

    // Looping turned off: the run stays where it ends.
    session.setLoop(undefined, playlist, false);
    clock.advance(600_000);
    expect(session.snapshot().scenario.name).toBe(playlist.entries[1]!.scenario!.name);
    expect(session.snapshot().clock.finished).toBe(true);
  });
});
