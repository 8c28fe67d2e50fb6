/**
 * `esp-sim run <file> --expect <name>=<value>...` (docs/cli.md, "Tenant checks in CI"): what a pipeline expects of
 * the run, checked against the run report (report.ts). Every expectation that does not hold prints one line,
 * expected against got, on standard error, and the run exits 3; a name or value the tool does not know is a usage
 * error (exit 2), found before the scenario runs.
 */
import type { Outcome, PhaseId, Status } from '../../shared/esp';
import { OUTCOME_TEXT, PHASES } from '../../shared/esp';
import type { Scenario } from '../core/scenario/model';
import type { CliIo } from './commands';
import { UsageError } from './commands';
import type { RunReport } from './report';

/** One `--expect`, parsed. */
export type Expectation =
  | { kind: 'outcome'; text: string; outcome: Outcome }
  | { kind: 'tracked' | 'notTracked' | 'deferred'; text: string; appId: string }
  | { kind: 'maxMinutes'; text: string; minutes: number }
  | { kind: 'phase'; text: string; phase: PhaseId; status: Status }
  | { kind: 'profile'; text: string; profile: string };

/** The exit code of a run whose expectations do not all hold. */
export const EXPECTATION_FAILED_EXIT = 3;

const OUTCOMES = Object.keys(OUTCOME_TEXT) as Outcome[];
const STATUSES: readonly Status[] = [
  'notStarted',
  'identifying',
  'inProgress',
  'succeeded',
  'failed',
  'previousStepFailed',
  'notRun',
];
const NAMES = 'outcome, tracked, notTracked, deferred, maxMinutes, profile, phase.<phase>';

/**
 * Parses `--expect` values (`name=value`, see docs/cli.md). Throws a UsageError (exit 2) naming the first value
 * it cannot use: no `=`, an unknown name, an outcome, phase or status that does not exist, a maxMinutes that is not
 * a number above 0, an empty value.
 */
export function parseExpectations(values: readonly string[] | undefined): Expectation[] {
  return (values ?? []).map((text) => {
    const eq = text.indexOf('=');
    const name = eq < 0 ? text : text.slice(0, eq);
    const value = eq < 0 ? '' : text.slice(eq + 1);
    const bad = (why: string) => new UsageError(`--expect ${text}: ${why}`);
    if (eq < 0) throw bad(`expected <name>=<value>, with <name> one of ${NAMES}`);
    if (value === '') throw bad('no value after "="');
    switch (name) {
      case 'outcome':
        if (!OUTCOMES.includes(value as Outcome)) throw bad(`the outcome is one of ${OUTCOMES.join(', ')}`);
        return { kind: 'outcome', text, outcome: value as Outcome };
      case 'tracked':
      case 'notTracked':
      case 'deferred':
        return { kind: name, text, appId: value };
      case 'maxMinutes': {
        const minutes = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
        if (!(minutes > 0)) throw bad('maxMinutes takes a number of minutes above 0');
        return { kind: 'maxMinutes', text, minutes };
      }
      case 'profile':
        return { kind: 'profile', text, profile: value };
      default: {
        if (name.startsWith('phase.')) {
          const phase = name.slice('phase.'.length) as PhaseId;
          if (!PHASES.includes(phase)) throw bad(`the phase is one of ${PHASES.join(', ')}`);
          if (!STATUSES.includes(value as Status)) throw bad(`the status is one of ${STATUSES.join(', ')}`);
          return { kind: 'phase', text, phase, status: value as Status };
        }
        throw bad(`unknown expectation "${name}"; expectations: ${NAMES}`);
      }
    }
  });
}

/** The phases whose Apps row waits on the app. */
function trackedIn(report: RunReport, appId: string): PhaseId[] {
  return PHASES.filter((p) => report.phases[p].items.some((i) => i.tracked?.includes(appId)));
}

/**
 * The expectations that do not hold for this run, one line each: `<name>=<value>: expected ..., got ...`.
 * An app id the scenario does not have fails its expectation (a typo must not pass a check).
 */
export function unmetExpectations(
  expectations: readonly Expectation[],
  scenario: Scenario,
  report: RunReport,
): string[] {
  const lines: string[] = [];
  const unmet = (e: Expectation, expected: string, got: string) =>
    lines.push(`${e.text}: expected ${expected}, got ${got}`);
  for (const e of expectations) {
    switch (e.kind) {
      case 'outcome':
        if (report.outcome !== e.outcome) unmet(e, `outcome ${e.outcome}`, `${report.outcome ?? 'no outcome yet'}`);
        break;
      case 'tracked':
      case 'notTracked':
      case 'deferred': {
        if (!scenario.tenant.apps.some((a) => a.id === e.appId)) {
          unmet(e, `app ${e.appId}`, 'no app with that id in the scenario');
          break;
        }
        const phases = trackedIn(report, e.appId);
        const where = phases.length > 0 ? `tracked in ${phases.join(' and ')}` : 'not tracked in any phase';
        if (e.kind === 'tracked' && phases.length === 0) unmet(e, 'tracked in some phase', where);
        if (e.kind === 'notTracked' && phases.length > 0) unmet(e, 'not tracked in any phase', where);
        if (e.kind === 'deferred' && !report.deferredApps.includes(e.appId))
          unmet(e, 'installed after the ESP', `not deferred (${where})`);
        break;
      }
      case 'maxMinutes': {
        const minutes = report.elapsedSeconds / 60;
        if (minutes > e.minutes) unmet(e, `the ESP within ${e.minutes} min`, `${Math.round(minutes * 10) / 10} min`);
        break;
      }
      case 'phase': {
        const status = report.phases[e.phase].status;
        if (status !== e.status) unmet(e, `${e.phase} ${e.status}`, status);
        break;
      }
      case 'profile': {
        const p = report.profile;
        if (!p || (p.id !== e.profile && p.displayName !== e.profile))
          unmet(e, `profile ${e.profile}`, p ? `"${p.displayName}" (${p.id})` : 'no profile');
        break;
      }
    }
  }
  return lines;
}

/**
 * Checks the expectations and says which do not hold, one `expectation failed: ...` line each on standard error
 * (or, when there are some and all hold, one line saying so); returns the run's exit code: 0 when all hold (or
 * there are none), 3 otherwise.
 */
export function checkExpectations(
  expectations: readonly Expectation[],
  scenario: Scenario,
  report: RunReport,
  io: CliIo,
): number {
  const lines = unmetExpectations(expectations, scenario, report);
  for (const line of lines) io.err(`expectation failed: ${line}\n`);
  if (lines.length > 0) return EXPECTATION_FAILED_EXIT;
  const n = expectations.length;
  if (n > 0) io.err(n === 1 ? 'the expectation holds\n' : `all ${n} expectations hold\n`);
  return 0;
}
