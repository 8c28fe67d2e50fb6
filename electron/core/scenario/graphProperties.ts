/**
 * Which property names of each kind of Microsoft Graph object the scenario may carry, so that a misspelt setting
 * is never silent (a warning names it and the property it probably meant) while the noise of real Intune exports
 * stays quiet.
 *
 * A property of a Graph object is one of:
 * - read: a key of the object's schema (schema.ts); the simulator uses it;
 * - known but ignored: a real Graph property the simulator does not model (`createdDateTime`, `roleScopeTagIds`,
 *   `installCommandLine`...), listed below per kind; quiet;
 * - OData metadata: any key with an `@` (`@odata.type`, `@odata.context`, `createdDateTime@odata.type`,
 *   `assignments@odata.navigationLink`), or starting with `#` (the actions a full-metadata export advertises,
 *   `#microsoft.graph.assign`); quiet;
 * - anything else: unknown, a warning (never an error: Graph grows new properties) with the nearest known name.
 *
 * Sources: the Microsoft Graph (beta) resource pages for deviceEnrollmentConfiguration and
 * windows10EnrollmentCompletionPageConfiguration, mobileApp and its Windows subtypes (win32LobApp, winGetApp,
 * windowsMobileMSI, windowsUniversalAppX, officeSuiteApp, windowsStoreApp, microsoftStoreForBusinessApp,
 * win32CatalogApp, windowsMicrosoftEdgeApp, windowsWebApp), mobileAppAssignment and its settings,
 * deviceAndAppManagementAssignmentTarget, deviceAndAppManagementAssignmentFilter, group and deviceConfiguration;
 * checked against the real exports in ../shared/fixtures/real-world.
 */

/** The kinds of Graph object a scenario holds, each with its own vocabulary. */
export type GraphKind =
  | 'espProfile'
  | 'app'
  | 'appAssignment'
  | 'resourceAssignment'
  | 'assignmentTarget'
  | 'assignmentSettings'
  | 'installExperience'
  | 'returnCode'
  | 'assignmentFilter'
  | 'group'
  | 'trackedResource';

/** How a warning names the object a property belongs to. */
export const GRAPH_KIND_WORDS: Record<GraphKind, string> = {
  espProfile: 'an ESP profile',
  app: 'an app',
  appAssignment: 'an app assignment',
  resourceAssignment: 'an assignment',
  assignmentTarget: 'an assignment target',
  assignmentSettings: 'app assignment settings',
  installExperience: 'an installExperience',
  returnCode: 'a return code',
  assignmentFilter: 'an assignment filter',
  group: 'a group',
  trackedResource: 'a policy, certificate or network profile',
};

const ENTITY = ['id', 'createdDateTime', 'lastModifiedDateTime', 'roleScopeTagIds', 'version', 'description'];

const MOBILE_APP = [
  ...ENTITY,
  'publisher',
  'largeIcon',
  'isFeatured',
  'privacyInformationUrl',
  'informationUrl',
  'owner',
  'developer',
  'notes',
  'uploadState',
  'publishingState',
  'isAssigned',
  'dependentAppCount',
  'supersedingAppCount',
  'supersededAppCount',
  'categories',
  'relationships',
  // mobileLobApp
  'committedContentVersion',
  'fileName',
  'size',
  'contentVersions',
];

const WINDOWS_APP_TYPES = [
  // win32LobApp and win32CatalogApp
  'installCommandLine',
  'uninstallCommandLine',
  'applicableArchitectures',
  'allowedArchitectures',
  'minimumFreeDiskSpaceInMB',
  'minimumMemoryInMB',
  'minimumNumberOfProcessors',
  'minimumCpuSpeedInMHz',
  'detectionRules',
  'requirementRules',
  'rules',
  'msiInformation',
  'setupFilePath',
  'minimumSupportedWindowsRelease',
  'displayVersion',
  'allowAvailableUninstall',
  'minimumSupportedOperatingSystem',
  'runAs32Bit',
  'installLanguage',
  'activeInstallScript',
  'activeUninstallScript',
  'mobileAppCatalogPackageId',
  // winGetApp
  'manifestHash',
  // windowsMobileMSI
  'commandLine',
  'productCode',
  'productVersion',
  'ignoreVersionDetection',
  'identityVersion',
  // windowsUniversalAppX
  'applicableDeviceTypes',
  'identityName',
  'identityPublisherHash',
  'identityResourceIdentifier',
  'isBundle',
  // officeSuiteApp
  'autoAcceptEula',
  'productIds',
  'excludedApps',
  'useSharedComputerActivation',
  'updateChannel',
  'officePlatformArchitecture',
  'localesToInstall',
  'installProgressDisplayLevel',
  'shouldUninstallOlderVersionsOfOffice',
  'targetVersion',
  'updateVersion',
  'officeConfigurationXml',
  'officeSuiteAppDefaultFileFormat',
  // windowsStoreApp, microsoftStoreForBusinessApp
  'appStoreUrl',
  'usedLicenseCount',
  'totalLicenseCount',
  'productKey',
  'licenseType',
  'packageIdentityName',
  'licensingType',
  // windowsMicrosoftEdgeApp, windowsWebApp
  'channel',
  'displayLanguageLocale',
  'appUrl',
];

