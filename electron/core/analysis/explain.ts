/**
 * Explain (the operator console's "why", and `esp-sim explain`): which ESP profile applies and why
 * every other profile lost (§5.2), which apps each phase waits on and why every other app is not
 * tracked or waits until the ESP ends (§1.3, §5.1, §5.3, the article's App 1–4 example), and which
 * actions the error screen would offer (§1.9).
 *
 * It reads the engine's own record of a run — `profileResolved.candidates` and the `appTracking`
 * events — so an explanation and the run it explains can never disagree. Only a phase the run never
 * reached (the ESP stopped before Account setup, say) is worked out with the engine's own rule
 * (`appTrackingDecisions`), and its reasons say so. Pure: no I/O.
 */
import type { ErrorAction } from '../../../shared/esp';
import type { TimelineEvent, TrackingWhy } from '../../../shared/timeline';
import { errorActionsFor } from '../engine/errorActions';
import type { Run } from '../engine/simulate';
import { profileCandidates, resolveProfile } from '../engine/targeting';
import type { SetupPhase } from '../engine/tracking';
import { appTrackingDecisions } from '../engine/tracking';
import { newTenantDefaultProfile } from '../scenario/defaultProfile';
import type { EspProfile, Scenario } from '../scenario/model';

/** One ESP profile of the tenant and why it won or lost (the record's `profileResolved.candidates`). */
export interface ExplainedCandidate {
  id: string;
  displayName: string;
  /** 1 is the highest; the default profile is 0 and applies last (§5.1). */
  priority: number;
  applies: boolean;
  reason: string;
}

export interface ExplainedProfile {
  id: string;
  displayName: string;
  targetedBy: 'device' | 'user' | 'default';
  /** Every profile of the tenant, the default last (§5.2). */
  candidates: ExplainedCandidate[];
}

/** Why an app ends up where it is: the record's `appTracking.why`, or why no phase decided at all. */
export type ExplainWhy = TrackingWhy | 'espNotShown';

export interface ExplainedApp {
  id: string;
  displayName: string;
  /** The phase that waits on the app; null when no phase does. */
  phase: SetupPhase | null;
  tracked: boolean;
  /** A sentence for people: why it is tracked, or why not (from the most relevant phase). */
  reason: string;
  why: ExplainWhy;
  /** The phase whose decision `reason` quotes (null when the ESP is not shown at all). */
  decidedIn: SetupPhase | null;
  /** False when the run never reached `decidedIn` and the decision was worked out with the engine's rule. */
  recorded: boolean;
}

/** What `explainRun` returns; `explanationJson` projects it to the `esp-sim explain --json` contract. */
export interface Explanation {
  scenario: string;
  profile: ExplainedProfile & { reason: string; isDefault: boolean };
  /** The ids of the candidates that are the tenant's default profile (the default is listed last). */
  defaultProfileIds: string[];
  apps: ExplainedApp[];
  /** The error screen's actions for the profile that applies, in screen order (§1.9). */
  errorActions: ErrorAction[];
  /** Whether the device part / user part of the ESP shows in this run. */
  espShown: { device: boolean; user: boolean };
  /** Why the ESP (device part) is not shown, when it is not. */
  espSkippedReason: string | null;
}

/** The documented JSON of `esp-sim explain --json` (docs/cli.md). */
export interface ExplanationJson {
  profile: ExplainedProfile;
  apps: { id: string; displayName: string; phase: SetupPhase | null; tracked: boolean; reason: string }[];
  errorActions: ErrorAction[];
}

/**
 * How much a decision tells about an app, for choosing "the most relevant phase" of an app no phase
 * tracks: a phase where the app is required but left out of the blocking list says the most; a phase
 * the app simply is not assigned to says the least. Ties go to the later phase (the user's decision).
 */
const RELEVANCE: Record<TrackingWhy, number> = {
  blocking: 9,
  deferredUntilAfterEsp: 5,
  notInSelectedList: 5,
  bestEffortInTechnicianFlow: 5,
  installedByUserFlow: 5,
  filteredOut: 3,
  excluded: 3,
  deviceContextInAccountSetup: 2,
  userContextInDevicePhase: 1,
  notRequired: 1,
  noUser: 0,
};

interface Decision {
  phase: SetupPhase;
  appId: string;
  tracked: boolean;
  why: TrackingWhy;
  reason: string;
  recorded: boolean;
}

function profileById(scenario: Scenario, id: string): EspProfile {
  const found = scenario.tenant.espProfiles.find((p) => p.id === id);
  if (found) return found;
  // The engine assumes a new tenant's default when the tenant has none (targeting.ts).
  return newTenantDefaultProfile(scenario.tenant.id);
}

/** The first profile resolution of the run (the device's, or the first user's); resolved here if the run has none. */
function firstResolution(scenario: Scenario, timeline: readonly TimelineEvent[]) {
  const event = timeline.find(
    (e): e is Extract<TimelineEvent, { type: 'profileResolved' }> => e.type === 'profileResolved',
  );
  if (event) {
    return {
      profile: profileById(scenario, event.profileId),
      targetedBy: event.targetedBy,
      reason: event.reason,
      candidates: event.candidates,
    };
  }
  const user = scenario.deployment.mode === 'userDriven' ? (scenario.users[0] ?? null) : null;
  const resolved = resolveProfile(scenario, user);
  return {
    profile: resolved.profile,
    targetedBy: resolved.targetedBy,
    reason: resolved.reason,
    candidates: profileCandidates(scenario, user, resolved),
  };
}

