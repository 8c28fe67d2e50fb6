/**
 * Zod schemas for the scenario file (shared/spec/scenario-and-cli.md §1), section by section.
 *
 * Two kinds of section:
 * - Our own (root, windows, deployment, device, users, the tenant's own keys, simulation, faults) are strict:
 *   a misspelt key is reported as "unknown key" instead of being silently ignored.
 * - Microsoft Graph objects (ESP profiles, apps, assignments, filters, groups, policies, certificate and network
 *   profiles) are lenient, because real exports carry OData annotations (`@odata.context`, `createdDateTime`...),
 *   odd casing (`Assignments`), nulls (Graph's "not set") and JSON embedded in strings (PowerShell exports).
 *   Those objects are canonicalised before validation and turned into the normalised model (model.ts) after it.
 *
 * validate.ts parses each section on its own (so one broken section does not hide problems in the others) and
 * fills the defaults that depend on other sections: the build per release, autopilotRegistered per mode, the
 * device's osVersion, the new-tenant default ESP profile, and profile ids and priorities.
 */
import { DEFAULT_INSTALL_TIMEOUT_MINUTES, DEFAULT_PROFILE_ID_SUFFIX } from './defaultProfile';
import { z } from 'zod';
import type {
  App,
  AppIntent,
  AppKind,
  Assignment,
  AssignmentFilter,
  AssignmentTarget,
  CertificateKind,
  EspProfile,
  Fault,
  NetworkKind,
  PolicyKind,
  ReturnCodeType,
  TrackedResource,
} from './model';

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

/** Intune's default ESP timeout; Graph stores 0 (or nothing) for "not set". */
export const MAX_INSTALL_TIMEOUT_MINUTES = 1440;
/** The HRESULT Windows shows when TPM attestation gives up (esp-reference.md §7.8). */
export const DEFAULT_TPM_HRESULT = 0x81039001;

/** Return codes Intune gives every new Win32 app (esp-reference.md §5.3). */
export const DEFAULT_RETURN_CODES: readonly { returnCode: number; type: ReturnCodeType }[] = [
  { returnCode: 0, type: 'success' },
  { returnCode: 1707, type: 'success' },
  { returnCode: 3010, type: 'softReboot' },
  { returnCode: 1641, type: 'hardReboot' },
  { returnCode: 1618, type: 'retry' },
];

export const DEPLOYMENT_MODES = ['userDriven', 'selfDeploying', 'preProvisioning', 'entraJoinOobe'] as const;
export const APP_INTENTS = [
  'required',
  'available',
  'uninstall',
  'availableWithoutEnrollment',
] as const satisfies readonly AppIntent[];
export const POLICY_KINDS = [
  'edgeBrowser',
  'assignedAccess',
  'kioskBrowser',
  'other',
] as const satisfies readonly PolicyKind[];
export const CERTIFICATE_KINDS = ['scep', 'pkcs', 'trustedRoot'] as const satisfies readonly CertificateKind[];
export const NETWORK_KINDS = ['wifi', 'vpn'] as const satisfies readonly NetworkKind[];
const RETURN_CODE_TYPES = [
  'failed',
  'success',
  'softReboot',
  'hardReboot',
  'retry',
] as const satisfies readonly ReturnCodeType[];

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
} as const satisfies Record<string, AssignmentTarget['kind']>;
type TargetOdataType = keyof typeof TARGET_KINDS;
export const TARGET_ODATA_TYPES = Object.keys(TARGET_KINDS) as [TargetOdataType, ...TargetOdataType[]];

/** Graph app types by lower-cased name without the `#microsoft.graph.` prefix (§5.3). */
const APP_KINDS_BY_TYPE: Record<string, AppKind> = {
  win32lobapp: 'win32',
  win32catalogapp: 'win32Catalog',
  wingetapp: 'winGet',
  windowsmobilemsi: 'msi',
  windowsuniversalappx: 'appx',
  officesuiteapp: 'office',
  windowsstoreapp: 'store',
  microsoftstoreforbusinessapp: 'store',
};

