/**
 * English: the device screens' words as Windows writes them, and the few the simulator had to write itself.
 *
 * Windows' own strings are not copied here: they come from shared/esp.ts, the file the engine, the CLI and the log
 * bundle quote them from, so the screens and the engine's English `text` fields can never disagree. The rest are
 * the simulator's choices, each listed with its reason in docs/fidelity.md (they lived in renderer/src/strings.ts).
 *
 * This is the reference catalog: de.ts and fr.ts have exactly its keys (test/unit/renderer/i18n.test.ts). Values
 * use i18next's syntax: `{{name}}` interpolates, `_one` / `_other` (and French `_many`) are the plural forms of
 * a key, chosen by `count` with the language's CLDR plural rules, and `<link/>` marks where a component goes.
 */
import {
  ACTION_LABELS,
  CONTINUE_ANYWAY_NOTE,
  DEFAULT_ERROR_MESSAGE,
  ITEM_TITLES,
  OUTCOME_TEXT,
  PAGE_LEAD,
  PAGE_TITLE,
  PHASE_TITLES,
  PRE_PROVISIONING_ERRORS,
  STATUS_TEXT,
} from '../../../shared/esp';

/** `{0}` in Windows' resource strings becomes i18next's `{{code}}`. */
const withCode = (text: string): string => text.replace('{0}', '{{code}}');

