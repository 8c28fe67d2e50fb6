/**
 * The scenarios the app runs: the one a run starts on (the one asked for, or the bundled default when none is
 * asked for or the one asked for cannot be used: the app never crashes on a bad file), and the scenario library the
 * operator console manages (ScenarioLibrary: the bundled scenarios, read-only, and the user's own files).
 *
 * About 600 lines because every rule about scenario files on disk lives here together: which names the page may
 * use, atomic saves that validate first, drafts beside the file, unreadable files set aside and never deleted.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OperatorResult } from '../../../shared/contract';
import type { EntryDocument, LibraryEntry, LibraryEntryKind } from '../../../shared/operator';
import { decodeScenarioBytes } from './decode';
import { importGraphExports } from './graphImport';
import { MAX_SCENARIO_FILE_BYTES, parseJson, tooLargeMessage } from './json';
import type { Logger } from '../logging/logger';
import type { Scenario } from './model';
import { loadScenarioFile } from './load';
import { formatProblem, validateScenario } from './validate';

export const DEFAULT_SCENARIO_FILE = 'default.json';

export interface OpenedScenario {
  scenario: Scenario;
  /** Why the requested file was not used; null when it was. */
  problem: string | null;
  /**
   * What validating the requested file noticed, one `path: message` each (a misspelt setting, a greyed-out one):
   * shown under the banner whether or not the file was used. Empty without a requested file.
   */
  warnings: string[];
}

/**
 * The requested scenario, or the bundled default (with `problem` saying why) when it cannot be used. Throws only
 * when the bundled default itself cannot be used: then the installation is broken.
 */
export async function openScenario(
  requested: string | undefined,
  resourcesDir: string,
  logger: Logger,
): Promise<OpenedScenario> {
  const defaultPath = join(resourcesDir, 'scenarios', DEFAULT_SCENARIO_FILE);
  if (requested) {
    const loaded = await loadScenarioFile(requested);
    const warnings = loaded.kind === 'unreadable' ? [] : loaded.warnings.map(formatProblem);
    for (const warning of warnings) logger.warn(`scenario ${requested}: ${warning}`);
    if (loaded.kind === 'valid') return { scenario: loaded.scenario, problem: null, warnings };
    const problem =
      loaded.kind === 'unreadable'
        ? loaded.message
        : `${requested} is not a valid scenario: ${loaded.problems.map(formatProblem).join('; ')}`;
    logger.error(`${problem} — running the default scenario instead`);
    const fallback = await openScenario(undefined, resourcesDir, logger);
    return { scenario: fallback.scenario, problem, warnings };
  }
  const loaded = await loadScenarioFile(defaultPath);
  if (loaded.kind !== 'valid') {
    // The bundled default is tested; reaching this means the installation itself is broken.
    const why = loaded.kind === 'unreadable' ? loaded.message : loaded.problems.map(formatProblem).join('; ');
    throw new Error(`the bundled default scenario ${defaultPath} cannot be used: ${why}`);
  }
  return { scenario: loaded.scenario, problem: null, warnings: [] };
}

/** Every `.json` file under the given files and folders, read and decoded (UTF-16LE exports included), in name order. */
export async function readGraphExports(paths: string[]): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path).catch(() => null);
    if (!info) throw new Error(`${path} does not exist`);
    if (info.isFile()) {
      files.push({ name: path, text: decodeScenarioBytes(await readFile(path)) });
      return;
    }
    const entries = await readdir(path, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(path, entry.name);
      if (entry.isDirectory() || entry.name.toLowerCase().endsWith('.json')) await visit(full);
    }
  };
  for (const path of paths) await visit(path);
  return files;
}

/**
 * Writes a new scenario file, never over an existing one and never half-written: the text goes to a
 * temporary file beside it, is flushed, then linked into place (which fails if the name was taken).
 */
