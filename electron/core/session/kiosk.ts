/**
 * Kiosk demos, host side, shared by the desktop app and the browser preview: which scenario a launch starts on and
 * with which speed, release, language, loop pause and playlist (the command line first, then the remembered
 * settings, then the defaults); the operator console's "Kiosk playlist" panel (`KioskRequest`); remembering what
 * the operator chooses (settings.ts); and the PIN that guards leaving kiosk mode.
 */
import { join, resolve } from 'node:path';
import type { Command, KioskRequest, KioskState, OperatorResult } from '../../../shared/contract';
import type { Look } from '../../../shared/snapshot';
import type { Logger } from '../logging/logger';
import type { OpenedScenario } from '../scenario/library';
import { openScenario, ScenarioLibrary } from '../scenario/library';
import { loadScenarioFile } from '../scenario/load';
import { lookOf } from '../scenario/release';
import { validateScenario } from '../scenario/validate';
import type { PlaylistEntry } from './playlist';
import { Playlist, playlistEntry } from './playlist';
import type { KioskExit, Session, SessionOptions } from './session';
import type { Settings, SettingsStore } from './settings';
import { hashPin, pinMatches } from './settings';
import type { HostSwitches } from './switches';

/** The pause between runs of a playlist when neither `--loop` nor the settings name one. */
export const DEFAULT_PLAYLIST_LOOP_SECONDS = 30;

const LIBRARY_SOURCE = /^(bundled|user):([a-z0-9][a-z0-9-]{0,99})$/;

export interface KioskHostOptions {
  switches: HostSwitches;
  /** The switches named on the command line (switches.ts `switchesGiven`): they win over the settings. */
  given: ReadonlySet<string>;
  settings: SettingsStore;
  /** The app's resources (the bundled scenarios are in `<resourcesDir>/scenarios`). */
  resourcesDir: string;
  /** The user's scenario library (the operator console's). */
  libraryFolder: string;
  logger: Logger;
}

type Result<T> = OperatorResult<T>;

/**
 * Turns playlist sources (library ids, file paths) into validated entries, and gives files the `file:<n>` ids the
 * page uses instead of their paths.
 */
class PlaylistReader {
  readonly fileIds = new Map<string, string>();

  constructor(
    readonly library: ScenarioLibrary,
    private readonly bundledFolder: string,
  ) {}

  /** Validates every source up front; a bad one is kept, named with its path and the reason, and skipped. */
  async build(sources: readonly string[]): Promise<Playlist> {
    const entries: PlaylistEntry[] = [];
    for (const source of sources) entries.push(await this.entryOf(source));
    return new Playlist(entries);
  }

  /** A library id or a `file:<n>` given out here, as the settings remember it; null if unknown. */
  sourceOf(id: string): string | null {
    if (LIBRARY_SOURCE.test(id)) return id;
    for (const [path, fileId] of this.fileIds) if (fileId === id) return path;
    return null;
  }

  private async entryOf(source: string): Promise<PlaylistEntry> {
    const library = LIBRARY_SOURCE.exec(source);
    if (library) {
      const [, kind, stem] = library;
      const folder = kind === 'bundled' ? this.bundledFolder : this.library.folder;
      const path = join(folder, `${stem}.json`);
      const read = await this.library.read(source);
      if (!read.ok) return playlistEntry({ id: source, label: path, source }, { kind: 'missing', message: read.error });
      const check = validateScenario(read.value.document);
      if (!check.ok) return playlistEntry({ id: source, label: path, source }, { kind: 'invalid', ...check });
      const label = `${read.value.entry.name} (${path})`;
      return playlistEntry({ id: source, label, source }, { kind: 'valid', ...check });
    }
    // A library file gets its library id, so the settings name it the same way the console does.
    const libraryId = this.library.idOfFile(source);
    if (libraryId) return this.entryOf(libraryId);
    let id = this.fileIds.get(source);
    if (!id) {
      id = `file:${this.fileIds.size + 1}`;
      this.fileIds.set(source, id);
    }
    return playlistEntry({ id, label: source, source }, await loadScenarioFile(source));
  }
}

export class KioskHost {
  private readonly reader: PlaylistReader;
  private readonly settings: SettingsStore;
  private readonly logger: Logger;
  private readonly kioskMode: boolean;
  private session: Session | null = null;
  private unobserve: (() => void) | null = null;
  private playlist: Playlist | null;
  private loopSeconds: number | undefined;

