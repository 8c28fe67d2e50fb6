/**
 * What the operator console asks the host, and what it gets back: the scenario library, the editor's preview
 * (validation + Explain), imports and the run's record in people's words. Part of the one contract
 * (./contract.ts): the Electron preload and the browser-preview bridge expose the same named functions, built by
 * `operatorFunctions`. Library entries are named by id only; a path never comes from the page.
 */
import type { ErrorAction } from './esp';

/** `bundled`: shipped with the app, read-only. `user`: a file in the library folder. `startup`: `--scenario`. */
export type LibraryEntryKind = 'bundled' | 'user' | 'startup';

export interface LibraryEntry {
  /** `bundled:<file>`, `user:<file>` or `startup`: how the page names an entry (never a path). */
  id: string;
  kind: LibraryEntryKind;
  /** The scenario's own name. */
  name: string;
  description: string;
  /** The file's name, for people (no folder). */
  fileName: string;
  readOnly: boolean;
  /** Why the file cannot run, in `path: message` lines; empty when it validates. */
  problems: string[];
  /** Unsaved edits kept beside the file, and when they were last written (ISO 8601). */
  draftSavedAt: string | null;
}

export interface LibraryState {
  /** Where the user's scenarios live, shown to the operator (the page never sends it back). */
  folder: string;
  entries: LibraryEntry[];
  /** The entry the session runs (and the editor edits); null when it is not in the library. */
  openId: string | null;
  /** What the library did on its own since the last look (a file renamed so it can be named), in people's words. */
  notices: string[];
  /** Files that could not be read and were set aside as `<name>.unreadable-<n>.json` (never deleted), with why. */
  setAside: { fileName: string; why: string | null }[];
}

/** A file the page read (a picker or a drop): its name and its bytes, base64, so UTF-16 exports survive. */
export interface UploadedFile {
  name: string;
  base64: string;
}

/** An entry as the editor loads it: the file's JSON as written, and the unsaved edits kept beside it. */
export interface EntryDocument {
  entry: LibraryEntry;
  document: unknown;
  draft: { document: unknown; savedAt: string } | null;
}

export interface OpenedEntry extends EntryDocument {
  state: LibraryState;
  /** Whether the session now runs it (false: it does not validate; the editor can fix it). */
  running: boolean;
}

/** What validation said about the scenario being edited, and Explain for it when it is valid. */
export interface EditPreview {
  problems: string[];
  warnings: string[];
  /** null while the scenario has problems. */
  explain: ExplainView | null;
  /** The device screen now runs the edited scenario. */
  applied: boolean;
}

export interface SaveResult {
  state: LibraryState;
  entry: LibraryEntry;
}

export interface ImportReport {
  state: LibraryState;
  /** The new library entry, or null when nothing could be written. */
  id: string | null;
  /** One line per object imported. */
  mapped: string[];
  /** One line per object or part not imported, with why. */
  unmapped: string[];
  problems: string[];
}

export interface ExportedFile {
  fileName: string;
  text: string;
}

/** One line of the run's record in people's words, at its simulated second. */
export interface TimelineLine {
  t: number;
  text: string;
  /** The record's event type, for styling and tests. */
  type: string;
}

export interface RunRecordView {
  /** Changes whenever the session re-runs the engine (the snapshot carries the same number). */
  runId: number;
  timeline: TimelineLine[];
  explain: ExplainView;
}

// ---------------------------------------------------------------------------------------------
// Explain (electron/core/analysis/explain.ts, projected for the console by explainView.ts)

export interface ExplainCandidate {
  id: string;
  displayName: string;
  /** 1 is the highest; the default profile is 0 and applies last. */
  priority: number;
  isDefault: boolean;
  applies: boolean;
  /** Why it won or lost, from the record. */
  reason: string;
}

export interface ExplainProfile {
  id: string;
  displayName: string;
  targetedBy: 'device' | 'user' | 'default';
  reason: string;
  isDefault: boolean;
  /** Every profile of the tenant, the default last. */
  candidates: ExplainCandidate[];
}

export interface ExplainApp {
  id: string;
  displayName: string;
  /** The phase that waits on it; null when none does. */
  phase: 'deviceSetup' | 'accountSetup' | null;
  tracked: boolean;
  /** The record's `why` (docs/timeline.md), or `espNotShown`. */
  why: string;
  reason: string;
  /** False when the run never reached the phase and the engine's rule was applied instead of read from the record. */
  recorded: boolean;
}

export interface ExplainErrorAction {
  action: ErrorAction;
  label: string;
  /** The setting behind it (or that would give it), in the article's words. */
  because: string;
}

export interface ExplainView {
  scenarioName: string;
  profile: ExplainProfile;
  espShown: { device: boolean; user: boolean };
  /** Why the ESP is not shown at all, or null. */
  espSkipped: string | null;
  /** Every app of the tenant, in tenant order. */
  apps: ExplainApp[];
  /** What the error screen offers, in screen order, each with the setting behind it. */
  errorActions: ExplainErrorAction[];
  /** What it does not offer, with the setting that would. */
  errorActionsWithheld: ExplainErrorAction[];
  /** What the error screen says: the custom message or Intune's default. */
  errorMessage: string;
  errorMessageIsCustom: boolean;
}