/** `#microsoft.graph.winGetApp`, `microsoft.graph.winGetApp` and `winGetApp` all name the same type. */
export function shortOdataType(odataType: string): string {
  return odataType
    .trim()
    .replace(/^#/, '')
    .replace(/^microsoft\.graph\./i, '')
    .toLowerCase();
}

export function appKindFromOdataType(odataType: string): AppKind {
  return APP_KINDS_BY_TYPE[shortOdataType(odataType)] ?? 'other';
}

// ---------------------------------------------------------------------------------------------
// Reading Graph objects as real exports write them

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Graph property names are case-insensitive in practice (`Assignments`, `PackageIdentifier`). */
export function getCaseInsensitive(obj: JsonObject, key: string): unknown {
  if (Object.hasOwn(obj, key)) return obj[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export type EmbeddedJsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * PowerShell exports often hold an object or array as a JSON string (ConvertTo-Json of a string). Parse such a
 * string; any other value passes through unchanged.
 */
export function unwrapEmbeddedJson(value: unknown): EmbeddedJsonResult {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `a string that looks like embedded JSON but does not parse (${reason})` };
  }
}

/**
 * Copy a Graph object with its keys spelled as we read them (matched case-insensitively) and its nulls dropped,
 * so that a null takes Graph's default exactly as a missing property does. Other keys are kept as they are.
 */
export function canonicaliseGraphObject(obj: JsonObject, canonicalKeys: readonly string[]): JsonObject {
  const canonicalByLower = new Map(canonicalKeys.map((k) => [k.toLowerCase(), k]));
  const out: JsonObject = {};
  const entries = Object.entries(obj).filter(([key, value]) => value !== null && key !== '__proto__');
  // Exact spellings first, so {"assignments": [...], "Assignments": [...]} reads the exact one.
  for (const [key, value] of entries) if (canonicalKeys.includes(key)) out[key] = value;
  for (const [key, value] of entries) {
    const canonical = canonicalByLower.get(key.toLowerCase()) ?? key;
    if (!Object.hasOwn(out, canonical)) out[canonical] = value;
  }
  return out;
}

/** A lenient Graph object: embedded JSON parsed, keys canonicalised, nulls dropped, extra keys allowed. */
function graphObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const keys = Object.keys(shape);
  return z.preprocess((value, ctx) => {
    const unwrapped = unwrapEmbeddedJson(value);
    if (!unwrapped.ok) {
      ctx.addIssue({ code: 'custom', message: unwrapped.error, input: value });
      return z.NEVER;
    }
    return isJsonObject(unwrapped.value) ? canonicaliseGraphObject(unwrapped.value, keys) : unwrapped.value;
  }, z.looseObject(shape));
}

/** A Graph collection: an array, an array held in a JSON string, or a whole list response `{"value": [...]}`. */
function graphList<T extends z.core.SomeType>(item: T) {
  return z.preprocess((value, ctx) => {
    const unwrapped = unwrapEmbeddedJson(value);
    if (!unwrapped.ok) {
      ctx.addIssue({ code: 'custom', message: unwrapped.error, input: value });
      return z.NEVER;
    }
    if (isJsonObject(unwrapped.value)) {
      const list = getCaseInsensitive(unwrapped.value, 'value');
      if (Array.isArray(list)) return list;
    }
    return unwrapped.value;
  }, z.array(item));
}

// ---------------------------------------------------------------------------------------------
// Assignments

/** Graph writes an all-zero GUID for "no filter" on some endpoints. */
const NO_FILTER_IDS = new Set(['', '00000000-0000-0000-0000-000000000000']);

const AssignmentTargetSchema = graphObject({
  '@odata.type': z.enum(TARGET_ODATA_TYPES),
  groupId: z.string().min(1).optional(),
  deviceAndAppManagementAssignmentFilterId: z.string().optional(),
  deviceAndAppManagementAssignmentFilterType: z.enum(['include', 'exclude', 'none']).optional(),
})
  .superRefine((t, ctx) => {
    const kind = TARGET_KINDS[t['@odata.type']];
    if ((kind === 'group' || kind === 'exclusionGroup') && t.groupId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['groupId'], message: `required for a ${t['@odata.type']}` });
    }
    const filterId = t.deviceAndAppManagementAssignmentFilterId;
    const filterType = t.deviceAndAppManagementAssignmentFilterType;
    const hasFilterId = filterId !== undefined && !NO_FILTER_IDS.has(filterId);
    if (hasFilterId && filterType === undefined) {
      // Graph would read a missing type as "none" and ignore the filter: almost certainly not what was meant.
      ctx.addIssue({
        code: 'custom',
        path: ['deviceAndAppManagementAssignmentFilterType'],
        message: 'required when deviceAndAppManagementAssignmentFilterId is set: include or exclude',
      });
    }
    if (!hasFilterId && (filterType === 'include' || filterType === 'exclude')) {
      ctx.addIssue({
        code: 'custom',
        path: ['deviceAndAppManagementAssignmentFilterId'],
        message: `required when deviceAndAppManagementAssignmentFilterType is ${filterType}`,
      });
    }
  })
  .transform((t): Omit<Assignment, 'intent'> => {
    const kind = TARGET_KINDS[t['@odata.type']];
    const target: AssignmentTarget =
      kind === 'group' || kind === 'exclusionGroup' ? { kind, groupId: t.groupId ?? '' } : { kind };
    const filterType = t.deviceAndAppManagementAssignmentFilterType ?? 'none';
    // A "none" filter type means Graph ignores the id, so the engine never has to.
    const filterId = filterType === 'none' ? null : (t.deviceAndAppManagementAssignmentFilterId ?? null);
    return { target, filterId, filterType };
  });

