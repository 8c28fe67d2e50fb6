/**
 * The building blocks schema.ts writes the scenario schema with. Three jobs zod does not do on its own:
 *
 * 1. Reading Graph objects as real exports write them: JSON held in strings, keys in any casing, nulls for
 *    "not set", list responses `{"value": [...]}` (graphObject, graphList).
 * 2. Warnings. Zod knows only errors, and any issue stops the transforms above it. So a warning ("note") is data:
 *    each object built here records its notes (paths relative to itself, its children's included) in a side table
 *    keyed by the built object, and `notesOf(scenario)` holds them all. When a part fails, its transform never
 *    runs, so the notes already found beneath it are turned into issues marked as warnings (isWarningIssue), which
 *    zod prefixes with their path like any issue; validate.ts sorts them from the problems.
 * 3. Cross-checks that need several parts (a group id must exist, a filter must exist): crossChecks run when the
 *    parts they read have no issue, even if other parts failed, so one broken section does not hide the problems
 *    of the others.
 */
import { z } from 'zod';
import { GraphVocabulary, nearestName, type GraphKind } from './graphProperties';

/** One step of a JSON path: a property name or an array index. */
export type PathSegment = string | number;

/** A warning found while reading a value; `path` is relative to that value. */
export interface Note {
  path: PathSegment[];
  message: string;
}

/** A JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object; false for arrays, null and every other value. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `['tenant', 'apps', 3, '@odata.type']` -> `tenant.apps[3]["@odata.type"]`; `(root)` for the empty path. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out || '(root)';
}

/** A value as a message names it: `null`, `an array`, `the text "abc"`, `1.5`. */
export function describeValue(value: unknown): string {
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

// ---------------------------------------------------------------------------------------------
// Notes: warnings as data

/** Objects built by this module's transforms that have notes (most have none, and are not recorded). */
const NOTES = new WeakMap<object, readonly Note[]>();

/** Marks an issue as a warning; validate.ts moves such issues to `warnings`. */
const WARNING = 'espSimWarning';

const NO_NOTES: readonly Note[] = [];

/** Record the notes found while building `value` (paths relative to it); returns `value`. */
export function withNotes<T extends object>(value: T, notes: readonly Note[]): T {
  if (notes.length > 0) NOTES.set(value, notes);
  return value;
}

/** The notes recorded on a built value, paths relative to it; none for anything else. */
export function notesOf(value: unknown): readonly Note[] {
  return (typeof value === 'object' && value !== null && NOTES.get(value)) || NO_NOTES;
}

/** Add a child's notes to `into`, with its key or index put in front of their paths. */
function addChildNotes(key: PathSegment, child: unknown, into: Note[]): void {
  for (const n of notesOf(child)) into.push({ path: [key, ...n.path], message: n.message });
}

/** The notes of an array's items, or of an object's values under `keys`. */
function childNotes(container: unknown, keys: readonly string[]): Note[] {
  const notes: Note[] = [];
  if (Array.isArray(container)) container.forEach((item, i) => addChildNotes(i, item, notes));
  else if (isJsonObject(container)) for (const key of keys) addChildNotes(key, container[key], notes);
  return notes;
}

/** True for an issue that carries a warning (see the file comment), not a problem. */
export function isWarningIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue.params as Record<string, unknown> | undefined)?.[WARNING] === true;
}

function emitAsWarnings(ctx: z.core.$RefinementCtx, notes: readonly Note[]): void {
  for (const { path, message } of notes) {
    ctx.addIssue({ code: 'custom', path, message, params: { [WARNING]: true }, input: undefined });
  }
}

/** Run a check only once a part already has issues: then its transform will not run to carry the notes up. */
const whenFailing = { when: (payload: z.core.ParsePayload) => payload.issues.length > 0 };

/** Adds a note to the object being built (path relative to it). */
export type Noter = (path: PathSegment[], message: string) => void;

/** A check over several parts of an object, run as soon as each part it `needs` is free of issues. */
export interface CrossCheck<T> {
  needs: readonly (keyof T & string)[];
  check: (value: T, ctx: z.core.$RefinementCtx<T>) => void;
}

/** Report a problem (an error) at `path`, relative to the value being checked. */
export function problem(ctx: z.core.$RefinementCtx, path: PathSegment[], message: string): void {
  ctx.addIssue({ code: 'custom', path, message, input: undefined });
}

interface ObjectRecipe<T, Out> {
  /** Checks of the object alone, run when it parsed cleanly; their issues carry paths relative to it. */
  refine?: (value: T, ctx: z.core.$RefinementCtx<T>) => void;
  crossChecks?: readonly CrossCheck<T>[];
  /** The model object; `note` records a warning on it. */
  build: (value: T, note: Noter) => Out;
}

/** Adds the notes for an object's unknown keys to `into`. */
type UnknownKeys = (obj: JsonObject, into: Note[]) => void;

