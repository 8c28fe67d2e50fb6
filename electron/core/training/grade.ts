/**
 * Training mode's marking: the trainee's answer against the ground truth (diagnoseBundle of the run's own bundle).
 * Pure: no I/O. easy grades the cause and the next action; hard also the app and the code.
 */
import { formatHresult, hresultFromExitCode } from '../../../shared/esp';
import type {
  GradedPart,
  NextAction,
  TrainingAnswer,
  TrainingCause,
  TrainingDifficulty,
  TrainingGrade,
  TrainingTruth,
} from '../../../shared/training';
import { causeLabel, nextActionLabel } from '../../../shared/training';

/** The next actions that are right for each cause, the best first. */
export const RIGHT_ACTIONS: Record<TrainingCause | 'unknown', readonly NextAction[]> = {
  appInstallFailed: ['fixApp'],
  appRetryExhausted: ['fixApp'],
  msiWin32Conflict: ['sequenceInstalls'],
  timeout: ['extendTimeout', 'fixApp'],
  tpmAttestationFailure: ['checkTpm'],
  espProviderTimeout: ['checkImeDelivery', 'checkNetwork'],
  resourceFailed: ['fixResource'],
  identifyingNeverEnds: ['assignLicense'],
  packagedReboot: ['removeRestart'],
  officeHang: ['sequenceInstalls', 'fixApp', 'extendTimeout'],
  declaredReboot: ['nothing', 'removeRestart'],
  slowDownload: ['checkNetwork'],
  none: ['nothing'],
  unknown: [],
};

/**
 * A code as a number that an exit code and its HRESULT share (1603 and 0x80070643 are one answer); null when the
 * text is not a code.
 */
export function normaliseCode(text: string | null): number | null {
  if (text === null) return null;
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  let n: number;
  if (/^0x[0-9a-f]{1,8}$/.test(t)) n = parseInt(t.slice(2), 16) | 0;
  else if (/^-?\d+$/.test(t)) n = Number(t) | 0;
  else if (/^[0-9a-f]{8}$/.test(t)) n = parseInt(t, 16) | 0;
  else return null;
  return hresultFromExitCode(n);
}

function codeText(code: string | null): string {
  if (code === null) return '(none)';
  const n = normaliseCode(code);
  if (n === null) return code;
  return /^-?\d+$/.test(code.trim()) ? `${code} (${formatHresult(n)})` : code;
}

export function gradeAnswer(
  truth: TrainingTruth,
  answer: TrainingAnswer,
  difficulty: TrainingDifficulty,
): TrainingGrade {
  const parts: GradedPart[] = [];
  parts.push({
    part: 'cause',
    right: answer.cause !== null && answer.cause === truth.cause,
    expected: causeLabel(truth.cause),
    given: causeLabel(answer.cause),
  });
  if (difficulty === 'hard') {
    parts.push({
      part: 'app',
      right: (answer.appId ?? null) === truth.appId,
      expected: truth.appId === null ? '(none)' : (truth.appName ?? truth.appId),
      given: answer.appId ?? '(none)',
    });
    const expected = normaliseCode(truth.code);
    const given = normaliseCode(answer.code);
    parts.push({
      part: 'code',
      right: expected === given && (truth.code === null) === (answer.code.trim() === ''),
      expected: codeText(truth.code),
      given: answer.code.trim() === '' ? '(none)' : answer.code.trim(),
    });
  }
  const right = RIGHT_ACTIONS[truth.cause];
  parts.push({
    part: 'nextAction',
    right: answer.nextAction !== null && right.includes(answer.nextAction),
    expected: right.length > 0 ? right.map(nextActionLabel).join(' / ') : '(the bundle does not say)',
    given: nextActionLabel(answer.nextAction),
  });
  return { difficulty, parts, score: parts.filter((p) => p.right).length, outOf: parts.length };
}
