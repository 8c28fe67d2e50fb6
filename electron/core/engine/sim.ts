/**
 * One run in progress: the scenario, the state, the agenda and the record, and the only ways a
 * handler changes them — record a decision, schedule an event, cancel a lane, set a row. Every
 * part of the flow (devicePreparation.ts, setupPhase.ts, appInstall.ts, ...) works through these.
 */
import type { ItemId, PhaseId, Status } from '../../../shared/esp';
import { PHASES, PHASE_TITLES, formatHresult } from '../../../shared/esp';
import type { UserAction } from '../../../shared/actions';
import type { PhaseView, ScreenView } from '../../../shared/snapshot';
import type { AppPhase, CancelReason, InstallationState, TimelineEvent } from '../../../shared/timeline';
import type { App, EspProfile, Scenario, User } from '../scenario/model';
import type { EngineEvent } from './events';
import { EventQueue } from './eventQueue';
import type { Rng } from './rng';
import { createRng } from './rng';
import type { ItemProgress } from './rowText';
import { itemRowText, itemStatusParts, phaseStatusKey, phaseStatusText } from './rowText';
import type { EngineView, Step } from './run';
import type { EngineState, Lane, PhaseState } from './state';
import { initialState } from './state';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Decision = DistributiveOmit<TimelineEvent, 't'>;

export interface Sim {
  readonly scenario: Scenario;
  readonly state: EngineState;
  readonly queue: EventQueue<EngineEvent>;
  readonly rng: Rng;
  readonly timeline: TimelineEvent[];
  readonly steps: Step[];
  readonly appsById: ReadonlyMap<string, App>;
  /** The screen state changed since the last step was taken. */
  dirty: boolean;
}

export function createSim(scenario: Scenario): Sim {
  return {
    scenario,
    state: initialState(scenario),
    queue: new EventQueue<EngineEvent>(),
    rng: createRng(scenario.seed),
    timeline: [],
    steps: [],
    appsById: new Map(scenario.tenant.apps.map((a) => [a.id, a])),
    dirty: true,
  };
}

/** Decisions that change nothing on screen: recording them takes no new step. */
const OFF_SCREEN: ReadonlySet<TimelineEvent['type']> = new Set([
  'appTracking',
  'appRetryScheduled',
  'appInstallHung',
  'appInstallCancelled',
  'installationStateChanged',
  'actionsOffered',
  'qualityUpdatesDecided',
  'firstSyncOverride',
]);

/** Adds a decision to the record, stamped now. */
export function record(sim: Sim, decision: Decision): void {
  sim.timeline.push({ t: sim.state.now, ...decision } as TimelineEvent);
  if (!OFF_SCREEN.has(decision.type)) sim.dirty = true;
}

/** Schedules an event `delaySeconds` from now in a lane. */
export function at(sim: Sim, delaySeconds: number, lane: Lane, event: EngineEvent): void {
  sim.queue.push(sim.state.now + delaySeconds, lane, event);
}

/** The profile in force; the ESP has started, so there is one. */
export function profileOf(sim: Sim): EspProfile {
  const profile = sim.state.profile;
  if (!profile) throw new Error('engine: no ESP profile resolved yet');
  return profile;
}

export function currentUser(sim: Sim): User | null {
  const i = sim.state.userIndex;
  return i === null ? null : (sim.scenario.users[i] ?? null);
}

export function setScreen(sim: Sim, screen: ScreenView): void {
  sim.state.screen = screen;
  sim.dirty = true;
}

export function item(sim: Sim, phase: PhaseId, id: ItemId): ItemProgress {
  return sim.state.phases[phase].items.find((i) => i.id === id)!;
}

/** Changes a row; records the change when its text or status changed. */
export function setItem(sim: Sim, phase: PhaseId, id: ItemId, change: Partial<ItemProgress>): void {
  const row = item(sim, phase, id);
  const inPreparation = phase === 'devicePreparation';
  const before = itemRowText(row, inPreparation);
  const statusBefore = row.status;
  Object.assign(row, change);
  const text = itemRowText(row, inPreparation);
  if (text !== before || row.status !== statusBefore) {
    const hresult = row.status === 'failed' && row.hresult !== null ? { hresult: formatHresult(row.hresult) } : {};
    record(sim, { type: 'itemChanged', phase, item: id, status: row.status, text, ...hresult });
    sim.state.announcement = `${PHASE_TITLES[phase]}: ${text}`;
    sim.state.announcementParts = { kind: 'item', phase, item: id, status: itemStatusParts(row, inPreparation) };
  }
}

export function setPhase(sim: Sim, phase: PhaseId, status: Status): void {
  sim.state.phases[phase].status = status;
  sim.dirty = true;
  if (status === 'inProgress') {
    record(sim, { type: 'phaseStarted', phase });
    sim.state.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText(status)}`;
    sim.state.announcementParts = { kind: 'phase', phase, status: phaseStatusKey(status) };
  } else if (status === 'succeeded' || status === 'failed') {
    record(sim, { type: 'phaseCompleted', phase, status });
    sim.state.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText(status)}`;
    sim.state.announcementParts = { kind: 'phase', phase, status: phaseStatusKey(status) };
  }
}

/** Sets a category and every row of it (categories that do not apply); only the rows' changes are recorded. */
export function markAll(sim: Sim, phase: PhaseId, status: Status): void {
  sim.state.phases[phase].status = status;
  const inPreparation = phase === 'devicePreparation';
  for (const row of sim.state.phases[phase].items) {
    const before = itemRowText(row, inPreparation);
    const statusBefore = row.status;
    row.status = status;
    const text = itemRowText(row, inPreparation);
    // The record has every row's state, rows that do not apply included.
    if (text !== before || row.status !== statusBefore)
      record(sim, { type: 'itemChanged', phase, item: row.id, status: row.status, text });
  }
  sim.dirty = true;
}