/** Decisions for a setup phase the run never reached, from the engine's own rule (tracking.ts). */
function unrecordedDecisions(
  scenario: Scenario,
  profile: EspProfile,
  targetedBy: 'device' | 'user' | 'default',
  phase: SetupPhase,
): Decision[] {
  const technician = scenario.deployment.mode === 'preProvisioning' && phase === 'deviceSetup';
  const user = phase === 'accountSetup' ? (scenario.users[0] ?? null) : null;
  // §5.2, AP-KI: a user-targeted profile's blocking list is ignored during the device ESP (setupPhase.ts).
  const blocking =
    phase === 'deviceSetup' && targetedBy === 'user' ? { ...profile, selectedMobileAppIds: [] } : profile;
  const why =
    phase === 'accountSetup'
      ? 'Account setup did not run in this simulation: the ESP stopped before it'
      : 'Device setup did not run in this simulation: the ESP stopped before it';
  return appTrackingDecisions(scenario, blocking, { phase, user }, technician).map((d) => ({
    phase,
    appId: d.appId,
    tracked: d.tracked,
    why: d.why,
    reason: `${d.reason} (${why})`,
    recorded: false,
  }));
}

/**
 * Explains a run of a scenario: the profile that applies and every candidate (§5.2), one entry per
 * app of the tenant (in tenant order) with the phase that tracks it or why none does, and the error
 * screen's actions for the profile (`errorActionsFor`, §1.9). `run` is `simulate(scenario, ...)` or
 * `runHeadless(...).run`. Never throws for a valid scenario.
 */
export function explainRun(scenario: Scenario, run: Run): Explanation {
  const timeline = run.timeline;
  const resolution = firstResolution(scenario, timeline);
  const skipped = timeline.find(
    (e): e is Extract<TimelineEvent, { type: 'espSkipped' }> => e.type === 'espSkipped' && e.part === 'device',
  );

  const decisions: Decision[] = [];
  for (const e of timeline) {
    if (e.type !== 'appTracking' || e.phase === 'devicePreparation') continue;
    decisions.push({
      phase: e.phase,
      appId: e.appId,
      tracked: e.tracked,
      why: e.why,
      reason: e.reason,
      recorded: true,
    });
  }
  if (!skipped) {
    const recordedPhases = new Set(decisions.map((d) => d.phase));
    const userPartSkipped = timeline.some((e) => e.type === 'espSkipped' && e.part === 'user');
    if (!recordedPhases.has('deviceSetup')) {
      decisions.push(...unrecordedDecisions(scenario, resolution.profile, resolution.targetedBy, 'deviceSetup'));
    }
    const userPartExpected =
      run.espShown.user || (scenario.deployment.mode === 'preProvisioning' && scenario.users.length > 0);
    if (!recordedPhases.has('accountSetup') && userPartExpected && !userPartSkipped) {
      decisions.push(...unrecordedDecisions(scenario, resolution.profile, resolution.targetedBy, 'accountSetup'));
    }
  }

  const apps = scenario.tenant.apps.map((app): ExplainedApp => {
    const base = { id: app.id, displayName: app.displayName };
    const mine = decisions.filter((d) => d.appId === app.id);
    const tracked = mine.find((d) => d.tracked && d.recorded) ?? mine.find((d) => d.tracked);
    if (tracked) {
      return {
        ...base,
        phase: tracked.phase,
        tracked: true,
        reason: tracked.reason,
        why: tracked.why,
        decidedIn: tracked.phase,
        recorded: tracked.recorded,
      };
    }
    if (mine.length === 0) {
      const reason = skipped
        ? `the ESP is not shown (${skipped.reason}), so no phase waits on "${app.displayName}"`
        : `no phase of this run decided about "${app.displayName}"`;
      return { ...base, phase: null, tracked: false, reason, why: 'espNotShown', decidedIn: null, recorded: true };
    }
    let best = mine[0]!;
    for (const d of mine.slice(1)) {
      const better = RELEVANCE[d.why] > RELEVANCE[best.why];
      const tieLater = RELEVANCE[d.why] === RELEVANCE[best.why] && d.phase === 'accountSetup';
      if (better || (tieLater && (d.recorded || !best.recorded))) best = d;
    }
    return {
      ...base,
      phase: null,
      tracked: false,
      reason: best.reason,
      why: best.why,
      decidedIn: best.phase,
      recorded: best.recorded,
    };
  });

  const defaultIds = resolution.candidates.filter((c) => c.isDefault).map((c) => c.id);
  return {
    scenario: scenario.name,
    profile: {
      id: resolution.profile.id,
      displayName: resolution.profile.displayName,
      targetedBy: resolution.targetedBy,
      candidates: resolution.candidates.map((c) => ({
        id: c.id,
        displayName: c.displayName,
        priority: c.priority,
        applies: c.applies,
        reason: c.reason,
      })),
      reason: resolution.reason,
      isDefault: resolution.profile.isDefault,
    },
    defaultProfileIds: defaultIds,
    apps,
    errorActions: errorActionsFor(resolution.profile, scenario.windows.release, scenario.deployment.mode),
    espShown: { ...run.espShown },
    espSkippedReason: skipped?.reason ?? null,
  };
}

/** The `esp-sim explain --json` object: exactly `{ profile, apps, errorActions }` (docs/cli.md). */
export function explanationJson(e: Explanation): ExplanationJson {
  return {
    profile: {
      id: e.profile.id,
      displayName: e.profile.displayName,
      targetedBy: e.profile.targetedBy,
      candidates: e.profile.candidates.map((c) => ({ ...c })),
    },
    apps: e.apps.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      phase: a.phase,
      tracked: a.tracked,
      reason: a.reason,
    })),
    errorActions: [...e.errorActions],
  };
}
