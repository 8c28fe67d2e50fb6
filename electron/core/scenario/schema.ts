/**
 * The scenario file (shared/spec/scenario-and-cli.md §1) as one zod schema, ScenarioSchema, whose output is the
 * model the engine reads: model.ts only names parts of `z.output<typeof ScenarioSchema>`. Every default, every
 * Graph oddity (casing, JSON in a string, nulls, OData keys) and every check lives here, beside the part it is
 * about; validate.ts only runs the schema and words its issues.
 *
 * This file is long (about 1,000 lines) because it is the one definition of the format: splitting it would split
 * the model. The building blocks (Graph objects, warnings, cross-checks) are in schemaTools.ts, the Graph
 * property vocabulary in graphProperties.ts.
 *
 * Two kinds of section:
 * - Our own (root, windows, deployment, device, users, the tenant's own keys, simulation, faults) are strict:
 *   a misspelt key is an error, `unknown key`.
 * - Microsoft Graph objects (ESP profiles, apps, assignments, filters, groups, policies, certificate and network
 *   profiles) are lenient, because real exports carry OData annotations, odd casing (`Assignments`), nulls
 *   (Graph's "not set") and JSON embedded in strings. A key Graph does not have there is a warning naming the
 *   property it probably meant (graphProperties.ts); known Graph properties the simulator ignores stay quiet.
 *
 * Decisions the spec leaves open:
 * - A group id used by an assignment must be known: listed in tenant.groups, or in device.groupIds or some user's
 *   groupIds (real exports reference groups they do not export; putting the device or user in the group is
 *   enough). An id known nowhere could never match anything, so it is a problem (likely a typo).
 * - A filter id used by an assignment must be in tenant.assignmentFilters, and every filter rule must parse
 *   with only the properties an ESP profile filter may use.
 * - installProgressTimeoutInMinutes 0 or missing means Intune's 60; negative or above 1440 is a problem.
 * - Profiles without a priority get the next ones after the highest given, in file order (as Intune appends a
 *   new profile); two profiles with one priority are a warning (Intune never stores that; the engine breaks the
 *   tie by id).
 * - Ids must be unique within groups, filters, ESP profiles, apps and users, and across policies, certificate
 *   and network profiles together (simulation.policies keys address all three).
 * - Warnings are for settings a real tenant could not hold the way they are written (Intune greys them out),
 *   for what was read by inference, and for unknown Graph properties; they never stop a run.
 */
import { z } from 'zod';
import type { DeploymentMode, JoinType } from '../../../shared/esp';
import { DEFAULT_LOCALE, LANGUAGES, languageOfLocale } from '../../../shared/esp';
import { DEFAULT_VARIATION } from '../../../shared/planner';
import { parseFilterRule } from '../filters/assignmentFilter';
import {
  DEFAULT_INSTALL_TIMEOUT_MINUTES,
  DEFAULT_PROFILE_ID_SUFFIX,
  DEFAULT_PROFILE_NAME,
  newTenantDefaultProfile,
} from './defaultProfile';
import {
  describeValue,
  formatPath,
  graphList,
  graphObject,
  ownObject,
  problem,
  wholeNumber,
  type PathSegment,
} from './schemaTools';

// ---------------------------------------------------------------------------------------------
// Defaults (spec §1 and the brief that fixed the ones the spec leaves open)

export const DEFAULT_SEED = 1;
export const DEFAULT_START_TIME = '2026-03-02T08:30:00Z';
export const DEFAULT_SCENARIO_NAME = 'Untitled scenario';
export const DEFAULT_BUILDS = { '10': '10.0.19045.5487', '11': '10.0.26100.2894' } as const;
export const DEFAULT_TENANT_ID = '3c5f9b1e-7a2d-4e8f-9b6c-1d2e3f4a5b6c';
export const DEFAULT_TENANT_NAME = 'Contoso';
export const DEFAULT_DEVICE = {
  serialNumber: '5CG1234XYZ',
  manufacturer: 'Microsoft Corporation',
  model: 'Surface Laptop 5',
  operatingSystemSKU: 'Enterprise',
  deviceOwnership: 'corporate',
  enrollmentProfileName: '',
  tpmAttestation: 'succeeds',
} as const;
/**
 * Durations are simulated, but they still end up as dates in logs: a week is far beyond any ESP
 * timeout (at most 1440 minutes) and keeps every date valid.
 */
export const MAX_SIMULATED_SECONDS = 7 * 24 * 3600;
const SECONDS_LIMIT = `at most ${MAX_SIMULATED_SECONDS} seconds (a week)`;
const MAX_DOWNLOAD_MB = 100_000;
export const DEFAULT_QUALITY_UPDATES = { available: false, minutes: 25, restart: true } as const;
// In shared/ so the console's editors can say what an empty field means.
export { DEFAULT_VARIATION };
/** One log-normal spread (`simulation.variation`, `simulation.apps[id].installTimeFactor`). */
const LogNormalSchema = z.strictObject({
  median: z.number().positive().max(100_000, 'at most 100000'),
  sigma: z.number().min(0).max(3, 'at most 3'),
});

/** Intune's default ESP timeout; Graph stores 0 (or nothing) for "not set". */
export const MAX_INSTALL_TIMEOUT_MINUTES = 1440;
/** The HRESULT Windows shows when TPM attestation gives up (esp-reference.md §7.8). */
export const DEFAULT_TPM_HRESULT = 0x81039001;
/** Intune's limits (esp-reference.md §5.1). */
export const MAX_ESP_PROFILES = 51;
export const MAX_SELECTED_APPS = 100;

export const DEPLOYMENT_MODES = [
  'userDriven',
  'selfDeploying',
  'preProvisioning',
  'entraJoinOobe',
] as const satisfies readonly DeploymentMode[];
const JOIN_TYPES = ['entra', 'hybrid'] as const satisfies readonly JoinType[];
export const APP_INTENTS = ['required', 'available', 'uninstall', 'availableWithoutEnrollment'] as const;
export const POLICY_KINDS = ['edgeBrowser', 'assignedAccess', 'kioskBrowser', 'other'] as const;
export const CERTIFICATE_KINDS = ['scep', 'pkcs', 'trustedRoot'] as const;
export const NETWORK_KINDS = ['wifi', 'vpn'] as const;
const RETURN_CODE_TYPES = ['failed', 'success', 'softReboot', 'hardReboot', 'retry'] as const;
/** How the ESP and IME handle an app, from its Graph @odata.type (§5.3). */
export const APP_KINDS = ['win32', 'win32Catalog', 'winGet', 'msi', 'appx', 'office', 'store', 'other'] as const;

