/**
 * What the main process tells a screen: everything it needs to draw, already decided.
 * Screens render this; they never compute ESP semantics (architecture.md, "Screens").
 */
import type { UserAction } from './actions';
import type { DeploymentMode, ErrorAction, ItemId, JoinType, Outcome, PhaseId, Status, WindowsRelease } from './esp';

export type Look = 'windows10' | 'windows11';

export interface ItemView {
  id: ItemId;
  status: Status;
  /** Exactly what the row shows, e.g. `Apps (2 of 5 installed)`. */
  text: string;
  /** App ids the ESP waits on here, in install order (apps rows only). */
  tracked?: string[];
}

export interface PhaseView {
  id: PhaseId;
  title: string;
  status: Status;
  /** The text under the category title (`Working on it...`, `Complete`, ...). */
  statusText: string;
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
      actions: ProvisioningAction[];
    }
  /** After Reseal the device shuts down (§7.6). */
  | { kind: 'shutDown' }
  /** Self-deploying with Assigned Access ends in the kiosk app (§7.7). */
  | { kind: 'kiosk'; appName: string };

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
  /** code is the HRESULT Windows shows, e.g. 0x80070050 when the file exists. */
  | { state: 'failed'; code: string; message: string };

export interface ErrorScreenView {
  message: string;
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
  clock: { elapsedSeconds: number; speed: number; paused: boolean; finished: boolean };
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
  /** Set when the requested scenario could not be used and the default runs instead. */
  scenarioProblem: string | null;
  /** The Windows 11 diagnostics page, while it is open (§2); the ESP underneath keeps its state. */
  diagnostics: DiagnosticsView | null;
  logExport: LogExportView;
  /** The run's notable moments (screens and category changes), for the operator console's Jump to. */
  moments: Moment[];
}

export interface Moment {
  /** Simulated seconds from the start. */
  t: number;
  label: string;
}