  /** The scenario the session starts on: the playlist's first usable entry, `--scenario`, or the default. */
  readonly opened: OpenedScenario;
  /** The `--scenario` file when it is the one running (the console lists it), else null. */
  readonly startupFile: string | null;
  readonly speed: number;
  readonly look: Look | undefined;

  private constructor(
    options: KioskHostOptions,
    reader: PlaylistReader,
    start: { opened: OpenedScenario; startupFile: string | null; playlist: Playlist | null; loop: number | undefined },
  ) {
    const { switches, given, settings } = options;
    this.reader = reader;
    this.settings = settings;
    this.logger = options.logger;
    this.kioskMode = switches.kiosk;
    this.opened = start.opened;
    this.startupFile = start.startupFile;
    this.playlist = start.playlist;
    this.loopSeconds = start.loop;
    const remembered = settings.current;
    this.speed = given.has('speed') || remembered.speed === undefined ? switches.speed : remembered.speed;
    this.look = switches.look ?? (remembered.release ? lookOf(remembered.release) : undefined);
  }

  /** Reads and validates everything a launch needs: the playlist (every entry, up front) or the scenario. */
  static async prepare(options: KioskHostOptions): Promise<KioskHost> {
    const { switches, given, settings, logger } = options;
    const bundledFolder = join(options.resourcesDir, 'scenarios');
    const library = new ScenarioLibrary({ folder: options.libraryFolder, bundledFolder, logger });
    const reader = new PlaylistReader(library, bundledFolder);
    const remembered = settings.current.kiosk ?? {};
    // The command line's playlist; else, for a kiosk launch without --scenario, the one the operator set up.
    const sources =
      switches.playlist?.map((file) => resolve(file)) ??
      (switches.kiosk && switches.scenario === undefined ? remembered.playlist : undefined);
    const playlist = sources && sources.length > 0 ? await reader.build(sources) : null;
    const loop =
      (given.has('loop') ? switches.loopAfterSeconds : undefined) ??
      (switches.kiosk || playlist ? remembered.loopSeconds : undefined) ??
      switches.loopAfterSeconds ??
      (playlist ? DEFAULT_PLAYLIST_LOOP_SECONDS : undefined);

    for (const problem of playlist?.problems ?? []) logger.warn(`kiosk playlist: skipped ${problem}`);
    const first = playlist?.current() ?? null;
    let opened: OpenedScenario;
    let startupFile: string | null = null;
    if (first?.scenario) {
      if (switches.scenario !== undefined && switches.playlist)
        logger.warn(`--scenario ${switches.scenario} is ignored: the playlist runs`);
      opened = { scenario: first.scenario, problem: null, warnings: first.warnings };
    } else {
      // With a playlist, --scenario is not used (above); without a usable entry the default runs.
      const requested = switches.scenario && !playlist ? resolve(switches.scenario) : undefined;
      opened = await openScenario(requested, options.resourcesDir, logger);
      if (playlist) {
        const why = `none of the playlist's scenarios can be used (${playlist.problems.join('; ')})`;
        opened = { ...opened, problem: opened.problem ? `${why}; ${opened.problem}` : why };
      }
      startupFile = requested && !opened.problem ? requested : null;
    }
    return new KioskHost(options, reader, { opened, startupFile, playlist, loop });
  }

  /**
   * The session's options for this launch. `onLeave`: what leaving kiosk mode does (the desktop app quits; the
   * preview only drops the page's lockdown).
   */
  sessionOptions(
    onLeave: () => void,
  ): Pick<SessionOptions, 'speed' | 'look' | 'language' | 'loopAfterSeconds' | 'playlist' | 'kiosk'> {
    const language = this.settings.current.language;
    const kiosk: KioskExit = {
      pinRequired: () => this.settings.current.kiosk?.pin !== undefined,
      verifyPin: async (pin) => {
        const stored = this.settings.current.kiosk?.pin;
        return stored === undefined || pinMatches(pin, stored);
      },
      onLeave,
    };
    return {
      speed: this.speed,
      ...(this.look ? { look: this.look } : {}),
      ...(language ? { language } : {}),
      ...(this.loopSeconds !== undefined ? { loopAfterSeconds: this.loopSeconds } : {}),
      ...(this.playlist && this.playlist.playableCount > 0 ? { playlist: this.playlist } : {}),
      ...(this.kioskMode ? { kiosk } : {}),
    };
  }