/** What an app assignment asks for (Graph's mobileAppAssignment.intent). */
export type AppIntent = (typeof APP_INTENTS)[number];
/** How the ESP and IME treat an app (§5.3); read from its @odata.type by appKindFromOdataType. */
export type AppKind = (typeof APP_KINDS)[number];
/** What an installer exit code means (Graph's win32LobAppReturnCode.type, §5.3). */
export type ReturnCodeType = (typeof RETURN_CODE_TYPES)[number];

/** Return codes Intune gives every new Win32 app (esp-reference.md §5.3). */
export const DEFAULT_RETURN_CODES: readonly { returnCode: number; type: ReturnCodeType }[] = [
  { returnCode: 0, type: 'success' },
  { returnCode: 1707, type: 'success' },
  { returnCode: 3010, type: 'softReboot' },
  { returnCode: 1641, type: 'hardReboot' },
  { returnCode: 1618, type: 'retry' },
];

export const ESP_PROFILE_ODATA_TYPE = '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration';
export const ESP_CONFIGURATION_TYPES = [
  'windows10EnrollmentCompletionPageConfiguration',
  'defaultWindows10EnrollmentCompletionPageConfiguration',
] as const;

const TARGET_KINDS = {
  '#microsoft.graph.groupAssignmentTarget': 'group',
  '#microsoft.graph.exclusionGroupAssignmentTarget': 'exclusionGroup',
  '#microsoft.graph.allDevicesAssignmentTarget': 'allDevices',
  '#microsoft.graph.allLicensedUsersAssignmentTarget': 'allLicensedUsers',
} as const;
type TargetOdataType = keyof typeof TARGET_KINDS;
export const TARGET_ODATA_TYPES = Object.keys(TARGET_KINDS) as [TargetOdataType, ...TargetOdataType[]];

/** Graph app types by lower-cased name without the `#microsoft.graph.` prefix (§5.3). */
const APP_KINDS_BY_TYPE: Readonly<Record<string, AppKind>> = {
  win32lobapp: 'win32',
  win32catalogapp: 'win32Catalog',
  wingetapp: 'winGet',
  windowsmobilemsi: 'msi',
  windowsuniversalappx: 'appx',
  officesuiteapp: 'office',
  windowsstoreapp: 'store',
  microsoftstoreforbusinessapp: 'store',
};

/** Windows app types (short form, see shortOdataType) whose Graph properties graphProperties.ts lists. */
export const WINDOWS_APP_TYPES: ReadonlySet<string> = new Set([
  ...Object.keys(APP_KINDS_BY_TYPE),
  'windowsmicrosoftedgeapp',
  'windowswebapp',
]);

