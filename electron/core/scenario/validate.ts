/**
 * Validates a scenario file (shared/spec/scenario-and-cli.md §1) and normalises it into the model the engine
 * reads (model.ts).
 *
 * Every problem is collected, not just the first: each section is parsed on its own, and the cross-field checks
 * run over whatever parsed. A problem names the JSON path (`tenant.apps[3].assignments[0].intent`, `(root)` for
 * the document itself) and says what is wrong. Warnings are for settings a real tenant could not hold the way
 * they are written (Intune greys them out) or that were read by inference; they never stop a run.
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
 */
import { DEFAULT_PROFILE_ID_SUFFIX, DEFAULT_PROFILE_NAME, newTenantDefaultProfile } from './defaultProfile';
import type { z } from 'zod';
import { parseFilterRule } from '../filters/assignmentFilter';
import type { App, Assignment, EspProfile, Scenario, TrackedResource, User } from './model';
import {
  AppListSchema,
  AssignmentFilterListSchema,
  CertificateProfileListSchema,
  DEFAULT_BUILDS,
  DEFAULT_TENANT_ID,
  DeploymentSchema,
  DeviceSchema,
  EspProfileListSchema,
  GroupListSchema,
  NetworkProfileListSchema,
  PolicyListSchema,
  RootSchema,
  SimulationSchema,
  TenantSchema,
  UsersSchema,
  WindowsSchema,
  isJsonObject,
  type JsonObject,
  type ParsedApp,
  type ParsedEspProfile,
} from './schema';

export interface Problem {
  /** JSON path such as `tenant.apps[3].assignments[0].intent`; `(root)` for the document itself. */
  path: string;
  message: string;
}

export type ValidationResult =
  { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; problems: Problem[] };

/** Intune's limits (esp-reference.md §5.1). */
export const MAX_ESP_PROFILES = 51;
export const MAX_SELECTED_APPS = 100;

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

type PathSegment = string | number;

