/**
 * What happened during a run, in simulated seconds from the start. The CLI prints it, the log
 * bundle writes every file from it, and the diagnostics page reads it.
 */
import type { ErrorAction, ItemId, Outcome, PhaseId, Status } from './esp';
import type { UserAction } from './contract';

export type ReturnCodeResult = 'success' | 'softReboot' | 'hardReboot' | 'retry' | 'failed';

export type TimelineEvent = { t: number } & (
  | {
      type: 'profileResolved';
      profileId: string;
      displayName: string;
      targetedBy: 'device' | 'user' | 'default';
      reason: string;
    }
  | { type: 'espSkipped'; part: 'device' | 'user'; reason: string }
  | { type: 'phaseStarted'; phase: PhaseId }
  | { type: 'phaseCompleted'; phase: PhaseId; status: Status }
  /** `hresult` (e.g. `0x800705b4`) when a failed item carries one (§1.4). */
  | { type: 'itemChanged'; phase: PhaseId; item: ItemId; status: Status; text: string; hresult?: string }
  | { type: 'trackingListBuilt'; phase: PhaseId; item: ItemId; ids: string[] }
  | { type: 'appInstallStarted'; phase: PhaseId | 'afterEsp'; appId: string; attempt: number }
  | {
      type: 'appInstallCompleted';
      phase: PhaseId | 'afterEsp';
      appId: string;
      exitCode: number;
      result: ReturnCodeResult;
    }
  | { type: 'resourceApplied'; phase: PhaseId; item: ItemId; resourceId: string; ok: boolean }
  | { type: 'timeout'; phase: PhaseId; minutes: number }
  | { type: 'errorScreenShown'; phase: PhaseId; message: string; actions: ErrorAction[] }
  | { type: 'userAction'; action: UserAction }
  | { type: 'restartStarted'; reason: string }
  | { type: 'signInShown'; prefilledUser: string | null }
  | { type: 'signedIn'; userPrincipalName: string }
  | { type: 'espCompleted'; part: 'device' | 'user' }
  | { type: 'desktopReached' }
  | { type: 'qualityUpdatesChecked'; found: boolean }
  | { type: 'qualityUpdatesInstalled'; restart: boolean }
  | { type: 'outcome'; outcome: Outcome }
);

export type TimelineEventType = TimelineEvent['type'];