/** `#microsoft.graph.winGetApp`, `microsoft.graph.winGetApp` and `winGetApp` all name the same type. */
export function shortOdataType(odataType: string): string {
  return odataType
    .trim()
    .replace(/^#/, '')
    .replace(/^microsoft\.graph\./i, '')
    .toLowerCase();
}

/** The kind of an app by its Graph type, in any spelling shortOdataType accepts; `other` for the rest (§5.3). */
export function appKindFromOdataType(odataType: string): AppKind {
  return APP_KINDS_BY_TYPE[shortOdataType(odataType)] ?? 'other';
}

// ---------------------------------------------------------------------------------------------
// Assignments

/** Graph writes an all-zero GUID for "no filter" on some endpoints. */
const NO_FILTER_IDS = new Set(['', '00000000-0000-0000-0000-000000000000']);

type TargetKind = (typeof TARGET_KINDS)[TargetOdataType];

function assignmentTarget(kind: TargetKind, groupId: string) {
  switch (kind) {
    case 'group':
      return { kind, groupId };
    case 'exclusionGroup':
      return { kind, groupId };
    case 'allDevices':
      return { kind };
    case 'allLicensedUsers':
      return { kind };
  }
}

const AssignmentTargetSchema = graphObject(
  'assignmentTarget',
  {
    '@odata.type': z.enum(TARGET_ODATA_TYPES),
    groupId: z.string().min(1).optional(),
    deviceAndAppManagementAssignmentFilterId: z.string().optional(),
    deviceAndAppManagementAssignmentFilterType: z.enum(['include', 'exclude', 'none']).optional(),
  },
  {
    refine: (t, ctx) => {
      const kind = TARGET_KINDS[t['@odata.type']];
      if ((kind === 'group' || kind === 'exclusionGroup') && t.groupId === undefined) {
        problem(ctx, ['groupId'], `required for a ${t['@odata.type']}`);
      }
      const filterId = t.deviceAndAppManagementAssignmentFilterId;
      const filterType = t.deviceAndAppManagementAssignmentFilterType;
      const hasFilterId = filterId !== undefined && !NO_FILTER_IDS.has(filterId);
      if (hasFilterId && filterType === undefined) {
        // Graph would read a missing type as "none" and ignore the filter: almost certainly not what was meant.
        problem(
          ctx,
          ['deviceAndAppManagementAssignmentFilterType'],
          'required when deviceAndAppManagementAssignmentFilterId is set: include or exclude',
        );
      }
      if (!hasFilterId && (filterType === 'include' || filterType === 'exclude')) {
        problem(
          ctx,
          ['deviceAndAppManagementAssignmentFilterId'],
          `required when deviceAndAppManagementAssignmentFilterType is ${filterType}`,
        );
      }
    },
    build: (t) => {
      const filterType = t.deviceAndAppManagementAssignmentFilterType ?? 'none';
      return {
        target: assignmentTarget(TARGET_KINDS[t['@odata.type']], t.groupId ?? ''),
        // A "none" filter type means Graph ignores the id, so the engine never has to.
        filterId: filterType === 'none' ? null : (t.deviceAndAppManagementAssignmentFilterId ?? null),
        filterType,
      };
    },
  },
);

/** Profiles and other resources have no intent; only app assignments do. */
const noIntent = (): AppIntent | null => null;

/** Assignment of an ESP profile, policy, certificate or network profile: no intent. */
export const ResourceAssignmentSchema = graphObject(
  'resourceAssignment',
  { target: AssignmentTargetSchema },
  { build: (a) => ({ ...a.target, intent: noIntent() }) },
);

/** An assignment as the engine reads it: target, filter, and (apps only) intent. */
export type Assignment = z.output<typeof ResourceAssignmentSchema>;

/**
 * Assignment of an app (Graph mobileAppAssignment): `{ assignment, useDeviceContext, settingsOdataType }`, the
 * last two read from its settings for the app's install context and type (§5.3).
 */
export const AppAssignmentSchema = graphObject(
  'appAssignment',
  {
    intent: z.enum(APP_INTENTS),
    target: AssignmentTargetSchema,
    settings: graphObject(
      'assignmentSettings',
      { '@odata.type': z.string().optional(), useDeviceContext: z.boolean().optional() },
      { build: (s) => ({ odataType: s['@odata.type'] ?? null, useDeviceContext: s.useDeviceContext ?? false }) },
    ).optional(),
  },
  {
    build: (a) => ({
      assignment: { ...a.target, intent: a.intent } satisfies Assignment,
      /** settings.useDeviceContext: Store and AppX apps take their install context from the assignment (§5.3). */
      useDeviceContext: a.settings?.useDeviceContext ?? false,
      settingsOdataType: a.settings?.odataType ?? null,
    }),
  },
);

type ParsedAppAssignment = z.output<typeof AppAssignmentSchema>;

// ---------------------------------------------------------------------------------------------
// ESP profiles

const TIMEOUT_MESSAGE = `expected 1 to ${MAX_INSTALL_TIMEOUT_MINUTES} minutes (0 or missing means ${DEFAULT_INSTALL_TIMEOUT_MINUTES})`;
const optionalBoolean = z.boolean().optional();
const GREYED_OUT = 'Intune greys this out when blockDeviceSetupRetryByUser is true ("Block device use" No)';

/**
 * An ESP profile as the file holds it. Its output still lacks what depends on the whole list (id, displayName
 * and priority may be null); TenantSchema fills them in.
 */
export const EspProfileSchema = graphObject(
  'espProfile',
  {
    '@odata.type': z
      .string()
      .refine((t) => shortOdataType(t) === shortOdataType(ESP_PROFILE_ODATA_TYPE), {
        message: `not an ESP profile: expected ${ESP_PROFILE_ODATA_TYPE}`,
      })
      .optional(),
    id: z.string().min(1).optional(),
    displayName: z.string().optional(),
    priority: wholeNumber().min(0).optional(),
    deviceEnrollmentConfigurationType: z.enum(ESP_CONFIGURATION_TYPES).optional(),
    showInstallationProgress: optionalBoolean,
    installProgressTimeoutInMinutes: wholeNumber()
      .min(0, TIMEOUT_MESSAGE)
      .max(MAX_INSTALL_TIMEOUT_MINUTES, TIMEOUT_MESSAGE)
      .optional(),
    customErrorMessage: z.string().max(10000).optional(),
    allowLogCollectionOnInstallFailure: optionalBoolean,
    disableUserStatusTrackingAfterFirstUser: optionalBoolean,
    installQualityUpdates: optionalBoolean,
    blockDeviceSetupRetryByUser: optionalBoolean,
    allowDeviceResetOnInstallFailure: optionalBoolean,
    allowDeviceUseOnInstallFailure: optionalBoolean,
    selectedMobileAppIds: graphList(z.string().min(1)).optional(),
    allowNonBlockingAppInstallation: optionalBoolean,
    trackInstallProgressForAutopilotOnly: optionalBoolean,
    assignments: graphList(ResourceAssignmentSchema).optional(),
  },
  {
    refine: (p, ctx) => {
      const selected = p.selectedMobileAppIds ?? [];
      if (selected.length > MAX_SELECTED_APPS) {
        problem(ctx, ['selectedMobileAppIds'], `at most ${MAX_SELECTED_APPS} blocking apps; found ${selected.length}`);
      }
    },
    build: (p, note) => {
      // Spec §1: any one of the three marks the default profile.
      const isDefault =
        p.deviceEnrollmentConfigurationType === 'defaultWindows10EnrollmentCompletionPageConfiguration' ||
        (p.id?.toLowerCase().endsWith(DEFAULT_PROFILE_ID_SUFFIX.toLowerCase()) ?? false) ||
        p.priority === 0;
      const profile = {
        id: p.id ?? null,
        displayName: p.displayName ?? null,
        priority: isDefault ? 0 : (p.priority ?? null),
        isDefault,
        showInstallationProgress: p.showInstallationProgress ?? false,
        // Graph stores 0 when the admin never set it; Intune then applies 60.
        installProgressTimeoutInMinutes: p.installProgressTimeoutInMinutes || DEFAULT_INSTALL_TIMEOUT_MINUTES,
        /** null when empty: the device then shows DEFAULT_ERROR_MESSAGE. */
        customErrorMessage: p.customErrorMessage?.trim() ? p.customErrorMessage : null,
        allowLogCollectionOnInstallFailure: p.allowLogCollectionOnInstallFailure ?? false,
        disableUserStatusTrackingAfterFirstUser: p.disableUserStatusTrackingAfterFirstUser ?? false,
        installQualityUpdates: p.installQualityUpdates ?? false,
        /** true = "Block device use until all apps and profiles are installed" No (§5.1 [I]). */
        blockDeviceSetupRetryByUser: p.blockDeviceSetupRetryByUser ?? false,
        allowDeviceResetOnInstallFailure: p.allowDeviceResetOnInstallFailure ?? false,
        allowDeviceUseOnInstallFailure: p.allowDeviceUseOnInstallFailure ?? false,
        /** Empty = All. */
        selectedMobileAppIds: p.selectedMobileAppIds ?? [],
        allowNonBlockingAppInstallation: p.allowNonBlockingAppInstallation ?? false,
        trackInstallProgressForAutopilotOnly: p.trackInstallProgressForAutopilotOnly ?? false,
        assignments: p.assignments ?? [],
      };
      // Intune greys these out with "Block device use" No; Graph still stores whatever was there. Say so.
      if (profile.blockDeviceSetupRetryByUser) {
        if (profile.allowDeviceResetOnInstallFailure) note(['allowDeviceResetOnInstallFailure'], GREYED_OUT);
        if (profile.allowDeviceUseOnInstallFailure) note(['allowDeviceUseOnInstallFailure'], GREYED_OUT);
        if (profile.selectedMobileAppIds.length > 0) note(['selectedMobileAppIds'], GREYED_OUT);
      }
      return profile;
    },
  },
);

type EspProfileDraft = z.output<typeof EspProfileSchema>;

// ---------------------------------------------------------------------------------------------
// Apps

/** Assignment settings types name their app type (`winGetAppAssignmentSettings` -> winGetApp). */
const APP_TYPES_BY_SETTINGS_TYPE: Record<string, string> = {
  win32lobappassignmentsettings: '#microsoft.graph.win32LobApp',
  win32catalogappassignmentsettings: '#microsoft.graph.win32CatalogApp',
  wingetappassignmentsettings: '#microsoft.graph.winGetApp',
  windowsuniversalappxappassignmentsettings: '#microsoft.graph.windowsUniversalAppX',
  microsoftstoreforbusinessappassignmentsettings: '#microsoft.graph.microsoftStoreForBusinessApp',
};

/**
 * Guess the type of an app exported without `@odata.type` (some community exports drop it): only winGetApp has
 * `packageIdentifier`; otherwise the assignment settings' type names the app type.
 */
export function inferAppOdataType(
  hasPackageIdentifier: boolean,
  settingsOdataTypes: readonly (string | null)[],
): { odataType: string; from: string } | null {
  if (hasPackageIdentifier) return { odataType: '#microsoft.graph.winGetApp', from: 'packageIdentifier' };
  for (const settingsType of settingsOdataTypes) {
    const appType = settingsType ? APP_TYPES_BY_SETTINGS_TYPE[shortOdataType(settingsType)] : undefined;
    if (appType) return { odataType: appType, from: `assignment settings ${settingsType}` };
  }
  return null;
}

const ReturnCodeSchema = graphObject(
  'returnCode',
  { returnCode: wholeNumber(), type: z.enum(RETURN_CODE_TYPES) },
  { build: (r) => ({ returnCode: r.returnCode, type: r.type }) },
);

/**
 * A Windows app (Graph mobileApp and its subtypes) as the engine reads it: kind and install context from its type
 * (§5.3), Intune's default return codes when it has none. A missing @odata.type is inferred, with a warning.
 */
export const AppSchema = graphObject(
  'app',
  {
    id: z.string().min(1),
    displayName: z.string().optional(),
    '@odata.type': z.string().optional(),
    installExperience: graphObject(
      'installExperience',
      { runAsAccount: z.enum(['system', 'user']).optional() },
      { build: (x) => ({ runAsAccount: x.runAsAccount }) },
    ).optional(),
    useDeviceContext: z.boolean().optional(),
    packageIdentifier: z.string().optional(),
    returnCodes: graphList(ReturnCodeSchema).optional(),
    assignments: graphList(AppAssignmentSchema).optional(),
  },
  {
    // An app of a type the simulator does not model (iOS, Android...) has properties of its own: not ours to judge.
    quiet: (a) => typeof a['@odata.type'] === 'string' && !WINDOWS_APP_TYPES.has(shortOdataType(a['@odata.type'])),
    build: (a, note) => {
      const assignments = a.assignments ?? [];
      const inferred =
        a['@odata.type'] === undefined
          ? inferAppOdataType(
              a.packageIdentifier !== undefined,
              assignments.map((x) => x.settingsOdataType),
            )
          : null;
      const odataType = a['@odata.type'] ?? inferred?.odataType ?? '';
      if (a['@odata.type'] === undefined) {
        note(
          ['@odata.type'],
          inferred
            ? `missing; read as ${odataType} from its ${inferred.from}`
            : `missing; the app is treated as a type the ESP does not track specially ("other")`,
        );
      }
      const kind = appKindFromOdataType(odataType);
      return {
        id: a.id,
        displayName: a.displayName ?? a.id,
        odataType,
        kind,
        /** Device context (system) or user context (§5.3). */
        installContext: appInstallContext(kind, a.installExperience?.runAsAccount, a.useDeviceContext, assignments),
        // An empty list is treated as absent: Intune never saves a Win32 app without return codes.
        returnCodes: a.returnCodes?.length ? a.returnCodes : DEFAULT_RETURN_CODES.map((r) => ({ ...r })),
        assignments: assignments.map((x): Assignment => x.assignment),
      };
    },
  },
);

/** Where an app installs (§5.3): Win32 and WinGet by runAsAccount, MSI by useDeviceContext, Store/AppX by assignment. */
function appInstallContext(
  kind: AppKind,
  runAsAccount: 'system' | 'user' | undefined,
  useDeviceContext: boolean | undefined,
  assignments: readonly ParsedAppAssignment[],
): 'device' | 'user' {
  switch (kind) {
    case 'win32':
    case 'win32Catalog':
    case 'winGet':
      return runAsAccount === 'user' ? 'user' : 'device';
    case 'msi':
      return useDeviceContext === true ? 'device' : 'user';
    case 'appx':
    case 'store':
      return assignments.some((x) => x.useDeviceContext) ? 'device' : 'user';
    case 'office':
    case 'other':
      return 'device';
  }
}

// ---------------------------------------------------------------------------------------------
// Groups, filters, policies, certificate and network profiles

/** An Entra group (Graph group): only its id and name matter to the simulator. */
export const GroupSchema = graphObject(
  'group',
  { id: z.string().min(1), displayName: z.string().optional() },
  { build: (g) => ({ id: g.id, displayName: g.displayName ?? g.id }) },
);

/**
 * An assignment filter (Graph deviceAndAppManagementAssignmentFilter). Its rule must parse with the properties
 * an ESP profile filter may use (filters/assignmentFilter.ts); a platform other than windows10AndLater warns.
 */
export const AssignmentFilterSchema = graphObject(
  'assignmentFilter',
  {
    id: z.string().min(1),
    displayName: z.string().optional(),
    platform: z.string().optional(),
    rule: z.string(),
  },
  {
    // A filter whose rule does not parse, or uses a property ESP profile filters cannot, could never be evaluated.
    refine: (f, ctx) => {
      const parsed = parseFilterRule(f.rule);
      if (!parsed.ok) problem(ctx, ['rule'], parsed.error);
    },
    build: (f, note) => {
      const platform = f.platform ?? 'windows10AndLater';
      if (platform.toLowerCase() !== 'windows10andlater') {
        note(['platform'], `"${platform}": Windows devices are only evaluated against windows10AndLater filters`);
      }
      return { id: f.id, displayName: f.displayName ?? f.id, platform, rule: f.rule };
    },
  },
);

/**
 * Custom OMA-URI settings the ESP itself reads (DMClient CSP, §4.2): setting one to true on the device skips
 * that part of the ESP. Any other OMA-URI setting is kept but warned about: the simulator does not model it.
 */
export const ESP_OMA_URIS = {
  skipUserStatusPage: './Device/Vendor/MSFT/DMClient/Provider/MS DM Server/FirstSyncStatus/SkipUserStatusPage',
  skipDeviceStatusPage: './Device/Vendor/MSFT/DMClient/Provider/MS DM Server/FirstSyncStatus/SkipDeviceStatusPage',
} as const;

const OMA_URI_OF = new Map(Object.entries(ESP_OMA_URIS).map(([name, uri]) => [uri.toLowerCase(), name]));

/** An ESP OMA-URI setting as the engine reads it. */
export interface OmaSetting {
  omaUri: string;
  value: boolean | number | string | null;
}

/** One `omaSettings` entry of a windows10CustomConfiguration (Graph omaSetting*): its URI and value. */
const OmaSettingSchema = z.looseObject({ omaUri: z.string(), value: z.unknown().optional() });

function trackedResourceSchema<K extends string>(kinds: readonly [K, ...K[]], defaultKind?: K) {
  const kind = defaultKind === undefined ? z.enum(kinds) : z.enum(kinds).default(defaultKind);
  return graphObject(
    'trackedResource',
    {
      id: z.string().min(1),
      displayName: z.string().optional(),
      kind,
      assignments: graphList(ResourceAssignmentSchema).optional(),
      omaSettings: z.array(OmaSettingSchema).optional(),
    },
    {
      // A configuration pasted from Graph carries its settings, which the simulator does not model.
      quiet: (r) => typeof r['@odata.type'] === 'string',
      build: (r, note) => {
        const omaSettings: OmaSetting[] = [];
        (r.omaSettings ?? []).forEach((setting, i) => {
          const value = setting.value;
          const known = OMA_URI_OF.get(setting.omaUri.trim().toLowerCase());
          if (!known) {
            note(
              ['omaSettings', i, 'omaUri'],
              `"${setting.omaUri}": the simulator does not model this OMA-URI setting; it is ignored`,
            );
            return;
          }
          omaSettings.push({
            omaUri: setting.omaUri.trim(),
            value: typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string' ? value : null,
          });
        });
        const built: {
          id: string;
          displayName: string;
          kind: K;
          assignments: NonNullable<typeof r.assignments>;
          /** Only the ESP's own settings (ESP_OMA_URIS); absent when there are none. */
          omaSettings?: OmaSetting[];
        } = { id: r.id, displayName: r.displayName ?? r.id, kind: r.kind as K, assignments: r.assignments ?? [] };
        if (omaSettings.length > 0) built.omaSettings = omaSettings;
        return built;
      },
    },
  );
}

/** Policies, certificate and network profiles: our own `kind` beside Graph's id, name and assignments (§1.3). */
export const PolicySchema = trackedResourceSchema(POLICY_KINDS, 'other');
export const CertificateProfileSchema = trackedResourceSchema(CERTIFICATE_KINDS);
export const NetworkProfileSchema = trackedResourceSchema(NETWORK_KINDS);

// ---------------------------------------------------------------------------------------------
// The tenant

/** Within one list, each id once; `where` is the list's path for messages ("also tenant.apps[0]"). */
function uniqueIds(what: string, where: readonly PathSegment[]) {
  return (items: readonly { id: string | null }[], ctx: z.core.$RefinementCtx) => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      if (item.id === null) return;
      const at = first.get(item.id);
      if (at === undefined) first.set(item.id, i);
      else problem(ctx, [i, 'id'], `duplicate ${what} id "${item.id}" (also ${formatPath([...where, at])})`);
    });
  };
}

