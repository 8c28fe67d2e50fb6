/**
 * Who a profile, app or other resource is targeted at, and which ESP profile applies (esp-reference.md §5.2,
 * scenario-and-cli.md §1 "Assignments", "Profile choice").
 *
 * Rules, as implemented:
 * - An assignment includes the device when it targets a group the device is in, or all devices; it includes a
 *   user when it targets a group the user is in, or all licensed users and the user holds an Intune licence.
 * - An exclusion group containing the subject beats every include (Intune: exclusion wins).
 * - A filter on an include assignment is evaluated against the scenario's device, for device and user
 *   targeting alike (Intune evaluates filters on the device the user signs in on): an `include` filter must
 *   match, an `exclude` filter must not. A filter id the tenant does not have, or whose rule does not parse,
 *   makes that assignment not apply (validation reports it; the engine stays conservative).
 * - Profile priority: lowest number >= 1 wins; equal priorities are broken by id order (Intune itself never
 *   stores two profiles with one priority; a hand-written scenario may) and the reason says so.
 * - Apps: only `required` intent counts; an `uninstall` assignment that applies to the same subject wins over
 *   `required` (a simplification of Intune's intent-conflict table). Exclusion groups apply to the intent they
 *   are listed under (Graph stores one intent per exclusion assignment); an exclusion without an intent
 *   applies to every intent.
 *
 * Pure: no Node, no electron.
 *
 * Past 400 lines because every targeting rule — assignments, exclusions, filters, profile choice and every candidate's reason — must agree, so they live together.
 */
import { newTenantDefaultProfile } from '../scenario/defaultProfile';
import { memo } from './memo';
import type { Assignment, EspProfile, Scenario, User, App, AppIntent } from '../scenario/model';
import { evaluateFilter, parseFilterRule } from '../filters/assignmentFilter';

export type TargetSubject = { kind: 'device' } | { kind: 'user'; user: User };

export interface ResolvedProfile {
  profile: EspProfile;
  targetedBy: 'device' | 'user' | 'default';
  /** A human sentence for the timeline. */
  reason: string;
}

/** Why an assignment set does or does not reach a subject, as a value the record can carry. */
export type TargetingCause = 'included' | 'notAssigned' | 'filteredOut' | 'excluded';

export interface TargetingExplanation {
  applies: boolean;
  cause: TargetingCause;
  /** Why it applies (the winning include), or why it does not. */
  reason: string;
}

// ---------------------------------------------------------------------------------------------
// Assignment evaluation

function groupName(scenario: Scenario, groupId: string): string {
  const g = scenario.tenant.groups.find((x) => x.id === groupId);
  return g ? `group "${g.displayName}"` : `group ${groupId}`;
}

function subjectName(subject: TargetSubject): string {
  return subject.kind === 'device' ? 'this device' : subject.user.userPrincipalName;
}

function subjectGroupIds(scenario: Scenario, subject: TargetSubject): readonly string[] {
  return subject.kind === 'device' ? scenario.device.groupIds : subject.user.groupIds;
}

/** Whether the assignment's target (ignoring its filter) includes the subject; a phrase either way. */
function targetIncludes(
  a: Assignment,
  scenario: Scenario,
  subject: TargetSubject,
): { includes: boolean; phrase: string } | null {
  const who = subjectName(subject);
  switch (a.target.kind) {
    case 'group': {
      const inGroup = subjectGroupIds(scenario, subject).includes(a.target.groupId);
      return {
        includes: inGroup,
        phrase: `assigned to ${groupName(scenario, a.target.groupId)}, which ${inGroup ? 'contains' : 'does not contain'} ${who}`,
      };
    }
    case 'allDevices':
      return subject.kind === 'device' ? { includes: true, phrase: 'assigned to all devices' } : null;
    case 'allLicensedUsers':
      if (subject.kind !== 'user') return null;
      return subject.user.intuneLicensed
        ? { includes: true, phrase: `assigned to all licensed users, which includes ${who}` }
        : {
            includes: false,
            phrase: `assigned to all licensed users, but ${who} has no Intune licence`,
          };
    case 'exclusionGroup':
      return null;
  }
}

