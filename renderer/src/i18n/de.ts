/**
 * German (Deutsch): the ESP Simulator project's own translation of the device screens, NOT Microsoft's.
 *
 * Windows ships its own German strings for the Enrollment Status Page; we did not have them to quote, so every
 * value here, the Windows texts included, is our wording (docs/fidelity.md, "Languages"). It follows Windows'
 * German conventions (the formal "Sie", "Details anzeigen", a space before `%`) but may differ from what a German
 * Windows device shows. Error messages an admin wrote in the ESP profile are shown as written, in any language.
 *
 * Same keys as en.ts (test/unit/renderer/i18n.test.ts); German has the plural forms `_one` and `_other`.
 */
import type { Catalog } from './catalog';

export const de = {
  esp: {
    pageTitle: 'Einrichtung für Arbeit oder Schule',
    pageLead:
      'Dieser Vorgang dauert einige Minuten. Möglicherweise muss Ihr Gerät neu gestartet werden, während wir die Einrichtung abschließen.',
    phase: {
      devicePreparation: 'Gerätevorbereitung',
      deviceSetup: 'Geräteeinrichtung',
      accountSetup: 'Kontoeinrichtung',
    },
    item: {
      tpm: 'Ihre Hardware wird geschützt',
      join: 'Verbindung mit dem Netzwerk Ihrer Organisation wird hergestellt',
      mdm: 'Ihr Gerät wird für die Verwaltung mobiler Geräte registriert',
      espProvider: 'Ihr Gerät wird für die Verwaltung mobiler Geräte vorbereitet',
      securityPolicies: 'Sicherheitsrichtlinien',
      certificates: 'Zertifikate',
      networkConnections: 'Netzwerkverbindungen',
      apps: 'Apps',
    },
    row: '{{title}} ({{status}})',
    status: {
      waiting: 'Warten auf den Abschluss des vorherigen Schritts',
      working: 'Wird ausgeführt...',
      complete: 'Abgeschlossen',
      error: 'Fehler',
      previousStepFailed: 'Vorheriger Schritt fehlgeschlagen',
      identifying: 'Wird ermittelt',
      noSetupNeeded: 'Keine Einrichtung erforderlich',
    },
    progress: {
      securityPolicies_one: '{{done}} von {{expected}} angewendet',
      securityPolicies_other: '{{done}} von {{expected}} angewendet',
      certificates_one: '{{done}} von {{expected}} angewendet',
      certificates_other: '{{done}} von {{expected}} angewendet',
      networkConnections_one: '{{done}} von {{expected}} hinzugefügt',
      networkConnections_other: '{{done}} von {{expected}} hinzugefügt',
      apps_one: '{{done}} von {{expected}} installiert',
      apps_other: '{{done}} von {{expected}} installiert',
    },
    failedCode: 'Fehlgeschlagen: {{code}}',
    showDetails: 'Details anzeigen',
    hideDetails: 'Details ausblenden',
    runningProgressLabel: '{{category}} wird ausgeführt',
    continueAnywayNote: 'Sie können trotzdem fortfahren, sollten sich aber zuerst an Ihre IT-Abteilung wenden.',
    forMoreDetails: 'Wählen Sie für weitere Details <link/> aus.',
    announce: '{{phase}}: {{text}}',
    announceError: '{{phase}}: {{status}}. {{message}}',
  },
  error: {
    defaultMessage:
      'Die Einrichtung konnte nicht abgeschlossen werden. Versuchen Sie es erneut, oder wenden Sie sich an Ihren Supportmitarbeiter.',
    action: {
      resetDevice: 'Gerät zurücksetzen',
      tryAgain: 'Erneut versuchen',
      continueAnyway: 'Trotzdem fortfahren',
      collectLogs: 'Protokolle sammeln',
      viewDiagnostics: 'Diagnose anzeigen',
      signOut: 'Abmelden',
    },
    preProvisioning: {
      tpmTimeout: 'Ein Fehler ist aufgetreten: Beim TPM-Nachweis wurde das Zeitlimit überschritten.',
      timeout:
        'Ein Fehler ist aufgetreten: Die Bereitstellung konnte nicht in der vorgegebenen Zeit abgeschlossen werden.',
      noProfile:
        'Es wurde kein Autopilot-Profil gefunden. Überprüfen Sie, ob Ihrem Gerät ein Autopilot-Profil zugewiesen ist.',
      mdmEnrollment: 'Die MDM-Registrierung konnte nicht abgeschlossen werden. Fehler: 0x{{code}}',
      espProvider:
        'Ein Fehler ist aufgetreten: Der Anbieter der Registrierungsstatusrichtlinie konnte nicht installiert werden. Fehler: 0x{{code}}',
      aadJoin: 'Der gerätebasierte Azure AD-Beitritt konnte nicht ausgeführt werden. Fehler: 0x{{code}}',
    },
  },
  resetConfirm: {
    title: 'Dieses Gerät zurücksetzen?',
    body: 'Beim Zurücksetzen wird alles auf diesem Gerät entfernt, und die Einrichtung beginnt von vorn. Das kann eine Weile dauern, und das Gerät wird neu gestartet.',
    accept: 'Zurücksetzen',
    cancel: 'Abbrechen',
  },
  transition: {
    restarting: 'Neustart wird durchgeführt',
    resetting: 'Dieser PC wird zurückgesetzt',
    resettingHint: 'Dies dauert eine Weile, und Ihr Gerät wird mehrmals neu gestartet.',
    shutDown: 'Wird heruntergefahren',
    shutDownHint: 'Das Gerät ist versiegelt und schaltet sich aus. Es ist bereit für seinen Benutzer.',
  },
  firstSignIn: {
    hi: 'Hallo',
    settingUp: 'Wir richten alles für Sie ein',
    mightTakeMinutes: 'Dies kann einige Minuten dauern',
  },
  signIn: {
    otherUser: 'Anderer Benutzer',
    userName: 'Benutzername',
    password: 'Kennwort',
    signInTo: 'Anmelden bei:',
    domainFallback: 'der Domäne Ihrer Organisation',
    auto: 'Simulation: Die Anmeldung erfolgt automatisch.',
    submit: 'Senden',
    options: 'Anmeldeoptionen',
  },
  desktop: {
    heading: 'Desktop',
    stillInstalling: 'Einige Apps werden noch installiert',
    allInstalled: 'Nach der Einrichtung installierte Apps',
    outcome: 'Ergebnis:',
    noOutcome: 'noch keines',
    simulated: 'simuliert',
    signedInAs: 'angemeldet als',
    installed: 'Installiert',
    installing: 'Wird installiert',
    outcomes: {
      succeeded: 'Erfolgreich',
      failed: 'Fehlgeschlagen',
      timedOut: 'Zeitlimit überschritten',
      continuedAnyway: 'Trotzdem fortgefahren',
      notShown: 'ESP nicht angezeigt',
      reset: 'Gerät zurückgesetzt',
    },
  },
  quality: {
    title: {
      checking: 'Es wird nach Updates gesucht',
      downloading: 'Updates werden heruntergeladen',
      installing: 'Updates werden installiert',
      restarting: 'Neustart zum Abschließen der Updateinstallation',
    },
    titlePercent: '{{title}}: {{percent}}\u00a0%',
    lead: 'Dies kann eine Weile dauern. Lassen Sie Ihr Gerät eingeschaltet und mit dem Internet verbunden.',
    restartNote: 'Ihr Gerät wird möglicherweise neu gestartet, um die Installation der Updates abzuschließen.',
    progressLabel: 'Updatefortschritt',
  },
  preProvisioning: {
    optionsTitle: 'Was möchten Sie tun?',
    optionAutopilot: 'Windows Autopilot-Bereitstellung',
    optionAutopilotDescription: 'Das Gerät mit Einstellungen und Apps vorab bereitstellen',
    continue: 'Weiter',
    configurationTitle: 'Windows Autopilot-Konfiguration',
    configurationLead:
      'Überprüfen Sie, ob Organisation, Profil und Benutzer für dieses Gerät stimmen, und wählen Sie dann „Bereitstellen“ aus.',
    refresh: 'Aktualisieren',
    provision: 'Bereitstellen',
    organization: 'Organisation',
    profile: 'Profil',
    assignedUser: 'Zugewiesener Benutzer',
    notAssigned: 'Nicht zugewiesen',
    elapsedTime: 'Verstrichene Zeit',
    deviceId: 'Geräte-ID',
    qrLabel: 'QR-Code für das Gerät {{deviceId}}',
    successTitle: 'Vorabbereitstellung erfolgreich',
    failureTitle: 'Vorabbereitstellung fehlgeschlagen',
    reseal: 'Erneut versiegeln',
    retry: 'Wiederholen',
    reset: 'Zurücksetzen',
    simulatedChoice:
      'Simulation: Wenn niemand die Schaltfläche innerhalb weniger Sekunden auswählt, tut es der simulierte Techniker.',
    elapsed: '{{hours}} {{minutes}}',
    hours_one: '{{count}} Stunde',
    hours_other: '{{count}} Stunden',
    minutes_one: '{{count}} Minute',
    minutes_other: '{{count}} Minuten',
  },
  kiosk: {
    note: 'Zugewiesener Zugriff: Auf diesem Gerät läuft eine einzige App, die Anmeldung erfolgt automatisch.',
  },
  diagnostics: {
    title: 'Windows Autopilot-Diagnose',
    tabs: {
      // Short: three equal tabs leave no room for "Konfigurationsinformationen" on small screens.
      configuration: 'Konfiguration',
      deployment: 'Bereitstellung',
      apps: 'Status von Apps und Richtlinien',
    },
    tabListLabel: 'Diagnose',
    appInfo: 'App-Informationen',
    policyInfo: 'Richtlinieninformationen',
    noEntries: 'Noch nichts anzuzeigen.',
    columns: {
      status: 'Status',
      event: 'Ereignis',
      startTime: 'Startzeit',
      finishTime: 'Endzeit',
      details: 'Details',
    },
    property: 'Eigenschaft',
    value: 'Wert',
    close: 'Schließen',
    exportLogs: 'Protokolle exportieren',
    tryAgain: 'Erneut versuchen',
    status: {
      error: 'Fehler',
      warning: 'Es ist ein Problem aufgetreten',
      progress: 'Wird noch ausgeführt...',
      complete: 'Abgeschlossen',
    },
  },
  logExport: {
    inProgress: 'Protokolle werden exportiert...',
    progressLabel: 'Fortschritt des Protokollexports',
    succeeded: 'Ihre Protokolle wurden exportiert',
    succeededPath: 'Gespeichert unter:',
    failed: 'Die Protokolle konnten nicht exportiert werden. Fehler: {{code}}',
    refused: 'Die Protokolle konnten nicht exportiert werden:',
    collectLogsTitle: 'Protokolle sammeln',
    folderLabel: 'Ordner auf dem Computer, auf dem die Vorschau läuft',
    folderHint:
      'Die Browservorschau kann keine Ordnerauswahl anzeigen. Geben Sie einen Ordnerpfad auf dem Computer ein, auf dem der Vorschauserver läuft; die Protokolle werden dort gespeichert.',
    start: 'Exportieren',
    cancel: 'Abbrechen',
  },
} as const satisfies Catalog;
