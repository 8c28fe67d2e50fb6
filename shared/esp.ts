/**
 * The ESP's own vocabulary, shared by the engine, the screens and the log writers.
 * Strings are quoted verbatim from Windows where Windows has them (esp-reference.md §1.2–§1.4, §1.9).
 */

export type PhaseId = 'devicePreparation' | 'deviceSetup' | 'accountSetup';
export const PHASES: readonly PhaseId[] = ['devicePreparation', 'deviceSetup', 'accountSetup'];

export type ItemId =
  'tpm' | 'join' | 'mdm' | 'espProvider' | 'securityPolicies' | 'certificates' | 'networkConnections' | 'apps';

/** Status values of the public JSON contract (scenario-and-cli.md §2). */
export type Status =
  'notStarted' | 'identifying' | 'inProgress' | 'succeeded' | 'failed' | 'previousStepFailed' | 'notRun';

export type Outcome = 'succeeded' | 'failed' | 'timedOut' | 'continuedAnyway' | 'notShown' | 'reset';

/** Error-screen actions, in the order the contract lists them. */
export type ErrorAction = 'resetDevice' | 'tryAgain' | 'continueAnyway' | 'collectLogs' | 'viewDiagnostics' | 'signOut';

export type DeploymentMode = 'userDriven' | 'selfDeploying' | 'preProvisioning' | 'entraJoinOobe';
export type JoinType = 'entra' | 'hybrid';
export type WindowsRelease = '10' | '11';

/** §1.2 */
export const PAGE_TITLE = 'Setting up for work or school';
export const PAGE_LEAD = 'This will take a few minutes. Your device might need to restart as we complete the setup.';

/** §1.3 */
export const PHASE_TITLES: Record<PhaseId, string> = {
  devicePreparation: 'Device preparation',
  deviceSetup: 'Device setup',
  accountSetup: 'Account setup',
};

/** §1.3: the row title; the status goes in parentheses after it. */
export const ITEM_TITLES: Record<ItemId, string> = {
  tpm: 'Securing your hardware',
  join: "Joining your organization's network",
  mdm: 'Registering your device for mobile management',
  espProvider: 'Preparing your device for mobile management',
  securityPolicies: 'Security policies',
  certificates: 'Certificates',
  networkConnections: 'Network connections',
  apps: 'Apps',
};

/** §1.4. The waiting text is marked [U]; we show the widely reported GA text (docs/fidelity.md). */
export const STATUS_TEXT = {
  waiting: 'Waiting for previous step to complete',
  working: 'Working on it...',
  complete: 'Complete',
  error: 'Error',
  previousStepFailed: 'Previous step failed',
  identifying: 'Identifying',
  noSetupNeeded: 'No setup needed',
} as const;

/** Which of Windows' status texts a category or row shows: the snapshot carries this beside the English text. */
export type StatusKey = keyof typeof STATUS_TEXT;

/** §1.4: the progress word of a counted row (policies and certificates are applied, networks added, apps installed). */
export type ProgressVerb = 'applied' | 'added' | 'installed';

/** Outcomes in people's words, for the CLI's text output and the operator console. */
export const OUTCOME_TEXT: Record<Outcome, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  timedOut: 'Timed out',
  continuedAnyway: 'Continued anyway',
  notShown: 'ESP not shown',
  reset: 'Device reset',
};

/** How the profile in force was chosen, in people's words (§5.2). */
export const TARGETED_BY_TEXT = {
  device: 'assigned to the device',
  user: 'assigned to the user',
  default: 'the default profile',
} as const;

/** Deployment modes in people's words. */
export const MODE_LABELS: Record<DeploymentMode, string> = {
  userDriven: 'User-driven',
  selfDeploying: 'Self-deploying',
  preProvisioning: 'Pre-provisioning',
  entraJoinOobe: 'Microsoft Entra join in OOBE (no Autopilot)',
};

/** Join types in people's words. */
export const JOIN_LABELS: Record<JoinType, string> = {
  entra: 'Microsoft Entra join',
  hybrid: 'Microsoft Entra hybrid join',
};

/** Simulated seconds as h:mm:ss, the way durations are shown to people; hours keep counting past 23. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** §1.9: Intune's default message when the profile has no custom text. */
export const DEFAULT_ERROR_MESSAGE =
  'Setup could not be completed. Please try again or contact your support person for help.';

/** §1.9: button and link captions. */
export const ACTION_LABELS: Record<ErrorAction, string> = {
  resetDevice: 'Reset device',
  tryAgain: 'Try again',
  continueAnyway: 'Continue anyway',
  collectLogs: 'Collect logs',
  viewDiagnostics: 'View diagnostics',
  signOut: 'Sign out',
};

/** §1.9: links sit bottom-left, buttons bottom-right. */
export const ACTION_PLACEMENT: Record<ErrorAction, 'button' | 'link'> = {
  resetDevice: 'button',
  tryAgain: 'button',
  continueAnyway: 'link',
  collectLogs: 'link',
  viewDiagnostics: 'link',
  signOut: 'link',
};

export const CONTINUE_ANYWAY_NOTE = 'You can continue anyway, but you should contact your IT department first.';

/** Lowercase 8-digit hex with 0x, as the ESP prints HRESULTs (§1.4). */
export function formatHresult(code: number): string {
  return '0x' + (code >>> 0).toString(16).padStart(8, '0');
}

/**
 * HRESULT_FROM_WIN32: a Win32 exit code as the HRESULT Windows reports for it (1603 → 0x80070643,
 * 1 → 0x80070001); 0, negative values and codes that already are HRESULTs pass through unchanged.
 */
export function hresultFromExitCode(code: number): number {
  if (code <= 0 || code > 0xffff) return code | 0;
  return (code & 0xffff) | 0x80070000 | 0;
}

/**
 * The languages the device screens speak (docs/fidelity.md, "Languages"). English is Windows' own wording, quoted
 * in this file; German and French are the project's translations (renderer/src/i18n), not Microsoft's.
 */
export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The device's Windows display language when a scenario names none (`device.locale`). */
export const DEFAULT_LOCALE = 'en-US';

/**
 * The screen language for a Windows locale: its language subtag (`de-DE`, `de-AT`, `fr-CA` → `de`, `de`, `fr`)
 * when the screens speak it, English otherwise.
 */
export function languageOfLocale(locale: string): Language {
  const subtag = locale.split(/[-_]/)[0]!.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(subtag) ? (subtag as Language) : 'en';
}

/** §7.6: texts of the pre-provisioning failure page (`{0}` = 8 hex digits; key pairing [I]). */
export const PRE_PROVISIONING_ERRORS = {
  tpmTimeout: 'Something happened, and TPM attestation timed out.',
  timeout: "Something happened, and we couldn't complete the provisioning process in the required time.",
  noProfile: "We couldn't find an Autopilot profile. Please check that your device has an Autopilot profile assigned.",
  mdmEnrollment: "We couldn't finish MDM enrollment. Error: 0x{0}",
  espProvider:
    "Something went wrong and we weren't able to install the enrollment status policy provider. Error: 0x{0}",
  aadJoin: "We couldn't perform a device-based Azure AD join. Error: 0x{0}",
} as const;

export type PreProvisioningErrorKey = keyof typeof PRE_PROVISIONING_ERRORS;