const PROFILES_KEY = 'enrollmentStatusPageProfiles';

/** Intune's limits on the profile list, and one default profile per tenant (spec §1). */
function checkProfileList(profiles: readonly EspProfileDraft[], ctx: z.core.$RefinementCtx): void {
  const defaults = profiles.flatMap((p, i) => (p.isDefault ? [i] : []));
  const customCount = profiles.length - defaults.length;
  if (profiles.length > MAX_ESP_PROFILES) {
    problem(ctx, [], `at most ${MAX_ESP_PROFILES} ESP profiles (the default + 50); found ${profiles.length}`);
  } else if (customCount > MAX_ESP_PROFILES - 1) {
    problem(ctx, [], `at most ${MAX_ESP_PROFILES - 1} ESP profiles besides the default; found ${customCount}`);
  }
  for (const extra of defaults.slice(1)) {
    problem(
      ctx,
      [extra],
      `a second default profile (the first is [${defaults[0]}]): a tenant has one. A default profile is one with ` +
        `priority 0, deviceEnrollmentConfigurationType defaultWindows10EnrollmentCompletionPageConfiguration, ` +
        `or an id ending ${DEFAULT_PROFILE_ID_SUFFIX}`,
    );
  }
}

/** The tenant's lists that hold assignments, as the file names them. */
const ASSIGNED_LISTS = [PROFILES_KEY, 'apps', 'policies', 'certificateProfiles', 'networkProfiles'] as const;

