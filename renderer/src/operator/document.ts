/**
 * The scenario being edited, as the file holds it (docs/scenario-format.md): plain JSON with Graph's property
 * names. The console reads and changes it through these few helpers and never interprets it beyond that: the
 * host validates every edit (shared/contract.ts `previewEdit`) and says what is wrong.
 */

export type Json = Record<string, unknown>;

/** The value when it is a JSON object, else an empty one. */
export function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** The objects of a list (a Graph list response `{ value: [...] }` included); anything else is empty. */
export function list(value: unknown): Json[] {
  const items = Array.isArray(value)
    ? value
    : Array.isArray(obj(value)['value'])
      ? (obj(value)['value'] as unknown[])
      : [];
  return items.map(obj);
}

/** The value when it is text, else `fallback`. */
export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** The value when it is a finite number, else `fallback`. */
export function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The text items of a list; anything else is empty. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

type Path = readonly (string | number)[];

/** A copy of `root` with the value at `path` replaced (objects and lists on the way are copied, or created). */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const copy = Array.isArray(root) ? [...(root as unknown[])] : [];
    copy[head] = setIn(copy[head], rest, value);
    return copy as T;
  }
  const copy: Json = { ...obj(root) };
  if (value === undefined && rest.length === 0) delete copy[head!];
  else copy[head!] = setIn(copy[head!], rest, value);
  return copy as T;
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = obj(current)[key];
  }
  return current;
}

/** A copy of `root` with the list at `path` changed by `change`. */
export function updateList<T>(root: T, path: Path, change: (items: Json[]) => Json[]): T {
  return setIn(root, path, change(list(getIn(root, path))));
}

export const PROFILES_PATH = ['tenant', 'enrollmentStatusPageProfiles'] as const;

/** An ESP profile of the document: the default one is recognised as the validator does. */
export function isDefaultProfile(profile: Json): boolean {
  return (
    profile['deviceEnrollmentConfigurationType'] === 'defaultWindows10EnrollmentCompletionPageConfiguration' ||
    str(profile['id']).toLowerCase().endsWith('_defaultwindows10enrollmentcompletionpageconfiguration') ||
    profile['priority'] === 0
  );
}

/** The document's ESP profiles with their index in the file, in priority order (1 first), the default last. */
export function profilesByPriority(document: unknown): { profile: Json; index: number }[] {
  return list(getIn(document, PROFILES_PATH))
    .map((profile, index) => ({ profile, index }))
    .sort((a, b) => {
      const da = isDefaultProfile(a.profile);
      const db = isDefaultProfile(b.profile);
      if (da !== db) return da ? 1 : -1;
      return num(a.profile['priority'], Infinity) - num(b.profile['priority'], Infinity) || a.index - b.index;
    });
}

/** A fresh id in Intune's style for a new object (`<guid>_<suffix>`), or a plain GUID. */
export function newId(suffix = ''): string {
  const guid =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(16)}-${Math.random().toString(16).slice(2, 10)}`;
  return suffix ? `${guid}_${suffix}` : guid;
}

/** Graph's assignment target types, and what Intune calls each. */
export const TARGET_TYPES = {
  group: '#microsoft.graph.groupAssignmentTarget',
  exclusion: '#microsoft.graph.exclusionGroupAssignmentTarget',
  allDevices: '#microsoft.graph.allDevicesAssignmentTarget',
  allUsers: '#microsoft.graph.allLicensedUsersAssignmentTarget',
} as const;

export type TargetKind = keyof typeof TARGET_TYPES;

/** Which kind of target an assignment has (by its `@odata.type`, in any of Graph's spellings). */
export function targetKind(assignment: Json): TargetKind | null {
  const type = str(obj(assignment['target'])['@odata.type'])
    .replace(/^#?(microsoft\.graph\.)?/i, '')
    .toLowerCase();
  for (const [kind, full] of Object.entries(TARGET_TYPES)) {
    if (full.replace('#microsoft.graph.', '').toLowerCase() === type) return kind as TargetKind;
  }
  return null;
}

/** A group's name for people, from the tenant's groups (the id when it is not listed). */
export function groupName(document: unknown, groupId: string): string {
  const group = list(getIn(document, ['tenant', 'groups'])).find((g) => g['id'] === groupId);
  return str(group?.['displayName'], groupId) || groupId;
}

/** What an assignment targets, in Intune's words. */
export function describeTarget(document: unknown, assignment: Json): string {
  const kind = targetKind(assignment);
  const groupId = str(obj(assignment['target'])['groupId']);
  switch (kind) {
    case 'allDevices':
      return 'All devices';
    case 'allUsers':
      return 'All users';
    case 'group':
      return groupName(document, groupId);
    case 'exclusion':
      return `${groupName(document, groupId)} (excluded)`;
    default:
      return 'an unknown target';
  }
}

/** An assignment `{ target }` for a kind, a group and a filter. */
export function assignmentFor(kind: TargetKind, groupId = '', extra: Json = {}): Json {
  const target: Json = { '@odata.type': TARGET_TYPES[kind] };
  if (kind === 'group' || kind === 'exclusion') target['groupId'] = groupId;
  return { ...extra, target };
}