export async function writeNewScenarioFile(
  path: string,
  scenario: unknown,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(scenario, null, 2) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, path).catch(async (error: NodeJS.ErrnoException) => {
      // Drives without hard links (FAT): an exclusive copy keeps the never-overwrite promise.
      if (error.code !== 'EPERM' && error.code !== 'ENOTSUP' && error.code !== 'EXDEV') throw error;
      await copyFile(temp, path, constants.COPYFILE_EXCL);
    });
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: code === 'EEXIST' ? 'the file already exists (it is never overwritten)' : (error as Error).message,
    };
  } finally {
    await rm(temp, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The scenario library: the bundled scenarios (read-only) and the user's own, one file each in a folder.

/** A file name the library gives and accepts (`<slug>.json`): lowercase letters, digits and dashes. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const DRAFT_SUFFIX = '.draft.json';
const USER = 'user:';
const BUNDLED = 'bundled:';
export const STARTUP_ID = 'startup';

/**
 * Where the browser preview keeps the user's scenarios when `--library` is not given: a folder under the operating
 * system's configuration folder (`$XDG_CONFIG_HOME/esp-simulator/scenarios`, `%APPDATA%\esp-simulator\scenarios`,
 * `~/Library/Application Support/esp-simulator/scenarios`). The desktop app uses its user-data folder instead.
 */
export function defaultLibraryFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32')
    return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'esp-simulator', 'scenarios');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'esp-simulator', 'scenarios');
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'esp-simulator', 'scenarios');
}

/** A file name for a scenario name: `Contoso — pilot #2` becomes `contoso-pilot-2`. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'scenario';
}

/**
 * Replaces a file without ever leaving it half-written: the text goes to a temporary file beside it, is flushed,
 * then renamed over it (atomic on one file system). A crash leaves the old file or the new one, never a mix.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

type Result<T> = OperatorResult<T>;

/** A file the library set aside because it could not be read: its new name, and why (when this process knows). */
export interface SetAsideFile {
  fileName: string;
  why: string | null;
}

/** Why each file was set aside, by its new path: kept for the process's life, shown while the file is there. */
const SET_ASIDE_REASONS = new Map<string, string>();
/** One list at a time per folder, across every ScenarioLibrary of the process. */
const LIST_LOCKS = new Map<string, Promise<void>>();
const refuse = <T>(error: string, problems?: string[]): Result<T> =>
  problems && problems.length > 0 ? { ok: false, error, problems } : { ok: false, error };

/** What the library knows of one file, cached by its size and modification time. */
interface Scanned {
  entry: LibraryEntry;
  /** The file's JSON as written; undefined when it could not be read. */
  document: unknown;
}

export interface LibraryOptions {
  /** The user's scenarios; created on the first write. */
  folder: string;
  /** The bundled scenarios (resources/scenarios). */
  bundledFolder: string;
  /** The file `--scenario` named, when it is neither bundled nor in the library; listed read-only. */
  startupFile?: string | null;
  logger: Logger;
}

/** The template of "New": a user-driven join with one user, the tenant's default profile and nothing assigned yet. */
export function newScenarioDocument(name: string): Record<string, unknown> {
  const devices = { id: 'autopilot-devices', displayName: 'Autopilot devices' };
  const users = { id: 'all-employees', displayName: 'All employees' };
  return {
    schemaVersion: 1,
    name,
    description: '',
    seed: 1,
    windows: { release: '11' },
    deployment: { mode: 'userDriven', join: 'entra', autopilotRegistered: true },
    device: { groupIds: [devices.id] },
    users: [{ userPrincipalName: 'adele@contoso.com', displayName: 'Adele Vance', groupIds: [users.id] }],
    tenant: {
      displayName: 'Contoso',
      groups: [devices, users],
      assignmentFilters: [],
      enrollmentStatusPageProfiles: [
        {
          '@odata.type': '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
          displayName: 'All users and all devices',
          priority: 0,
          deviceEnrollmentConfigurationType: 'defaultWindows10EnrollmentCompletionPageConfiguration',
          showInstallationProgress: false,
          assignments: [],
        },
      ],
      apps: [],
      policies: [],
      certificateProfiles: [],
      networkProfiles: [],
    },
    simulation: { apps: {}, policies: {}, faults: [] },
  };
}

/**
 * The scenario library behind the operator console. Entries are named by id (`bundled:<file>`, `user:<file>`,
 * `startup`); the page never hands over a path. Every save validates first and replaces the file atomically, so an
 * invalid scenario never replaces a valid one; unsaved edits live in `<file>.draft.json` beside the file until
 * saved or discarded; a file that cannot be read (not JSON, too large, unreadable bytes) is set aside as
 * `<file>.unreadable-<n>.json` with a notice, never deleted.
 */