/** `['tenant', 'apps', 3, '@odata.type']` -> `tenant.apps[3]["@odata.type"]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(root)';
}

// ---------------------------------------------------------------------------------------------
// Zod issues -> problems

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    return value.length > 40
      ? `the text ${JSON.stringify(value.slice(0, 40) + '…')}`
      : `the text ${JSON.stringify(value)}`;
  }
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

/** Our wording for Zod's issues; schema-level messages (schema.ts) take precedence over these. */
const scenarioErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map(String).join(', ')}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `must have at least ${min} item${min === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      return issue.inclusive ? `must be ${min} or more` : `must be more than ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${max} items`;
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      return issue.inclusive ? `must be ${max} or less` : `must be less than ${max}`;
    }
    case 'invalid_union':
      if (issue.discriminator !== undefined && 'options' in issue && Array.isArray(issue.options)) {
        return `expected one of ${issue.options.map(String).join(', ')}`;
      }
      return undefined;
    case 'invalid_format':
      return issue.format === 'regex' ? 'has the wrong format' : `expected ${issue.format}`;
    default:
      return undefined;
  }
};

function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: formatPath([...path, key]), message: 'unknown key' });
    } else {
      problems.push({ path: formatPath(path), message: issue.message });
    }
  }
  return problems;
}

/** Parse `value` with `schema`, reporting issues under `path`. Also used by the Graph importer. */
export function parseWithProblems<T extends z.ZodType>(
  schema: T,
  value: unknown,
  path: readonly PathSegment[],
): { ok: true; data: z.output<T> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(value, { error: scenarioErrorMap, reportInput: true });
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, problems: issuesToProblems(result.error.issues, path) };
}

class Report {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  parse<T extends z.ZodType>(schema: T, value: unknown, path: readonly PathSegment[]): z.output<T> | undefined {
    const result = parseWithProblems(schema, value, path);
    if (result.ok) return result.data;
    this.problems.push(...result.problems);
    return undefined;
  }

  problem(path: readonly PathSegment[], message: string): void {
    this.problems.push({ path: formatPath(path), message });
  }

  warn(path: readonly PathSegment[], message: string): void {
    this.warnings.push({ path: formatPath(path), message });
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Parse scenario text (already decoded, see decode.ts) and validate it. */
export function parseScenarioText(text: string): ValidationResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problems: [{ path: '(root)', message: json.message }] };
  return validateScenario(json.value);
}

export function validateScenario(input: unknown): ValidationResult {
  const report = new Report();
  if (!isJsonObject(input)) {
    report.problem([], `expected a JSON object (a scenario), got ${describeValue(input)}`);
    return { ok: false, problems: report.problems };
  }

  const root = report.parse(RootSchema, input, []);
  const windows = report.parse(WindowsSchema, input['windows'] ?? {}, ['windows']);
  const deployment = report.parse(DeploymentSchema, input['deployment'], ['deployment']);
  const device = report.parse(DeviceSchema, input['device'] ?? {}, ['device']);
  const users = report.parse(UsersSchema, input['users'] ?? [], ['users']);
  const tenant = parseTenant(report, input['tenant'] ?? {});
  const simulation = report.parse(SimulationSchema, input['simulation'] ?? {}, ['simulation']);

  if (deployment) checkDeployment(report, deployment);
  if (windows) checkWindows(report, windows);
  if (users) checkUsers(report, users);

  // The tenant id only names the added default profile, so a broken tenant shell need not hold up these checks.
  const espProfiles = tenant.espProfiles
    ? finaliseEspProfiles(report, tenant.espProfiles, tenant.id ?? DEFAULT_TENANT_ID)
    : undefined;
  checkUniqueIds(report, tenant);
  if (tenant.assignmentFilters) checkFilters(report, tenant.assignmentFilters);
  if (tenant.apps) checkApps(report, tenant.apps);
  if (espProfiles && tenant.apps) checkSelectedApps(report, espProfiles, tenant.apps);
  if (espProfiles) warnGreyedOutSettings(report, espProfiles);
  checkAssignmentReferences(report, tenant, espProfiles, device, users);
  if (simulation) checkSimulationReferences(report, simulation, tenant);

  const warnings = report.warnings.map(formatProblem);
  if (report.problems.length > 0) return { ok: false, problems: report.problems };
  if (!root || !windows || !deployment || !device || !users || !simulation || !espProfiles || !isComplete(tenant)) {
    // Unreachable: a section that failed to parse has reported a problem.
    throw new Error('scenario validation: a section failed to parse without reporting a problem');
  }

  const build = windows.build ?? DEFAULT_BUILDS[windows.release];
  const scenario: Scenario = {
    schemaVersion: 1,
    name: root.name,
    description: root.description,
    seed: root.seed,
    startTime: root.startTime,
    windows: { release: windows.release, build },
    deployment: {
      mode: deployment.mode,
      join: deployment.join,
      // Spec §1: a device going through plain Entra join in OOBE is normally not registered with Autopilot.
      autopilotRegistered: deployment.autopilotRegistered ?? deployment.mode !== 'entraJoinOobe',
    },
    device: { ...device, osVersion: device.osVersion ?? build },
    users: users.map((u, i): User => ({
      id: u.id ?? defaultUserId(i),
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName ?? u.userPrincipalName.split('@')[0] ?? u.userPrincipalName,
      groupIds: u.groupIds,
      intuneLicensed: u.intuneLicensed,
    })),
    tenant: {
      id: tenant.id,
      displayName: tenant.displayName,
      groups: tenant.groups,
      assignmentFilters: tenant.assignmentFilters,
      espProfiles,
      apps: tenant.apps.map((a) => a.app),
      policies: tenant.policies,
      certificateProfiles: tenant.certificateProfiles,
      networkProfiles: tenant.networkProfiles,
    },
    simulation: {
      apps: simulation.apps,
      resources: simulation.policies,
      qualityUpdates: simulation.qualityUpdates,
      faults: simulation.faults,
    },
  };
  return { ok: true, scenario, warnings };
}

/** Deterministic, GUID-shaped, so logs that print user object ids look right. */
function defaultUserId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Tenant

type Parsed<T extends z.ZodType> = z.output<T>;

interface ParsedTenant {
  id: string | undefined;
  displayName: string | undefined;
  groups: Parsed<typeof GroupListSchema> | undefined;
  assignmentFilters: Parsed<typeof AssignmentFilterListSchema> | undefined;
  espProfiles: ParsedEspProfile[] | undefined;
  apps: ParsedApp[] | undefined;
  policies: Parsed<typeof PolicyListSchema> | undefined;
  certificateProfiles: Parsed<typeof CertificateProfileListSchema> | undefined;
  networkProfiles: Parsed<typeof NetworkProfileListSchema> | undefined;
}

type CompleteTenant = { [K in keyof ParsedTenant]: NonNullable<ParsedTenant[K]> };

function isComplete(t: ParsedTenant): t is CompleteTenant {
  return Object.values(t).every((v) => v !== undefined);
}

function parseTenant(report: Report, raw: unknown): ParsedTenant {
  const shell = report.parse(TenantSchema, raw, ['tenant']);
  // Collections are read even when the tenant's own keys have a problem, so their problems show too.
  const obj: JsonObject = isJsonObject(raw) ? raw : {};
  const list = <T extends z.ZodType>(schema: T, key: string): z.output<T> | undefined =>
    report.parse(schema, obj[key] ?? [], ['tenant', key]);
  return {
    id: shell?.id,
    displayName: shell?.displayName,
    groups: list(GroupListSchema, 'groups'),
    assignmentFilters: list(AssignmentFilterListSchema, 'assignmentFilters'),
    espProfiles: list(EspProfileListSchema, 'enrollmentStatusPageProfiles'),
    apps: list(AppListSchema, 'apps'),
    policies: list(PolicyListSchema, 'policies'),
    certificateProfiles: list(CertificateProfileListSchema, 'certificateProfiles'),
    networkProfiles: list(NetworkProfileListSchema, 'networkProfiles'),
  };
}

const PROFILES_PATH = ['tenant', 'enrollmentStatusPageProfiles'] as const;

/**
 * Fill in what profiles leave out (id, name, priority), add the new-tenant default profile when there is none,
 * and check Intune's limits on profiles.
 */
function finaliseEspProfiles(report: Report, parsed: readonly ParsedEspProfile[], tenantId: string): EspProfile[] {
  const defaults = parsed.flatMap((p, i) => (p.isDefault ? [i] : []));
  const customCount = parsed.length - defaults.length;
  if (parsed.length > MAX_ESP_PROFILES) {
    report.problem(
      PROFILES_PATH,
      `at most ${MAX_ESP_PROFILES} ESP profiles (the default + 50); found ${parsed.length}`,
    );
  } else if (customCount > MAX_ESP_PROFILES - 1) {
    report.problem(
      PROFILES_PATH,
      `at most ${MAX_ESP_PROFILES - 1} ESP profiles besides the default; found ${customCount}`,
    );
  }
  for (const extra of defaults.slice(1)) {
    report.problem(
      [...PROFILES_PATH, extra],
      `a second default profile (the first is [${defaults[0]}]): a tenant has one. A default profile is one with ` +
        `priority 0, deviceEnrollmentConfigurationType defaultWindows10EnrollmentCompletionPageConfiguration, ` +
        `or an id ending ${DEFAULT_PROFILE_ID_SUFFIX}`,
    );
  }

  // Intune appends a new profile after the lowest-priority one; profiles without a priority do the same, in order.
  let nextPriority = Math.max(0, ...parsed.map((p) => (p.isDefault ? 0 : (p.priority ?? 0)))) + 1;
  const profiles = parsed.map((p, i): EspProfile => ({
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
      report.warn(
        [...PROFILES_PATH, i, 'priority'],
        `priority ${p.priority} is also [${first}]'s; Intune never stores two profiles with one priority (the one ` +
          `with the lower id wins here)`,
      );
    }
  });

  if (defaults.length === 0) profiles.push(newTenantDefaultProfile(tenantId));
  return profiles;
}

