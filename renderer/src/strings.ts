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
  /** Lite's "<BootstrapPageStatusForMoreDetails> View diagnostics." line; the English value was not decodable. */
  forMoreDetails: 'For more details, select',
  resetConfirmTitle: 'Reset this device?',
  resetConfirmBody:
    'Resetting removes everything on this device and starts setup again. This can take a while and the device will restart.',
  resetConfirmAccept: 'Reset',
  resetConfirmCancel: 'Cancel',
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
  signInSubmit: 'Submit',
  signInOptions: 'Sign-in options',
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

  // §1.13 quality updates page (wording [I]; the reference has node names only).
  qualityTitle: {
    checking: 'Checking for updates',
    downloading: 'Downloading updates',
    installing: 'Installing updates',
    restarting: 'Restarting to finish installing updates',
  },
  qualityLead: 'This might take a while. Keep your device on and connected to the internet.',
  qualityRestartNote: 'Your device might restart to finish installing updates.',
  qualityProgressLabel: 'Update progress',

  // §7.6 pre-provisioning technician flow (Windows strings are quoted; the rest is [I]).
  ppOptionsTitle: 'What would you like to do?',
  ppOptionAutopilot: 'Windows Autopilot provisioning',
  ppOptionAutopilotDescription: 'Pre-provision the device with settings and apps',
  ppContinue: 'Continue',
  ppConfigurationTitle: 'Windows Autopilot Configuration',
  ppConfigurationLead:
    'Check that this is the right organization, profile and user for this device, then select Provision.',
  ppRefresh: 'Refresh',
  ppProvision: 'Provision',
  ppOrganization: 'Organization',
  ppProfile: 'Profile',
  ppAssignedUser: 'Assigned user',
  ppNotAssigned: 'Not assigned',
  ppElapsedTime: 'Elapsed time',
  ppDeviceId: 'Device ID',
  ppQrLabel: (deviceId: string) => `QR code for device ${deviceId}`,
  ppSuccessTitle: 'Pre-provisioning succeeded',
  ppFailureTitle: 'Pre-provisioning failed',
  ppReseal: 'Reseal',
  ppRetry: 'Retry',
  ppReset: 'Reset',
  ppSimulatedChoice: 'Simulation: if nobody selects it within a few seconds, the simulated technician does.',
  ppElapsed: (hours: number, minutes: number) =>
    `${hours} ${hours === 1 ? 'hour' : 'hours'} ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,

  // After Reseal, and the kiosk of §7.7.
  shutDown: 'Shutting down',
  shutDownHint: 'The device is resealed and turns off. It is ready for its user.',
  kioskNote: 'Assigned Access: this device runs one app, signed in automatically.',

  // §2 Windows Autopilot diagnostics page (captions [I] from the resource key names).
  diagTitle: 'Windows Autopilot diagnostics',
  diagTabs: ['Configuration info', 'Deployment info', 'Apps and policies status'] as const,
  diagTabListLabel: 'Diagnostics',
  diagAppInfo: 'App info',
  diagPolicyInfo: 'Policy info',
  diagNoEntries: 'Nothing to show yet.',
  diagColumns: ['Status', 'Event', 'Start time', 'Finish time', 'Details'] as const,
  diagProperty: 'Property',
  diagValue: 'Value',
  diagClose: 'Close',
  diagExportLogs: 'Export logs',
  diagTryAgain: 'Try again',

  // §2.3 / §3.1 log export, shared by Export logs, Collect logs and the pre-provisioning page.
  exportInProgress: 'Exporting logs...',
  exportProgressLabel: 'Log export progress',
  exportSucceeded: 'Your logs were exported',
  exportSucceededPath: 'Saved to:',
  exportFailed: (code: string) => `We couldn't export the logs. Error: ${code}`,
  exportRefused: 'The logs could not be exported:',
  collectLogsTitle: 'Collect logs',
  exportFolderLabel: 'Folder on the computer running the preview',
  exportFolderHint:
    'The browser preview cannot show a folder picker. Type a folder path on the computer that runs the preview server; the logs are written there.',
  exportStart: 'Export',
  exportCancel: 'Cancel',
} as const;
