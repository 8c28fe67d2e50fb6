/**
 * What the main process tells a screen: everything it needs to draw, already decided.
 * Screens render this; they never compute ESP semantics (architecture.md, "Screens").
 */
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
  | { kind: 'resetting' };

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
  outcome: Outcome | null;
  profile: { id: string; displayName: string; targetedBy: 'device' | 'user' | 'default' } | null;
  deferredApps: DeferredAppView[];
  /** The latest status change, for the aria-live region (§1.6). */
  announcement: string;
  /** Set when the requested scenario could not be used and the default runs instead. */
  scenarioProblem: string | null;
}