function checkUniqueIds(report: Report, tenant: ParsedTenant): void {
  type Located = { id: string | null; path: PathSegment[] };
  const located = (key: string, items: readonly { id: string | null }[]): Located[] =>
    items.map((item, i) => ({ id: item.id, path: ['tenant', key, i] }));
  const check = (items: Located[], what: string) => {
    const firstPath = new Map<string, PathSegment[]>();
    for (const { id, path } of items) {
      if (id === null) continue;
      const first = firstPath.get(id);
      if (first) report.problem([...path, 'id'], `duplicate ${what} id "${id}" (also ${formatPath(first)})`);
      else firstPath.set(id, path);
    }
  };
  if (tenant.groups) check(located('groups', tenant.groups), 'group');
  if (tenant.assignmentFilters) check(located('assignmentFilters', tenant.assignmentFilters), 'filter');
  if (tenant.espProfiles) check(located('enrollmentStatusPageProfiles', tenant.espProfiles), 'ESP profile');
  if (tenant.apps)
    check(
      located(
        'apps',
        tenant.apps.map((a) => a.app),
      ),
      'app',
    );
  if (tenant.policies && tenant.certificateProfiles && tenant.networkProfiles) {
    // One key space: simulation.policies addresses all three by id.
    check(
      [
        ...located('policies', tenant.policies),
        ...located('certificateProfiles', tenant.certificateProfiles),
        ...located('networkProfiles', tenant.networkProfiles),
      ],
      'policy or profile',
    );
  }
}

