/**
 * The public shapes of a run: what `simulate` returns and every projection reads. Immutable data:
 * the screen states with their simulated second, and the record of every decision (the timeline).
 */
import type { PhaseId } from '../../../shared/esp';
import type { Snapshot } from '../../../shared/snapshot';
import type { TimelineEvent } from '../../../shared/timeline';
import type { UserAction } from '../../../shared/actions';

/** A user action stamped with the simulated second it happened at. */
export interface TimedAction {
  t: number;
  action: UserAction;
}

/** The part of a Snapshot the engine decides, including what the user may do now. */
export type EngineView = Pick<
  Snapshot,
  | 'screen'
  | 'phases'
  | 'errorScreen'
  | 'continueAnywayWhileRunning'
  | 'diagnosticsAvailable'
  | 'outcome'
  | 'profile'
  | 'deferredApps'
  | 'announcement'
  | 'announcementParts'
  | 'offeredActions'
>;

export interface Step {
  /** Simulated seconds from the start. */
  readonly t: number;
  readonly view: EngineView;
}

/** A run's record without its screen states (`recordOf`): what the timeout planner reads of thousands of runs. */
export interface RunRecord {
  /** The record: every decision with its reason, in time order (docs/timeline.md). */
  readonly timeline: readonly TimelineEvent[];
  /** When the last thing happened (simulated seconds). */
  readonly endT: number;
  /** The run stopped at an error screen and waits for the user. */
  readonly waitingForUser: boolean;
  /** When the ESP itself ended (desktop, reset or sign-in screen); null while it waits or runs. */
  readonly espEndedAt: number | null;
  readonly espShown: { readonly device: boolean; readonly user: boolean };
  readonly deferredAppIds: readonly string[];
  /** The items' tracked app ids per phase, in install order. */
  readonly tracked: Partial<Record<PhaseId, readonly string[]>>;
}

export interface Run extends RunRecord {
  /** Screen states in time order; the first is at t = 0. */
  readonly steps: readonly Step[];
}