export class ScenarioLibrary {
  readonly folder: string;
  private readonly bundledFolder: string;
  private readonly startupFile: string | null;
  private readonly logger: Logger;
  private readonly cache = new Map<string, { key: string; scanned: Scanned }>();
  private notices: string[] = [];

  constructor(options: LibraryOptions) {
    this.folder = options.folder;
    this.bundledFolder = options.bundledFolder;
    this.startupFile = options.startupFile ?? null;
    this.logger = options.logger;
  }

  /** The id of the library entry that is this file, or null (a file elsewhere, the `startup` entry). */
  idOfFile(path: string): string | null {
    const name = basename(path);
    const stem = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
    if (!SLUG.test(stem)) return null;
    if (dirname(path) === this.bundledFolder) return BUNDLED + stem;
    if (dirname(path) === this.folder) return USER + stem;
    return null;
  }

  /**
   * Every entry: the bundled ones by name, then the user's by name, then the startup file; the files set aside
   * (still in the folder, with why when this process set them aside); and what else happened since the last list.
   * Lists of one folder run one at a time in this process (the kiosk playlist reads the same library), so a file
   * is set aside once.
   */
  async list(): Promise<{ entries: LibraryEntry[]; notices: string[]; setAside: SetAsideFile[] }> {
    const previous = LIST_LOCKS.get(this.folder) ?? Promise.resolve();
    const mine = previous.then(() => this.listNow());
    LIST_LOCKS.set(
      this.folder,
      mine.then(
        () => undefined,
        () => undefined,
      ),
    );
    return mine;
  }

  private async listNow(): Promise<{ entries: LibraryEntry[]; notices: string[]; setAside: SetAsideFile[] }> {
    const bundled = await this.scanFolder(this.bundledFolder, 'bundled');
    const user = await this.scanFolder(this.folder, 'user');
    const byName = (a: LibraryEntry, b: LibraryEntry): number => a.name.localeCompare(b.name);
    const entries = [...bundled.sort(byName), ...user.sort(byName)];
    if (this.startupFile && this.idOfFile(this.startupFile) === null) {
      const startup = await this.scan(this.startupFile, STARTUP_ID, 'startup');
      if (startup) entries.push(startup.entry);
    }
    const notices = this.notices;
    this.notices = [];
    return { entries, notices, setAside: await this.setAsideFiles() };
  }

  /** The `<file>.unreadable-<n>.json` files in the library folder, newest first. */
  private async setAsideFiles(): Promise<SetAsideFile[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const files = names.filter((name) => /\.unreadable-\d+\.json$/i.test(name));
    const dated = await Promise.all(
      files.map(async (fileName) => {
        const path = join(this.folder, fileName);
        const info = await stat(path).catch(() => null);
        return { fileName, why: SET_ASIDE_REASONS.get(path) ?? null, at: info?.mtimeMs ?? 0 };
      }),
    );
    return dated.sort((a, b) => b.at - a.at).map(({ fileName, why }) => ({ fileName, why }));
  }

  /** The entry's file as written, and its draft. */
  async read(id: string): Promise<Result<EntryDocument>> {
    const path = this.pathOf(id);
    if (!path) return refuse(`there is no library entry "${id}"`);
    const kind = this.kindOf(id);
    const scanned = await this.scan(path, id, kind);
    if (!scanned || scanned.document === undefined) {
      return refuse(
        kind === 'user'
          ? `${basename(path)} cannot be read; if it was there, it was set aside (see the Library page)`
          : `${basename(path)} cannot be read`,
      );
    }
    const draft = scanned.entry.readOnly ? null : await this.readDraft(id);
    return { ok: true, value: { entry: scanned.entry, document: scanned.document, draft } };
  }

  /** A new scenario from the template, or from `document` (an import, a duplicate), under a free file name. */
  async create(name: string, document: unknown = newScenarioDocument(name)): Promise<Result<LibraryEntry>> {
    const named = isRecord(document) ? { ...document, name } : document;
    const check = validateScenario(named);
    if (!check.ok) return refuse(`"${name}" is not a valid scenario`, check.problems.map(formatProblem));
    await mkdir(this.folder, { recursive: true });
    const base = slugOf(name);
    for (let n = 1; n < 1000; n++) {
      const slug = n === 1 ? base : `${base.slice(0, 95)}-${n}`;
      const path = join(this.folder, `${slug}.json`);
      const written = await writeNewScenarioFile(path, named);
      if (written.ok) {
        this.logger.info(`library: created ${path}`);
        const scanned = await this.scan(path, USER + slug, 'user');
        return scanned
          ? { ok: true, value: scanned.entry }
          : refuse(`${slug}.json was written but cannot be read back`);
      }
      if (!written.error.includes('already exists')) return refuse(`could not write ${slug}.json: ${written.error}`);
    }
    return refuse(`too many scenarios named "${name}"`);
  }

