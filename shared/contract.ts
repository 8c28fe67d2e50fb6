/**
 * The one contract between main (or the browser-preview server) and the renderer.
 * The Electron preload and the browser-preview bridge both implement `EspApi`; the renderer
 * cannot tell them apart. Payloads crossing the boundary are checked by `contractSchema.ts`.
 */
import type { Look, Snapshot } from './snapshot';
import type { Language, WindowsRelease } from './esp';
import type {
  EditPreview,
  EntryDocument,
  ExportedFile,
  ImportReport,
  LibraryState,
  OpenedEntry,
  RunRecordView,
  SaveResult,
  UploadedFile,
} from './operator';
import type { RunAnalysisView, RunComparison } from './runView';
import type { TimeoutPlan } from './planner';

/** What the renderer may ask the session to do: the one list in ./actions. */
export type { UserAction } from './actions';
import type { UserAction } from './actions';
import type {
  TrainingAnswer,
  TrainingCsv,
  TrainingDebrief,
  TrainingDifficulty,
  TrainingRound,
  TrainingSource,
} from './training';

export type Command =
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Pause and move to the run's next step (the next thing that changes on screen). */
  | { type: 'step' }
  | { type: 'setSpeed'; speed: number }
  /** The look follows the release: this switches the run to the look's Windows release. */
  | { type: 'setLook'; look: Look }
  /** The operator chooses the Windows release; features and look follow (issue: no impossible pair). */
  | { type: 'setRelease'; release: WindowsRelease }
  /** The operator chooses the device screens' language over the scenario's `device.locale`. */
  | { type: 'setLanguage'; language: Language }
  | { type: 'restart' }
  /** UX review: show the run as it was at this simulated second (later user actions are dropped). */
  | { type: 'seek'; seconds: number }
  | { type: 'userAction'; action: UserAction }
  /** Ctrl+Shift+D or View diagnostics (§2.1); Close returns to the ESP where it was. */
  | { type: 'openDiagnostics' }
  | { type: 'closeDiagnostics' }
  /**
   * Export logs / Collect logs. `destination` is a folder path; null asks the host to pick one
   * (the Electron shell shows a folder dialog; the browser preview has no dialog and refuses null).
   */
  | { type: 'exportLogs'; destination: string | null }
  /**
   * Kiosk mode: the operator's Ctrl+Alt+Shift+Q. Without a kiosk PIN it leaves kiosk mode at once; with one it opens
   * the PIN dialog on the device screen (`Snapshot.kiosk.exitPrompt`).
   */
  | { type: 'requestKioskExit' }
  | { type: 'cancelKioskExit' }
  /** The PIN typed in that dialog; the host checks it against the remembered hash (README, "Kiosk demos"). */
  | { type: 'exitKiosk'; pin: string };

/** `cancelled` marks a refusal the user chose (closing the folder dialog): nothing to report. */
export type CommandResult = { ok: true } | { ok: false; error: string; cancelled?: true };

export type Unsubscribe = () => void;

/**
 * The operator console's requests (shared/operator.ts). Library entries are named by id; documents are
 * scenario JSON the host validates; uploaded files travel as base64.
 */
export type OperatorRequest =
  | { type: 'listLibrary' }
  | { type: 'readEntry'; id: string }
  | { type: 'openEntry'; id: string }
  | { type: 'createEntry'; name: string }
  | { type: 'duplicateEntry'; id: string; name: string }
  | { type: 'renameEntry'; id: string; name: string }
  | { type: 'deleteEntry'; id: string }
  | { type: 'importScenario'; file: UploadedFile }
  | { type: 'importIntune'; files: UploadedFile[] }
  | { type: 'exportEntry'; id: string }
  | { type: 'previewEdit'; id: string; document: unknown }
  | { type: 'saveEntry'; id: string; document: unknown }
  | { type: 'discardDraft'; id: string }
  | { type: 'runRecord' }
  /** Training mode (shared/training.ts): start a round, answer it, export a trainee's results. */
  | { type: 'startTraining'; source: TrainingSource; difficulty: TrainingDifficulty }
  | { type: 'answerTraining'; trainee: string; answer: TrainingAnswer }
  | { type: 'trainingResultsCsv'; trainee: string }
  /** Screenshot-safe identities on or off (null: only ask whether they are on). */
  | { type: 'setSafeNames'; on: boolean | null }
  /** The Run view of the current run (shared/runView.ts). */
  | { type: 'runAnalysis' }
  /** The current run beside the library entry `id` run with the same seed (shared/runView.ts). */
  | { type: 'compareRuns'; id: string }
  /**
   * The Timeout planner page: `esp-sim plan` on the scenario the device screen runs (shared/planner.ts), `devices`
   * 1 to MAX_PLAN_DEVICES, `seed` 0 to MAX_PLAN_SEED. Refused while another plan runs.
   */
  | { type: 'planTimeouts'; devices: number; seed: number };