/** Evaluate an include assignment's filter against the device; null = passes with nothing to say. */
function filterOutcome(a: Assignment, scenario: Scenario): { passes: boolean; phrase: string } | null {
  if (a.filterId === null || a.filterType === 'none') return null;
  const filter = scenario.tenant.assignmentFilters.find((f) => f.id === a.filterId);
  if (!filter) {
    return {
      passes: false,
      phrase: `its filter ${a.filterId} does not exist in the tenant, so the assignment is not applied`,
    };
  }
  const parsed = parseFilterRule(filter.rule);
  if (!parsed.ok) {
    return {
      passes: false,
      phrase: `its filter "${filter.displayName}" cannot be evaluated (${parsed.error}), so the assignment is not applied`,
    };
  }
  const matches = evaluateFilter(parsed.filter, scenario.device);
  const mode = a.filterType;
  const passes = mode === 'include' ? matches : !matches;
  return {
    passes,
    phrase: `this device ${matches ? 'matches' : 'does not match'} ${mode} filter "${filter.displayName}"`,
  };
}

/**
 * Whether a set of assignments targets the subject, with the reason. Exclusion beats include; among
 * includes, the first that applies is the one named.
 */
export function explainTargeting(
  assignments: readonly Assignment[],
  scenario: Scenario,
  subject: TargetSubject,
): TargetingExplanation {
  const who = subjectName(subject);
  const groups = subjectGroupIds(scenario, subject);

  const exclusion = assignments.find((a) => a.target.kind === 'exclusionGroup' && groups.includes(a.target.groupId));
  let firstMiss: string | null = null;
  let missCause: TargetingCause = 'notAssigned';
  for (const a of assignments) {
    const t = targetIncludes(a, scenario, subject);
    if (!t) continue;
    if (!t.includes) {
      firstMiss ??= t.phrase;
      continue;
    }
    const f = filterOutcome(a, scenario);
    if (f && !f.passes) {
      firstMiss = `${t.phrase}, but ${f.phrase}`;
      missCause = 'filteredOut';
      continue;
    }
    if (exclusion && exclusion.target.kind === 'exclusionGroup') {
      return {
        applies: false,
        cause: 'excluded',
        reason: `${t.phrase}, but ${who} is in excluded ${groupName(scenario, exclusion.target.groupId)}, and an exclusion beats an include`,
      };
    }
    return { applies: true, cause: 'included', reason: f ? `${t.phrase}, and ${f.phrase}` : t.phrase };
  }
  return { applies: false, cause: missCause, reason: firstMiss ?? `not assigned to ${who}` };
}

/** A profile or resource is targeted at the scenario's device (§5.2). */
export function appliesToDevice(assignments: readonly Assignment[], scenario: Scenario): boolean {
  return explainTargeting(assignments, scenario, { kind: 'device' }).applies;
}

/** A profile or resource is targeted at the user; filters still evaluate against the device (§5.2). */
export function appliesToUser(assignments: readonly Assignment[], scenario: Scenario, user: User): boolean {
  return explainTargeting(assignments, scenario, { kind: 'user', user }).applies;
}

// ---------------------------------------------------------------------------------------------
// Profile choice

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Non-default profiles, highest priority first (1 before 2); ties by id; nonsense priorities (< 1) last. */
function rankedProfiles(scenario: Scenario): EspProfile[] {
  const rank = (p: EspProfile): number => (p.priority >= 1 ? p.priority : Number.POSITIVE_INFINITY);
  return scenario.tenant.espProfiles
    .filter((p) => !p.isDefault)
    .slice()
    .sort((a, b) => rank(a) - rank(b) || compareIds(a.id, b.id));
}

function defaultProfile(scenario: Scenario): { profile: EspProfile; synthesized: boolean } {
  const defaults = scenario.tenant.espProfiles.filter((p) => p.isDefault).sort((a, b) => compareIds(a.id, b.id));
  const first = defaults[0];
  return first
    ? { profile: first, synthesized: false }
    : { profile: newTenantDefaultProfile(scenario.tenant.id), synthesized: true };
}

function describeProfile(p: EspProfile): string {
  return `"${p.displayName}" (priority ${p.priority})`;
}

