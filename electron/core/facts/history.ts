/**
 * What the bundle writers and the diagnostics page read: the run up to the collection time t,
 * digested once — app attempts and InstallationStates, row runs, tracked resources, the profile in
 * force, who the user is, and the identifiers of the simulated device. Every value comes from the
 * record (shared/timeline.ts) or the screen at t (`viewAt`); nothing here decides an ESP rule, so
 * every file tells the story the engine decided.
 */
import type { InstallationState, TimelineEvent } from '../../../shared/timeline';
import { INSTALLATION_STATE_VALUE } from '../../../shared/timeline';
import type { EngineView, Run } from '../engine/simulate';
import { viewAt } from '../engine/simulate';
import { blockInStatusPage } from '../engine/errorActions';
import type { SetupPhase } from '../engine/tracking';
import type { App, EspProfile, Scenario, User } from '../scenario/model';
import type { AppAttempt, StateChange } from './attempts';
import { attemptsOf, exitFailed, stateChangesOf } from './attempts';
import type { ItemRun, ResourceResult } from './rows';
import { itemRunsOf, resourcesOf } from './rows';
import { computerName, entraUserSid, scenarioGuid, tenantDomain } from './ids';
import { startMsOf } from './time';

export type { AppAttempt, Installer, StateChange } from './attempts';
export { exitFailed, installerOf } from './attempts';
export type { ItemRun, ResourceResult } from './rows';

/** A user the record names, from the second they are the device's user (profile resolution or sign-in). */
export interface UserTurn {
  t: number;
  user: User;
}

/** A user who signed in, and the span of the record that is theirs (until another user signs in). */
export interface SignIn {
  user: User;
  sid: string;
  t: number;
  /** When the next other user signed in; null while this user is the last one. */
  untilT: number | null;
}

export interface RunFacts {
  scenario: Scenario;
  run: Run;
  /** Simulated second the logs are collected at. */
  t: number;
  startMs: number;
  /** The record up to t. */
  events: TimelineEvent[];
  /** The screen at t. */
  view: EngineView;
  /** The profile in force at t (the last `profileResolved`; before the first, the first of the run). */
  profile: EspProfile;
  targetedBy: 'device' | 'user' | 'default';
  /** FirstSync's BlockInStatusPage for `profile` (§4.2). */
  blockInStatusPage: number;
  /** The device's user at t, as the record names them; null for the device alone (self-deploying, technician). */
  user: User | null;
  userSid: string | null;
  /** Every user the record names up to t, in order (`userAt` reads it). */
  userTurns: UserTurn[];
  /** Users who signed in up to t, first sign-in order. */
  signIns: SignIn[];
  ids: {
    enrollment: string;
    entraDevice: string;
    intuneDevice: string;
    ztdCorrelation: string;
    ztdRegistration: string;
  };
  computerName: string;
  tenantDomain: string;
  apps: Map<string, App>;
  attempts: AppAttempt[];
  /** Every InstallationState write up to t, in order. */
  stateChanges: StateChange[];
  /** Each app's InstallationState at t (absent: never written, NotInstalled). */
  installationStates: Map<string, InstallationState>;
  items: ItemRun[];
  resources: ResourceResult[];
  /** When the ESP provider (IME) started on the device; null if it had not by t. */
  imeStartT: number | null;
  /** The MDMDiagnosticsTool areas of this collection: `Autopilot`, with `TPM` once a TPM flow ran (§2.3, §3.1). */
  areas: string[];
}

/** The Autopilot profile download happened this long before the ESP started (seconds). */
export const PROFILE_DOWNLOAD_OFFSET_SECONDS = -240;

/** Who the record names as the device's user, in order: `profileResolved.userPrincipalName` and `signedIn`. */
function userTurnsOf(scenario: Scenario, events: readonly TimelineEvent[]): UserTurn[] {
  const byUpn = new Map(scenario.users.map((u) => [u.userPrincipalName.toLowerCase(), u]));
  const turns: UserTurn[] = [];
  for (const e of events) {
    const upn = e.type === 'signedIn' ? e.userPrincipalName : e.type === 'profileResolved' ? e.userPrincipalName : null;
    const user = upn === null ? undefined : byUpn.get(upn.toLowerCase());
    if (user) turns.push({ t: e.t, user });
  }
  return turns;
}