/** Assignment of an ESP profile, policy, certificate or network profile: no intent. */
export const ResourceAssignmentSchema = graphObject({ target: AssignmentTargetSchema }).transform((a): Assignment => ({
  ...a.target,
  intent: null,
}));

export interface ParsedAppAssignment {
  assignment: Assignment;
  /** settings.useDeviceContext: Store and AppX apps take their install context from the assignment (§5.3). */
  useDeviceContext: boolean;
  settingsOdataType: string | null;
}

export const AppAssignmentSchema = graphObject({
  intent: z.enum(APP_INTENTS),
  target: AssignmentTargetSchema,
  settings: graphObject({
    '@odata.type': z.string().optional(),
    useDeviceContext: z.boolean().optional(),
  }).optional(),
}).transform((a): ParsedAppAssignment => ({
  assignment: { ...a.target, intent: a.intent },
  useDeviceContext: a.settings?.useDeviceContext ?? false,
  settingsOdataType: a.settings?.['@odata.type'] ?? null,
}));

// ---------------------------------------------------------------------------------------------
// ESP profiles

/** A profile as read from the file; validate.ts fills id, displayName and priority where they are missing. */
export interface ParsedEspProfile extends Omit<EspProfile, 'id' | 'displayName' | 'priority'> {
  id: string | null;
  displayName: string | null;
  priority: number | null;
}

const TIMEOUT_MESSAGE = `expected 1 to ${MAX_INSTALL_TIMEOUT_MINUTES} minutes (0 or missing means ${DEFAULT_INSTALL_TIMEOUT_MINUTES})`;
const optionalBoolean = z.boolean().optional();

export const EspProfileSchema = graphObject({
  '@odata.type': z
    .string()
    .refine((t) => shortOdataType(t) === shortOdataType(ESP_PROFILE_ODATA_TYPE), {
      message: `not an ESP profile: expected ${ESP_PROFILE_ODATA_TYPE}`,
    })
    .optional(),
  id: z.string().min(1).optional(),
  displayName: z.string().optional(),
  priority: z.number().int().min(0).optional(),
  deviceEnrollmentConfigurationType: z.enum(ESP_CONFIGURATION_TYPES).optional(),
  showInstallationProgress: optionalBoolean,
  installProgressTimeoutInMinutes: z
    .number()
    .int()
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
}).transform((p): ParsedEspProfile => {
  // Spec §1: any one of the three marks the default profile.
  const isDefault =
    p.deviceEnrollmentConfigurationType === 'defaultWindows10EnrollmentCompletionPageConfiguration' ||
    (p.id?.toLowerCase().endsWith(DEFAULT_PROFILE_ID_SUFFIX.toLowerCase()) ?? false) ||
    p.priority === 0;
  return {
    id: p.id ?? null,
    displayName: p.displayName ?? null,
    priority: isDefault ? 0 : (p.priority ?? null),
    isDefault,
    showInstallationProgress: p.showInstallationProgress ?? false,
    // Graph stores 0 when the admin never set it; Intune then applies 60.
    installProgressTimeoutInMinutes: p.installProgressTimeoutInMinutes || DEFAULT_INSTALL_TIMEOUT_MINUTES,
    customErrorMessage: p.customErrorMessage?.trim() ? p.customErrorMessage : null,
    allowLogCollectionOnInstallFailure: p.allowLogCollectionOnInstallFailure ?? false,
    disableUserStatusTrackingAfterFirstUser: p.disableUserStatusTrackingAfterFirstUser ?? false,
    installQualityUpdates: p.installQualityUpdates ?? false,
    blockDeviceSetupRetryByUser: p.blockDeviceSetupRetryByUser ?? false,
    allowDeviceResetOnInstallFailure: p.allowDeviceResetOnInstallFailure ?? false,
    allowDeviceUseOnInstallFailure: p.allowDeviceUseOnInstallFailure ?? false,
    selectedMobileAppIds: p.selectedMobileAppIds ?? [],
    allowNonBlockingAppInstallation: p.allowNonBlockingAppInstallation ?? false,
    trackInstallProgressForAutopilotOnly: p.trackInstallProgressForAutopilotOnly ?? false,
    assignments: p.assignments ?? [],
  };
});

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