function checkFilters(report: Report, filters: NonNullable<ParsedTenant['assignmentFilters']>): void {
  filters.forEach((f, i) => {
    const parsed = parseFilterRule(f.rule);
    if (!parsed.ok) report.problem(['tenant', 'assignmentFilters', i, 'rule'], parsed.error);
    if (f.platform.toLowerCase() !== 'windows10andlater') {
      report.warn(
        ['tenant', 'assignmentFilters', i, 'platform'],
        `"${f.platform}": Windows devices are only evaluated against windows10AndLater filters`,
      );
    }
  });
}

function checkApps(report: Report, apps: readonly ParsedApp[]): void {
  apps.forEach((a, i) => {
    if (!a.odataTypeMissing) return;
    report.warn(
      ['tenant', 'apps', i, '@odata.type'],
      a.odataTypeInferredFrom
        ? `missing; read as ${a.app.odataType} from its ${a.odataTypeInferredFrom}`
        : `missing; the app is treated as a type the ESP does not track specially ("other")`,
    );
  });
}

function checkSelectedApps(report: Report, profiles: readonly EspProfile[], apps: readonly ParsedApp[]): void {
  const appIds = new Set(apps.map((a) => a.app.id));
  profiles.forEach((p, i) => {
    const path = [...PROFILES_PATH, i, 'selectedMobileAppIds'];
    if (p.selectedMobileAppIds.length > MAX_SELECTED_APPS) {
      report.problem(path, `at most ${MAX_SELECTED_APPS} blocking apps; found ${p.selectedMobileAppIds.length}`);
    }
    p.selectedMobileAppIds.forEach((id, j) => {
      if (!appIds.has(id)) report.problem([...path, j], `no app with id "${id}" in tenant.apps`);
    });
  });
}

/**
 * With "Block device use until all apps and profiles are installed" = No (blockDeviceSetupRetryByUser true),
 * Intune greys out the settings below; Graph still stores whatever was there. Say so rather than refuse.
 */
function warnGreyedOutSettings(report: Report, profiles: readonly EspProfile[]): void {
  profiles.forEach((p, i) => {
    if (!p.blockDeviceSetupRetryByUser) return;
    const why = 'Intune greys this out when blockDeviceSetupRetryByUser is true ("Block device use" No)';
    if (p.allowDeviceResetOnInstallFailure) report.warn([...PROFILES_PATH, i, 'allowDeviceResetOnInstallFailure'], why);
    if (p.allowDeviceUseOnInstallFailure) report.warn([...PROFILES_PATH, i, 'allowDeviceUseOnInstallFailure'], why);
    if (p.selectedMobileAppIds.length > 0) report.warn([...PROFILES_PATH, i, 'selectedMobileAppIds'], why);
  });
}