  /** Follows the session: the operator's speed, release and language are remembered for the next launch. */
  attach(session: Session): void {
    this.session = session;
    this.unobserve?.();
    this.unobserve = session.observeCommands((command) => this.remember(command));
  }

  dispose(): void {
    this.unobserve?.();
    this.unobserve = null;
    this.session = null;
  }

  private remember(command: Command): void {
    const change = ((): ((s: Settings) => Settings) | null => {
      switch (command.type) {
        case 'setSpeed':
          return (s) => ({ ...s, speed: command.speed });
        case 'setRelease':
          return (s) => ({ ...s, release: command.release });
        case 'setLook':
          return (s) => ({ ...s, release: command.look === 'windows10' ? '10' : '11' });
        case 'setLanguage':
          return (s) => ({ ...s, language: command.language });
        default:
          return null;
      }
    })();
    if (change) void this.settings.update(change);
  }

  /** The panel's requests; never throws. */
  async handle(request: KioskRequest): Promise<Result<KioskState>> {
    try {
      switch (request.type) {
        case 'kioskState':
          return { ok: true, value: await this.state() };
        case 'setKioskPlaylist':
          return await this.setPlaylist(request.entries, request.loopSeconds, request.playNow);
        case 'setKioskPin':
          return await this.setPin(request.pin);
      }
    } catch (error) {
      this.logger.error('kiosk: request failed', error);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async setPlaylist(ids: string[], loopSeconds: number | null, playNow: boolean): Promise<Result<KioskState>> {
    const sources: string[] = [];
    for (const id of ids) {
      const source = this.reader.sourceOf(id);
      if (source === null) return { ok: false, error: `there is no scenario "${id}" to put in the playlist` };
      sources.push(source);
    }
    const playlist = await this.reader.build(sources);
    for (const problem of playlist.problems) this.logger.warn(`kiosk playlist: skipped ${problem}`);
    this.playlist = playlist;
    this.loopSeconds = loopSeconds ?? undefined;
    this.logger.info(
      `kiosk: playlist of ${sources.length} (${playlist.playableCount} usable), ${
        loopSeconds === null ? 'no looping' : `${loopSeconds} s between runs`
      }${playNow ? ', playing now' : ''}`,
    );
    this.session?.setLoop(this.loopSeconds, playlist.playableCount > 0 ? playlist : null, playNow);
    await this.settings.update((s) => {
      const kiosk = { ...s.kiosk, playlist: sources };
      if (loopSeconds === null) delete kiosk.loopSeconds;
      else kiosk.loopSeconds = loopSeconds;
      return { ...s, kiosk };
    });
    return { ok: true, value: await this.state() };
  }

  private async setPin(pin: string | null): Promise<Result<KioskState>> {
    const hashed = pin === null ? null : await hashPin(pin);
    await this.settings.update((s) => {
      const kiosk = { ...s.kiosk };
      if (hashed) kiosk.pin = hashed;
      else delete kiosk.pin;
      return { ...s, kiosk };
    });
    this.logger.info(pin === null ? 'kiosk: PIN removed' : 'kiosk: PIN set');
    return { ok: true, value: await this.state() };
  }

  async state(): Promise<KioskState> {
    const { entries } = await this.reader.library.list();
    const choices = entries
      .filter((e) => e.kind !== 'startup' && LIBRARY_SOURCE.test(e.id))
      .map((e) => ({ id: e.id, label: e.name }));
    for (const [path, id] of this.reader.fileIds) choices.push({ id, label: path });
    const playlist = this.playlist;
    const current = playlist?.current() ?? null;
    const playing =
      playlist && current && this.session && this.session.currentPlaylist === playlist
        ? current.scenario?.name === this.session.scenario.name
          ? playlist.position
          : null
        : null;
    return {
      kioskMode: this.kioskMode,
      playlist: (playlist?.entries ?? []).map((e) => ({ id: e.id, label: e.label, problem: e.problem })),
      playing,
      loopSeconds: this.loopSeconds ?? null,
      pinSet: this.settings.current.kiosk?.pin !== undefined,
      choices,
      settingsFile: this.settings.file,
      notices: [...this.settings.notices],
    };
  }
}