export interface ParsedApp {
  app: App;
  /** How @odata.type was found when the file has none: "packageIdentifier", ...; null when given or unknown. */
  odataTypeInferredFrom: string | null;
  odataTypeMissing: boolean;
}

export const AppSchema = graphObject({
  id: z.string().min(1),
  displayName: z.string().optional(),
  '@odata.type': z.string().optional(),
  installExperience: graphObject({ runAsAccount: z.enum(['system', 'user']).optional() }).optional(),
  useDeviceContext: z.boolean().optional(),
  packageIdentifier: z.string().optional(),
  returnCodes: graphList(
    graphObject({ returnCode: z.number().int(), type: z.enum(RETURN_CODE_TYPES) }).transform((r) => ({
      returnCode: r.returnCode,
      type: r.type,
    })),
  ).optional(),
  assignments: graphList(AppAssignmentSchema).optional(),
}).transform((a): ParsedApp => {
  const assignments = a.assignments ?? [];
  const inferred =
    a['@odata.type'] === undefined
      ? inferAppOdataType(
          a.packageIdentifier !== undefined,
          assignments.map((x) => x.settingsOdataType),
        )
      : null;
  const odataType = a['@odata.type'] ?? inferred?.odataType ?? '';
  const kind = appKindFromOdataType(odataType);
  return {
    app: {
      id: a.id,
      displayName: a.displayName ?? a.id,
      odataType,
      kind,
      installContext: appInstallContext(kind, a.installExperience?.runAsAccount, a.useDeviceContext, assignments),
      // An empty list is treated as absent: Intune never saves a Win32 app without return codes.
      returnCodes: a.returnCodes?.length ? a.returnCodes : DEFAULT_RETURN_CODES.map((r) => ({ ...r })),
      assignments: assignments.map((x) => x.assignment),
    },
    odataTypeInferredFrom: inferred?.from ?? null,
    odataTypeMissing: a['@odata.type'] === undefined,
  };
});

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

export const GroupSchema = graphObject({ id: z.string().min(1), displayName: z.string().optional() }).transform(
  (g) => ({ id: g.id, displayName: g.displayName ?? g.id }),
);

export const AssignmentFilterSchema = graphObject({
  id: z.string().min(1),
  displayName: z.string().optional(),
  platform: z.string().optional(),
  rule: z.string(),
}).transform((f): AssignmentFilter => ({
  id: f.id,
  displayName: f.displayName ?? f.id,
  platform: f.platform ?? 'windows10AndLater',
  rule: f.rule,
}));

function trackedResourceSchema<K extends string>(kinds: readonly [K, ...K[]], defaultKind?: K) {
  const kind = defaultKind === undefined ? z.enum(kinds) : z.enum(kinds).default(defaultKind);
  return graphObject({
    id: z.string().min(1),
    displayName: z.string().optional(),
    kind,
    assignments: graphList(ResourceAssignmentSchema).optional(),
  }).transform((r): TrackedResource<K> => ({
    id: r.id,
    displayName: r.displayName ?? r.id,
    kind: r.kind as K,
    assignments: r.assignments ?? [],
  }));
}

export const PolicySchema = trackedResourceSchema(POLICY_KINDS, 'other');
export const CertificateProfileSchema = trackedResourceSchema(CERTIFICATE_KINDS);
export const NetworkProfileSchema = trackedResourceSchema(NETWORK_KINDS);

export const GroupListSchema = graphList(GroupSchema);
export const AssignmentFilterListSchema = graphList(AssignmentFilterSchema);
export const EspProfileListSchema = graphList(EspProfileSchema);
export const AppListSchema = graphList(AppSchema);
export const PolicyListSchema = graphList(PolicySchema);
export const CertificateProfileListSchema = graphList(CertificateProfileSchema);
export const NetworkProfileListSchema = graphList(NetworkProfileSchema);

// ---------------------------------------------------------------------------------------------
// Our own sections (strict)

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The root's own keys. The sections are `unknown` here because validate.ts parses each with its own schema,
 * so a problem in one does not stop the others being checked.
 */
