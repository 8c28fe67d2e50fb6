/**
 * What the main process tells a screen: everything it needs to draw, already decided.
 * Screens render this; they never compute ESP semantics (architecture.md, "Screens").
 */
import type { UserAction } from './actions';
import type {
  DeploymentMode,
  ErrorAction,
  ItemId,
  JoinType,
  Language,
  Outcome,
  PhaseId,
  PreProvisioningErrorKey,
  ProgressVerb,
  Status,
  StatusKey,
  WindowsRelease,
} from './esp';

export type Look = 'windows10' | 'windows11';

/**
 * The status part of a row (`{1}` in `{0} ({1})`, §1.4) as data rather than words, so a screen can say it in
 * its own language; `text` beside it is the English. `failedCode`: the row's HRESULT (`0x80070643`), after
 * `Failed: ` in Device preparation (`failedPrefix`).
 */
export type ItemStatusParts =
  | { kind: StatusKey }
  | { kind: 'progress'; done: number; expected: number; verb: ProgressVerb }
  | { kind: 'failedCode'; hresult: string; failedPrefix: boolean };

/**
 * Which text an error shows, as data: Windows' default message, a pre-provisioning failure text (§7.6, `code`
 * the 8 hex digits of its `0x{0}`), or the admin's own message, which every language shows as written.
 */
export type ErrorMessageParts =
  | { kind: 'default' }
  | { kind: 'custom' }
  | { kind: 'preProvisioning'; error: PreProvisioningErrorKey; code: string | null };

/** The latest status change as data (`announcement` is its English sentence). */
export type AnnouncementParts =
  /** `<Category>: <Item> (<status>)` */
  | { kind: 'item'; phase: PhaseId; item: ItemId; status: ItemStatusParts }
  /** `<Category>: <status>` */
  | { kind: 'phase'; phase: PhaseId; status: StatusKey }
  /** `<Category>: Error. <message>`; `message` is the text the error screen shows (the admin's when custom). */
  | { kind: 'error'; phase: PhaseId; messageParts: ErrorMessageParts; message: string };

export interface ItemView {
  id: ItemId;
  status: Status;
  /** Exactly what the row shows, e.g. `Apps (2 of 5 installed)`. */
  text: string;
  /** The status part of `text` as data, for the screens' other languages. */
  statusParts: ItemStatusParts;
  /** App ids the ESP waits on here, in install order (apps rows only). */
  tracked?: string[];
}

export interface PhaseView {
  id: PhaseId;
  title: string;
  status: Status;
  /** The text under the category title (`Working on it...`, `Complete`, ...). */
  statusText: string;
  /** Which of Windows' status texts `statusText` is, for the screens' other languages. */
  statusKey: StatusKey;
  items: ItemView[];
}

export type ScreenView =
  | { kind: 'esp'; part: 'device' | 'user' }
  | { kind: 'restarting' }
  | { kind: 'signIn'; prefilledUser: string | null; domain: boolean }
  | { kind: 'firstSignIn'; userDisplayName: string }
  | { kind: 'desktop'; userDisplayName: string | null }
  | { kind: 'resetting' }
  /** §1.13: Windows 11 quality updates at the end of OOBE. */
  | { kind: 'qualityUpdates'; stage: 'checking' | 'downloading' | 'installing' | 'restarting'; percent: number }
  /** §7.6: the options shown after pressing the Windows key five times. */
  | { kind: 'preProvisioningOptions' }
  /** §7.6: Windows Autopilot Configuration, with Refresh and Provision. */
  | { kind: 'preProvisioningConfiguration'; details: ProvisioningDetails }
  /** §7.6: the green (success) or red (failure) technician result page. */
  | {
      kind: 'preProvisioningResult';
      success: boolean;
      details: ProvisioningDetails;
      elapsedSeconds: number;
      /** The failure text, e.g. `We couldn't enroll this device into MDM. Error: 0x80180014`. */
      errorText: string | null;
      /** Which text `errorText` is, for the screens' other languages; null with it. */
      errorParts?: ErrorMessageParts | null;
      actions: ProvisioningAction[];
    }
  /** After Reseal the device shuts down (§7.6). */
  | { kind: 'shutDown' }
  /** Self-deploying with Assigned Access ends in the kiosk app (§7.7). */
  | { kind: 'kiosk'; appName: string };

/** Each screen in people's words (the console, Jump to, the CLI). */
export const SCREEN_LABELS: Record<ScreenView['kind'], string> = {
  esp: 'Enrollment Status Page',
  restarting: 'Restarting',
  signIn: 'Windows sign-in',
  firstSignIn: 'First sign-in animation',
  desktop: 'Desktop',
  resetting: 'Resetting this PC',
  qualityUpdates: 'Quality updates',
  preProvisioningOptions: 'Pre-provisioning options',
  preProvisioningConfiguration: 'Windows Autopilot Configuration',
  preProvisioningResult: 'Pre-provisioning result',
  shutDown: 'Shut down',
  kiosk: 'Kiosk',
};

export type ProvisioningAction = 'reseal' | 'retry' | 'reset' | 'collectLogs' | 'viewDiagnostics';

export interface ProvisioningDetails {
  organization: string;
  profileName: string;
  /** null shows the "not assigned" text. */
  assignedUser: string | null;
  /** Shown as text and QR code on the real page; the serial number here. */
  deviceId: string;
}