/** A request's answer, or why it was refused (in people's words). */
export type OperatorResult<T> = { ok: true; value: T } | { ok: false; error: string; problems?: string[] };

/** What each request answers. */
export interface OperatorAnswers {
  listLibrary: LibraryState;
  readEntry: EntryDocument;
  openEntry: OpenedEntry;
  createEntry: OpenedEntry;
  duplicateEntry: OpenedEntry;
  renameEntry: LibraryState;
  deleteEntry: LibraryState;
  importScenario: OpenedEntry;
  importIntune: ImportReport;
  exportEntry: ExportedFile;
  previewEdit: EditPreview;
  saveEntry: SaveResult;
  discardDraft: LibraryState;
  runRecord: RunRecordView;
  startTraining: TrainingRound;
  answerTraining: TrainingDebrief;
  trainingResultsCsv: TrainingCsv;
  setSafeNames: { on: boolean };
  runAnalysis: RunAnalysisView;
  compareRuns: RunComparison;
  planTimeouts: TimeoutPlan;
}

type Answer<K extends OperatorRequest['type']> = Promise<OperatorResult<OperatorAnswers[K]>>;

/** The console's named functions (no generic invoke reaches the page). */
export interface OperatorApi {
  listLibrary(): Answer<'listLibrary'>;
  readEntry(id: string): Answer<'readEntry'>;
  /** The session runs the entry (once it validates) and the editor edits it. */
  openEntry(id: string): Answer<'openEntry'>;
  createEntry(name: string): Answer<'createEntry'>;
  duplicateEntry(id: string, name: string): Answer<'duplicateEntry'>;
  renameEntry(id: string, name: string): Answer<'renameEntry'>;
  deleteEntry(id: string): Answer<'deleteEntry'>;
  importScenario(file: UploadedFile): Answer<'importScenario'>;
  /** Intune/Graph exports through the same importer as `esp-sim import`. */
  importIntune(files: UploadedFile[]): Answer<'importIntune'>;
  exportEntry(id: string): Answer<'exportEntry'>;
  /** Keeps the edits as a draft beside the file, validates them and, when valid, runs them on the device screen. */
  previewEdit(id: string, document: unknown): Answer<'previewEdit'>;
  /** Validates, then replaces the file atomically; an invalid scenario is refused and the file stays as it was. */
  saveEntry(id: string, document: unknown): Answer<'saveEntry'>;
  discardDraft(id: string): Answer<'discardDraft'>;
  runRecord(): Answer<'runRecord'>;
  /** Runs the round's scenario from the start, its name hidden from the device screen. */
  startTraining(source: TrainingSource, difficulty: TrainingDifficulty): Answer<'startTraining'>;
  /** Grades the answer against the run's own bundle, keeps the result for the trainee, and debriefs. */
  answerTraining(trainee: string, answer: TrainingAnswer): Answer<'answerTraining'>;
  trainingResultsCsv(trainee: string): Answer<'trainingResultsCsv'>;
  /** Generated names instead of the scenario's real ones, on every screen and in every log bundle (null: ask). */
  setSafeNames(on: boolean | null): Answer<'setSafeNames'>;
  runAnalysis(): Answer<'runAnalysis'>;
  compareRuns(id: string): Answer<'compareRuns'>;
  /** `devices` simulated devices of the running scenario from `seed`, as `esp-sim plan --json`, with the histogram. */
  planTimeouts(devices: number, seed: number): Answer<'planTimeouts'>;
}

