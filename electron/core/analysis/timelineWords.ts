/**
 * The run's record (shared/timeline.ts, docs/timeline.md) in people's words, one line per event, for the operator
 * console's live timeline: "Installing "Microsoft Teams" (attempt 1, 160 MB to download)", not `appInstallStarted`.
 * The per-app tracking decisions are left to Explain, which shows them grouped. Pure: no I/O.
 */
import { USER_ACTION_LABELS } from '../../../shared/actions';
import { ACTION_LABELS, ITEM_TITLES, OUTCOME_TEXT, PHASE_TITLES, TARGETED_BY_TEXT } from '../../../shared/esp';
import type { TimelineLine } from '../../../shared/operator';
import type { AppPhase, CancelReason, InstallationState, TimelineEvent } from '../../../shared/timeline';
import type { Scenario } from '../scenario/model';

const STATUS_WORDS: Record<string, string> = {
  notStarted: 'not started',
  identifying: 'identifying',
  inProgress: 'in progress',
  succeeded: 'succeeded',
  failed: 'failed',
  previousStepFailed: 'previous step failed',
  notRun: 'not run',
};

const CANCEL_WORDS: Record<CancelReason, string> = {
  phaseFailed: 'the phase failed',
  timedOut: 'the ESP timed out',
  continuedAnyway: 'the user continued anyway',
  reset: 'the device is being reset',
  tryAgain: 'the user chose Try again',
  provision: 'the technician chose Provision',
};

const STATE_WORDS: Record<InstallationState, string> = {
  notInstalled: 'not installed',
  inProgress: 'installing',
  completed: 'completed',
  error: 'error',
};

function phaseWords(phase: AppPhase): string {
  return phase === 'afterEsp' ? 'after the ESP' : PHASE_TITLES[phase];
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

/** Names for the ids the record uses: apps, policies, certificates, network profiles. */
function namer(scenario: Scenario): (id: string) => string {
  const names = new Map<string, string>();
  for (const list of [
    scenario.tenant.apps,
    scenario.tenant.policies,
    scenario.tenant.certificateProfiles,
    scenario.tenant.networkProfiles,
  ]) {
    for (const item of list) names.set(item.id, item.displayName);
  }
  return (id) => `"${names.get(id) ?? id}"`;
}

/** One event in people's words; null for the decisions Explain shows instead. */
export function describeEvent(event: TimelineEvent, name: (id: string) => string): string | null {
  switch (event.type) {
    case 'profileResolved':
      return `ESP profile "${event.displayName}" applies (${TARGETED_BY_TEXT[event.targetedBy]}): ${event.reason}`;
    case 'espSkipped':
      return `The ESP's ${event.part === 'device' ? 'device' : 'user'} part is not shown: ${event.reason}`;
    case 'firstSyncOverride':
      return `A custom configuration steers the ESP: ${event.reason}`;
    case 'phaseStarted':
      return `${PHASE_TITLES[event.phase]} started`;
    case 'phaseCompleted':
      return `${PHASE_TITLES[event.phase]} ${STATUS_WORDS[event.status] ?? event.status}`;
    case 'itemChanged':
      return `${PHASE_TITLES[event.phase]}: ${event.text}`;
    case 'trackingListBuilt': {
      const what = ITEM_TITLES[event.item];
      if (event.ids.length === 0) return `${PHASE_TITLES[event.phase]} waits on no ${what.toLowerCase()}`;
      return `${PHASE_TITLES[event.phase]} waits on ${event.ids.length} in ${what}: ${event.ids.map(name).join(', ')}`;
    }
    case 'appTracking':
      return null;
    case 'appInstallStarted':
      return `Installing ${name(event.appId)} (${phaseWords(event.phase)}, attempt ${event.attempt}${
        event.downloadBytes > 0 ? `, ${megabytes(event.downloadBytes)} to download` : ''
      })`;
    case 'appInstallCompleted':
      return event.result === 'success'
        ? `${name(event.appId)} installed (exit code ${event.exitCode})`
        : `${name(event.appId)} exited ${event.exitCode} (${event.hresult}): ${
            event.result === 'failed'
              ? 'installation failed'
              : event.result === 'retry'
                ? 'retry later'
                : 'restart needed'
          }`;
    case 'appRetryScheduled':
      return `${name(event.appId)} will be tried again in ${Math.round(event.inSeconds / 60)} minutes`;
    case 'appInstallHung':
      return `${name(event.appId)} never reports back: ${event.reason}`;
    case 'appInstallCancelled':
      return `${name(event.appId)} stopped: ${CANCEL_WORDS[event.reason]}`;
    case 'installationStateChanged':
      return `${name(event.appId)} is ${STATE_WORDS[event.state]}`;
    case 'resourceApplied':
      return `${name(event.resourceId)} ${event.ok ? 'applied' : 'failed to apply'}`;
    case 'timeout':
      return `${PHASE_TITLES[event.phase]} timed out after ${event.minutes} minutes`;
    case 'errorScreenShown':
      return `Error screen in ${PHASE_TITLES[event.phase]}: "${event.message}"${
        event.actions.length > 0 ? ` — offers ${event.actions.map((a) => ACTION_LABELS[a]).join(', ')}` : ''
      }`;
    case 'actionsOffered':
      return event.actions.length > 0
        ? `The screen offers ${event.actions.map((a) => USER_ACTION_LABELS[a]).join(', ')}`
        : null;
    case 'userAction':
      return `The user chose ${USER_ACTION_LABELS[event.action]}`;
    case 'restartStarted':
      return `The device restarts: ${event.reason}`;
    case 'signInShown':
      return event.prefilledUser
        ? `Windows sign-in, ${event.prefilledUser} filled in`
        : 'Windows sign-in, nothing filled in';
    case 'signedIn':
      return `${event.userPrincipalName} signed in`;
    case 'espCompleted':
      return `The ESP's ${event.part} part completed`;
    case 'desktopReached':
      return 'The desktop appears';
    case 'qualityUpdatesDecided':
      return `Quality updates ${event.install ? 'will be installed' : 'are not installed'}: ${event.reason}`;
    case 'qualityUpdatesChecked':
      return event.found ? 'Quality updates found' : 'No quality updates found';
    case 'qualityUpdatesInstalled':
      return `Quality updates installed${event.restart ? '; the device restarts' : ''}`;
    case 'outcome':
      return `Outcome: ${OUTCOME_TEXT[event.outcome]}`;
  }
}

/** Every event of the record that people read, in order, in their words. */
export function timelineInWords(scenario: Scenario, timeline: readonly TimelineEvent[]): TimelineLine[] {
  const name = namer(scenario);
  const lines: TimelineLine[] = [];
  for (const event of timeline) {
    const text = describeEvent(event, name);
    if (text !== null) lines.push({ t: event.t, text, type: event.type });
  }
  return lines;
}