/** Every assignment's group and filter must exist (see the decisions at the top of this file). */
function checkAssignmentReferences(
  report: Report,
  tenant: ParsedTenant,
  espProfiles: readonly EspProfile[] | undefined,
  device: Parsed<typeof DeviceSchema> | undefined,
  users: Parsed<typeof UsersSchema> | undefined,
): void {
  // Without the memberships (their section failed) a group could be reported missing wrongly: skip.
  if (!tenant.groups || !device || !users) return;
  const knownGroups = new Set([
    ...tenant.groups.map((g) => g.id),
    ...device.groupIds,
    ...users.flatMap((u) => u.groupIds),
  ]);
  const knownFilters = tenant.assignmentFilters ? new Set(tenant.assignmentFilters.map((f) => f.id)) : null;

  const check = (key: string, items: readonly { assignments: readonly Assignment[] }[] | undefined) => {
    items?.forEach((item, i) =>
      item.assignments.forEach((a, j) => {
        const path = ['tenant', key, i, 'assignments', j, 'target'];
        if ((a.target.kind === 'group' || a.target.kind === 'exclusionGroup') && !knownGroups.has(a.target.groupId)) {
          report.problem(
            [...path, 'groupId'],
            `no group "${a.target.groupId}" in tenant.groups, device.groupIds or any user's groupIds`,
          );
        }
        if (a.filterId !== null && knownFilters && !knownFilters.has(a.filterId)) {
          report.problem(
            [...path, 'deviceAndAppManagementAssignmentFilterId'],
            `no filter "${a.filterId}" in tenant.assignmentFilters`,
          );
        }
      }),
    );
  };
  // espProfiles may end with an added default profile; it has no group or filter, so indices still match.
  check('enrollmentStatusPageProfiles', espProfiles);
  check(
    'apps',
    tenant.apps?.map((a) => a.app),
  );
  check('policies', tenant.policies);
  check('certificateProfiles', tenant.certificateProfiles);
  check('networkProfiles', tenant.networkProfiles);
}

