/**
 * Builds a scenario (spec §1, schemaVersion 1) from real Intune / Microsoft Graph exports, for
 * `esp-sim import` (scenario-and-cli.md §2).
 *
 * Exports come in many shapes, so this walks any JSON and picks out what it recognises, wherever it sits:
 * Graph list responses (`{"value": [...]}`), single objects, arrays, objects held in JSON strings, and the
 * PowerShell tuples some tools write (`[ "<object JSON>", "<url>", "<name>", ["<id>"], <assignment>, ... ]`,
 * as in andrew-s-taylor/public). It imports ESP profiles, Windows apps with their assignments, assignment
 * filters and groups. Everything else it meets, and every part of those it cannot use, is reported as
 * "<file>: <what> — <why>".
 *
 * So that what was assigned actually applies in the simulation, the scenario gets a default device and one
 * licensed user, put in the groups imported assignments include. Which of the two joins a group is read from
 * its name: a name that says "user" (and not "device") gets the user, one that says "device" or "autopilot"
 * (and not "user") gets the device, any other (a bare GUID, say) gets both.
 *
 * Past 400 lines because every shape of Intune export it accepts (single objects, arrays, value lists, backups, UTF-16, JSON in strings) is one importer.
 */
import { DEFAULT_PROFILE_ID_SUFFIX } from './defaultProfile';
import { parseJson } from './json';
import {
  AppAssignmentSchema,
  AppSchema,
  AssignmentFilterSchema,
  DEFAULT_DEVICE,
  DEFAULT_TENANT_ID,
  ESP_CONFIGURATION_TYPES,
  EspProfileSchema,
  GroupSchema,
  ResourceAssignmentSchema,
  WINDOWS_APP_TYPES,
  inferAppOdataType,
  shortOdataType,
} from './schema';
import {
  canonicaliseGraphObject,
  getCaseInsensitive,
  isJsonObject,
  unwrapEmbeddedJson,
  type JsonObject,
} from './schemaTools';
import { formatProblem, parseWithProblems, validateScenario, type Problem } from './validate';

export interface GraphExportFile {
  /** Shown in reports; a path or a file name. */
  name: string;
  /** The file's text, already decoded (decode.ts). */
  text: string;
}

export interface GraphImportResult {
  /** The scenario file's JSON (schemaVersion 1); it passes validateScenario. */
  scenario: Record<string, unknown>;
  /** One line per object imported, with any adjustment made to it. */
  mapped: string[];
  /** One line per object or part not imported: "<file>: <what> — <why>". */
  unmapped: string[];
}

export const IMPORTED_USER = {
  id: '00000000-0000-4000-8000-000000000001',
  userPrincipalName: 'adele.vance@contoso.com',
  displayName: 'Adele Vance',
} as const;

/** Deeper than any real export; stops a pathological file from exhausting the stack. */
const MAX_DEPTH = 64;

// ---------------------------------------------------------------------------------------------
// Recognising Graph objects

type EntityKind = 'espProfile' | 'app' | 'filter' | 'group';

type Classification = { kind: EntityKind | 'assignment' | 'container' } | { kind: 'skip'; why: string };

const TARGET_KEYS = [
  '@odata.type',
  'groupId',
  'deviceAndAppManagementAssignmentFilterId',
  'deviceAndAppManagementAssignmentFilterType',
];
const ASSIGNMENT_KEYS = ['id', 'intent', 'target', 'settings'];

function resolveEmbedded(value: unknown): unknown {
  const unwrapped = unwrapEmbeddedJson(value);
  return unwrapped.ok ? unwrapped.value : value;
}

/** A Graph collection however it was written: array, JSON string, or list response. */
function listOf(value: unknown): unknown[] {
  const resolved = resolveEmbedded(value);
  if (Array.isArray(resolved)) return resolved;
  if (isJsonObject(resolved)) {
    const inner = getCaseInsensitive(resolved, 'value');
    if (Array.isArray(inner)) return inner;
  }
  return [];
}

