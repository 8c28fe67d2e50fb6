/**
 * One run in progress: the scenario, the state, the agenda and the record, and the only ways a
 * handler changes them — record a decision, schedule an event, cancel a lane, set a row. Every
 * part of the flow (devicePreparation.ts, setupPhase.ts, appInstall.ts, ...) works through these.
 */
import type { ItemId, PhaseId, Status } from '../../../shared/esp';
import { PHASES, PHASE_TITLES, formatHresult } from '../../../shared/esp';
import type { UserAction } from '../../../shared/actions';
import type { DeferredAppView, ItemStatusParts, ItemView, PhaseView, ScreenView } from '../../../shared/snapshot';
import type { AppPhase, CancelReason, InstallationState, TimelineEvent } from '../../../shared/timeline';
import type { App, EspProfile, Scenario, User } from '../scenario/model';
import type { EngineEvent } from './events';
import { EventQueue } from './eventQueue';
import type { Rng } from './rng';
import { createRng } from './rng';
import type { ItemProgress } from './rowText';
import { itemRowTextOf, itemStatusParts, phaseStatusKey, phaseStatusText } from './rowText';
import type { EngineView, Step } from './run';
import type { EngineState, Lane, PhaseState } from './state';
import { initialState } from './state';

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
  /** Steps are taken (false: the record alone, `recordOf`). */
  readonly views: boolean;
  /** What each row last read, and the views last built from it (see `rowRead`, `phaseView`, `deferredView`). */
  readonly rows: Map<ItemProgress, RowRead>;
  readonly phaseViews: Map<PhaseId, PhaseViewCache>;
  deferredSeen: DeferredAppView[];
  deferredView: DeferredAppView[];
}

/**
 * A row's text and status parts for the field values they were drawn from. A run asks for them before and after
 * every change and for every row of every step; drawing them once per change keeps `esp-sim plan`'s thousands of
 * runs affordable (bench/planner). Views hand out the same objects while nothing changed: they are never mutated.
 */
interface RowRead {
  status: ItemProgress['status'];
  expected: number | null;
  done: number;
  hresult: number | null;
  skippedAsComplete: boolean;
  text: string;
  parts: ItemStatusParts;
  /** The row's view, once a step needed it; `tracked` is the apps row's list it was built with. */
  view: ItemView | null;
  tracked: string[] | undefined;
}

interface PhaseViewCache {
  status: PhaseState['status'];
  earlierFailed: boolean;
  items: ItemView[];
  view: PhaseView;
}

export function createSim(scenario: Scenario, views = true): Sim {
  return {
    scenario,
    state: initialState(scenario),
    queue: new EventQueue<EngineEvent>(),
    rng: createRng(scenario.seed),
    timeline: [],
    steps: [],
    appsById: new Map(scenario.tenant.apps.map((a) => [a.id, a])),
    dirty: true,
    views,
    rows: new Map(),
    phaseViews: new Map(),
    deferredSeen: [],
    deferredView: [],
  };
}

