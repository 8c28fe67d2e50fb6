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
