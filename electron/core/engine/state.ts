/**
 * The engine's state between two events. The driver (simulate.ts) owns the only copy; handlers
 * receive it inside `Sim` and change it in place, the way a reducer's draft is changed (a copy per
 * event would cost more than the whole run: bench/engine). Nothing outside the engine sees it: the
 * run exposes immutable views and the record.
 */
import type { ItemId, Outcome, PhaseId, Status } from '../../../shared/esp';
import type {
  AnnouncementParts,
  DeferredAppView,
  EngineViewProfile,
  ErrorScreenView,
  ScreenView,
} from '../../../shared/snapshot';
import type { InstallationState } from '../../../shared/timeline';
import type { AppPhase } from '../../../shared/timeline';
import type { EspProfile, Scenario } from '../scenario/model';
import type { ItemProgress } from './rowText';
import type { SetupPhase } from './tracking';

/**
 * Lanes group scheduled events so one decision can cancel a part of the flow: the device part, the
 * user part, the ESP timer, and what runs after the ESP (never cancelled by an ESP failure).
 */
export type Lane = 'device' | 'user' | 'timer' | 'background';

export interface PhaseState {
  id: PhaseId;
  status: Status;
  items: ItemProgress[];
}

/** A Device preparation row and how its step will end, drawn when the phase starts. */
export interface PreparationStep {
  id: ItemId;
  seconds: number;
  hresult: number | null;
  skip: boolean;
}

/** An install whose installer has not reported yet, or that waits for its retry. */
export interface InstallInFlight {
  appId: string;
  phase: AppPhase;
  attempt: number;
  lane: Lane;
}

/** A setup phase's four trackers while they run (§1.3). */
export interface SetupProgress {
  /** Rows that have not finished. */
  remaining: Set<ItemId>;
  /** Per resource row: reports still expected, and failures so far. */
  resources: Map<ItemId, { pending: number; failures: number }>;
  /** The Apps row's two install channels (IME, MDM) as queues of app ids; open channels; whether one failed. */
  channels: string[][];
  openChannels: number;
  appsFailed: boolean;
}

export interface EngineState {
  now: number;
  screen: ScreenView;
  phases: Record<PhaseId, PhaseState>;
  errorScreen: ErrorScreenView | null;
  failedPhase: PhaseId | null;
  continueAnywayWhileRunning: boolean;
  outcome: Outcome | null;
  announcement: string;
  /** The same as data, for the device screen's other languages. */
  announcementParts: AnnouncementParts | null;
  espEndedAt: number | null;
  deferred: Map<string, DeferredAppView>;
  tracked: Partial<Record<PhaseId, string[]>>;
  espShown: { device: boolean; user: boolean };
  /** Index in scenario.users of the user signing in now; null before anyone (self-deploying, technician). */
  userIndex: number | null;
  /** Whether the current user gets Account setup (§1.12). */
  userPartShown: boolean;
  /** The profile in force; null until the ESP starts. */
  profile: EspProfile | null;
  profileView: EngineViewProfile | null;
  /** Install attempts per app across the whole run: picks the exit code from `exitCodes`. */
  attempts: Map<string, number>;
  /** Attempts per app since the last Try again: a retry code gets three of them (§5.3). */
  roundAttempts: Map<string, number>;
  installed: Set<string>;
  /** Resources that reported success, by setup phase (a second tracking list counts them at once, §4.2). */
  appliedResources: Record<SetupPhase, Set<string>>;
  installationStates: Map<string, InstallationState>;
  inFlight: Map<string, InstallInFlight>;
  rebootPending: boolean;
  /** A restart happened in Device setup: the user must sign in again, nothing prefilled (§7.5). */
  restartedInDeviceSetup: boolean;
  /** Pre-provisioning technician flow until Reseal (§7.6). */
  technician: boolean;
  /** Apps whose installer restarts the device itself and never reports back (§7.2). */
  hungApps: Set<string>;
  /** Apps the MDM channel (MSI, Office, Store) is installing now, with their lane, for the 1618 conflict (§7.1). */
  mdmInstalling: Map<string, Lane>;
  preparation: PreparationStep[];
  setup: Partial<Record<SetupPhase, SetupProgress>>;
  bestEffortQueue: string[];
  afterEspQueue: string[];
  /** Apps that install once the desktop shows (Continue anyway, hidden ESP). */
  installAfterDesktop: string[];
  /** Continue anyway moved the run past a device-part failure into Account setup (§1.9). */
  continuedPastDevice: boolean;
  /** The offered actions last recorded, to record only changes. */
  lastOffered: string | null;
}

export const SETUP_ITEMS: readonly ItemId[] = ['securityPolicies', 'certificates', 'networkConnections', 'apps'];

function newPhase(id: PhaseId, items: readonly ItemId[]): PhaseState {
  return {
    id,
    status: 'notStarted',
    items: items.map((item) => ({
      id: item,
      status: 'notStarted',
      expected: null,
      done: 0,
      hresult: null,
      skippedAsComplete: false,
    })),
  };
}

export function initialState(scenario: Scenario): EngineState {
  const mode = scenario.deployment.mode;
  return {
    now: 0,
    screen: { kind: 'esp', part: 'device' },
    phases: {
      devicePreparation: newPhase('devicePreparation', ['tpm', 'join', 'mdm', 'espProvider']),
      deviceSetup: newPhase('deviceSetup', SETUP_ITEMS),
      accountSetup: newPhase('accountSetup', ['join', ...SETUP_ITEMS]),
    },
    errorScreen: null,
    failedPhase: null,
    continueAnywayWhileRunning: false,
    outcome: null,
    announcement: '',
    announcementParts: null,
    espEndedAt: null,
    deferred: new Map(),
    tracked: {},
    espShown: { device: false, user: false },
    // Self-deploying has no user during the ESP (§7.7); pre-provisioning has one only after Reseal (§7.6).
    userIndex: mode === 'selfDeploying' || scenario.users.length === 0 ? null : 0,
    userPartShown: false,
    profile: null,
    profileView: null,
    attempts: new Map(),
    roundAttempts: new Map(),
    installed: new Set(),
    appliedResources: { deviceSetup: new Set(), accountSetup: new Set() },
    installationStates: new Map(),
    inFlight: new Map(),
    rebootPending: false,
    restartedInDeviceSetup: false,
    technician: mode === 'preProvisioning',
    hungApps: new Set(),
    mdmInstalling: new Map(),
    preparation: [],
    setup: {},
    bestEffortQueue: [],
    afterEspQueue: [],
    installAfterDesktop: [],
    continuedPastDevice: false,
    lastOffered: null,
  };
}
