/**
 * French (français): the ESP Simulator project's own translation of the device screens, NOT Microsoft's.
 *
 * Windows ships its own French strings for the Enrollment Status Page; we did not have them to quote, so every
 * value here, the Windows texts included, is our wording (docs/fidelity.md, "Languages"). It follows French
 * typography (a no-break space before `:` and `%`, the typographic apostrophe) and may differ from what a French
 * Windows device shows. Error messages an admin wrote in the ESP profile are shown as written, in any language.
 *
 * Same keys as en.ts (test/unit/renderer/i18n.test.ts). French has three plural forms: `_one` (0 and 1),
 * `_many` (whole millions) and `_other`; the progress verbs agree with the row's noun in gender and number
 * (`1 sur 3 installée`, `2 sur 3 installées`, `2 sur 2 appliqués` for certificates).
 */
import type { Catalog } from './catalog';

export const fr = {
  esp: {
    pageTitle: 'Configuration pour le travail ou l’école',
    pageLead:
      'Cette opération va prendre quelques minutes. Votre appareil devra peut-être redémarrer pendant que nous terminons la configuration.',
    phase: {
      devicePreparation: 'Préparation de l’appareil',
      deviceSetup: 'Configuration de l’appareil',
      accountSetup: 'Configuration du compte',
    },
    item: {
      tpm: 'Sécurisation de votre matériel',
      join: 'Connexion au réseau de votre organisation',
      mdm: 'Inscription de votre appareil à la gestion des appareils mobiles',
      espProvider: 'Préparation de votre appareil pour la gestion des appareils mobiles',
      securityPolicies: 'Stratégies de sécurité',
      certificates: 'Certificats',
      networkConnections: 'Connexions réseau',
      apps: 'Applications',
    },
    row: '{{title}} ({{status}})',
    status: {
      waiting: 'En attente de la fin de l’étape précédente',
      working: 'Opération en cours...',
      complete: 'Terminé',
      error: 'Erreur',
      previousStepFailed: 'Échec de l’étape précédente',
      identifying: 'Identification',
      noSetupNeeded: 'Aucune configuration nécessaire',
    },
    progress: {
      securityPolicies_one: '{{done}} sur {{expected}} appliquée',
      securityPolicies_many: '{{done}} sur {{expected}} appliquées',
      securityPolicies_other: '{{done}} sur {{expected}} appliquées',
      certificates_one: '{{done}} sur {{expected}} appliqué',
      certificates_many: '{{done}} sur {{expected}} appliqués',
      certificates_other: '{{done}} sur {{expected}} appliqués',
      networkConnections_one: '{{done}} sur {{expected}} ajoutée',
      networkConnections_many: '{{done}} sur {{expected}} ajoutées',
      networkConnections_other: '{{done}} sur {{expected}} ajoutées',
      apps_one: '{{done}} sur {{expected}} installée',
      apps_many: '{{done}} sur {{expected}} installées',
      apps_other: '{{done}} sur {{expected}} installées',
    },
    failedCode: 'Échec\u00a0: {{code}}',
    showDetails: 'Afficher les détails',
    hideDetails: 'Masquer les détails',
    runningProgressLabel: '{{category}} en cours',
    continueAnywayNote:
      'Vous pouvez continuer quand même, mais nous vous conseillons de contacter d’abord votre service informatique.',
    forMoreDetails: 'Pour plus de détails, sélectionnez <link/>.',
    announce: '{{phase}}\u00a0: {{text}}',
    announceError: '{{phase}}\u00a0: {{status}}. {{message}}',
  },
  error: {
    defaultMessage:
      'La configuration n’a pas pu être terminée. Réessayez ou contactez votre support technique pour obtenir de l’aide.',
    action: {
      resetDevice: 'Réinitialiser l’appareil',
      tryAgain: 'Réessayer',
      continueAnyway: 'Continuer quand même',
      collectLogs: 'Collecter les journaux',
      viewDiagnostics: 'Afficher les diagnostics',
      signOut: 'Se déconnecter',
    },
    preProvisioning: {
      tpmTimeout: 'Un problème est survenu et le délai de l’attestation TPM a expiré.',
      timeout:
        'Un problème est survenu et nous n’avons pas pu terminer le processus d’approvisionnement dans le délai imparti.',
      noProfile:
        'Nous n’avons pas trouvé de profil Autopilot. Vérifiez qu’un profil Autopilot est bien attribué à votre appareil.',
      mdmEnrollment: 'Nous n’avons pas pu terminer l’inscription MDM. Erreur\u00a0: 0x{{code}}',
      espProvider:
        'Un problème est survenu et nous n’avons pas pu installer le fournisseur de la stratégie d’état d’inscription. Erreur\u00a0: 0x{{code}}',
      aadJoin: 'Nous n’avons pas pu joindre l’appareil à Azure AD. Erreur\u00a0: 0x{{code}}',
    },
  },
  resetConfirm: {
    title: 'Réinitialiser cet appareil\u00a0?',
    body: 'La réinitialisation supprime tout le contenu de cet appareil et relance la configuration. Cela peut prendre un certain temps et l’appareil va redémarrer.',
    accept: 'Réinitialiser',
    cancel: 'Annuler',
  },
  transition: {
    restarting: 'Redémarrage',
    resetting: 'Réinitialisation de ce PC',
    resettingHint: 'Cela va prendre un certain temps et votre appareil va redémarrer plusieurs fois.',
    shutDown: 'Arrêt en cours',
    shutDownHint: 'L’appareil est rescellé et s’éteint. Il est prêt pour son utilisateur.',
  },
  firstSignIn: {
    hi: 'Bonjour',
    settingUp: 'Nous préparons tout pour vous',
    mightTakeMinutes: 'Cela peut prendre plusieurs minutes',
  },
  signIn: {
    otherUser: 'Autre utilisateur',
    userName: 'Nom d’utilisateur',
    password: 'Mot de passe',
    signInTo: 'Se connecter à\u00a0:',
    domainFallback: 'le domaine de votre organisation',
    auto: 'Simulation\u00a0: la connexion se fait automatiquement.',
    submit: 'Envoyer',
    options: 'Options de connexion',
  },
  desktop: {
    heading: 'Bureau',
    stillInstalling: 'Certaines applications sont encore en cours d’installation',
    allInstalled: 'Applications installées après la configuration',
    outcome: 'Résultat\u00a0:',
    noOutcome: 'aucun pour l’instant',
    simulated: 'simulé',
    signedInAs: 'connecté en tant que',
    installed: 'Installée',
    installing: 'Installation en cours',
    outcomes: {
      succeeded: 'Réussi',
      failed: 'Échec',
      timedOut: 'Délai dépassé',
      continuedAnyway: 'Poursuivi quand même',
      notShown: 'ESP non affichée',
      reset: 'Appareil réinitialisé',
    },
  },
  quality: {
    title: {
      checking: 'Recherche de mises à jour',
      downloading: 'Téléchargement des mises à jour',
      installing: 'Installation des mises à jour',
      restarting: 'Redémarrage pour terminer l’installation des mises à jour',
    },
    titlePercent: '{{title}}\u00a0: {{percent}}\u00a0%',
    lead: 'Cela peut prendre un certain temps. Laissez votre appareil allumé et connecté à Internet.',
    restartNote: 'Votre appareil devra peut-être redémarrer pour terminer l’installation des mises à jour.',
    progressLabel: 'Progression de la mise à jour',
  },
  preProvisioning: {
    optionsTitle: 'Que voulez-vous faire\u00a0?',
    optionAutopilot: 'Approvisionnement Windows Autopilot',
    optionAutopilotDescription: 'Préapprovisionner l’appareil avec les paramètres et les applications',
    continue: 'Continuer',
    configurationTitle: 'Configuration de Windows Autopilot',
    configurationLead:
      'Vérifiez que l’organisation, le profil et l’utilisateur sont les bons pour cet appareil, puis sélectionnez Approvisionner.',
    refresh: 'Actualiser',
    provision: 'Approvisionner',
    organization: 'Organisation',
    profile: 'Profil',
    assignedUser: 'Utilisateur attribué',
    notAssigned: 'Non attribué',
    elapsedTime: 'Temps écoulé',
    deviceId: 'ID de l’appareil',
    qrLabel: 'Code QR de l’appareil {{deviceId}}',
    successTitle: 'Préapprovisionnement réussi',
    failureTitle: 'Échec du préapprovisionnement',
    reseal: 'Resceller',
    retry: 'Réessayer',
    reset: 'Réinitialiser',
    simulatedChoice:
      'Simulation\u00a0: si personne ne le sélectionne dans les secondes qui suivent, le technicien simulé le fait.',
    elapsed: '{{hours}} {{minutes}}',
    hours_one: '{{count}}\u00a0heure',
    hours_many: '{{count}}\u00a0heures',
    hours_other: '{{count}}\u00a0heures',
    minutes_one: '{{count}}\u00a0minute',
    minutes_many: '{{count}}\u00a0minutes',
    minutes_other: '{{count}}\u00a0minutes',
  },
  kiosk: {
    note: 'Accès affecté\u00a0: cet appareil exécute une seule application, avec connexion automatique.',
  },
  diagnostics: {
    title: 'Diagnostics Windows Autopilot',
    tabs: {
      configuration: 'Informations de configuration',
      deployment: 'Informations de déploiement',
      apps: 'État des applications et des stratégies',
    },
    tabListLabel: 'Diagnostics',
    appInfo: 'Informations sur les applications',
    policyInfo: 'Informations sur les stratégies',
    noEntries: 'Rien à afficher pour l’instant.',
    columns: {
      status: 'État',
      event: 'Événement',
      startTime: 'Heure de début',
      finishTime: 'Heure de fin',
      details: 'Détails',
    },
    property: 'Propriété',
    value: 'Valeur',
    close: 'Fermer',
    exportLogs: 'Exporter les journaux',
    tryAgain: 'Réessayer',
    status: {
      error: 'Erreur',
      warning: 'Un problème est survenu',
      progress: 'Opération toujours en cours...',
      complete: 'Terminé',
    },
  },
  logExport: {
    inProgress: 'Exportation des journaux...',
    progressLabel: 'Progression de l’exportation des journaux',
    succeeded: 'Vos journaux ont été exportés',
    succeededPath: 'Enregistrés dans\u00a0:',
    failed: 'Nous n’avons pas pu exporter les journaux. Erreur\u00a0: {{code}}',
    refused: 'Les journaux n’ont pas pu être exportés\u00a0:',
    collectLogsTitle: 'Collecter les journaux',
    folderLabel: 'Dossier sur l’ordinateur qui exécute l’aperçu',
    folderHint:
      'L’aperçu dans le navigateur ne peut pas afficher de sélecteur de dossier. Saisissez le chemin d’un dossier sur l’ordinateur qui exécute le serveur d’aperçu\u00a0; les journaux y sont écrits.',
    start: 'Exporter',
    cancel: 'Annuler',
  },
} as const satisfies Catalog;