export const RootSchema = z.strictObject({
  schemaVersion: z.literal(1, {
    error: (issue) =>
      issue.input === undefined
        ? 'required: add "schemaVersion": 1'
        : 'expected 1 (this version of ESP Simulator reads schemaVersion 1 files)',
  }),
  name: z.string().default(DEFAULT_SCENARIO_NAME),
  description: z.string().default(''),
  seed: z.number().int().default(DEFAULT_SEED),
  startTime: z
    .string()
    .refine((s) => ISO_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)), {
      message: 'expected an ISO 8601 time with a zone, such as 2026-03-02T08:30:00Z',
    })
    .default(DEFAULT_START_TIME),
  windows: z.unknown().optional(),
  deployment: z.unknown().optional(),
  device: z.unknown().optional(),
  users: z.unknown().optional(),
  tenant: z.unknown().optional(),
  simulation: z.unknown().optional(),
});

export const WindowsSchema = z.strictObject({
  // `11` written as a number is an easy slip; read it as the release it obviously means.
  release: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(['10', '11'])).default('11'),
  build: z
    .string()
    .regex(/^10\.0\.\d+\.\d+$/, 'expected a build number such as 10.0.26100.2894')
    .optional(),
});

export const DeploymentSchema = z.strictObject({
  mode: z.enum(DEPLOYMENT_MODES),
  join: z.enum(['entra', 'hybrid']).default('entra'),
  autopilotRegistered: z.boolean().optional(),
});

export const DeviceSchema = z.strictObject({
  serialNumber: z.string().min(1).default(DEFAULT_DEVICE.serialNumber),
  manufacturer: z.string().default(DEFAULT_DEVICE.manufacturer),
  model: z.string().default(DEFAULT_DEVICE.model),
  osVersion: z.string().optional(),
  operatingSystemSKU: z.string().default(DEFAULT_DEVICE.operatingSystemSKU),
  deviceOwnership: z.string().default(DEFAULT_DEVICE.deviceOwnership),
  enrollmentProfileName: z.string().default(DEFAULT_DEVICE.enrollmentProfileName),
  groupIds: z.array(z.string().min(1)).default([]),
  tpmAttestation: z.enum(['succeeds', 'fails']).default(DEFAULT_DEVICE.tpmAttestation),
});

export const UserSchema = z.strictObject({
  id: z.string().min(1).optional(),
  userPrincipalName: z.string().min(1),
  displayName: z.string().optional(),
  groupIds: z.array(z.string().min(1)).default([]),
  intuneLicensed: z.boolean().default(true),
});
export const UsersSchema = z.array(UserSchema);

/** The tenant's own keys; each collection is parsed by its list schema above. */
export const TenantSchema = z.strictObject({
  id: z.string().min(1).default(DEFAULT_TENANT_ID),
  displayName: z.string().default(DEFAULT_TENANT_NAME),
  groups: z.unknown().optional(),
  assignmentFilters: z.unknown().optional(),
  enrollmentStatusPageProfiles: z.unknown().optional(),
  apps: z.unknown().optional(),
  policies: z.unknown().optional(),
  certificateProfiles: z.unknown().optional(),
  networkProfiles: z.unknown().optional(),
});

export const AppBehaviourSchema = z
  .strictObject({
    installSeconds: z.number().positive().max(MAX_SIMULATED_SECONDS, SECONDS_LIMIT).optional(),
    downloadMB: z.number().min(0).max(MAX_DOWNLOAD_MB, `at most ${MAX_DOWNLOAD_MB} MB`).optional(),
    exitCode: z.number().int().optional(),
    exitCodes: z.array(z.number().int()).min(1).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.exitCode !== undefined && b.exitCodes !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['exitCodes'], message: 'give exitCode or exitCodes, not both' });
    }
  })
  .transform((b) => ({
    installSeconds: b.installSeconds ?? null,
    downloadMB: b.downloadMB ?? null,
    exitCodes: b.exitCodes ?? [b.exitCode ?? 0],
  }));

export const ResourceBehaviourSchema = z
  .strictObject({
    applySeconds: z.number().min(0).max(MAX_SIMULATED_SECONDS, SECONDS_LIMIT).optional(),
    fails: z.boolean().default(false),
  })
  .transform((b) => ({ applySeconds: b.applySeconds ?? null, fails: b.fails }));

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

// Keeps FaultSchema and model.ts's Fault in step: this line stops compiling if they drift apart.
const faultOutputMatchesModel: (f: z.output<typeof FaultSchema>) => Fault = (f) => f;
void faultOutputMatchesModel;

export const SimulationSchema = z.strictObject({
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
});