/** §2.2: event status codes 1–7 and what the diagnostics page shows for them. */
export type DiagnosticsStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DiagnosticsEvent {
  eventName: string;
  status: DiagnosticsStatus;
  /** Local time as the page prints it, or '' when not started/finished. */
  startTime: string;
  finishTime: string;
  details: string;
}

/** The three tabs of the Windows Autopilot diagnostics page (§2.2), filled from the run. */
export interface DiagnosticsView {
  configuration: { categoryName: string; items: { propertyName: string; value: string }[] }[];
  deployment: { categoryName: string; status: DiagnosticsStatus; events: DiagnosticsEvent[] }[];
  appsAndPolicies: {
    categoryName: string;
    apps: { resourceName: string; events: DiagnosticsEvent[] }[];
    policies: { resourceName: string; events: DiagnosticsEvent[] }[];
  }[];
}

/** The log export of §2.3 / §3.1 as the screen shows it. */
export type LogExportView =
  | { state: 'idle' }
  | { state: 'inProgress'; percent: number; destination: string }
  /**
   * `path`: where the file really went (the operator console shows it); `windowsPath`: what the
   * device screen shows, a Windows path on the USB drive the user picked (`D:\MDMDiagReport.zip`).
   */
  | { state: 'succeeded'; path: string; windowsPath: string }
  /**
   * code is the HRESULT Windows shows, e.g. 0x80070050 when the file exists. `message` names the real folder (the
   * operator's side); `windowsMessage` is what the device screen shows under the code, naming the device's drive.
   */
  | { state: 'failed'; code: string; message: string; windowsMessage: string };

export interface ErrorScreenView {
  /** As shown in English; the admin's custom message as written. */
  message: string;
  /** Which text `message` is, for the screens' other languages. */
  messageParts: ErrorMessageParts;
  /** In screen order; see ACTION_PLACEMENT for where each goes. */
  actions: ErrorAction[];
}

export interface DeferredAppView {
  id: string;
  displayName: string;
  installed: boolean;
}

/** The ESP profile in force and how it was chosen (§5.2). */
export interface EngineViewProfile {
  id: string;
  displayName: string;
  targetedBy: 'device' | 'user' | 'default';
}

export interface Snapshot {
  /** Increases with every change, so a subscriber can drop stale frames. */
  revision: number;
  scenario: {
    name: string;
    description: string;
    seed: number;
    windowsRelease: WindowsRelease;
    mode: DeploymentMode;
    join: JoinType;
  };
  look: Look;
  /**
   * `paused` is true while the run waits to start, too; `waitingToStart` tells that wait apart: a run waits until
   * the device screen connects or the operator presses Start, so it never finishes before anyone looks.
   */
  clock: { elapsedSeconds: number; speed: number; paused: boolean; finished: boolean; waitingToStart: boolean };
  /** Changes whenever the session runs the engine again (an action, a restart, an edit, another scenario). */
  runId: number;
  screen: ScreenView;
  phases: PhaseView[];
  errorScreen: ErrorScreenView | null;
  /** §1.10: Block device use = No shows Continue anyway while the ESP runs. */
  continueAnywayWhileRunning: boolean;
  /** §2.1: the diagnostics page may open now (Windows 11, log collection on, within the ESP's flow). */
  diagnosticsAvailable: boolean;
  outcome: Outcome | null;
  profile: EngineViewProfile | null;
  /** What the user may do on this screen now: the engine decides, everything else checks membership. */
  offeredActions: UserAction[];
  deferredApps: DeferredAppView[];
  /** The latest status change, for the aria-live region (§1.6). */
  announcement: string;
  /** The same change as data, so the device screen can announce it in its language; null before any. */
  announcementParts: AnnouncementParts | null;
  /**
   * The language the device screens speak: the scenario's `device.locale`, unless the operator chose another
   * (`setLanguage`). English is Windows' wording; German and French are the project's translations.
   */
  language: Language;
  /** Set when the requested scenario could not be used and the default runs instead. */
  scenarioProblem: string | null;
  /**
   * What validating the requested scenario noticed, one `path: message` each (a misspelt Graph property, a
   * setting Intune greys out): a valid scenario with warnings still runs. Empty when there is nothing to say.
   */
  scenarioWarnings: string[];
  /** The Windows 11 diagnostics page, while it is open (§2); the ESP underneath keeps its state. */
  diagnostics: DiagnosticsView | null;
  logExport: LogExportView;
  /** The run's notable moments (screens and category changes), for the operator console's Jump to. */
  moments: Moment[];
  /** Kiosk mode, while the session runs as a kiosk demo (`--kiosk`); absent or null otherwise. */
  kiosk?: KioskView | null;
}

/**
 * Kiosk mode as the device screen needs it: the screen hides an idle cursor and refuses right-click, drag and drop
 * and the browser's keys while `active`; `exitPrompt` is the PIN dialog Ctrl+Alt+Shift+Q opens when a PIN is set.
 */
export interface KioskView {
  active: boolean;
  exitPrompt: { checking: boolean; error: string | null } | null;
}

export interface Moment {
  /** Simulated seconds from the start. */
  t: number;
  label: string;
}