/**
 * The tenant (spec §1 `tenant`): its lists, each id once, every selected blocking app and every assignment filter
 * present, and the ESP profiles completed (ids, names, priorities, the new-tenant default when none is given).
 */
export const TenantSchema = ownObject(
  {
    id: z.string().min(1).default(DEFAULT_TENANT_ID),
    displayName: z.string().default(DEFAULT_TENANT_NAME),
    groups: orEmpty(graphList(GroupSchema).superRefine(uniqueIds('group', ['tenant', 'groups']))),
    assignmentFilters: orEmpty(
      graphList(AssignmentFilterSchema).superRefine(uniqueIds('filter', ['tenant', 'assignmentFilters'])),
    ),
    [PROFILES_KEY]: orEmpty(
      graphList(EspProfileSchema)
        .superRefine(checkProfileList)
        .superRefine(uniqueIds('ESP profile', ['tenant', PROFILES_KEY])),
    ),
    apps: orEmpty(graphList(AppSchema).superRefine(uniqueIds('app', ['tenant', 'apps']))),
    policies: orEmpty(graphList(PolicySchema)),
    certificateProfiles: orEmpty(graphList(CertificateProfileSchema)),
    networkProfiles: orEmpty(graphList(NetworkProfileSchema)),
  },
  {
    crossChecks: [
      {
        needs: [PROFILES_KEY, 'apps'],
        check: (t, ctx) => {
          const appIds = new Set(t.apps.map((a) => a.id));
          t[PROFILES_KEY].forEach((p, i) =>
            p.selectedMobileAppIds.forEach((id, j) => {
              if (!appIds.has(id)) {
                problem(ctx, [PROFILES_KEY, i, 'selectedMobileAppIds', j], `no app with id "${id}" in tenant.apps`);
              }
            }),
          );
        },
      },
      {
        needs: ['assignmentFilters', ...ASSIGNED_LISTS],
        check: (t, ctx) => {
          const filterIds = new Set(t.assignmentFilters.map((f) => f.id));
          for (const key of ASSIGNED_LISTS) {
            t[key].forEach((item, i) =>
              item.assignments.forEach((a, j) => {
                if (a.filterId !== null && !filterIds.has(a.filterId)) {
                  problem(
                    ctx,
                    [key, i, 'assignments', j, 'target', 'deviceAndAppManagementAssignmentFilterId'],
                    `no filter "${a.filterId}" in tenant.assignmentFilters`,
                  );
                }
              }),
            );
          }
        },
      },
      // Last: a cross-check skips a part with issues, so what this one finds must not hide the checks above.
      {
        // One key space: simulation.policies addresses all three by id.
        needs: ['policies', 'certificateProfiles', 'networkProfiles'],
        check: (t, ctx) => {
          const located = (['policies', 'certificateProfiles', 'networkProfiles'] as const).flatMap((key) =>
            t[key].map((item, i) => ({ id: item.id, path: [key, i] })),
          );
          const first = new Map<string, PathSegment[]>();
          for (const { id, path } of located) {
            const at = first.get(id);
            if (!at) first.set(id, path);
            else
              problem(
                ctx,
                [...path, 'id'],
                `duplicate policy or profile id "${id}" (also ${formatPath(['tenant', ...at])})`,
              );
          }
        },
      },
    ],
    build: (t, note) => ({
      id: t.id,
      displayName: t.displayName,
      groups: t.groups,
      assignmentFilters: t.assignmentFilters,
      espProfiles: finaliseEspProfiles(t[PROFILES_KEY], t.id, note),
      apps: t.apps,
      policies: t.policies,
      certificateProfiles: t.certificateProfiles,
      networkProfiles: t.networkProfiles,
    }),
  },
);