  /** A copy of any entry (a bundled one included) as a new user scenario: "Duplicate to edit". */
  async duplicate(id: string, name: string): Promise<Result<LibraryEntry>> {
    const read = await this.read(id);
    if (!read.ok) return read;
    return this.create(name, read.value.document);
  }

  /** Gives a user scenario another name: inside the file and in its file name (the draft follows). */
  async rename(id: string, name: string): Promise<Result<string>> {
    const path = this.userPath(id);
    if (!path) return refuse(this.readOnlyMessage(id));
    const read = await this.read(id);
    if (!read.ok) return read;
    const created = await this.create(name, read.value.document);
    if (!created.ok) return created;
    if (read.value.draft) {
      const draft = isRecord(read.value.draft.document)
        ? { ...read.value.draft.document, name }
        : read.value.draft.document;
      await this.writeDraft(created.value.id, draft);
    }
    await rm(path, { force: true });
    await rm(this.draftPath(id)!, { force: true });
    return { ok: true, value: created.value.id };
  }

  /** Deletes a user scenario and its draft (the operator confirmed); bundled scenarios cannot be deleted. */
  async remove(id: string): Promise<Result<true>> {
    const path = this.userPath(id);
    if (!path) return refuse(this.readOnlyMessage(id));
    await rm(path, { force: true });
    await rm(this.draftPath(id)!, { force: true });
    this.logger.info(`library: deleted ${path}`);
    return { ok: true, value: true };
  }

  /** Validates, then replaces the file atomically and drops the draft. An invalid scenario is refused unwritten. */
  async save(id: string, document: unknown): Promise<Result<LibraryEntry>> {
    const path = this.userPath(id);
    if (!path) return refuse(this.readOnlyMessage(id));
    const check = validateScenario(document);
    if (!check.ok) {
      return refuse(
        `not saved: the scenario has ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}; the file keeps its last valid version and your edits stay as a draft`,
        check.problems.map(formatProblem),
      );
    }
    await writeFileAtomically(path, JSON.stringify(document, null, 2) + '\n');
    await rm(this.draftPath(id)!, { force: true });
    this.logger.info(`library: saved ${path}`);
    const scanned = await this.scan(path, id, 'user');
    return scanned ? { ok: true, value: scanned.entry } : refuse(`${basename(path)} was saved but cannot be read back`);
  }

  /** Keeps unsaved edits beside the file (valid or not), so a reload or a crash does not lose them. */
  async writeDraft(id: string, document: unknown): Promise<Result<true>> {
    const path = this.draftPath(id);
    if (!path) return refuse(this.readOnlyMessage(id));
    // A draft sits beside its file: without the file (deleted meanwhile) there is nothing to keep it for.
    if (!(await exists(this.userPath(id)!))) return refuse(`there is no library entry "${id}" any more`);
    await writeFileAtomically(path, JSON.stringify(document, null, 2) + '\n');
    return { ok: true, value: true };
  }

  async discardDraft(id: string): Promise<Result<true>> {
    const path = this.draftPath(id);
    if (!path) return refuse(this.readOnlyMessage(id));
    await rm(path, { force: true });
    return { ok: true, value: true };
  }

  /** A scenario file the operator picked: it must be a valid scenario; it becomes a new user entry. */
  async importFile(fileName: string, bytes: Uint8Array): Promise<Result<LibraryEntry>> {
    if (bytes.length > MAX_SCENARIO_FILE_BYTES) return refuse(`${fileName}: ${tooLargeMessage(bytes.length, 'bytes')}`);
    const json = parseJson(decodeScenarioBytes(bytes));
    if (!json.ok) return refuse(`${fileName} is not JSON: ${json.message}`);
    const check = validateScenario(json.value);
    if (!check.ok) return refuse(`${fileName} is not a valid scenario`, check.problems.map(formatProblem));
    const name =
      isRecord(json.value) && typeof json.value['name'] === 'string' && json.value['name'].trim()
        ? json.value['name']
        : fileName.replace(/\.json$/i, '');
    return this.create(name, json.value);
  }

