/**
 * Explain as the operator console shows it: `explainRun` (explain.ts, the same explanation as `esp-sim explain`)
 * plus, for the error screen, the setting behind each action the profile gives and the setting that would give
 * each one it does not (the article's labels), and the message the screen shows. Pure: no I/O.
 */
import type { ErrorAction } from '../../../shared/esp';
import { ACTION_LABELS, DEFAULT_ERROR_MESSAGE } from '../../../shared/esp';
import type { ExplainErrorAction, ExplainView } from '../../../shared/operator';
import type { Run } from '../engine/simulate';
import type { EspProfile, Scenario } from '../scenario/model';
import { explainRun } from './explain';

const ALL_ACTIONS: readonly ErrorAction[] = [
  'resetDevice',
  'tryAgain',
  'continueAnyway',
  'collectLogs',
  'viewDiagnostics',
];

const BLOCK = '"Block device use until all apps and profiles are installed"';
const RESET = '"Allow users to reset device if installation error occurs"';
const USE = '"Allow users to use device if installation error occurs"';
const LOGS = '"Turn on log collection and diagnostics page for end users"';

/** The setting behind an action the profile gives. */
function grantedBecause(action: ErrorAction, profile: EspProfile): string {
  switch (action) {
    case 'resetDevice':
      return `${RESET} is Yes`;
    case 'tryAgain':
      return `${BLOCK} is Yes`;
    case 'continueAnyway':
      return profile.blockDeviceSetupRetryByUser
        ? `${BLOCK} is No, so nothing holds the user on the page`
        : `${USE} is Yes`;
    case 'collectLogs':
      return `${LOGS} is Yes (Windows 10, and the pre-provisioning technician flow, show Collect logs)`;
    case 'viewDiagnostics':
      return `${LOGS} is Yes (Windows 11 shows the diagnostics page)`;
    case 'signOut':
      return 'the user may sign out';
  }
}

/** The setting that would give an action the profile does not (null: not available in this flow at all). */
function withheldBecause(action: ErrorAction, profile: EspProfile, scenario: Scenario): string | null {
  const blockNo = profile.blockDeviceSetupRetryByUser;
  // Windows 11 outside the technician flow has the diagnostics page; elsewhere the screen has Collect logs.
  const diagnosticsPage = scenario.windows.release === '11' && scenario.deployment.mode !== 'preProvisioning';
  const logsOff = !profile.allowLogCollectionOnInstallFailure;
  switch (action) {
    case 'resetDevice':
      return blockNo ? `greyed out while ${BLOCK} is No` : `${RESET} is No`;
    case 'tryAgain':
      return `${BLOCK} is No`;
    case 'continueAnyway':
      return `${USE} is No`;
    case 'collectLogs':
      return !diagnosticsPage && logsOff ? `${LOGS} is No` : null;
    case 'viewDiagnostics':
      return diagnosticsPage && logsOff ? `${LOGS} is No` : null;
    case 'signOut':
      return null;
  }
}

/** Explain for the console: which profile applies and why, what each phase tracks and why not, the error actions. */
export function explainView(scenario: Scenario, run: Run): ExplainView {
  const e = explainRun(scenario, run);
  const profile = scenario.tenant.espProfiles.find((p) => p.id === e.profile.id);
  const defaults = new Set(e.defaultProfileIds);
  const action = (a: ErrorAction, because: string): ExplainErrorAction => ({
    action: a,
    label: ACTION_LABELS[a],
    because,
  });
  const offered = new Set(e.errorActions);
  const withheld = profile
    ? ALL_ACTIONS.filter((a) => !offered.has(a)).flatMap((a) => {
        const because = withheldBecause(a, profile, scenario);
        return because ? [action(a, because)] : [];
      })
    : [];
  return {
    scenarioName: e.scenario,
    profile: {
      id: e.profile.id,
      displayName: e.profile.displayName,
      targetedBy: e.profile.targetedBy,
      reason: e.profile.reason,
      isDefault: e.profile.isDefault,
      candidates: e.profile.candidates.map((c) => ({ ...c, isDefault: defaults.has(c.id) })),
    },
    espShown: e.espShown,
    espSkipped: e.espSkippedReason,
    apps: e.apps.map((a) => ({
      id: a.id,
      displayName: a.displayName,
      phase: a.phase,
      tracked: a.tracked,
      why: a.why,
      reason: a.reason,
      recorded: a.recorded,
    })),
    errorActions: profile ? e.errorActions.map((a) => action(a, grantedBecause(a, profile))) : [],
    errorActionsWithheld: withheld,
    errorMessage: profile?.customErrorMessage ?? DEFAULT_ERROR_MESSAGE,
    errorMessageIsCustom: profile?.customErrorMessage != null,
  };
}