function noted<S extends z.ZodType, Out extends object>(
  schema: S,
  keys: readonly string[],
  unknownKeys: UnknownKeys,
  recipe: ObjectRecipe<z.output<S>, Out>,
) {
  let checked = schema;
  if (recipe.refine) checked = checked.superRefine(recipe.refine);
  for (const { needs, check } of recipe.crossChecks ?? []) {
    const parts: readonly PropertyKey[] = needs;
    checked = checked.superRefine(check, {
      // A part without issues went through its transform: the check reads what the engine will.
      when: (payload) =>
        isJsonObject(payload.value) && !payload.issues.some((issue) => parts.includes(issue.path?.[0] ?? '')),
    });
  }
  const notesOfParts = (value: JsonObject): Note[] => {
    const notes = childNotes(value, keys);
    unknownKeys(value, notes);
    return notes;
  };
  return checked
    .superRefine((value, ctx) => {
      if (isJsonObject(value)) emitAsWarnings(ctx, notesOfParts(value));
    }, whenFailing)
    .transform((value) => {
      const notes = notesOfParts(value as JsonObject);
      const out = recipe.build(value, (path, message) => void notes.push({ path, message }));
      return withNotes(out, notes);
    });
}

/**
 * One of our own sections (root, windows, deployment, device, simulation...): a misspelt key is an error,
 * `unknown key`, with the nearest key when one is close (`unknown key (did you mean mode?)`).
 */
export function ownObject<S extends z.core.$ZodLooseShape, Out extends object>(
  shape: S,
  recipe: ObjectRecipe<z.output<z.ZodObject<S, z.core.$strip>>, Out>,
  params?: { error?: z.core.$ZodErrorMap },
) {
  const keys = Object.keys(shape);
  const object = z.looseObject(shape, params).superRefine(
    (value, ctx) => {
      if (!isJsonObject(value)) return;
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(shape, key)) continue;
        const nearest = nearestName(key, keys);
        problem(ctx, [key], nearest ? `unknown key (did you mean ${nearest}?)` : 'unknown key');
      }
    },
    // Reported beside any other problem of the section, as a strict object would.
    { when: () => true },
  ) as unknown as z.ZodObject<S, z.core.$strip>;
  return noted(object, keys, () => {}, recipe);
}

/**
 * A Microsoft Graph object as exports write it: JSON in a string is parsed, keys are matched case-insensitively
 * and spelt as the schema does, nulls are dropped (a null takes Graph's default, as a missing property does).
 * Keys the schema does not read are kept; an unknown one (graphProperties.ts) is a warning naming the property
 * it probably meant, unless `quiet` says the object's extra keys are not ours to judge.
 */
export function graphObject<S extends z.core.$ZodLooseShape, Out extends object>(
  kind: GraphKind,
  shape: S,
  recipe: ObjectRecipe<z.output<z.ZodObject<S, z.core.$loose>>, Out> & { quiet?: (obj: JsonObject) => boolean },
) {
  const keys = Object.keys(shape);
  const vocabulary = new GraphVocabulary(kind, keys);
  const canonicalise = graphObjectCanonicaliser(keys);
  const unknownKeys: UnknownKeys = (obj, into) => {
    if (recipe.quiet?.(obj)) return;
    for (const key in obj) {
      if (vocabulary.isUnknown(key)) into.push({ path: [key], message: vocabulary.unknownPropertyMessage(key) });
    }
  };
  const object = z.preprocess((value, ctx) => {
    const unwrapped = unwrapEmbeddedJson(value);
    if (!unwrapped.ok) {
      ctx.addIssue({ code: 'custom', message: unwrapped.error, input: value });
      return z.NEVER;
    }
    return isJsonObject(unwrapped.value) ? canonicalise(unwrapped.value) : unwrapped.value;
  }, z.looseObject(shape));
  return noted(object, keys, unknownKeys, recipe);
}

/** A Graph collection: an array, an array held in a JSON string, or a whole list response `{"value": [...]}`. */
export function graphList<T extends z.ZodType>(item: T) {
  return z
    .preprocess((value, ctx) => {
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
    }, z.array(item))
    .superRefine((items, ctx) => {
      if (Array.isArray(items)) emitAsWarnings(ctx, childNotes(items, []));
    }, whenFailing)
    .transform((items) => withNotes(items, childNotes(items, [])));
}

/** A whole number (`z.number().int()` stops every check above it when it fails; this does not). */
export function wholeNumber() {
  return z.number().refine(Number.isInteger, {
    error: (issue) => `expected a whole number, got ${describeValue(issue.input)}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading Graph objects as real exports write them

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
  return graphObjectCanonicaliser(canonicalKeys)(obj);
}

/** canonicaliseGraphObject for one set of keys, prepared once (schemas canonicalise every object they read). */
function graphObjectCanonicaliser(canonicalKeys: readonly string[]): (obj: JsonObject) => JsonObject {
  const exact = new Set(canonicalKeys);
  const canonicalByLower = new Map(canonicalKeys.map((k) => [k.toLowerCase(), k]));
  return (obj) => {
    const out: JsonObject = {};
    let renamed = false;
    // Exact spellings first, so {"assignments": [...], "Assignments": [...]} reads the exact one.
    for (const key in obj) {
      if (!Object.hasOwn(obj, key) || obj[key] === null || key === '__proto__') continue;
      if (exact.has(key)) out[key] = obj[key];
      else renamed = true;
    }
    if (!renamed) return out;
    for (const key in obj) {
      if (!Object.hasOwn(obj, key) || obj[key] === null || key === '__proto__' || exact.has(key)) continue;
      const canonical = canonicalByLower.get(key.toLowerCase()) ?? key;
      if (!Object.hasOwn(out, canonical)) out[canonical] = obj[key];
    }
    return out;
  };
}