  /** Intune/Graph exports through the same importer as `esp-sim import`; the result becomes a new user entry. */
  async importIntune(
    files: { name: string; bytes: Uint8Array }[],
  ): Promise<Result<{ entry: LibraryEntry | null; mapped: string[]; unmapped: string[]; problems: string[] }>> {
    const tooLarge = files.find((f) => f.bytes.length > MAX_SCENARIO_FILE_BYTES);
    if (tooLarge) return refuse(`${tooLarge.name}: ${tooLargeMessage(tooLarge.bytes.length, 'bytes')}`);
    const result = importGraphExports(files.map((f) => ({ name: f.name, text: decodeScenarioBytes(f.bytes) })));
    const check = validateScenario(result.scenario);
    if (!check.ok) {
      const problems = check.problems.map(formatProblem);
      return { ok: true, value: { entry: null, mapped: result.mapped, unmapped: result.unmapped, problems } };
    }
    const created = await this.create('Imported from Intune exports', result.scenario);
    if (!created.ok) return created;
    return {
      ok: true,
      value: { entry: created.value, mapped: result.mapped, unmapped: result.unmapped, problems: [] },
    };
  }

  /** The saved file's text, for the operator to keep elsewhere. */
  async exportFile(id: string): Promise<Result<{ fileName: string; text: string }>> {
    const read = await this.read(id);
    if (!read.ok) return read;
    return {
      ok: true,
      value: { fileName: read.value.entry.fileName, text: JSON.stringify(read.value.document, null, 2) + '\n' },
    };
  }

  // -------------------------------------------------------------------------------------------

  private kindOf(id: string): LibraryEntryKind {
    if (id === STARTUP_ID) return 'startup';
    return id.startsWith(BUNDLED) ? 'bundled' : 'user';
  }

  private pathOf(id: string): string | null {
    if (id === STARTUP_ID) return this.startupFile;
    const slug = id.startsWith(USER) ? id.slice(USER.length) : id.startsWith(BUNDLED) ? id.slice(BUNDLED.length) : '';
    if (!SLUG.test(slug)) return null;
    return join(id.startsWith(USER) ? this.folder : this.bundledFolder, `${slug}.json`);
  }

  private userPath(id: string): string | null {
    return id.startsWith(USER) ? this.pathOf(id) : null;
  }

  private draftPath(id: string): string | null {
    const path = this.userPath(id);
    return path ? path.slice(0, -'.json'.length) + DRAFT_SUFFIX : null;
  }

  private readOnlyMessage(id: string): string {
    if (id.startsWith(BUNDLED) || id === STARTUP_ID)
      return 'bundled and started-with scenarios are read-only: duplicate it to edit';
    return `there is no library entry "${id}"`;
  }