function signInsOf(scenario: Scenario, events: readonly TimelineEvent[]): SignIn[] {
  const signIns: SignIn[] = [];
  const byUpn = new Map(scenario.users.map((u) => [u.userPrincipalName.toLowerCase(), u]));
  for (const e of events) {
    if (e.type !== 'signedIn') continue;
    const user = byUpn.get(e.userPrincipalName.toLowerCase());
    const last = signIns[signIns.length - 1];
    if (!user || last?.user.id === user.id) continue;
    if (last) last.untilT = e.t;
    signIns.push({ user, sid: entraUserSid(user.id), t: e.t, untilT: null });
  }
  return signIns;
}

/**
 * The run digested at simulated second `t` (seconds from the start; any value, before the first
 * event or after the last). Throws if the run never resolved an ESP profile (every run does).
 */
export function runFacts(scenario: Scenario, run: Run, t: number): RunFacts {
  const events = run.timeline.filter((e) => e.t <= t);
  const view = viewAt(run, t);
  const resolved =
    events.findLast((e) => e.type === 'profileResolved') ?? run.timeline.find((e) => e.type === 'profileResolved');
  if (!resolved || resolved.type !== 'profileResolved') throw new Error('the run resolved no ESP profile');
  const profile = scenario.tenant.espProfiles.find((p) => p.id === resolved.profileId);
  if (!profile) throw new Error(`the run's profile ${resolved.profileId} is not in the scenario`);
  const userTurns = userTurnsOf(scenario, events);
  const user = userTurns[userTurns.length - 1]?.user ?? null;
  const apps = new Map(scenario.tenant.apps.map((a) => [a.id, a]));
  const items = itemRunsOf(events, view);
  const attempts = attemptsOf(events, apps);
  const stateChanges = stateChangesOf(events);
  const installationStates = new Map(stateChanges.map((c) => [c.appId, c.to]));
  // The ESP provider row only counts once it ran (not when it waited, was skipped or a previous step failed).
  const prep = items.find(
    (r) =>
      r.phase === 'devicePreparation' &&
      r.item === 'espProvider' &&
      r.status !== 'previousStepFailed' &&
      r.status !== 'notRun' &&
      r.status !== 'notStarted',
  );
  const firstImeAttempt = attempts.find((a) => a.channel === 'ime');
  const imeStartT = prep
    ? prep.startT + Math.min(8, Math.max(0, ((prep.endT ?? t) - prep.startT) / 2))
    : firstImeAttempt
      ? Math.max(0, firstImeAttempt.startT - 20)
      : null;
  const tpmRan = events.some(
    (e) => e.type === 'itemChanged' && e.phase === 'devicePreparation' && e.item === 'tpm' && e.status === 'inProgress',
  );
  return {
    scenario,
    run,
    t,
    startMs: startMsOf(scenario.startTime),
    events,
    view,
    profile,
    targetedBy: resolved.targetedBy,
    blockInStatusPage: blockInStatusPage(profile),
    user,
    userSid: user ? entraUserSid(user.id) : null,
    userTurns,
    signIns: signInsOf(scenario, events),
    ids: {
      enrollment: scenarioGuid(scenario, 'enrollment').toUpperCase(),
      entraDevice: scenarioGuid(scenario, 'entra-device'),
      intuneDevice: scenarioGuid(scenario, 'intune-device'),
      ztdCorrelation: scenarioGuid(scenario, 'ztd-correlation'),
      ztdRegistration: scenarioGuid(scenario, 'ztd-registration'),
    },
    computerName: computerName(scenario),
    tenantDomain: tenantDomain(scenario),
    apps,
    attempts,
    stateChanges,
    installationStates,
    items,
    resources: resourcesOf(scenario, events),
    imeStartT: imeStartT !== null && imeStartT <= t ? imeStartT : null,
    areas: tpmRan ? ['Autopilot', 'TPM'] : ['Autopilot'],
  };
}