/** Graph properties the simulator reads nothing from, per kind (the schema's own keys are added to these). */
export const IGNORED_GRAPH_PROPERTIES: Record<GraphKind, readonly string[]> = {
  espProfile: ENTITY,
  app: [...MOBILE_APP, ...WINDOWS_APP_TYPES],
  appAssignment: ['id', 'source', 'sourceId'],
  // enrollmentConfigurationAssignment; deviceConfigurationAssignment also has an intent (apply or remove).
  resourceAssignment: ['id', 'source', 'sourceId', 'intent'],
  assignmentTarget: ['collectionId'],
  assignmentSettings: [
    'notifications',
    'restartSettings',
    'installTimeSettings',
    'deliveryOptimizationPriority',
    'autoUpdateSettings',
    'vpnConfigurationId',
    'uninstallOnDeviceRemoval',
    'isRemovable',
    'preventManagedAppBackup',
    'preventAutoAppUpdate',
    'licenseType',
  ],
  installExperience: [
    'deviceRestartBehavior',
    'maxRunTimeInMinutes',
    'requiresLogon',
    'installProgramVisibility',
    'maximumRetries',
    'retryIntervalInMinutes',
  ],
  returnCode: [],
  assignmentFilter: [...ENTITY, 'roleScopeTags', 'payloads', 'assignmentFilterManagementType'],
  group: [
    'id',
    'description',
    'mail',
    'mailEnabled',
    'mailNickname',
    'securityEnabled',
    'groupTypes',
    'membershipRule',
    'membershipRuleProcessingState',
    'createdDateTime',
    'deletedDateTime',
    'renewedDateTime',
    'expirationDateTime',
    'visibility',
    'classification',
    'onPremisesSyncEnabled',
    'onPremisesLastSyncDateTime',
    'onPremisesSecurityIdentifier',
    'onPremisesDomainName',
    'onPremisesNetBiosName',
    'onPremisesSamAccountName',
    'onPremisesProvisioningErrors',
    'proxyAddresses',
    'securityIdentifier',
    'isAssignableToRole',
    'resourceProvisioningOptions',
    'resourceBehaviorOptions',
    'creationOptions',
    'preferredDataLocation',
    'preferredLanguage',
    'theme',
    'serviceProvisioningErrors',
    'uniqueName',
    'members',
    'owners',
    'memberOf',
  ],
  trackedResource: [...ENTITY, 'supportsScopeTags'],
};

/**
 * OData metadata, never a setting: an annotation (`@odata.type`, `createdDateTime@odata.type`) or an advertised
 * action (`#microsoft.graph.assign`).
 */
export function isODataAnnotation(key: string): boolean {
  return key.includes('@') || key.startsWith('#');
}

/** The names one kind of object may carry: its schema's keys and its known-but-ignored Graph properties. */
export class GraphVocabulary {
  private readonly names: readonly string[];
  private readonly exactNames: ReadonlySet<string>;
  private readonly lowerNames: ReadonlySet<string>;

  constructor(
    readonly kind: GraphKind,
    readKeys: readonly string[],
  ) {
    this.names = [...new Set([...readKeys, ...IGNORED_GRAPH_PROPERTIES[kind]])].filter((k) => !isODataAnnotation(k));
    this.exactNames = new Set(this.names);
    this.lowerNames = new Set(this.names.map((k) => k.toLowerCase()));
  }

  /** True when `key` (any casing) is neither read, known nor an annotation. */
  isUnknown(key: string): boolean {
    return !this.exactNames.has(key) && !isODataAnnotation(key) && !this.lowerNames.has(key.toLowerCase());
  }

  /** The warning for an unknown key: `unknown property (did you mean X?)` when a known name is close enough. */
  unknownPropertyMessage(key: string): string {
    const nearest = nearestName(key, this.names);
    return nearest
      ? `unknown property (did you mean ${nearest}?)`
      : `unknown property, ignored (not a Graph property of ${GRAPH_KIND_WORDS[this.kind]})`;
  }
}

/**
 * The candidate closest to `name` by edit distance (case-insensitive; a swap of two neighbouring letters counts
 * as one edit), or null when none is close enough to be a likely slip: at most 1 edit for names up to 7
 * characters, 2 up to 11, 3 beyond.
 */
export function nearestName(name: string, candidates: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(lower.length / 4)));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions). Stops early, returning `cap`,
 * once every alignment is at least `cap` edits apart.
 */
export function editDistance(a: string, b: string, cap = Infinity): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin >= cap) return cap;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