/**
 * Fill in what profiles leave out (id, name, priority) and add the new-tenant default profile when there is none.
 * Intune appends a new profile after the lowest-priority one; profiles without a priority do the same, in order.
 */
function finaliseEspProfiles(
  drafts: readonly EspProfileDraft[],
  tenantId: string,
  note: (p: PathSegment[], m: string) => void,
) {
  let nextPriority = drafts.reduce((max, p) => Math.max(max, p.isDefault ? 0 : (p.priority ?? 0)), 0) + 1;
  const profiles = drafts.map((p, i) => ({
    ...p,
    id: p.id ?? (p.isDefault ? `${tenantId}${DEFAULT_PROFILE_ID_SUFFIX}` : `esp-profile-${i + 1}`),
    displayName: p.displayName ?? (p.isDefault ? DEFAULT_PROFILE_NAME : `ESP profile ${i + 1}`),
    priority: p.isDefault ? 0 : (p.priority ?? nextPriority++),
  }));

  const byPriority = new Map<number, number>();
  profiles.forEach((p, i) => {
    if (p.isDefault) return;
    const first = byPriority.get(p.priority);
    if (first === undefined) byPriority.set(p.priority, i);
    else {
      note(
        [PROFILES_KEY, i, 'priority'],
        `priority ${p.priority} is also [${first}]'s; Intune never stores two profiles with one priority (the one ` +
          `with the lower id wins here)`,
      );
    }
  });

  // Spec §1: a tenant without a default profile behaves as a new tenant does.
  if (!profiles.some((p) => p.isDefault)) profiles.push(newTenantDefaultProfile(tenantId));
  return profiles;
}

// ---------------------------------------------------------------------------------------------
// Our own sections (strict)

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A section or list that may be left out (or written as null): it then reads as `empty`. */
function orEmpty<T extends z.ZodType>(schema: T, empty: unknown = []) {
  return z.preprocess((value) => value ?? empty, schema);
}

/** `windows`: the release (default 11) and its build (a default per release); a build of the other release warns. */
export const WindowsSchema = ownObject(
  {
    // `11` written as a number is an easy slip; read it as the release it obviously means.
    release: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(['10', '11'])).default('11'),
    build: z
      .string()
      .regex(/^10\.0\.\d+\.\d+$/, 'expected a build number such as 10.0.26100.2894')
      .optional(),
  },
  {
    build: (w, note) => {
      if (w.build) {
        // Windows 11 builds start at 22000.
        const looksLike = Number(w.build.split('.')[2]) >= 22000 ? '11' : '10';
        if (looksLike !== w.release) {
          note(['build'], `${w.build} is a Windows ${looksLike} build, but release is "${w.release}"`);
        }
      }
      return { release: w.release, build: w.build ?? DEFAULT_BUILDS[w.release] };
    },
  },
);

/** `deployment`: the mode, the join (hybrid only with userDriven or preProvisioning) and Autopilot registration. */
export const DeploymentSchema = ownObject(
  {
    mode: z.enum(DEPLOYMENT_MODES),
    join: z.enum(JOIN_TYPES).default('entra'),
    autopilotRegistered: z.boolean().optional(),
  },
  {
    refine: (d, ctx) => {
      if (d.join === 'hybrid' && d.mode !== 'userDriven' && d.mode !== 'preProvisioning') {
        problem(ctx, ['join'], `hybrid join works only with userDriven or preProvisioning (mode is ${d.mode})`);
      }
    },
    build: (d) => ({
      mode: d.mode,
      join: d.join,
      // Spec §1: a device going through plain Entra join in OOBE is normally not registered with Autopilot.
      autopilotRegistered: d.autopilotRegistered ?? d.mode !== 'entraJoinOobe',
    }),
  },
);

