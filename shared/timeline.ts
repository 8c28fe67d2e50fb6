/**
 * The run's record: every decision the engine made, in simulated seconds from the start, each with
 * its reason. It is the single source every projection reads — the CLI's `--json` timeline, the log
 * bundle, the diagnostics page, the session's moments — so none of them re-derives an ESP rule.
 * Every event type is documented in docs/timeline.md. Types are only ever extended (the CLI contract).
 */
import type { ErrorAction, ItemId, Outcome, PhaseId, Status } from './esp';
import type { UserAction } from './actions';

export type ReturnCodeResult = 'success' | 'softReboot' | 'hardReboot' | 'retry' | 'failed';

/** Who installs an app: the Intune Management Extension (Win32, catalog, WinGet) or the MDM channel (§5.3). */
export type InstallChannel = 'ime' | 'mdm';

/**
 * EnrollmentStatusTracking's InstallationState for a tracked app (§4.2): 1 NotInstalled,
 * 2 InProgress, 3 Completed, 4 Error.
 */
export type InstallationState = 'notInstalled' | 'inProgress' | 'completed' | 'error';
export const INSTALLATION_STATE_VALUE: Record<InstallationState, 1 | 2 | 3 | 4> = {
  notInstalled: 1,
  inProgress: 2,
  completed: 3,
  error: 4,
};

/** Why an install stopped before its installer reported (the ESP failed, timed out, or the user left it). */
export type CancelReason = 'phaseFailed' | 'timedOut' | 'continuedAnyway' | 'reset' | 'tryAgain' | 'provision';

/** One ESP profile considered, and why it won or lost (§5.2). */
export interface ProfileCandidateRecord {
  id: string;
  displayName: string;
  priority: number;
  isDefault: boolean;
  applies: boolean;
  reason: string;
}

/** Why an app is or is not tracked in a phase (docs/timeline.md lists each value). */
export type TrackingWhy =
  | 'blocking'
  | 'notRequired'
  | 'filteredOut'
  | 'excluded'
  | 'notInSelectedList'
  | 'userContextInDevicePhase'
  | 'deviceContextInAccountSetup'
  | 'deferredUntilAfterEsp'
  | 'bestEffortInTechnicianFlow'
  | 'installedByUserFlow'
  | 'noUser';

export type AppPhase = PhaseId | 'afterEsp';