/** The first targeted profile, its explanation, and a note when it won a priority tie. */
function firstTargeted(
  ranked: readonly EspProfile[],
  scenario: Scenario,
  subject: TargetSubject,
): { profile: EspProfile; reason: string } | null {
  const targeted = ranked
    .map((p) => ({ p, e: explainTargeting(p.assignments, scenario, subject) }))
    .filter((x) => x.e.applies);
  const winner = targeted[0];
  if (!winner) return null;
  const tied = targeted.slice(1).filter((x) => x.p.priority === winner.p.priority);
  let reason = `${describeProfile(winner.p)} is ${winner.e.reason}`;
  if (tied.length > 0) {
    const names = tied.map((x) => `"${x.p.displayName}"`).join(', ');
    reason += `; ${names} ${tied.length === 1 ? 'has' : 'have'} the same priority and lost the tie on id order`;
  }
  return { profile: winner.p, reason };
}

function defaultReason(base: string, synthesized: boolean): string {
  return synthesized
    ? `${base}; the tenant has no default profile, so a new tenant's default (the ESP turned off) is assumed`
    : base;
}

/**
 * The ESP profile that applies (§5.2): the highest-priority profile targeted at the device; else, when there
 * is a user and the mode has one (not self-deploying, not pre-provisioning), the highest-priority profile
 * targeted at the user; else the default profile.
 */
export function resolveProfile(scenario: Scenario, user: User | null): ResolvedProfile {
  return memo(scenario, `profile:${user?.id ?? ''}`, () => computeResolveProfile(scenario, user));
}

function computeResolveProfile(scenario: Scenario, user: User | null): ResolvedProfile {
  const ranked = rankedProfiles(scenario);
  const device = firstTargeted(ranked, scenario, { kind: 'device' });
  if (device) return { profile: device.profile, targetedBy: 'device', reason: device.reason };

  const { profile: fallback, synthesized } = defaultProfile(scenario);
  if (user === null) {
    return {
      profile: fallback,
      targetedBy: 'default',
      reason: defaultReason('no profile is targeted at the device; the default profile applies', synthesized),
    };
  }

  const userPick = firstTargeted(ranked, scenario, { kind: 'user', user });
  const mode = scenario.deployment.mode;
  if (userPick && (mode === 'selfDeploying' || mode === 'preProvisioning')) {
    const modeName = mode === 'selfDeploying' ? 'self-deploying' : 'pre-provisioning';
    return {
      profile: fallback,
      targetedBy: 'default',
      reason: defaultReason(
        `"${userPick.profile.displayName}" is targeted at ${user.userPrincipalName} but user-targeted profiles are ignored in ${modeName} mode; the default profile applies`,
        synthesized,
      ),
    };
  }
  if (userPick) {
    return {
      profile: userPick.profile,
      targetedBy: 'user',
      reason: `no profile is targeted at the device, so the user's applies: ${userPick.reason}`,
    };
  }
  return {
    profile: fallback,
    targetedBy: 'default',
    reason: defaultReason('no profile is targeted at the device or user; the default profile applies', synthesized),
  };
}

/**
 * The highest-priority device-targeted profile, or the default. Windows reads the quality-updates
 * setting only from this one (§5.2 [V]).
 */
export function deviceTargetedProfile(scenario: Scenario): ResolvedProfile {
  return resolveProfile(scenario, null);
}

// ---------------------------------------------------------------------------------------------
// Apps

/** The assignments that speak for one intent: its includes and its exclusions (plus intent-less exclusions). */
function assignmentsForIntent(app: App, intent: AppIntent): Assignment[] {
  return app.assignments.filter(
    (a) => a.intent === intent || (a.target.kind === 'exclusionGroup' && a.intent === null),
  );
}

function toSubject(target: { kind: 'device' } | { kind: 'user'; user: User }): TargetSubject {
  return target.kind === 'device' ? { kind: 'device' } : { kind: 'user', user: target.user };
}