function checkSimulationReferences(
  report: Report,
  simulation: Parsed<typeof SimulationSchema>,
  tenant: ParsedTenant,
): void {
  const apps = tenant.apps ? new Map<string, App>(tenant.apps.map((a) => [a.app.id, a.app])) : null;
  const resources =
    tenant.policies && tenant.certificateProfiles && tenant.networkProfiles
      ? new Set<string>(
          [...tenant.policies, ...tenant.certificateProfiles, ...tenant.networkProfiles].map(
            (r: TrackedResource<string>) => r.id,
          ),
        )
      : null;
  const noResource = (id: string) =>
    `no policy, certificate or network profile with id "${id}" in tenant.policies, tenant.certificateProfiles or tenant.networkProfiles`;

  if (apps) {
    for (const id of Object.keys(simulation.apps)) {
      if (!apps.has(id)) report.problem(['simulation', 'apps', id], `no app with id "${id}" in tenant.apps`);
    }
  }
  if (resources) {
    for (const id of Object.keys(simulation.policies)) {
      if (!resources.has(id)) report.problem(['simulation', 'policies', id], noResource(id));
    }
  }
  simulation.faults.forEach((fault, i) => {
    const path = ['simulation', 'faults', i];
    if ('appId' in fault && apps) {
      const app = apps.get(fault.appId);
      if (!app) report.problem([...path, 'appId'], `no app with id "${fault.appId}" in tenant.apps`);
      else if (fault.kind === 'officeHang' && app.kind !== 'office') {
        report.warn([...path, 'appId'], `"${app.displayName}" is not a Microsoft 365 Apps (officeSuiteApp) app`);
      }
    }
    if (fault.kind === 'resourceFails' && resources && !resources.has(fault.resourceId)) {
      report.problem([...path, 'resourceId'], noResource(fault.resourceId));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Deployment, Windows, users

function checkDeployment(report: Report, deployment: Parsed<typeof DeploymentSchema>): void {
  if (deployment.join === 'hybrid' && deployment.mode !== 'userDriven' && deployment.mode !== 'preProvisioning') {
    report.problem(
      ['deployment', 'join'],
      `hybrid join works only with userDriven or preProvisioning (mode is ${deployment.mode})`,
    );
  }
}

/** Windows 11 builds start at 22000. */
function checkWindows(report: Report, windows: Parsed<typeof WindowsSchema>): void {
  if (!windows.build) return;
  const buildNumber = Number(windows.build.split('.')[2]);
  const looksLike = buildNumber >= 22000 ? '11' : '10';
  if (looksLike !== windows.release) {
    report.warn(
      ['windows', 'build'],
      `${windows.build} is a Windows ${looksLike} build, but release is "${windows.release}"`,
    );
  }
}

function checkUsers(report: Report, users: Parsed<typeof UsersSchema>): void {
  const seen = new Map<string, number>();
  users.forEach((u, i) => {
    if (u.id === undefined) return;
    const first = seen.get(u.id);
    if (first !== undefined) report.problem(['users', i, 'id'], `duplicate user id "${u.id}" (also users[${first}])`);
    else seen.set(u.id, i);
  });
}

// ---------------------------------------------------------------------------------------------
// JSON syntax errors, with line and column

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse, but a failure says where (line and column) and what, in words a person can act on. */
export function parseJson(text: string): JsonParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const located = locateJsonSyntaxError(body);
    if (!located) return { ok: false, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    const { line, column } = lineAndColumn(body, located.offset);
    return { ok: false, message: `not valid JSON: ${located.message} at line ${line}, column ${column}` };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * A JSON scanner used only after JSON.parse has failed, because V8's messages do not always give a position
 * (and never a line). Returns null if it finds nothing wrong.
 */
function locateJsonSyntaxError(text: string): { offset: number; message: string } | null {
  let i = 0;
  // Typed on the name so that TypeScript narrows after a call (it only does for annotated never-functions).
  const fail: (message: string, at?: number) => never = (message, at = i) => {
    throw new JsonSyntaxError(message, at);
  };
  const describeHere = (): string => {
    const ch = text[i];
    if (ch === undefined) return 'the end of the file';
    return JSON.stringify(ch);
  };
  const skipWhitespace = () => {
    for (;;) {
      const ch = text[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') i++;
      else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) fail('comments are not allowed in JSON');
      else return;
    }
  };
  const string = () => {
    const start = i;
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('a string is not closed (missing ")', start);
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by 4 hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`invalid escape \\${next ?? ''} in a string (a Windows path needs \\\\ for each \\)`);
        continue;
      }
      if (ch < ' ') fail('a line break or control character inside a string (write it as \\n)');
      i++;
    }
  };
  const value = (): void => {
    skipWhitespace();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === "'") fail('strings need double quotes ("), not single quotes (\')');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
      match.lastIndex = i;
      if (!match.exec(text)) fail('a malformed number');
      i = match.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    fail(ch === undefined ? 'the file ends where a value was expected' : `expected a value, found ${describeHere()}`);
  };
  const object = () => {
    i++;
    skipWhitespace();
    if (text[i] === '}') {
      i++;
      return;
    }
    let commaAt = -1;
    for (;;) {
      skipWhitespace();
      if (text[i] === '}') fail('a trailing comma before "}"', commaAt);
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describeHere()}`);
      string();
      skipWhitespace();
      if (text[i] !== ':') fail(`expected ":" after the property name, found ${describeHere()}`);
      i++;
      value();
      skipWhitespace();
      if (text[i] === ',') {
        commaAt = i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`expected "," or "}" after a property value, found ${describeHere()}`);
    }
  };
  const array = () => {
    i++;
    skipWhitespace();
    if (text[i] === ']') {
      i++;
      return;
    }
    let commaAt = -1;
    for (;;) {
      skipWhitespace();
      if (text[i] === ']') fail('a trailing comma before "]"', commaAt);
      value();
      skipWhitespace();
      if (text[i] === ',') {
        commaAt = i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`expected "," or "]" after an array item, found ${describeHere()}`);
    }
  };

  try {
    skipWhitespace();
    if (i >= text.length) fail('the file is empty (expected a JSON object)');
    value();
    skipWhitespace();
    if (i < text.length) fail(`unexpected ${describeHere()} after the end of the JSON document`);
    return null;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { offset: e.offset, message: e.message };
    throw e;
  }
}