export type TimelineEvent = { t: number } & (
  | {
      type: 'profileResolved';
      profileId: string;
      displayName: string;
      targetedBy: 'device' | 'user' | 'default';
      reason: string;
      /** The user the resolution considered (null: the device alone, e.g. self-deploying, technician). */
      userPrincipalName: string | null;
      /** Every profile of the tenant, the default last, with why it won or lost. */
      candidates: ProfileCandidateRecord[];
    }
  | { type: 'espSkipped'; part: 'device' | 'user'; reason: string }
  /** A custom OMA-URI configuration set the DMClient FirstSyncStatus skips (§4.2). */
  | { type: 'firstSyncOverride'; skipDeviceStatusPage: boolean; skipUserStatusPage: boolean; reason: string }
  | { type: 'phaseStarted'; phase: PhaseId }
  | { type: 'phaseCompleted'; phase: PhaseId; status: Status }
  /** `hresult` (e.g. `0x800705b4`) when a failed item carries one (§1.4). */
  | { type: 'itemChanged'; phase: PhaseId; item: ItemId; status: Status; text: string; hresult?: string }
  /** What a row waits on: app ids for `apps`, policy/certificate/network profile ids for the others. */
  | { type: 'trackingListBuilt'; phase: PhaseId; item: ItemId; ids: string[] }
  /** For every app of the tenant, once per setup phase: tracked or not, and why. */
  | { type: 'appTracking'; phase: PhaseId; appId: string; tracked: boolean; why: TrackingWhy; reason: string }
  | {
      type: 'appInstallStarted';
      phase: AppPhase;
      appId: string;
      /** Attempts of this app in the whole run. */
      attempt: number;
      /** Attempts since the last Try again (or since the ESP ended): a retry code gets three (§5.3). */
      attemptInRound: number;
      channel: InstallChannel;
      /** The content this attempt downloads first. */
      downloadBytes: number;
      downloadSeconds: number;
    }
  | {
      type: 'appInstallCompleted';
      phase: AppPhase;
      appId: string;
      attempt: number;
      attemptInRound: number;
      exitCode: number;
      result: ReturnCodeResult;
      /** The code the ESP shows: the exit code as an HRESULT (`0x80070643` for 1603), or 0x87d1041c when not detected. */
      hresult: string;
      /** Whether the app's detection rule found it after the installer exited (§5.3); false for a failed install. */
      detected: boolean;
      /** What the exit code alone maps to (`result` differs when the app was not detected). */
      mapped: ReturnCodeResult;
    }
  | { type: 'appRetryScheduled'; phase: AppPhase; appId: string; attemptInRound: number; inSeconds: number }
  /** The installer never reports back (a hang, or it restarted the device itself, §7.2, §7.8). */
  | { type: 'appInstallHung'; phase: AppPhase; appId: string; attempt: number; reason: string }
  | { type: 'appInstallCancelled'; phase: AppPhase; appId: string; attempt: number; reason: CancelReason }
  | { type: 'installationStateChanged'; phase: AppPhase; appId: string; state: InstallationState }
  | { type: 'resourceApplied'; phase: PhaseId; item: ItemId; resourceId: string; ok: boolean }
  | { type: 'timeout'; phase: PhaseId; minutes: number }
  | { type: 'errorScreenShown'; phase: PhaseId; message: string; actions: ErrorAction[] }
  /** Whenever what the user may do changes: the one list the session, CLI and screens check. */
  | { type: 'actionsOffered'; screen: string; actions: UserAction[] }
  | { type: 'userAction'; action: UserAction }
  | { type: 'restartStarted'; reason: string }
  | { type: 'signInShown'; prefilledUser: string | null }
  | { type: 'signedIn'; userPrincipalName: string }
  | { type: 'espCompleted'; part: 'device' | 'user' }
  | { type: 'desktopReached' }
  /** Whether OOBE installs quality updates here, and why (§1.13, the article's supported configurations). */
  | { type: 'qualityUpdatesDecided'; install: boolean; reason: string }
  | { type: 'qualityUpdatesChecked'; found: boolean }
  | { type: 'qualityUpdatesInstalled'; restart: boolean }
  | { type: 'outcome'; outcome: Outcome }
);

export type TimelineEventType = TimelineEvent['type'];

/** Every event type, once: docs/timeline.md documents each (a test checks the two agree). */
export const TIMELINE_EVENT_TYPES = [
  'profileResolved',
  'espSkipped',
  'firstSyncOverride',
  'phaseStarted',
  'phaseCompleted',
  'itemChanged',
  'trackingListBuilt',
  'appTracking',
  'appInstallStarted',
  'appInstallCompleted',
  'appRetryScheduled',
  'appInstallHung',
  'appInstallCancelled',
  'installationStateChanged',
  'resourceApplied',
  'timeout',
  'errorScreenShown',
  'actionsOffered',
  'userAction',
  'restartStarted',
  'signInShown',
  'signedIn',
  'espCompleted',
  'desktopReached',
  'qualityUpdatesDecided',
  'qualityUpdatesChecked',
  'qualityUpdatesInstalled',
  'outcome',
] as const satisfies readonly TimelineEventType[];

type Missing = Exclude<TimelineEventType, (typeof TIMELINE_EVENT_TYPES)[number]>;
/** Compile-time proof that the list above names every event type. */
export const TIMELINE_EVENT_TYPES_COMPLETE: Missing extends never ? true : never = true;
