/**
 * Texts the renderer shows that Windows has no verbatim string for in the reference.
 *
 * Every one of them is a simulator choice, listed with its reason in docs/fidelity.md. Strings Windows does
 * have live in shared/esp.ts and are used from there.
 */
export const UI_TEXT = {
  showDetails: 'Show details',
  hideDetails: 'Hide details',
  runningProgressLabel: (category: string) => `${category} in progress`,
  resetConfirmTitle: 'Reset this device?',
  resetConfirmBody:
    'Resetting removes everything on this device and starts setup again. This can take a while and the device will restart.',
  resetConfirmAccept: 'Reset',
  resetConfirmCancel: 'Cancel',
  logsNotice: 'Log collection arrives in a later version',
  closeNotice: 'Close',
  problemTitle: 'The requested scenario could not be used. The default scenario is running instead.',
  problemDismiss: 'Dismiss',
  restarting: 'Restarting',
  resetting: 'Resetting this PC',
  resettingHint: 'This will take a while and your device will restart several times.',
  firstSignIn: ['Hi', "We're setting things up for you", 'This might take several minutes'] as const,
  signInOtherUser: 'Other user',
  signInUserName: 'User name',
  signInPassword: 'Password',
  signInTo: 'Sign in to:',
  signInDomainFallback: 'your organization\u2019s domain',
  signInAuto: 'Simulation: sign-in happens automatically.',
  desktopHeading: 'Desktop',
  desktopStillInstalling: 'Some apps are still installing',
  desktopAllInstalled: 'Apps installed after setup',
  desktopOutcome: 'Outcome:',
  desktopNoOutcome: 'none yet',
  desktopSimulated: 'simulated',
  desktopSignedInAs: 'signed in as',
  desktopInstalled: 'Installed',
  desktopInstalling: 'Installing',
  loading: 'Connecting to the simulator\u2026',
} as const;