/**
 * The operator console's "Kiosk playlist" panel: the scenarios a kiosk demo runs in turn, the pause after each run,
 * and the PIN that guards leaving kiosk mode. Entries are named by id (`bundled:<name>`, `user:<name>`, or `file:<n>`
 * for a file the command line or the remembered settings named); the page never hands over a path.
 */
export type KioskRequest =
  | { type: 'kioskState' }
  | { type: 'setKioskPlaylist'; entries: string[]; loopSeconds: number | null; playNow: boolean }
  /** null removes the PIN: Ctrl+Alt+Shift+Q then leaves kiosk mode at once. */
  | { type: 'setKioskPin'; pin: string | null };

/** One scenario of the playlist as the panel lists it; `problem`: why it is skipped (its path and the reason). */
export interface KioskPlaylistItem {
  id: string;
  label: string;
  problem: string | null;
}

/** What the panel shows. */
export interface KioskState {
  /** The device screen is locked down (`--kiosk`); the panel works either way and its settings are remembered. */
  kioskMode: boolean;
  playlist: KioskPlaylistItem[];
  /** Index in `playlist` of the scenario on the device screen now, when it is one of them. */
  playing: number | null;
  /** Real seconds between the end of a run and the next one; null: no looping. */
  loopSeconds: number | null;
  pinSet: boolean;
  /** Library entries that can be added (`bundled:...`, `user:...`). */
  choices: { id: string; label: string }[];
  /** Where the settings are remembered. */
  settingsFile: string;
  /** What went wrong with the remembered settings (a corrupt file set aside...), in people's words. */
  notices: string[];
}

export interface KioskApi {
  kioskState(): Promise<OperatorResult<KioskState>>;
  /** Validates every entry (a bad one is kept, named and skipped), remembers the playlist, and plays it when asked. */
  setKioskPlaylist(
    entries: string[],
    loopSeconds: number | null,
    playNow: boolean,
  ): Promise<OperatorResult<KioskState>>;
  setKioskPin(pin: string | null): Promise<OperatorResult<KioskState>>;
}

/** A kiosk PIN: 4 to 12 digits, typed on the device screen's keypad or keyboard. */
export const KIOSK_PIN = /^[0-9]{4,12}$/;

/** Named functions only: no generic invoke is ever exposed to the page (DEVELOPERS.md, security). */
export interface EspApi extends OperatorApi, KioskApi {
  getSnapshot(): Promise<Snapshot>;
  onSnapshot(listener: (snapshot: Snapshot) => void): Unsubscribe;
  start(): Promise<CommandResult>;
  pause(): Promise<CommandResult>;
  resume(): Promise<CommandResult>;
  step(): Promise<CommandResult>;
  setSpeed(speed: number): Promise<CommandResult>;
  setLook(look: Look): Promise<CommandResult>;
  setRelease(release: WindowsRelease): Promise<CommandResult>;
  setLanguage(language: Language): Promise<CommandResult>;
  restart(): Promise<CommandResult>;
  seek(seconds: number): Promise<CommandResult>;
  act(action: UserAction): Promise<CommandResult>;
  openDiagnostics(): Promise<CommandResult>;
  closeDiagnostics(): Promise<CommandResult>;
  exportLogs(destination: string | null): Promise<CommandResult>;
  requestKioskExit(): Promise<CommandResult>;
  cancelKioskExit(): Promise<CommandResult>;
  exitKiosk(pin: string): Promise<CommandResult>;
}

/** Electron IPC channel names. */
export const IPC = {
  getSnapshot: 'esp:get-snapshot',
  command: 'esp:command',
  operator: 'esp:operator',
  snapshot: 'esp:snapshot',
  kiosk: 'esp:kiosk',
} as const;

/** Browser-preview HTTP routes (same contract, other transport). */
export const HTTP = {
  snapshot: '/api/snapshot',
  events: '/api/events',
  command: '/api/command',
  operator: '/api/operator',
  kiosk: '/api/kiosk',
} as const;

/**
 * The browser preview's per-launch token: in the page it serves (`<meta name="esp-sim-token">`) and
 * wanted back on every command (this header), so only that page can drive the session.
 */
export const PREVIEW_TOKEN = { meta: 'esp-sim-token', header: 'x-esp-sim-token' } as const;