function stringProperty(obj: JsonObject, key: string): string | undefined {
  const value = getCaseInsensitive(obj, key);
  return typeof value === 'string' ? value : undefined;
}

function looksLikeAssignment(obj: JsonObject): boolean {
  const target = resolveEmbedded(getCaseInsensitive(obj, 'target'));
  if (!isJsonObject(target)) return false;
  const type = stringProperty(target, '@odata.type');
  return type !== undefined && /assignmenttarget$/i.test(type);
}

function classify(obj: JsonObject): Classification {
  const rawType = stringProperty(obj, '@odata.type');
  const type = rawType === undefined ? null : shortOdataType(rawType);
  const configType = stringProperty(obj, 'deviceEnrollmentConfigurationType');

  if (
    type === 'windows10enrollmentcompletionpageconfiguration' ||
    (configType !== undefined && ESP_CONFIGURATION_TYPES.some((t) => t.toLowerCase() === configType.toLowerCase()))
  ) {
    return { kind: 'espProfile' };
  }
  if (configType !== undefined || type?.endsWith('enrollmentconfiguration')) {
    return {
      kind: 'skip',
      why: 'an enrollment configuration that is not an ESP profile (restriction, limit, Windows Hello...); only ESP profiles are simulated',
    };
  }
  if (type?.includes('autopilotdeploymentprofile')) {
    return { kind: 'skip', why: 'an Autopilot deployment profile; set deployment.mode in the scenario to match it' };
  }
  if (type !== null && WINDOWS_APP_TYPES.has(type)) return { kind: 'app' };
  if (type !== null && /^mobileapp(dependency|supersedence|relationship)$/.test(type)) {
    return { kind: 'skip', why: 'an app relationship (dependency or supersedence); these are not simulated' };
  }
  if (type !== null && /(app|msi|appx)$/.test(type)) {
    return { kind: 'skip', why: 'not a Windows app, so the ESP never installs it' };
  }
  if (
    type === 'deviceandappmanagementassignmentfilter' ||
    (type === null && stringProperty(obj, 'rule') !== undefined && stringProperty(obj, 'platform') !== undefined)
  ) {
    return { kind: 'filter' };
  }
  if (
    type === 'group' ||
    (type === null &&
      stringProperty(obj, 'displayName') !== undefined &&
      (typeof getCaseInsensitive(obj, 'securityEnabled') === 'boolean' ||
        Array.isArray(getCaseInsensitive(obj, 'groupTypes'))))
  ) {
    return { kind: 'group' };
  }
  // Some community exports drop @odata.type from apps; only an app has these.
  if (type === null && stringProperty(obj, 'packageIdentifier') !== undefined) return { kind: 'app' };
  if (
    type === null &&
    listOf(getCaseInsensitive(obj, 'assignments')).some(
      (a) => isJsonObject(a) && looksLikeAssignment(a) && getCaseInsensitive(a, 'intent') !== undefined,
    )
  ) {
    return { kind: 'app' };
  }
  if (looksLikeAssignment(obj)) return { kind: 'assignment' };
  if (type !== null) {
    return { kind: 'skip', why: 'not an ESP profile, Windows app, assignment filter or group' };
  }
  return { kind: 'container' };
}

function isEntityKind(kind: Classification['kind'] | null | undefined): kind is EntityKind {
  return kind === 'espProfile' || kind === 'app' || kind === 'filter' || kind === 'group';
}

function describeObject(obj: JsonObject): string {
  const type = stringProperty(obj, '@odata.type') ?? 'object';
  const name = stringProperty(obj, 'displayName') ?? stringProperty(obj, 'id');
  return name === undefined ? type : `${type} "${name}"`;
}

// ---------------------------------------------------------------------------------------------
// Walking the files

interface Candidate {
  kind: EntityKind;
  file: string;
  object: JsonObject;
  /** Assignments written beside the object rather than inside it (PowerShell tuples). */
  besideAssignments: unknown[];
  /** An id written beside the object, for objects exported without their own. */
  besideId: string | null;
}