  private async scanFolder(folder: string, kind: 'bundled' | 'user'): Promise<LibraryEntry[]> {
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') this.logger.warn(`library: cannot list ${folder}: ${error.message}`);
      return [] as string[];
    });
    const entries: LibraryEntry[] = [];
    for (const name of names.sort()) {
      if (!name.toLowerCase().endsWith('.json') || name.startsWith('.')) continue;
      let stem = name.slice(0, -'.json'.length);
      if (stem.endsWith('.draft') || /\.unreadable-\d+$/.test(stem)) continue;
      if (!SLUG.test(stem)) {
        if (kind === 'bundled') continue;
        // A file copied in by hand: give it a name the console can use, leaving its content alone.
        const adopted = await this.adopt(folder, name);
        if (!adopted) continue;
        stem = adopted;
      }
      const scanned = await this.scan(join(folder, `${stem}.json`), (kind === 'user' ? USER : BUNDLED) + stem, kind);
      if (scanned) entries.push(scanned.entry);
    }
    return entries;
  }

  private async adopt(folder: string, name: string): Promise<string | null> {
    const base = slugOf(name.slice(0, -'.json'.length));
    for (let n = 1; n < 1000; n++) {
      const slug = n === 1 ? base : `${base.slice(0, 95)}-${n}`;
      const target = join(folder, `${slug}.json`);
      if (await exists(target)) continue;
      const moved = await rename(join(folder, name), target).then(
        () => true,
        () => false,
      );
      // Gone meanwhile (deleted, or renamed by another reader of this folder): nothing to list.
      if (!moved) return null;
      this.notices.push(`"${name}" was renamed ${slug}.json so the console can name it (its content is unchanged).`);
      return slug;
    }
    return null;
  }

  /** Reads and validates one file (cached by size and time); sets it aside when it cannot be read. */
  private async scan(path: string, id: string, kind: LibraryEntryKind): Promise<Scanned | null> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const key = `${info.size}:${info.mtimeMs}`;
    const cached = this.cache.get(path);
    const draftSavedAt = kind === 'user' ? await this.draftTime(id) : null;
    if (cached?.key === key) return { ...cached.scanned, entry: { ...cached.scanned.entry, draftSavedAt } };

    const read = await readScenarioDocument(path);
    if (read.kind === 'unreadable') {
      if (kind !== 'user') {
        this.logger.warn(`library: ${path} cannot be read: ${read.why}`);
        return null;
      }
      await this.setAside(path, read.why);
      return null;
    }
    const { document, problems } = read;
    const named = isRecord(document) ? document : {};
    const entry: LibraryEntry = {
      id,
      kind,
      name: typeof named['name'] === 'string' && named['name'].trim() ? named['name'] : basename(path),
      description: typeof named['description'] === 'string' ? named['description'] : '',
      fileName: basename(path),
      readOnly: kind !== 'user',
      problems,
      draftSavedAt,
    };
    const scanned = { entry, document };
    this.cache.set(path, { key, scanned });
    return scanned;
  }

  /** `<file>.unreadable-<n>.json`, the first n free: the bytes are kept for the operator to look at. */
  private async setAside(path: string, why: string): Promise<void> {
    const stem = path.slice(0, -'.json'.length);
    for (let n = 1; n < 1000; n++) {
      const target = `${stem}.unreadable-${n}.json`;
      if (await exists(target)) continue;
      const moved = await rename(path, target).then(
        () => null,
        (error: NodeJS.ErrnoException) => error,
      );
      // Already gone: another reader of this folder set it aside first.
      if (moved?.code === 'ENOENT') return;
      if (moved !== null) {
        this.notices.push(
          `"${basename(path)}" could not be read (${why}), nor set aside (${moved.message}); it was left as it is.`,
        );
        return;
      }
      SET_ASIDE_REASONS.set(target, `"${basename(path)}" could not be read: ${why}`);
      this.logger.warn(`library: ${basename(path)} could not be read (${why}); set aside as ${basename(target)}`);
      return;
    }
  }

  private async draftTime(id: string): Promise<string | null> {
    const path = this.draftPath(id);
    const info = path ? await stat(path).catch(() => null) : null;
    return info?.isFile() ? info.mtime.toISOString() : null;
  }

  private async readDraft(id: string): Promise<{ document: unknown; savedAt: string } | null> {
    const path = this.draftPath(id);
    if (!path) return null;
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const bytes = await readFile(path).catch(() => null);
    const json = bytes ? parseJson(decodeScenarioBytes(bytes)) : null;
    if (!json?.ok) {
      await this.setAside(path, json ? json.message : 'it could not be read');
      return null;
    }
    return { document: json.value, savedAt: info.mtime.toISOString() };
  }
}

/**
 * A library file as JSON, with what validation says of it. `unreadable`: it cannot be read as JSON at all (too
 * large, not JSON, an I/O error), which is when the library sets it aside.
 */
async function readScenarioDocument(
  path: string,
): Promise<{ kind: 'unreadable'; why: string } | { kind: 'read'; document: unknown; problems: string[] }> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.size > MAX_SCENARIO_FILE_BYTES) return { kind: 'unreadable', why: tooLargeMessage(info.size, 'bytes') };
    bytes = await readFile(path);
  } catch (error) {
    return { kind: 'unreadable', why: (error as Error).message };
  }
  const json = parseJson(decodeScenarioBytes(bytes));
  if (!json.ok) return { kind: 'unreadable', why: `not JSON: ${json.message}` };
  const check = validateScenario(json.value);
  return { kind: 'read', document: json.value, problems: check.ok ? [] : check.problems.map(formatProblem) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}
