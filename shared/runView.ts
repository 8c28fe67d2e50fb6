/**
 * The operator console's Run view (issue "What went wrong and where the time went"): what the host answers to
 * `runAnalysis` for the session's current run. Built by electron/core/analysis/runView.ts from the run's record,
 * `attributeTime` and `diagnoseBundle` on the log bundle generated in memory for the run. Plain data, no rules:
 * the console only lays it out.
 */

/** A stretch of the run shown in the phase stepper. */
export interface RunViewPhase {
  /** `devicePreparation`, `deviceSetup`, `accountSetup` or `afterEsp`. */
  id: string;
  /** What a person reads: `Device setup`, `Technician: Device setup`... */
  label: string;
  /** null when the phase never started. */
  start: number | null;
  end: number | null;
  seconds: number;
  /** `Succeeded`, `Failed`, `Skipped`, `In progress` or `Not reached`. */
  status: string;
}

export interface RunViewAttempt {
  attempt: number;
  start: number;
  downloadSeconds: number;
  /** Seconds the installer ran after the download (to its exit, hang or cancellation). */
  installSeconds: number;
  /** `Succeeded`, `Failed (0x80070643)`, `Retry`, `Hung`, `Cancelled`... */
  result: string;
}

export interface RunViewApp {
  appId: string;
  displayName: string;
  phase: string;
  attempts: RunViewAttempt[];
  downloadSeconds: number;
  installSeconds: number;
  retryWaitSeconds: number;
  /** The code the ESP shows for the failure (`0x80070643`), or null when the app did not fail. */
  failure: string | null;
}

/** What was going on between `start` and `end` (for the live "current activity" line). */
export interface RunViewActivity {
  start: number;
  end: number;
  text: string;
}

export interface RunViewSegment {
  kind: string;
  label: string;
  start: number;
  end: number;
  seconds: number;
}

export interface RunViewBlockingApp {
  appId: string;
  displayName: string;
  phase: string;
  attempts: number;
  installSeconds: number;
  retryWaitSeconds: number;
  seconds: number;
}

export interface RunViewAttribution {
  duration: number;
  segments: RunViewSegment[];
  totals: { kind: string; label: string; seconds: number }[];
  blockingApps: RunViewBlockingApp[];
  criticalPath: { start: number; end: number; seconds: number; appNames: string[] }[];
  criticalPathSeconds: number;
}

export interface RunViewEvidence {
  file: string;
  line: number;
  text: string;
}

export interface RunViewDiagnosis {
  outcome: string;
  phase: string | null;
  kind: string;
  /** The cause in a few words (`App install failed`). */
  kindLabel: string;
  appId: string | null;
  appName: string | null;
  code: string | null;
  summary: string;
  evidence: RunViewEvidence[];
  steps: string[];
}

export interface RunViewFile {
  name: string;
  lines: string[];
}

export interface RunAnalysisView {
  runId: number;
  scenarioName: string;
  /** The run's simulated wall time (the ESP's end, or the last thing that happened). */
  duration: number;
  endT: number;
  outcome: string | null;
  phases: RunViewPhase[];
  apps: RunViewApp[];
  activities: RunViewActivity[];
  attribution: RunViewAttribution;
  /** null when the run neither failed nor timed out. */
  diagnosis: RunViewDiagnosis | null;
  /** The bundle files the evidence cites, for the console's viewer. */
  files: RunViewFile[];
  /** The record as `esp-sim timeline --format csv|json` writes it. */
  exports: { csv: string; json: string; baseName: string };
}

/** One run of a side-by-side comparison: what its device screen showed at each step, and its record in words. */
export interface ComparedRun {
  scenarioName: string;
  /** The ESP profile that applied (its display name), or null. */
  profileName: string | null;
  endT: number;
  /** The device screen at each step (it holds until the next frame), small enough to draw twice. */
  frames: ComparedFrame[];
  timeline: { t: number; text: string }[];
}

export interface ComparedFrame {
  t: number;
  /** The screen in a few words: `Enrollment Status Page (device)`, `Restarting`, `Desktop`... */
  screen: string;
  /** The categories, with the rows of the ones that have started (exactly as the screen shows them). */
  phases: { title: string; statusText: string; status: string; items: string[] }[];
  /** The error screen's message, or null. */
  error: string | null;
}

export interface RunComparison {
  /** The current run. */
  a: ComparedRun;
  /** The second scenario, run with the first one's seed. */
  b: ComparedRun;
  /** The first simulated second where the screens or the records differ; null when they never do. */
  firstDifference: number | null;
  /** Whether the device screens differ at that second (otherwise only the records do). */
  screensDiffer: boolean;
}