/**
 * The id an assignments file is named after: IntuneBackupAndRestore writes an object's assignments apart from it,
 * as `<folder>/Assignments/<object id> - <display name>.json`. Null for any other file name.
 */
export function assignmentsFileId(name: string): string | null {
  const parts = name.split(/[\\/]/);
  if (parts.length < 2 || parts[parts.length - 2]!.toLowerCase() !== 'assignments') return null;
  return /^(\S+?) - .*\.json$/i.exec(parts[parts.length - 1]!)?.[1] ?? null;
}

class Collector {
  readonly candidates: Candidate[] = [];
  readonly unmapped: string[] = [];
  /** Assignments files (assignmentsFileId), by the lower-case id they belong to. */
  readonly filedAssignments = new Map<string, { file: string; assignments: unknown[] }>();

  collectFile(file: GraphExportFile): void {
    const json = parseJson(file.text);
    if (!json.ok) {
      this.unmapped.push(`${file.name}: the file — ${json.message}`);
      return;
    }
    const ownerId = assignmentsFileId(file.name);
    if (ownerId !== null) {
      // A list, a list response, or PowerShell's lone object when there was a single assignment.
      const value = resolveEmbedded(json.value);
      const list = isJsonObject(value) && looksLikeAssignment(value) ? [value] : listOf(value);
      const isAssignment = (x: unknown) => {
        const r = resolveEmbedded(x);
        return isJsonObject(r) && classify(r).kind === 'assignment';
      };
      if (list.length > 0 && list.every(isAssignment)) {
        this.filedAssignments.set(ownerId.toLowerCase(), { file: file.name, assignments: list });
        return;
      }
    }
    const found = this.candidates.length + this.unmapped.length;
    this.visit(json.value, file.name, 0);
    if (this.candidates.length + this.unmapped.length === found) {
      this.unmapped.push(
        `${file.name}: the file — nothing in it looks like an ESP profile, Windows app, assignment filter or group`,
      );
    }
  }

  private visit(value: unknown, file: string, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const resolved = resolveEmbedded(value);
    if (Array.isArray(resolved)) {
      this.visitArray(resolved, file, depth);
      return;
    }
    if (!isJsonObject(resolved)) return;
    const c = classify(resolved);
    switch (c.kind) {
      case 'container':
        for (const child of Object.values(resolved)) this.visit(child, file, depth + 1);
        return;
      case 'assignment':
        this.unmapped.push(`${file}: an assignment — found without the profile or app it belongs to`);
        return;
      case 'skip':
        this.unmapped.push(`${file}: ${describeObject(resolved)} — ${c.why}`);
        return;
      default:
        this.candidates.push({ kind: c.kind, file, object: resolved, besideAssignments: [], besideId: null });
    }
  }