/** `device`: the simulated hardware and its groups, every property defaulted (osVersion follows the build). */
export const DeviceSchema = ownObject(
  {
    serialNumber: z.string().min(1).default(DEFAULT_DEVICE.serialNumber),
    manufacturer: z.string().default(DEFAULT_DEVICE.manufacturer),
    model: z.string().default(DEFAULT_DEVICE.model),
    osVersion: z.string().optional(),
    operatingSystemSKU: z.string().default(DEFAULT_DEVICE.operatingSystemSKU),
    deviceOwnership: z.string().default(DEFAULT_DEVICE.deviceOwnership),
    enrollmentProfileName: z.string().default(DEFAULT_DEVICE.enrollmentProfileName),
    groupIds: z.array(z.string().min(1)).default([]),
    tpmAttestation: z.enum(['succeeds', 'fails']).default(DEFAULT_DEVICE.tpmAttestation),
    /** Windows' display language (a BCP 47 tag): the device screens speak it when they can (docs/fidelity.md). */
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a language tag such as en-US, de-DE or fr-FR')
      .default(DEFAULT_LOCALE),
  },
  {
    build: (d, note) => {
      if (languageOfLocale(d.locale) !== d.locale.split('-')[0]!.toLowerCase()) {
        note(['locale'], `the device screens speak ${LANGUAGES.join(', ')}; "${d.locale}" is shown in English`);
      }
      return {
        serialNumber: d.serialNumber,
        manufacturer: d.manufacturer,
        model: d.model,
        osVersion: d.osVersion,
        operatingSystemSKU: d.operatingSystemSKU,
        deviceOwnership: d.deviceOwnership,
        enrollmentProfileName: d.enrollmentProfileName,
        groupIds: d.groupIds,
        tpmAttestation: d.tpmAttestation,
        locale: d.locale,
      };
    },
  },
);

/** Deterministic, GUID-shaped, so logs that print user object ids look right. */
function defaultUserId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

const UserSchema = ownObject(
  {
    id: z.string().min(1).optional(),
    userPrincipalName: z.string().min(1),
    displayName: z.string().optional(),
    groupIds: z.array(z.string().min(1)).default([]),
    intuneLicensed: z.boolean().default(true),
  },
  { build: (u) => u },
);

/** `users`, in sign-in order: each id once, ids and display names filled in where the file leaves them out. */
export const UsersSchema = z
  .array(UserSchema)
  .superRefine((users, ctx) => {
    const seen = new Map<string, number>();
    users.forEach((u, i) => {
      if (u.id === undefined) return;
      const first = seen.get(u.id);
      if (first !== undefined) problem(ctx, [i, 'id'], `duplicate user id "${u.id}" (also users[${first}])`);
      else seen.set(u.id, i);
    });
  })
  .transform((users) =>
    users.map((u, i) => ({
      id: u.id ?? defaultUserId(i),
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName ?? u.userPrincipalName.split('@')[0] ?? u.userPrincipalName,
      groupIds: u.groupIds,
      intuneLicensed: u.intuneLicensed,
    })),
  );

const AppBehaviourSchema = ownObject(
  {
    installSeconds: z.number().positive().max(MAX_SIMULATED_SECONDS, SECONDS_LIMIT).optional(),
    downloadMB: z.number().min(0).max(MAX_DOWNLOAD_MB, `at most ${MAX_DOWNLOAD_MB} MB`).optional(),
    exitCode: wholeNumber().optional(),
    exitCodes: z.array(wholeNumber()).min(1).optional(),
    /** false: the installer succeeds but the app's detection rule never finds it (ESP: 0x87d1041c, §5.3). */
    detected: z.boolean().optional(),
    /** esp-sim plan only: this app's install-time factor per device, instead of simulation.variation's. */
    installTimeFactor: LogNormalSchema.optional(),
  },
  {
    refine: (b, ctx) => {
      if (b.exitCode !== undefined && b.exitCodes !== undefined) {
        problem(ctx, ['exitCodes'], 'give exitCode or exitCodes, not both');
      }
    },
    build: (b) => ({
      installSeconds: b.installSeconds ?? null,
      downloadMB: b.downloadMB ?? null,
      /** Exit code of each attempt; the last one repeats. */
      exitCodes: b.exitCodes ?? [b.exitCode ?? 0],
      ...(b.detected === false ? { detected: false as const } : {}),
      ...(b.installTimeFactor ? { installTimeFactor: b.installTimeFactor } : {}),
    }),
  },
);

const ResourceBehaviourSchema = ownObject(
  {
    applySeconds: z.number().min(0).max(MAX_SIMULATED_SECONDS, SECONDS_LIMIT).optional(),
    fails: z.boolean().default(false),
  },
  { build: (b) => ({ applySeconds: b.applySeconds ?? null, fails: b.fails }) },
);

/** HRESULTs are written as "0x81039001" (as Windows shows them) or as a number, signed or not. */
const HresultSchema = z
  .unknown()
  .optional()
  .transform((value, ctx): number => {
    if (value === undefined) return DEFAULT_TPM_HRESULT;
    if (typeof value === 'number' && Number.isInteger(value) && value >= -0x80000000 && value <= 0xffffffff) {
      return value >>> 0;
    }
    if (typeof value === 'string' && /^0x[0-9a-f]{1,8}$/i.test(value.trim())) {
      return Number.parseInt(value.trim().slice(2), 16) >>> 0;
    }
    ctx.addIssue({ code: 'custom', message: 'expected an HRESULT such as "0x81039001" or its number', input: value });
    return z.NEVER;
  });

const appFault = <K extends string>(kind: K) => z.strictObject({ kind: z.literal(kind), appId: z.string().min(1) });

/** One of `simulation.faults`, by its kind (README: Faults). */
export const FaultSchema = z.discriminatedUnion('kind', [
  appFault('packagedReboot'),
  appFault('msiWin32Conflict'),
  appFault('declaredReboot'),
  appFault('officeHang'),
  z.strictObject({ kind: z.literal('identifyingNeverEnds') }),
  z.strictObject({ kind: z.literal('tpmAttestationFailure'), hresult: HresultSchema }),
  z.strictObject({
    kind: z.literal('networkOutage'),
    atSeconds: z.number().min(0).max(MAX_SIMULATED_SECONDS, SECONDS_LIMIT),
    forSeconds: z.number().positive().max(MAX_SIMULATED_SECONDS, SECONDS_LIMIT),
  }),
  z.strictObject({ kind: z.literal('resourceFails'), resourceId: z.string().min(1) }),
  z.strictObject({ kind: z.literal('espProviderTimeout') }),
]);

