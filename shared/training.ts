/**
 * Training mode (operator console, "Training" page): the trainee's answer, the grade, and the choices offered, in
 * people's words. The causes are diagnoseBundle's cause kinds (electron/core/analysis/diagnose.ts).
 */

/** diagnoseBundle's cause kinds, as the trainee picks them. */
export const CAUSE_CHOICES = [
  { kind: 'appInstallFailed', label: 'An app failed to install' },
  { kind: 'appRetryExhausted', label: 'An app kept asking to retry until it gave up' },
  { kind: 'msiWin32Conflict', label: 'An MSI and a Win32 app installed at once (1618)' },
  { kind: 'timeout', label: 'The ESP ran out of time' },
  { kind: 'tpmAttestationFailure', label: 'The TPM could not be attested' },
  { kind: 'espProviderTimeout', label: 'The Intune Management Extension never arrived' },
  { kind: 'resourceFailed', label: 'A policy, certificate or network profile failed' },
  { kind: 'identifyingNeverEnds', label: 'Account setup stuck on Identifying (user not licensed)' },
  { kind: 'packagedReboot', label: 'An installer restarted the device by itself' },
  { kind: 'officeHang', label: 'Microsoft 365 Apps hung' },
  { kind: 'declaredReboot', label: 'An app asked for a restart (it worked, after signing in again)' },
  { kind: 'slowDownload', label: 'A download crawled (network)' },
  { kind: 'none', label: 'Nothing went wrong' },
] as const;

export type TrainingCause = (typeof CAUSE_CHOICES)[number]['kind'];

/** What the trainee would do next, in people's words. */
export const NEXT_ACTIONS = [
  { id: 'fixApp', label: "Fix the app's package, command line or return codes in Intune" },
  { id: 'sequenceInstalls', label: 'Stop mixing MSI (line-of-business) and Win32 apps in the ESP' },
  { id: 'extendTimeout', label: "Raise the ESP's timeout or track fewer apps" },
  { id: 'checkTpm', label: 'Check the TPM (firmware, attestation) or use user-driven mode' },
  { id: 'checkImeDelivery', label: 'Check why the Intune Management Extension did not install (network, proxy)' },
  { id: 'fixResource', label: 'Fix the policy, certificate or network profile (SCEP/PKCS chain, Wi-Fi)' },
  { id: 'assignLicense', label: 'Give the user an Intune licence' },
  { id: 'removeRestart', label: "Remove the installer's own restart; let Intune handle it with a return code" },
  { id: 'checkNetwork', label: 'Check the network and the download path (Delivery Optimization, proxy)' },
  { id: 'nothing', label: 'Nothing: it worked as designed' },
] as const;

export type NextAction = (typeof NEXT_ACTIONS)[number]['id'];

/** easy: the cause only; hard: the cause, the app and the code. */
export type TrainingDifficulty = 'easy' | 'hard';

export interface TrainingAnswer {
  cause: TrainingCause | null;
  /** The app at fault (its id), or null for none. */
  appId: string | null;
  /** An exit code (`1603`) or an HRESULT (`0x800705b4`), as typed. */
  code: string;
  nextAction: NextAction | null;
}

/** The ground truth: diagnoseBundle of the run's own bundle. */
export interface TrainingTruth {
  cause: TrainingCause | 'unknown';
  appId: string | null;
  appName: string | null;
  code: string | null;
  summary: string;
  /** The lines that show it: `file:line: text`. */
  evidence: string[];
  /** What an admin would do, in order. */
  steps: string[];
}

export interface GradedPart {
  part: 'cause' | 'app' | 'code' | 'nextAction';
  right: boolean;
  /** The right answer, in people's words. */
  expected: string;
  given: string;
}

export interface TrainingGrade {
  difficulty: TrainingDifficulty;
  parts: GradedPart[];
  score: number;
  outOf: number;
}

/** One graded round, as kept per trainee. */
export interface TrainingResult {
  at: string;
  trainee: string;
  scenario: string;
  difficulty: TrainingDifficulty;
  score: number;
  outOf: number;
  cause: string;
  answeredCause: string;
}

export function causeLabel(kind: string | null): string {
  if (kind === null) return '(no answer)';
  return CAUSE_CHOICES.find((c) => c.kind === kind)?.label ?? kind;
}

export function nextActionLabel(id: string | null): string {
  if (id === null) return '(no answer)';
  return NEXT_ACTIONS.find((a) => a.id === id)?.label ?? id;
}

/** Where a round's scenario comes from: a bundled library entry (`bundled:<name>`) or a seeded random fault. */
export type TrainingSource = { kind: 'entry'; id: string } | { kind: 'randomFault'; seed: number };

/** A round under way: what the console may show the trainee (never the scenario's name). */
export interface TrainingRound {
  difficulty: TrainingDifficulty;
  /** The apps a trainee may name (every app of the scenario, in its order). */
  apps: { id: string; name: string }[];
}

/** A coaching note for one state this run reached (docs/coaching.md). */
export interface CoachingNoteView {
  state: string;
  title: string;
  seconds: number | null;
  whenToAct: string;
  tellUser: string;
}

/** The debrief after an answer: the grade, the truth with its evidence and steps, the coaching notes. */
export interface TrainingDebrief {
  scenario: string;
  grade: TrainingGrade;
  truth: TrainingTruth;
  coaching: CoachingNoteView[];
  /** The trainee's rounds so far (this one last), as kept in the user-data folder. */
  results: TrainingResult[];
}

/** The trainee's results as CSV, for the export button. */
export interface TrainingCsv {
  fileName: string;
  text: string;
}