  private visitArray(items: readonly unknown[], file: string, depth: number): void {
    const resolved = items.map(resolveEmbedded);
    const kinds = resolved.map((x) => (isJsonObject(x) ? classify(x).kind : null));
    const entityIndexes = kinds.flatMap((k, i) => (isEntityKind(k) ? [i] : []));
    const isStringList = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
    const [entityIndex] = entityIndexes;
    const entity = entityIndex === undefined ? undefined : resolved[entityIndex];
    const entityKind = entityIndex === undefined ? undefined : kinds[entityIndex];
    // A PowerShell tuple: one object, the rest its url, name, id list and assignments.
    const isTuple =
      entityIndexes.length === 1 &&
      resolved.length > 1 &&
      resolved.every(
        (x, i) => i === entityIndex || typeof x === 'string' || isStringList(x) || kinds[i] === 'assignment',
      );
    if (isTuple && isJsonObject(entity) && isEntityKind(entityKind)) {
      const idLists = resolved.filter((x, i): x is string[] => i !== entityIndex && isStringList(x) && x.length === 1);
      this.candidates.push({
        kind: entityKind,
        file,
        object: entity,
        besideAssignments: resolved.filter((_, i) => kinds[i] === 'assignment'),
        besideId: idLists.length === 1 ? (idLists[0]?.[0] ?? null) : null,
      });
      return;
    }
    for (const item of resolved) this.visit(item, file, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Turning candidates into scenario objects

interface Imported {
  file: string;
  /** "ESP profile "AutoPilot Enrollment"", for reports. */
  what: string;
  /** The object as it goes into the scenario: the export's own keys, assignments cleaned. */
  object: JsonObject;
  notes: string[];
  /** Stands in for a blocking app missing from the exports; reported as unmapped, not mapped. */
  placeholder?: boolean;
}

interface ImportedProfile extends Imported {
  isDefault: boolean;
  priority: number | null;
  selectedMobileAppIds: string[];
}

const KIND_WORDS: Record<EntityKind, string> = {
  espProfile: 'ESP profile',
  app: 'app',
  filter: 'assignment filter',
  group: 'group',
};

/** Copy the export, dropping what the scenario does not need (icons are large base64 blobs). */
function baseObject(obj: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    const lower = key.toLowerCase();
    if (key === '__proto__' || lower === 'largeicon' || lower === 'assignments' || lower === 'id') continue;
    out[key] = value;
  }
  return out;
}

function problemText(problems: readonly Problem[]): string {
  const shown = problems.slice(0, 3).map(formatProblem).join('; ');
  return problems.length > 3 ? `${shown}; and ${problems.length - 3} more` : shown;
}

/** Keep the assignments the simulator can read, in a canonical spelling; report the others. */
function cleanAssignments(c: Candidate, what: string, unmapped: string[]): JsonObject[] {
  const own = listOf(getCaseInsensitive(c.object, 'assignments'));
  const raw = own.length > 0 ? own : c.besideAssignments;
  const schema = c.kind === 'app' ? AppAssignmentSchema : ResourceAssignmentSchema;
  const kept: JsonObject[] = [];
  raw.forEach((value, i) => {
    const resolved = resolveEmbedded(value);
    const parsed = parseWithProblems(schema, resolved, []);
    if (!parsed.ok || !isJsonObject(resolved)) {
      const why = parsed.ok ? 'not an object' : problemText(parsed.problems);
      unmapped.push(`${c.file}: assignment ${i + 1} of ${what} — ${why}`);
      return;
    }
    const assignment = canonicaliseGraphObject(resolved, ASSIGNMENT_KEYS);
    const target = resolveEmbedded(assignment['target']);
    if (isJsonObject(target)) assignment['target'] = canonicaliseGraphObject(target, TARGET_KEYS);
    const settings = resolveEmbedded(assignment['settings']);
    if (settings !== undefined) assignment['settings'] = settings;
    kept.push(assignment);
  });
  return kept;
}

class Importer {
  readonly mapped: string[] = [];
  readonly profiles: ImportedProfile[] = [];
  readonly apps: Imported[] = [];
  readonly filters: Imported[] = [];
  readonly groups: Imported[] = [];
  private generatedIds = 0;

  constructor(readonly unmapped: string[]) {}

  add(c: Candidate): void {
    const name = stringProperty(c.object, 'displayName');
    const ownId = stringProperty(c.object, 'id');
    const what = `${KIND_WORDS[c.kind]} ${JSON.stringify(name ?? ownId ?? c.besideId ?? '(no name)')}`;
    const object = baseObject(c.object);
    const notes: string[] = [];

    let id = ownId || c.besideId || null;
    if (!id && (c.kind === 'espProfile' || c.kind === 'app')) {
      id = `imported-${c.kind === 'app' ? 'app' : 'esp-profile'}-${++this.generatedIds}`;
      notes.push(`no id in the export; given ${id}`);
    }
    if (!id) {
      this.unmapped.push(`${c.file}: ${what} — no id, so nothing can reference it`);
      return;
    }
    object['id'] = id;
    if (c.kind === 'espProfile' || c.kind === 'app') object['assignments'] = cleanAssignments(c, what, this.unmapped);

    if (c.kind === 'app' && stringProperty(object, '@odata.type') === undefined) {
      const settingsTypes = (object['assignments'] as JsonObject[]).map((a) => {
        const settings = a['settings'];
        return isJsonObject(settings) ? (stringProperty(settings, '@odata.type') ?? null) : null;
      });
      const inferred = inferAppOdataType(stringProperty(object, 'packageIdentifier') !== undefined, settingsTypes);
      if (inferred) {
        object['@odata.type'] = inferred.odataType;
        notes.push(`no @odata.type in the export; read as ${inferred.odataType} from its ${inferred.from}`);
      } else {
        notes.push('no @odata.type in the export; imported as an app type the ESP does not track specially');
      }
    }

    switch (c.kind) {
      case 'espProfile': {
        const parsed = parseWithProblems(EspProfileSchema, object, []);
        if (!parsed.ok) return this.reject(c, what, parsed.problems);
        this.profiles.push({
          file: c.file,
          what,
          object,
          notes,
          isDefault: parsed.data.isDefault,
          priority: parsed.data.priority,
          selectedMobileAppIds: parsed.data.selectedMobileAppIds,
        });
        return;
      }
      case 'app': {
        const parsed = parseWithProblems(AppSchema, object, []);
        if (!parsed.ok) return this.reject(c, what, parsed.problems);
        this.apps.push({ file: c.file, what, object, notes });
        return;
      }
      case 'filter': {
        const platform = stringProperty(object, 'platform') ?? 'windows10AndLater';
        if (platform.toLowerCase() !== 'windows10andlater') {
          this.unmapped.push(`${c.file}: ${what} — platform ${platform}; Windows uses windows10AndLater filters`);
          return;
        }
        const parsed = parseWithProblems(AssignmentFilterSchema, object, []);
        if (!parsed.ok) {
          // A rule that does not parse, or uses a property ESP filters cannot: its message says which.
          if (parsed.problems.every((p) => p.path === 'rule')) {
            this.unmapped.push(`${c.file}: ${what} — ${parsed.problems.map((p) => p.message).join('; ')}`);
            return;
          }
          return this.reject(c, what, parsed.problems);
        }
        this.filters.push({ file: c.file, what, object, notes });
        return;
      }
      case 'group': {
        const parsed = parseWithProblems(GroupSchema, object, []);
        if (!parsed.ok) return this.reject(c, what, parsed.problems);
        this.groups.push({ file: c.file, what, object, notes });
        return;
      }
    }
  }

  private reject(c: Candidate, what: string, problems: readonly Problem[]): void {
    this.unmapped.push(`${c.file}: ${what} — ${problemText(problems)}`);
  }

  /** The first object with an id wins; the same object exported twice is reported once. */
  dedupe<T extends Imported>(items: T[]): T[] {
    const seen = new Map<string, T>();
    return items.filter((item) => {
      const id = String(item.object['id']);
      const first = seen.get(id);
      if (first) {
        this.unmapped.push(`${item.file}: ${item.what} — same id as ${first.what} in ${first.file}; kept that one`);
        return false;
      }
      seen.set(id, item);
      return true;
    });
  }

  /** A tenant has one default profile, and Intune never stores two profiles with one priority. */
  settleProfiles(): void {
    const deduped = this.dedupe(this.profiles);
    const firstDefault = deduped.find((p) => p.isDefault);
    const kept = deduped.filter((p) => {
      if (!p.isDefault || p === firstDefault) return true;
      this.unmapped.push(
        `${p.file}: ${p.what} — a second default profile; a tenant has one, kept ${firstDefault?.what} from ${firstDefault?.file}`,
      );
      return false;
    });
    const taken = new Set<number>();
    let next = Math.max(0, ...kept.map((p) => p.priority ?? 0)) + 1;
    for (const p of kept) {
      if (p.isDefault || p.priority === null) continue;
      if (taken.has(p.priority)) {
        p.notes.push(`priority ${p.priority} was already taken; given ${next}`);
        p.priority = next++;
        p.object['priority'] = p.priority;
      }
      taken.add(p.priority);
    }
    this.profiles.splice(0, this.profiles.length, ...kept);
  }

  /** Assignments whose filter was not imported lose the filter (and say so) rather than the assignment. */
  dropMissingFilters(): void {
    const filterIds = new Set(this.filters.map((f) => String(f.object['id'])));
    for (const item of [...this.profiles, ...this.apps]) {
      for (const assignment of item.object['assignments'] as JsonObject[]) {
        const target = assignment['target'];
        if (!isJsonObject(target)) continue;
        const filterId = target['deviceAndAppManagementAssignmentFilterId'];
        const filterType = target['deviceAndAppManagementAssignmentFilterType'];
        if (typeof filterId !== 'string' || filterType === 'none' || filterType === undefined) continue;
        if (filterIds.has(filterId)) continue;
        target['deviceAndAppManagementAssignmentFilterId'] = null;
        target['deviceAndAppManagementAssignmentFilterType'] = 'none';
        this.unmapped.push(
          `${item.file}: the ${String(filterType)} filter on an assignment of ${item.what} — filter ${filterId} is not in ` +
            `the exports (or could not be imported); the assignment is imported without it`,
        );
      }
    }
  }

  /**
   * Blocking apps not in the exports become placeholders, so the profile keeps "Selected" (an empty list would
   * mean "All" and change what the ESP waits for).
   */
  addPlaceholderApps(): void {
    const appIds = new Set(this.apps.map((a) => String(a.object['id'])));
    for (const p of this.profiles) {
      for (const id of p.selectedMobileAppIds) {
        if (appIds.has(id)) continue;
        appIds.add(id);
        this.apps.push({
          file: p.file,
          what: `app ${JSON.stringify(id)}`,
          object: {
            '@odata.type': '#microsoft.graph.win32LobApp',
            id,
            displayName: `App ${id} (not in the exports)`,
            assignments: [],
          },
          notes: [],
          placeholder: true,
        });
        this.unmapped.push(
          `${p.file}: blocking app ${id} of ${p.what} — not in the exports; added a placeholder Win32 app with no assignments`,
        );
      }
    }
  }

  /** Group ids assignments use, with whether some assignment includes (rather than only excludes) them. */
  referencedGroups(): Map<string, { included: boolean }> {
    const groups = new Map<string, { included: boolean }>();
    for (const item of [...this.profiles, ...this.apps]) {
      for (const assignment of item.object['assignments'] as JsonObject[]) {
        const target = assignment['target'];
        if (!isJsonObject(target)) continue;
        const groupId = target['groupId'];
        if (typeof groupId !== 'string') continue;
        const included = target['@odata.type'] === '#microsoft.graph.groupAssignmentTarget';
        const entry = groups.get(groupId) ?? { included: false };
        entry.included ||= included;
        groups.set(groupId, entry);
      }
    }
    return groups;
  }
}

/** See the file comment: a group's name decides whether the device, the user or both join it. */
function membersFor(groupName: string): { device: boolean; user: boolean } {
  const name = groupName.toLowerCase();
  const saysUser = name.includes('user');
  const saysDevice = /device|autopilot|computer|machine/.test(name);
  if (saysUser && !saysDevice) return { device: false, user: true };
  if (saysDevice && !saysUser) return { device: true, user: false };
  return { device: true, user: true };
}

const TENANT_FROM_DEFAULT_ID = new RegExp(`^([0-9a-f-]{36})${DEFAULT_PROFILE_ID_SUFFIX}$`, 'i');

// ---------------------------------------------------------------------------------------------
// Entry point

export function importGraphExports(files: GraphExportFile[]): GraphImportResult {
  const collector = new Collector();
  for (const file of files) collector.collectFile(file);
  // Assignments filed apart (IntuneBackupAndRestore) go to the object they are named after, unless it has its own.
  for (const c of collector.candidates) {
    const id = (stringProperty(c.object, 'id') ?? c.besideId)?.toLowerCase();
    const filed = id === undefined ? undefined : collector.filedAssignments.get(id);
    if (!filed) continue;
    collector.filedAssignments.delete(id!);
    if (c.besideAssignments.length === 0) c.besideAssignments = filed.assignments;
  }
  for (const [id, { file }] of collector.filedAssignments) {
    collector.unmapped.push(`${file}: assignments of "${id}" — no imported ESP profile or app has that id`);
  }

  const importer = new Importer(collector.unmapped);
  for (const candidate of collector.candidates) importer.add(candidate);
  importer.groups.splice(0, importer.groups.length, ...importer.dedupe(importer.groups));
  importer.filters.splice(0, importer.filters.length, ...importer.dedupe(importer.filters));
  importer.apps.splice(0, importer.apps.length, ...importer.dedupe(importer.apps));
  importer.settleProfiles();
  importer.dropMissingFilters();
  importer.addPlaceholderApps();

  const mapped = importer.mapped;
  const describe = (item: Imported, extra: string) => {
    const notes = [extra, ...item.notes].filter(Boolean).join('; ');
    mapped.push(`${item.file}: ${item.what}${notes ? ` (${notes})` : ''}`);
  };
  const countAssignments = (item: Imported) => {
    const n = (item.object['assignments'] as unknown[]).length;
    return `${n} assignment${n === 1 ? '' : 's'}`;
  };
  for (const p of importer.profiles) {
    describe(p, `${p.isDefault ? 'default profile' : `priority ${p.priority ?? 'next free'}`}, ${countAssignments(p)}`);
  }
  for (const a of importer.apps) {
    if (a.placeholder) continue;
    describe(a, `${String(a.object['@odata.type'] ?? 'no type')}, ${countAssignments(a)}`);
  }
  for (const f of importer.filters) describe(f, String(f.object['rule']));
  for (const g of importer.groups) describe(g, '');

  // Groups only referenced by assignments still need to exist for the scenario to validate.
  const groups = importer.groups.map((g) => ({
    id: String(g.object['id']),
    displayName: String(g.object['displayName'] ?? g.object['id']),
  }));
  const deviceGroupIds: string[] = [];
  const userGroupIds: string[] = [];
  for (const [groupId, { included }] of importer.referencedGroups()) {
    let group = groups.find((g) => g.id === groupId);
    if (!group) {
      group = { id: groupId, displayName: groupId };
      groups.push(group);
      mapped.push(`group ${JSON.stringify(groupId)} (not in the exports; added because assignments target it)`);
    }
    if (!included) continue;
    const members = membersFor(group.displayName);
    if (members.device) deviceGroupIds.push(groupId);
    if (members.user) userGroupIds.push(groupId);
  }

  const defaultProfile = importer.profiles.find((p) => p.isDefault);
  const tenantId = TENANT_FROM_DEFAULT_ID.exec(String(defaultProfile?.object['id'] ?? ''))?.[1] ?? DEFAULT_TENANT_ID;

  const scenario: Record<string, unknown> = {
    schemaVersion: 1,
    name: 'Imported from Intune exports',
    description: `Imported by esp-sim import from ${files.map((f) => f.name).join(', ')}.`,
    deployment: { mode: 'userDriven', join: 'entra' },
    device: { ...DEFAULT_DEVICE, groupIds: deviceGroupIds },
    users: [{ ...IMPORTED_USER, groupIds: userGroupIds, intuneLicensed: true }],
    tenant: {
      id: tenantId,
      displayName: 'Contoso',
      groups,
      assignmentFilters: importer.filters.map((f) => f.object),
      enrollmentStatusPageProfiles: importer.profiles.map((p) => p.object),
      apps: importer.apps.map((a) => a.object),
    },
  };

  // A safety net: anything the steps above missed is reported rather than written silently.
  const check = validateScenario(scenario);
  if (!check.ok) {
    for (const p of check.problems) importer.unmapped.push(`imported scenario: ${formatProblem(p)} — fix by hand`);
  }
  return { scenario, mapped, unmapped: importer.unmapped };
}
