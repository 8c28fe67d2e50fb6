/**
 * The one list of what a person can do on the device screen. The `UserAction` type, the command
 * schema, the engine's offered actions, the session, the CLI's `--respond` and the screens all
 * come from here; each only checks membership.
 */
export const USER_ACTIONS = [
  /** Error screen (§1.9). */
  'resetDevice',
  'tryAgain',
  'continueAnyway',
  'signOut',
  /** Block device use = No: Continue anyway while the ESP runs (§1.10). */
  'continueAnywayWhileRunning',
  /** Pre-provisioning (§7.6): Continue on the options screen, Provision on the configuration screen. */
  'startProvisioning',
  'provision',
  /** Pre-provisioning result page (§7.6): Reseal on green; Retry and Reset on red. */
  'reseal',
  'retry',
  'reset',
] as const;

export type UserAction = (typeof USER_ACTIONS)[number];

export function isUserAction(value: string): value is UserAction {
  return (USER_ACTIONS as readonly string[]).includes(value);
}

/** What each action's button or link says on the screen that offers it (§1.9, §1.10, §7.6). */
export const USER_ACTION_LABELS: Record<UserAction, string> = {
  resetDevice: 'Reset device',
  tryAgain: 'Try again',
  continueAnyway: 'Continue anyway',
  signOut: 'Sign out',
  continueAnywayWhileRunning: 'Continue anyway',
  startProvisioning: 'Continue',
  provision: 'Provision',
  reseal: 'Reseal',
  retry: 'Retry',
  reset: 'Reset',
};

/** `tryAgain (Try again), resetDevice (Reset device)`: what to type, and what the screen says. */
export function describeActions(actions: readonly UserAction[]): string {
  return actions.length === 0 ? 'nothing' : actions.map((a) => `${a} (${USER_ACTION_LABELS[a]})`).join(', ');
}