/** Records an app's EnrollmentStatusTracking InstallationState when it changes (§4.2). */
export function setInstallationState(sim: Sim, appId: string, phase: AppPhase, state: InstallationState): void {
  if (sim.state.installationStates.get(appId) === state) return;
  sim.state.installationStates.set(appId, state);
  record(sim, { type: 'installationStateChanged', phase, appId, state });
}

/**
 * Drops what the matching lanes had planned; installs under way in them stop, and the record
 * says so with the reason (their InstallationState becomes Error, as the bundle's registry shows).
 */
export function cancelLanes(sim: Sim, match: (lane: Lane) => boolean, reason: CancelReason): void {
  sim.queue.cancel(match as (lane: string) => boolean);
  for (const [appId, lane] of sim.state.mdmInstalling) if (match(lane)) sim.state.mdmInstalling.delete(appId);
  for (const [appId, flight] of sim.state.inFlight) {
    if (!match(flight.lane)) continue;
    sim.state.inFlight.delete(appId);
    record(sim, { type: 'appInstallCancelled', phase: flight.phase, appId, attempt: flight.attempt, reason });
    setInstallationState(sim, appId, flight.phase, 'error');
  }
}

/** The lane of a setup phase's work. */
export function laneOf(phase: PhaseId): Lane {
  return phase === 'accountSetup' ? 'user' : 'device';
}

// ---- the view --------------------------------------------------------------------------------

function phaseView(phase: PhaseState, tracked: string[] | undefined, earlierFailed: boolean): PhaseView {
  return {
    id: phase.id,
    title: PHASE_TITLES[phase.id],
    status: phase.status,
    statusText: phaseStatusText(phase.status, earlierFailed),
    statusKey: phaseStatusKey(phase.status, earlierFailed),
    items: phase.items.map((row) => ({
      id: row.id,
      status: row.status,
      text: itemRowText(row, phase.id === 'devicePreparation'),
      statusParts: itemStatusParts(row, phase.id === 'devicePreparation'),
      ...(row.id === 'apps' && tracked ? { tracked } : {}),
    })),
  };
}

/**
 * §2.1: Windows 11, a profile that shows progress and turns on log collection and diagnostics;
 * the page belongs to the ESP's own flow (and the technician's result page), not to other screens.
 */
function diagnosticsAvailable(sim: Sim): boolean {
  const { state } = sim;
  const profile = state.profileView ? state.profile : null;
  return (
    sim.scenario.windows.release === '11' &&
    profile !== null &&
    profile.showInstallationProgress &&
    profile.allowLogCollectionOnInstallFailure &&
    (state.screen.kind === 'esp' || state.screen.kind === 'preProvisioningResult')
  );
}

/**
 * What the user may do on the screen now (§1.9, §1.10, §7.6): the error screen's buttons and links
 * that act on the ESP, Continue anyway while it runs, and the technician pages' buttons. The
 * technician's Retry and Reset are the ESP's Try again and Reset device, so both names are offered.
 */
export function currentOffered(sim: Sim): UserAction[] {
  const { state } = sim;
  const screen = state.screen;
  const offered: UserAction[] = [];
  if (state.errorScreen) {
    for (const a of state.errorScreen.actions) {
      if (a === 'resetDevice' || a === 'tryAgain' || a === 'continueAnyway' || a === 'signOut') offered.push(a);
    }
    if (screen.kind === 'preProvisioningResult' && !screen.success) {
      for (const a of screen.actions) if (a === 'retry' || a === 'reset') offered.push(a);
    }
    return offered;
  }
  if (state.continueAnywayWhileRunning) offered.push('continueAnywayWhileRunning');
  if (screen.kind === 'preProvisioningOptions') offered.push('startProvisioning');
  if (screen.kind === 'preProvisioningConfiguration') offered.push('provision');
  if (screen.kind === 'preProvisioningResult' && screen.success) offered.push('reseal');
  return offered;
}

function view(sim: Sim, offered: UserAction[]): EngineView {
  const { state } = sim;
  return {
    screen: state.screen,
    phases: PHASES.map((id, i) =>
      phaseView(
        state.phases[id],
        state.tracked[id],
        PHASES.slice(0, i).some((earlier) => state.phases[earlier].status === 'failed'),
      ),
    ),
    errorScreen: state.errorScreen,
    continueAnywayWhileRunning: state.continueAnywayWhileRunning && state.errorScreen === null,
    diagnosticsAvailable: diagnosticsAvailable(sim),
    outcome: state.outcome,
    profile: state.profileView,
    deferredApps: [...state.deferred.values()].map((d) => ({ ...d })),
    announcement: state.announcement,
    announcementParts: state.announcementParts,
    offeredActions: offered,
  };
}

/** Takes a step when the screen state changed: one per simulated second at most. */
export function flush(sim: Sim): void {
  if (!sim.dirty) return;
  const offered = currentOffered(sim);
  const key = offered.join(',');
  if (key !== sim.state.lastOffered) {
    sim.state.lastOffered = key;
    record(sim, { type: 'actionsOffered', screen: sim.state.screen.kind, actions: offered });
  }
  sim.dirty = false;
  const next = view(sim, offered);
  const last = sim.steps[sim.steps.length - 1];
  if (last && last.t === sim.state.now) (last as { view: EngineView }).view = next;
  else sim.steps.push({ t: sim.state.now, view: next });
}
