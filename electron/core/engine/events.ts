/**
 * Everything the engine can schedule: one discriminated union, dispatched by one exhaustive switch
 * (dispatch.ts). What used to be a closure is now data, so a run's agenda can be read, and every
 * continuation says where the flow goes next.
 */
import type { ItemId } from '../../../shared/esp';
import type { AppPhase } from '../../../shared/timeline';
import type { SetupPhase } from './tracking';
import type { Lane } from './state';

/** Where the flow goes when an app's install is over (its result decides the rest). */
export type AfterInstall =
  /** A tracked app of a setup phase, installed by one of its two channels (§5.3). */
  | { kind: 'tracked'; phase: SetupPhase; channel: number }
  /** Pre-provisioning's non-blocking apps: best effort, failures ignored. */
  | { kind: 'bestEffort'; phase: SetupPhase }
  /** Apps that install after the ESP, one after another. */
  | { kind: 'afterEsp' };

/** Where the flow goes when a restart is over. */
export type AfterRestart =
  | { kind: 'resumeInstalls'; phase: SetupPhase; channel: number }
  | { kind: 'showEsp'; part: 'device' | 'user' }
  | { kind: 'promptForCredentials'; lane: Lane; domain: boolean; then: AfterSignIn }
  | { kind: 'leaveOobe'; restarted: true };

/** Where the flow goes when the user has typed their credentials. */
export type AfterSignIn =
  /** The first user after OOBE: first sign-in animation, then Account setup. */
  | { kind: 'accountSetup' }
  /** A later user (§1.12): their profile, then their own Account setup or none. */
  | { kind: 'laterUser'; userIndex: number }
  /** Hybrid join's domain sign-in after leaving the ESP early (§7.3). */
  | { kind: 'desktop' };

export type EngineEvent =
  | { type: 'technicianContinues' }
  | { type: 'technicianProvisions' }
  | { type: 'timerExpired'; part: 'device' | 'accountSetup'; minutes: number }
  | { type: 'preparationStepDone'; index: number }
  | { type: 'trackingListsReady'; phase: SetupPhase; lane: Lane }
  | { type: 'resourceReported'; phase: SetupPhase; item: ItemId; resourceId: string; fails: boolean }
  | {
      type: 'installerExited';
      appId: string;
      phase: AppPhase;
      lane: Lane;
      attempt: number;
      attemptInRound: number;
      then: AfterInstall;
    }
  | { type: 'retryDue'; appId: string; phase: AppPhase; lane: Lane; then: AfterInstall }
  | { type: 'restartDone'; then: AfterRestart }
  | { type: 'credentialsEntered'; lane: Lane; then: AfterSignIn }
  | { type: 'firstSignInDone'; then: 'accountSetup' | 'desktop' }
  | { type: 'espExitDelayDone'; part: 'device' | 'user' }
  | { type: 'nextUserArrives'; userIndex: number }
  | { type: 'accountJoinDone' }
  | { type: 'qualityUpdatesChecked' }
  | { type: 'qualityUpdatesStage'; stage: 'downloading' | 'installing'; percent: number; stageSeconds: number }
  | { type: 'deviceTurnedOn' };
