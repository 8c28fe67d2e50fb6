/**
 * Coaching notes: for each state a person can see (the screens, the ESP's phases, the error screen), how long it
 * took in this run, when to act, and what to tell the user. The words are docs/coaching.md's table; the time is
 * measured from the run's own steps. Pure.
 */
import type { Run } from '../engine/run';
import type { PhaseId } from '../../../shared/esp';
import type { ScreenView } from '../../../shared/snapshot';

export type CoachingState = ScreenView['kind'] | PhaseId | 'errorScreen';

export interface CoachingNote {
  state: CoachingState;
  title: string;
  /** Simulated seconds this run spent in the state; null when it never got there. */
  seconds: number | null;
  whenToAct: string;
  tellUser: string;
}

type Words = Omit<CoachingNote, 'state' | 'seconds'>;

/** docs/coaching.md, one row each. */
export const COACHING: Record<CoachingState, Words> = {
  devicePreparation: {
    title: 'Device preparation',
    whenToAct:
      'Minutes, not more. Stuck past 15 minutes on "Preparing your device for mobile management" means the Intune Management Extension has not arrived: check network and proxy.',
    tellUser: 'The device is getting ready to be managed by your organisation; keep it plugged in and online.',
  },
  deviceSetup: {
    title: 'Device setup',
    whenToAct:
      "Follows the tracked apps and policies; act when it nears the profile's timeout, or as soon as an item shows an error.",
    tellUser: 'Company apps and settings are installing; the device may restart. Do not turn it off.',
  },
  accountSetup: {
    title: 'Account setup',
    whenToAct:
      'Identifying for more than a few minutes points at the user (licence, MFA). Otherwise act near the timeout or on an error.',
    tellUser: 'Your own apps and settings are being set up; this happens once per user.',
  },
  esp: {
    title: 'Enrollment Status Page',
    whenToAct: 'Compare the time with the profile timeout; do nothing while the counters move.',
    tellUser: 'Setup is working; the percentages move in steps, not smoothly.',
  },
  restarting: {
    title: 'Restarting',
    whenToAct: 'A restart takes a minute or two; a device that does not come back in 10 minutes needs hands on it.',
    tellUser: 'The restart is expected; setup carries on by itself afterwards.',
  },
  signIn: {
    title: 'Sign-in',
    whenToAct: 'Nothing to act on: it waits for the user.',
    tellUser: 'Sign in with your work account; setup continues after.',
  },
  firstSignIn: {
    title: 'First sign-in animation',
    whenToAct: 'A minute or two is normal; longer is worth watching but not yet a fault.',
    tellUser: 'Windows is preparing your account.',
  },
  desktop: {
    title: 'Desktop',
    whenToAct: 'Done. Apps that were not tracked may still be installing in the background.',
    tellUser: 'You can start working; some apps may still be arriving for a little while.',
  },
  resetting: {
    title: 'Resetting',
    whenToAct: 'Collect logs before a reset whenever you can; the reset erases the evidence.',
    tellUser: 'The device is starting over; this can take some time.',
  },
  qualityUpdates: {
    title: 'Quality updates',
    whenToAct: 'Can take 20 minutes or more with a restart; act only if the percentage stops for a long time.',
    tellUser: 'Windows is installing the latest security updates before you start.',
  },
  preProvisioningOptions: {
    title: 'Pre-provisioning options',
    whenToAct: 'Technician step; choose pre-provision.',
    tellUser: '(Technician only.)',
  },
  preProvisioningConfiguration: {
    title: 'Windows Autopilot Configuration',
    whenToAct: 'Check the profile and the assigned user before Provision.',
    tellUser: '(Technician only.)',
  },
  preProvisioningResult: {
    title: 'Pre-provisioning result',
    whenToAct: 'Green: Reseal. Red: collect logs first, then reset.',
    tellUser: '(Technician only.)',
  },
  shutDown: {
    title: 'Shut down',
    whenToAct: 'Expected after Reseal: ship the device.',
    tellUser: 'The device is ready to hand out.',
  },
  kiosk: {
    title: 'Kiosk app',
    whenToAct: 'Done.',
    tellUser: 'The device runs its one app.',
  },
  errorScreen: {
    title: 'Error screen',
    whenToAct: 'Act now: collect logs (or View diagnostics) before Reset device or Try again.',
    tellUser:
      'Setup hit a problem; please do not reset it yet: we will collect the logs first, then tell you what to press.',
  },
};

const PHASE_IDS = new Set<string>(['devicePreparation', 'deviceSetup', 'accountSetup']);

/** How long the run spent in the state (simulated seconds), from its steps; null when it never got there. */
export function secondsIn(state: CoachingState, run: Run): number | null {
  const steps = run.steps;
  let total = 0;
  let seen = false;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const view = step.view;
    const inState =
      state === 'errorScreen'
        ? view.errorScreen !== null
        : PHASE_IDS.has(state)
          ? view.errorScreen === null &&
            view.phases.some((p) => p.id === state && (p.status === 'inProgress' || p.status === 'identifying'))
          : view.screen.kind === state && view.errorScreen === null;
    if (!inState) continue;
    seen = true;
    const end = steps[i + 1]?.t ?? run.endT;
    total += Math.max(0, end - step.t);
  }
  return seen ? total : null;
}

export function coachingNote(state: CoachingState, run: Run): CoachingNote {
  return { state, ...COACHING[state], seconds: secondsIn(state, run) };
}

/** The notes for every state this run reached, phases first. */
export function coachingNotes(run: Run): CoachingNote[] {
  return (Object.keys(COACHING) as CoachingState[]).map((s) => coachingNote(s, run)).filter((n) => n.seconds !== null);
}