/** The device's user at simulated second `seconds` (≤ t), as the record names them; null before any. */
export function userAt(facts: RunFacts, seconds: number): User | null {
  let user: User | null = null;
  for (const turn of facts.userTurns) {
    if (turn.t > seconds) break;
    user = turn.user;
  }
  return user;
}

/** The Entra SID (`S-1-12-1-…`) of `userAt(facts, seconds)`, or null. */
export function sidAt(facts: RunFacts, seconds: number): string | null {
  const user = userAt(facts, seconds);
  return user ? entraUserSid(user.id) : null;
}

/** The second the current user signed in, or null if they have not: Account setup before it was someone else's. */
export function currentUserSignedInAt(facts: RunFacts): number | null {
  const last = facts.signIns[facts.signIns.length - 1];
  return last && last.user.id === facts.user?.id ? last.t : null;
}

/**
 * The Apps rows' tracking lists up to t, in time order (one per phase and round; the record's
 * `trackingListBuilt` with item `apps`).
 */
export function appTrackingLists(facts: RunFacts): Extract<TimelineEvent, { type: 'trackingListBuilt' }>[] {
  return eventsOfType(facts.events, 'trackingListBuilt').filter((e) => e.item === 'apps');
}

/**
 * The Apps row's tracking lists of one phase that belong to the current user (Account setup lists
 * from before their sign-in were another user's), in time order.
 */
export function currentTrackingLists(
  facts: RunFacts,
  phase: SetupPhase,
): Extract<TimelineEvent, { type: 'trackingListBuilt' }>[] {
  const since = phase === 'accountSetup' ? (currentUserSignedInAt(facts) ?? -Infinity) : -Infinity;
  return appTrackingLists(facts).filter((e) => e.phase === phase && e.t >= since);
}

/** The app ids the ESP tracks in a phase (its last tracking list, for the current user), in install order. */
export function trackedAppIds(facts: RunFacts, phase: SetupPhase): string[] {
  return currentTrackingLists(facts, phase).at(-1)?.ids ?? [];
}

/**
 * An app's EnrollmentStatusTracking InstallationState at t (§4.1): 1 NotInstalled, 2 InProgress,
 * 3 Completed, 4 Error — the last `installationStateChanged` the engine recorded (1 if none).
 */
export function installationState(facts: RunFacts, appId: string): 1 | 2 | 3 | 4 {
  const state = facts.installationStates.get(appId);
  return state ? INSTALLATION_STATE_VALUE[state] : 1;
}

/** The app's InstallationState just before simulated second `seconds` (null if never written before it). */
export function installationStateBefore(facts: RunFacts, appId: string, seconds: number): InstallationState | null {
  let state: InstallationState | null = null;
  for (const c of facts.stateChanges) {
    if (c.t >= seconds) break;
    if (c.appId === appId) state = c.to;
  }
  return state;
}

/** The InstallationState write of an app at exactly simulated second `seconds`, if the engine made one. */
export function stateChangeAt(facts: RunFacts, appId: string, seconds: number): StateChange | undefined {
  return facts.stateChanges.findLast((c) => c.appId === appId && c.t === seconds);
}

/** The first attempt up to t whose exit code put its app in Error (the failure the error screen is about), if any. */
export function failedAttempt(facts: RunFacts): AppAttempt | null {
  return facts.attempts.find(exitFailed) ?? null;
}

/** An app's display name, or its id for an app the scenario does not have. */
export function appName(facts: RunFacts, appId: string): string {
  return facts.apps.get(appId)?.displayName ?? appId;
}

/** Every timeline event of one type, typed. */
export function eventsOfType<K extends TimelineEvent['type']>(
  events: readonly TimelineEvent[],
  type: K,
): Extract<TimelineEvent, { type: K }>[] {
  return events.filter((e): e is Extract<TimelineEvent, { type: K }> => e.type === type);
}