/** Speeds the session accepts: from real time to very fast demos. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10_000;

/** The named functions of `EspApi` that send a command. */
export type CommandFunctions = Omit<EspApi, 'getSnapshot' | 'onSnapshot' | keyof OperatorApi | keyof KioskApi>;

/**
 * Builds every command-sending function of the API over one transport's `send`. The Electron
 * preload and the browser-preview bridge both use it, so the two cannot drift apart.
 */
export function commandFunctions(send: (command: Command) => Promise<CommandResult>): CommandFunctions {
  return {
    start: () => send({ type: 'start' }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    step: () => send({ type: 'step' }),
    setSpeed: (speed) => send({ type: 'setSpeed', speed }),
    setLook: (look) => send({ type: 'setLook', look }),
    setRelease: (release) => send({ type: 'setRelease', release }),
    setLanguage: (language) => send({ type: 'setLanguage', language }),
    restart: () => send({ type: 'restart' }),
    seek: (seconds) => send({ type: 'seek', seconds }),
    act: (action) => send({ type: 'userAction', action }),
    openDiagnostics: () => send({ type: 'openDiagnostics' }),
    closeDiagnostics: () => send({ type: 'closeDiagnostics' }),
    exportLogs: (destination) => send({ type: 'exportLogs', destination }),
    requestKioskExit: () => send({ type: 'requestKioskExit' }),
    cancelKioskExit: () => send({ type: 'cancelKioskExit' }),
    exitKiosk: (pin) => send({ type: 'exitKiosk', pin }),
  };
}

/** The kiosk panel's named functions over one transport's `send` (the preload and the preview bridge share it). */
export function kioskFunctions(send: (request: KioskRequest) => Promise<OperatorResult<unknown>>): KioskApi {
  const ask = (request: KioskRequest): Promise<OperatorResult<KioskState>> =>
    send(request) as Promise<OperatorResult<KioskState>>;
  return {
    kioskState: () => ask({ type: 'kioskState' }),
    setKioskPlaylist: (entries, loopSeconds, playNow) =>
      ask({ type: 'setKioskPlaylist', entries, loopSeconds, playNow }),
    setKioskPin: (pin) => ask({ type: 'setKioskPin', pin }),
  };
}

/**
 * Builds the console's named functions over one transport's `send`, as `commandFunctions` does for commands: the
 * preload and the browser-preview bridge share it, so each request has one shape everywhere.
 */
export function operatorFunctions(send: (request: OperatorRequest) => Promise<OperatorResult<unknown>>): OperatorApi {
  const ask = <K extends OperatorRequest['type']>(request: Extract<OperatorRequest, { type: K }>): Answer<K> =>
    send(request) as Answer<K>;
  return {
    listLibrary: () => ask({ type: 'listLibrary' }),
    readEntry: (id) => ask({ type: 'readEntry', id }),
    openEntry: (id) => ask({ type: 'openEntry', id }),
    createEntry: (name) => ask({ type: 'createEntry', name }),
    duplicateEntry: (id, name) => ask({ type: 'duplicateEntry', id, name }),
    renameEntry: (id, name) => ask({ type: 'renameEntry', id, name }),
    deleteEntry: (id) => ask({ type: 'deleteEntry', id }),
    importScenario: (file) => ask({ type: 'importScenario', file }),
    importIntune: (files) => ask({ type: 'importIntune', files }),
    exportEntry: (id) => ask({ type: 'exportEntry', id }),
    previewEdit: (id, document) => ask({ type: 'previewEdit', id, document }),
    saveEntry: (id, document) => ask({ type: 'saveEntry', id, document }),
    discardDraft: (id) => ask({ type: 'discardDraft', id }),
    runRecord: () => ask({ type: 'runRecord' }),
    startTraining: (source, difficulty) => ask({ type: 'startTraining', source, difficulty }),
    answerTraining: (trainee, answer) => ask({ type: 'answerTraining', trainee, answer }),
    trainingResultsCsv: (trainee) => ask({ type: 'trainingResultsCsv', trainee }),
    setSafeNames: (on) => ask({ type: 'setSafeNames', on }),
    runAnalysis: () => ask({ type: 'runAnalysis' }),
    compareRuns: (id) => ask({ type: 'compareRuns', id }),
    planTimeouts: (devices, seed) => ask({ type: 'planTimeouts', devices, seed }),
  };
}
