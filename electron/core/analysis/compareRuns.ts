/**
 * Two runs side by side (the operator console's Run view): each run's device screen at every step, in a few
 * words, and its record in people's words, with the first moment they differ (`firstDifference`). Pure.
 */
import type { ComparedFrame, ComparedRun, RunComparison } from '../../../shared/runView';
import type { EngineView, Run } from '../engine/run';
import type { Scenario } from '../scenario/model';
import { firstDifference } from './firstDifference';
import { timelineInWords } from './timelineWords';

const SCREEN_WORDS: Record<EngineView['screen']['kind'], string> = {
  esp: 'Enrollment Status Page',
  restarting: 'Restarting',
  signIn: 'Sign-in',
  firstSignIn: 'First sign-in animation',
  desktop: 'Desktop',
  resetting: 'Resetting',
  qualityUpdates: 'Quality updates',
  preProvisioningOptions: 'Pre-provisioning options',
  preProvisioningConfiguration: 'Windows Autopilot Configuration',
  preProvisioningResult: 'Pre-provisioning result',
  shutDown: 'Shut down',
  kiosk: 'Kiosk app',
};

function frameOf(t: number, view: EngineView): ComparedFrame {
  const screen = view.screen;
  const words = SCREEN_WORDS[screen.kind] + (screen.kind === 'esp' ? ` (${screen.part})` : '');
  return {
    t,
    screen: words,
    phases:
      screen.kind === 'esp'
        ? view.phases.map((p) => ({
            title: p.title,
            statusText: p.statusText,
            status: p.status,
            items: p.status === 'notStarted' ? [] : p.items.map((i) => i.text),
          }))
        : [],
    error: view.errorScreen?.message ?? null,
  };
}

function compared(scenario: Scenario, run: Run): ComparedRun {
  return {
    scenarioName: scenario.name,
    profileName: run.steps.find((s) => s.view.profile !== null)?.view.profile?.displayName ?? null,
    endT: run.endT,
    frames: run.steps.map((s) => frameOf(s.t, s.view)),
    timeline: timelineInWords(scenario, run.timeline).map((l) => ({ t: l.t, text: l.text })),
  };
}

/** `a` (the current run) beside `b`, with the first second they differ. */
export function compareRuns(scenarioA: Scenario, runA: Run, scenarioB: Scenario, runB: Run): RunComparison {
  const diff = firstDifference(runA, runB);
  return {
    a: compared(scenarioA, runA),
    b: compared(scenarioB, runB),
    firstDifference: diff.t,
    screensDiffer: diff.screen,
  };
}