/** What a row reads now (§1.4); drawn again only when one of its fields changed. `inPreparation`: see rowText. */
function rowRead(sim: Sim, row: ItemProgress, inPreparation: boolean): RowRead {
  const last = sim.rows.get(row);
  if (
    last !== undefined &&
    last.status === row.status &&
    last.expected === row.expected &&
    last.done === row.done &&
    last.hresult === row.hresult &&
    last.skippedAsComplete === row.skippedAsComplete
  )
    return last;
  const parts = itemStatusParts(row, inPreparation);
  const read: RowRead = {
    status: row.status,
    expected: row.expected,
    done: row.done,
    hresult: row.hresult,
    skippedAsComplete: row.skippedAsComplete,
    text: itemRowTextOf(row.id, parts),
    parts,
    view: null,
    tracked: undefined,
  };
  sim.rows.set(row, read);
  return read;
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

/**
 * Adds a decision to the record. Callers stamp it with `t: sim.state.now`, first, in the literal: copying the
 * decision here to add the time cost a third of a run (bench/planner), and the record's JSON reads time first.
 */
export function record(sim: Sim, event: TimelineEvent): void {
  sim.timeline.push(event);
  if (!OFF_SCREEN.has(event.type)) sim.dirty = true;
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
  const before = rowRead(sim, row, inPreparation).text;
  const statusBefore = row.status;
  Object.assign(row, change);
  const after = rowRead(sim, row, inPreparation);
  const text = after.text;
  if (text !== before || row.status !== statusBefore) {
    const changed: Extract<TimelineEvent, { type: 'itemChanged' }> = {
      t: sim.state.now,
      type: 'itemChanged',
      phase,
      item: id,
      status: row.status,
      text,
    };
    if (row.status === 'failed' && row.hresult !== null) changed.hresult = formatHresult(row.hresult);
    record(sim, changed);
    sim.state.announcement = `${PHASE_TITLES[phase]}: ${text}`;
    sim.state.announcementParts = { kind: 'item', phase, item: id, status: after.parts };
  }
}

export function setPhase(sim: Sim, phase: PhaseId, status: Status): void {
  sim.state.phases[phase].status = status;
  sim.dirty = true;
  if (status === 'inProgress') {
    record(sim, { t: sim.state.now, type: 'phaseStarted', phase });
    sim.state.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText(status)}`;
    sim.state.announcementParts = { kind: 'phase', phase, status: phaseStatusKey(status) };
  } else if (status === 'succeeded' || status === 'failed') {
    record(sim, { t: sim.state.now, type: 'phaseCompleted', phase, status });
    sim.state.announcement = `${PHASE_TITLES[phase]}: ${phaseStatusText(status)}`;
    sim.state.announcementParts = { kind: 'phase', phase, status: phaseStatusKey(status) };
  }
}

/** Sets a category and every row of it (categories that do not apply); only the rows' changes are recorded. */
export function markAll(sim: Sim, phase: PhaseId, status: Status): void {
  sim.state.phases[phase].status = status;
  const inPreparation = phase === 'devicePreparation';
  for (const row of sim.state.phases[phase].items) {
    const before = rowRead(sim, row, inPreparation).text;
    const statusBefore = row.status;
    row.status = status;
    const text = rowRead(sim, row, inPreparation).text;
    // The record has every row's state, rows that do not apply included.
    if (text !== before || row.status !== statusBefore)
      record(sim, { t: sim.state.now, type: 'itemChanged', phase, item: row.id, status: row.status, text });
  }
  sim.dirty = true;
}

/** Records an app's EnrollmentStatusTracking InstallationState when it changes (§4.2). */
export function setInstallationState(sim: Sim, appId: string, phase: AppPhase, state: InstallationState): void {
  if (sim.state.installationStates.get(appId) === state) return;
  sim.state.installationStates.set(appId, state);
  record(sim, { t: sim.state.now, type: 'installationStateChanged', phase, appId, state });
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
    record(sim, {
      t: sim.state.now,
      type: 'appInstallCancelled',
      phase: flight.phase,
      appId,
      attempt: flight.attempt,
      reason,
    });
    setInstallationState(sim, appId, flight.phase, 'error');
  }
}

/** The lane of a setup phase's work. */
export function laneOf(phase: PhaseId): Lane {
  return phase === 'accountSetup' ? 'user' : 'device';
}

// ---- the view --------------------------------------------------------------------------------

function itemView(sim: Sim, row: ItemProgress, inPreparation: boolean, tracked: string[] | undefined): ItemView {
  const read = rowRead(sim, row, inPreparation);
  const listed = row.id === 'apps' ? tracked : undefined;
  if (read.view === null || read.tracked !== listed) {
    read.tracked = listed;
    read.view = {
      id: row.id,
      status: row.status,
      text: read.text,
      statusParts: read.parts,
      ...(listed ? { tracked: listed } : {}),
    };
  }
  return read.view;
}

/** A category's view; the one of the last step when neither it nor a row of it changed. */
function phaseView(sim: Sim, phase: PhaseState, tracked: string[] | undefined, earlierFailed: boolean): PhaseView {
  const inPreparation = phase.id === 'devicePreparation';
  const last = sim.phaseViews.get(phase.id);
  let items: ItemView[] | null = null;
  // Most steps change one row of one category: compare before building anything new.
  if (last !== undefined && last.items.length === phase.items.length) {
    for (let i = 0; i < phase.items.length; i++) {
      const view = itemView(sim, phase.items[i]!, inPreparation, tracked);
      if (items === null && view !== last.items[i]) items = last.items.slice(0, i);
      if (items !== null) items.push(view);
    }
    if (items === null) {
      if (last.status === phase.status && last.earlierFailed === earlierFailed) return last.view;
      items = last.items;
    }
  }
  items ??= phase.items.map((row) => itemView(sim, row, inPreparation, tracked));
  const view: PhaseView = {
    id: phase.id,
    title: PHASE_TITLES[phase.id],
    status: phase.status,
    statusText: phaseStatusText(phase.status, earlierFailed),
    statusKey: phaseStatusKey(phase.status, earlierFailed),
    items,
  };
  sim.phaseViews.set(phase.id, { status: phase.status, earlierFailed, items, view });
  return view;
}

/**
 * The apps left for after the ESP, as copies (a step never sees later changes); the last step's list while the
 * map holds the same entries (handlers replace an entry to change it, never edit one).
 */
function deferredView(sim: Sim): DeferredAppView[] {
  const entries = [...sim.state.deferred.values()];
  const last = sim.deferredSeen;
  if (entries.length === last.length && entries.every((d, i) => d === last[i])) return sim.deferredView;
  sim.deferredSeen = entries;
  sim.deferredView = entries.map((d) => ({ ...d }));
  return sim.deferredView;
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
        sim,
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
    deferredApps: deferredView(sim),
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
    record(sim, { t: sim.state.now, type: 'actionsOffered', screen: sim.state.screen.kind, actions: offered });
  }
  sim.dirty = false;
  if (!sim.views) return;
  const next = view(sim, offered);
  const last = sim.steps[sim.steps.length - 1];
  if (last && last.t === sim.state.now) (last as { view: EngineView }).view = next;
  else sim.steps.push({ t: sim.state.now, view: next });
}