/** `simulation`: install and apply behaviour per app and resource, quality updates and faults. */
export const SimulationSchema = ownObject(
  {
    apps: z.record(z.string(), AppBehaviourSchema).default({}),
    policies: z.record(z.string(), ResourceBehaviourSchema).default({}),
    qualityUpdates: z
      .strictObject({
        available: z.boolean().default(DEFAULT_QUALITY_UPDATES.available),
        minutes: z
          .number()
          .positive()
          .max(MAX_SIMULATED_SECONDS / 60, `at most ${MAX_SIMULATED_SECONDS / 60} minutes (a week)`)
          .default(DEFAULT_QUALITY_UPDATES.minutes),
        restart: z.boolean().default(DEFAULT_QUALITY_UPDATES.restart),
      })
      .default({ ...DEFAULT_QUALITY_UPDATES }),
    faults: z.array(FaultSchema).default([]),
    /** esp-sim plan only: how devices differ (docs/scenario-format.md §8.5); DEFAULT_VARIATION fills what is left out. */
    variation: z
      .strictObject({
        bandwidthMbps: LogNormalSchema.default({ ...DEFAULT_VARIATION.bandwidthMbps }),
        installTimeFactor: LogNormalSchema.default({ ...DEFAULT_VARIATION.installTimeFactor }),
      })
      .optional(),
  },
  {
    build: (s) => ({
      apps: s.apps,
      resources: s.policies,
      qualityUpdates: s.qualityUpdates,
      faults: s.faults,
      ...(s.variation ? { variation: s.variation } : {}),
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// The scenario

const NO_RESOURCE = (id: string) =>
  `no policy, certificate or network profile with id "${id}" in tenant.policies, tenant.certificateProfiles or tenant.networkProfiles`;

/** The whole scenario file; its output is the model (model.ts). Warnings: schemaTools.notesOf(scenario). */
export const ScenarioSchema = ownObject(
  {
    schemaVersion: z.literal(1, {
      error: (issue) =>
        issue.input === undefined
          ? 'required: add "schemaVersion": 1'
          : 'expected 1 (this version of ESP Simulator reads schemaVersion 1 files)',
    }),
    name: z.string().default(DEFAULT_SCENARIO_NAME),
    description: z.string().default(''),
    seed: wholeNumber().default(DEFAULT_SEED),
    startTime: z
      .string()
      .refine((s) => ISO_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)), {
        message: 'expected an ISO 8601 time with a zone, such as 2026-03-02T08:30:00Z',
      })
      .default(DEFAULT_START_TIME),
    windows: orEmpty(WindowsSchema, {}),
    deployment: DeploymentSchema,
    device: orEmpty(DeviceSchema, {}),
    users: orEmpty(UsersSchema),
    tenant: orEmpty(TenantSchema, {}),
    simulation: orEmpty(SimulationSchema, {}),
  },
  {
    crossChecks: [
      {
        // Every assignment's group must be known (see the decisions at the top of this file).
        needs: ['tenant', 'device', 'users'],
        check: (s, ctx) => {
          const known = new Set([
            ...s.tenant.groups.map((g) => g.id),
            ...s.device.groupIds,
            ...s.users.flatMap((u) => u.groupIds),
          ]);
          const lists = [
            [PROFILES_KEY, s.tenant.espProfiles],
            ['apps', s.tenant.apps],
            ['policies', s.tenant.policies],
            ['certificateProfiles', s.tenant.certificateProfiles],
            ['networkProfiles', s.tenant.networkProfiles],
          ] as const;
          // espProfiles may end with an added default profile; it has no group, so indices still match the file.
          for (const [key, items] of lists) {
            items.forEach((item: { assignments: readonly Assignment[] }, i: number) =>
              item.assignments.forEach(({ target }, j) => {
                if ((target.kind === 'group' || target.kind === 'exclusionGroup') && !known.has(target.groupId)) {
                  problem(
                    ctx,
                    ['tenant', key, i, 'assignments', j, 'target', 'groupId'],
                    `no group "${target.groupId}" in tenant.groups, device.groupIds or any user's groupIds`,
                  );
                }
              }),
            );
          }
        },
      },
      {
        needs: ['tenant', 'simulation'],
        check: (s, ctx) => {
          const apps = new Set(s.tenant.apps.map((a) => a.id));
          const resources = new Set(
            [...s.tenant.policies, ...s.tenant.certificateProfiles, ...s.tenant.networkProfiles].map((r) => r.id),
          );
          for (const id of Object.keys(s.simulation.apps)) {
            if (!apps.has(id)) problem(ctx, ['simulation', 'apps', id], `no app with id "${id}" in tenant.apps`);
          }
          for (const id of Object.keys(s.simulation.resources)) {
            if (!resources.has(id)) problem(ctx, ['simulation', 'policies', id], NO_RESOURCE(id));
          }
          s.simulation.faults.forEach((fault, i) => {
            if ('appId' in fault && !apps.has(fault.appId)) {
              problem(ctx, ['simulation', 'faults', i, 'appId'], `no app with id "${fault.appId}" in tenant.apps`);
            }
            if (fault.kind === 'resourceFails' && !resources.has(fault.resourceId)) {
              problem(ctx, ['simulation', 'faults', i, 'resourceId'], NO_RESOURCE(fault.resourceId));
            }
          });
        },
      },
    ],
    build: (s, note) => {
      s.simulation.faults.forEach((fault, i) => {
        const app = fault.kind === 'officeHang' ? s.tenant.apps.find((a) => a.id === fault.appId) : undefined;
        if (app && app.kind !== 'office') {
          note(
            ['simulation', 'faults', i, 'appId'],
            `"${app.displayName}" is not a Microsoft 365 Apps (officeSuiteApp) app`,
          );
        }
      });
      return {
        schemaVersion: s.schemaVersion,
        name: s.name,
        description: s.description,
        seed: s.seed,
        startTime: s.startTime,
        windows: s.windows,
        deployment: s.deployment,
        device: { ...s.device, osVersion: s.device.osVersion ?? s.windows.build },
        users: s.users,
        tenant: s.tenant,
        simulation: s.simulation,
      };
    },
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? `expected a JSON object (a scenario), got ${describeValue(issue.input)}`
        : undefined,
  },
);