/** Why an app is or is not required for the subject, for timelines. */
export function explainAppRequirement(
  app: App,
  scenario: Scenario,
  target: { kind: 'device' } | { kind: 'user'; user: User },
): TargetingExplanation {
  const subject = toSubject(target);
  const req = explainTargeting(assignmentsForIntent(app, 'required'), scenario, subject);
  if (!req.applies)
    return { applies: false, cause: req.cause, reason: `"${app.displayName}" is not required: ${req.reason}` };
  const un = explainTargeting(assignmentsForIntent(app, 'uninstall'), scenario, subject);
  if (un.applies) {
    return {
      applies: false,
      cause: 'notAssigned',
      reason: `"${app.displayName}" is required (${req.reason}) but also set to uninstall (${un.reason}); uninstall wins`,
    };
  }
  return { applies: true, cause: 'included', reason: `"${app.displayName}" is required: ${req.reason}` };
}

/**
 * Apps with a `required` assignment that applies to the device or user, in tenant order. Available and
 * availableWithoutEnrollment assignments are ignored; an applicable `uninstall` assignment wins over required.
 */
export function requiredAppsFor(scenario: Scenario, target: { kind: 'device' } | { kind: 'user'; user: User }): App[] {
  return scenario.tenant.apps.filter((app) => explainAppRequirement(app, scenario, target).applies);
}

// ---------------------------------------------------------------------------------------------
// Every candidate, for the record and Explain

/** One ESP profile considered by `resolveProfile`, and why it won or lost (§5.2). */
export interface ProfileCandidate {
  id: string;
  displayName: string;
  priority: number;
  isDefault: boolean;
  /** True for the one profile that applies. */
  applies: boolean;
  /** A sentence: the winner's reason, or why this one lost (not targeted, filtered out, excluded, lower priority, ...). */
  reason: string;
}

/**
 * Every ESP profile of the tenant (the default last) with why it won or lost against `resolved`,
 * the result of `resolveProfile(scenario, user)`. Same rules as `resolveProfile`; never throws.
 */
export function profileCandidates(
  scenario: Scenario,
  user: User | null,
  resolved: ResolvedProfile,
): ProfileCandidate[] {
  return memo(scenario, `candidates:${user?.id ?? ''}:${resolved.profile.id}`, () =>
    computeProfileCandidates(scenario, user, resolved),
  );
}

function computeProfileCandidates(
  scenario: Scenario,
  user: User | null,
  resolved: ResolvedProfile,
): ProfileCandidate[] {
  const winner = resolved.profile;
  const ranked = rankedProfiles(scenario);
  const { profile: fallback } = defaultProfile(scenario);
  const mode = scenario.deployment.mode;
  const userIgnored = mode === 'selfDeploying' || mode === 'preProvisioning';
  const candidates: ProfileCandidate[] = ranked.map((p) => {
    const base = { id: p.id, displayName: p.displayName, priority: p.priority, isDefault: false };
    if (p.id === winner.id) return { ...base, applies: true, reason: resolved.reason };
    const device = explainTargeting(p.assignments, scenario, { kind: 'device' });
    if (device.applies) {
      return {
        ...base,
        applies: false,
        reason: `targeted at this device (${device.reason}), but "${winner.displayName}" (priority ${winner.priority}) comes first`,
      };
    }
    if (user) {
      const byUser = explainTargeting(p.assignments, scenario, { kind: 'user', user });
      if (byUser.applies) {
        const why =
          resolved.targetedBy === 'device'
            ? 'a profile targeted at the device wins over user-targeted ones'
            : userIgnored
              ? `user-targeted profiles are ignored in ${mode === 'selfDeploying' ? 'self-deploying' : 'pre-provisioning'} mode`
              : `"${winner.displayName}" (priority ${winner.priority}) comes first`;
        return {
          ...base,
          applies: false,
          reason: `targeted at ${user.userPrincipalName} (${byUser.reason}), but ${why}`,
        };
      }
      return { ...base, applies: false, reason: `not targeted: device: ${device.reason}; user: ${byUser.reason}` };
    }
    return { ...base, applies: false, reason: `not targeted at this device: ${device.reason}` };
  });
  const defaultApplies = fallback.id === winner.id;
  candidates.push({
    id: fallback.id,
    displayName: fallback.displayName,
    priority: fallback.priority,
    isDefault: true,
    applies: defaultApplies,
    reason: defaultApplies ? resolved.reason : 'the default profile applies only when no other profile does',
  });
  return candidates;
}