export const en = {
  esp: {
    pageTitle: PAGE_TITLE,
    pageLead: PAGE_LEAD,
    phase: PHASE_TITLES,
    item: ITEM_TITLES,
    /** §1.3: `{0} ({1})`, the row title and its status. */
    row: '{{title}} ({{status}})',
    status: STATUS_TEXT,
    /** §1.4: `{done} of {expected} <verb>`; the verb by row, since French makes it agree with the row's noun. */
    progress: {
      securityPolicies_one: '{{done}} of {{expected}} applied',
      securityPolicies_other: '{{done}} of {{expected}} applied',
      certificates_one: '{{done}} of {{expected}} applied',
      certificates_other: '{{done}} of {{expected}} applied',
      networkConnections_one: '{{done}} of {{expected}} added',
      networkConnections_other: '{{done}} of {{expected}} added',
      apps_one: '{{done}} of {{expected}} installed',
      apps_other: '{{done}} of {{expected}} installed',
    },
    /** Device preparation prints its codes after `Failed: ` (§1.4). */
    failedCode: 'Failed: {{code}}',
    showDetails: 'Show details',
    hideDetails: 'Hide details',
    runningProgressLabel: '{{category}} in progress',
    continueAnywayNote: CONTINUE_ANYWAY_NOTE,
    /** Lite's "<BootstrapPageStatusForMoreDetails> View diagnostics." line; the English value was not decodable. */
    forMoreDetails: 'For more details, select <link/>.',
    /** The aria-live region: `<Category>: <row or status>`, and on failure `<Category>: Error. <message>`. */
    announce: '{{phase}}: {{text}}',
    announceError: '{{phase}}: {{status}}. {{message}}',
  },
  error: {
    defaultMessage: DEFAULT_ERROR_MESSAGE,
    action: ACTION_LABELS,
    preProvisioning: {
      tpmTimeout: PRE_PROVISIONING_ERRORS.tpmTimeout,
      timeout: PRE_PROVISIONING_ERRORS.timeout,
      noProfile: PRE_PROVISIONING_ERRORS.noProfile,
      mdmEnrollment: withCode(PRE_PROVISIONING_ERRORS.mdmEnrollment),
      espProvider: withCode(PRE_PROVISIONING_ERRORS.espProvider),
      aadJoin: withCode(PRE_PROVISIONING_ERRORS.aadJoin),
    },
  },
  resetConfirm: {
    title: 'Reset this device?',
    body: 'Resetting removes everything on this device and starts setup again. This can take a while and the device will restart.',
    accept: 'Reset',
    cancel: 'Cancel',
  },
  transition: {
    restarting: 'Restarting',
    resetting: 'Resetting this PC',
    resettingHint: 'This will take a while and your device will restart several times.',
    shutDown: 'Shutting down',
    shutDownHint: 'The device is resealed and turns off. It is ready for its user.',
  },
  firstSignIn: {
    hi: 'Hi',
    settingUp: "We're setting things up for you",
    mightTakeMinutes: 'This might take several minutes',
  },
  signIn: {
    otherUser: 'Other user',
    userName: 'User name',
    password: 'Password',
    signInTo: 'Sign in to:',
    domainFallback: 'your organization\u2019s domain',
    auto: 'Simulation: sign-in happens automatically.',
    submit: 'Submit',
    options: 'Sign-in options',
  },
  desktop: {
    heading: 'Desktop',
    stillInstalling: 'Some apps are still installing',
    allInstalled: 'Apps installed after setup',
    outcome: 'Outcome:',
    noOutcome: 'none yet',
    simulated: 'simulated',
    signedInAs: 'signed in as',
    installed: 'Installed',
    installing: 'Installing',
    outcomes: OUTCOME_TEXT,
  },
  /** §1.13 quality updates page (wording [I]; the reference has node names only). */
  quality: {
    title: {
      checking: 'Checking for updates',
      downloading: 'Downloading updates',
      installing: 'Installing updates',
      restarting: 'Restarting to finish installing updates',
    },
    titlePercent: '{{title}} {{percent}}%',
    lead: 'This might take a while. Keep your device on and connected to the internet.',
    restartNote: 'Your device might restart to finish installing updates.',
    progressLabel: 'Update progress',
  },
  /** §7.6 pre-provisioning technician flow (Windows strings are quoted; the rest is [I]). */
  preProvisioning: {
    optionsTitle: 'What would you like to do?',
    optionAutopilot: 'Windows Autopilot provisioning',
    optionAutopilotDescription: 'Pre-provision the device with settings and apps',
    continue: 'Continue',
    configurationTitle: 'Windows Autopilot Configuration',
    configurationLead:
      'Check that this is the right organization, profile and user for this device, then select Provision.',
    refresh: 'Refresh',
    provision: 'Provision',
    organization: 'Organization',
    profile: 'Profile',
    assignedUser: 'Assigned user',
    notAssigned: 'Not assigned',
    elapsedTime: 'Elapsed time',
    deviceId: 'Device ID',
    qrLabel: 'QR code for device {{deviceId}}',
    successTitle: 'Pre-provisioning succeeded',
    failureTitle: 'Pre-provisioning failed',
    reseal: 'Reseal',
    retry: 'Retry',
    reset: 'Reset',
    simulatedChoice: 'Simulation: if nobody selects it within a few seconds, the simulated technician does.',
    elapsed: '{{hours}} {{minutes}}',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
  },
  kiosk: {
    note: 'Assigned Access: this device runs one app, signed in automatically.',
  },
  /** §2 Windows Autopilot diagnostics page (captions [I] from the resource key names). */
  diagnostics: {
    title: 'Windows Autopilot diagnostics',
    tabs: {
      configuration: 'Configuration info',
      deployment: 'Deployment info',
      apps: 'Apps and policies status',
    },
    tabListLabel: 'Diagnostics',
    appInfo: 'App info',
    policyInfo: 'Policy info',
    noEntries: 'Nothing to show yet.',
    columns: {
      status: 'Status',
      event: 'Event',
      startTime: 'Start time',
      finishTime: 'Finish time',
      details: 'Details',
    },
    property: 'Property',
    value: 'Value',
    close: 'Close',
    exportLogs: 'Export logs',
    tryAgain: 'Try again',
    /** §2.2: CXH getStatusString() for event statuses 1–7. */
    status: {
      error: 'Error',
      warning: 'There was a problem',
      progress: 'Still working on it...',
      complete: 'Complete',
    },
  },
  /** §2.3 / §3.1 log export, shared by Export logs, Collect logs and the pre-provisioning page. */
  logExport: {
    inProgress: 'Exporting logs...',
    progressLabel: 'Log export progress',
    succeeded: 'Your logs were exported',
    succeededPath: 'Saved to:',
    failed: "We couldn't export the logs. Error: {{code}}",
    refused: 'The logs could not be exported:',
    collectLogsTitle: 'Collect logs',
    folderLabel: 'Folder on the computer running the preview',
    folderHint:
      'The browser preview cannot show a folder picker. Type a folder path on the computer that runs the preview server; the logs are written there.',
    start: 'Export',
    cancel: 'Cancel',
  },
} as const;
