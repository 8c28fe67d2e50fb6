/**
 * Validates a scenario file (shared/spec/scenario-and-cli.md §1) and normalises it into the model the engine
 * reads: runs ScenarioSchema (schema.ts, where every rule and check lives) and words what it found.
 *
 * Every problem is collected, not just the first: sections are read independently, and a cross-check runs as
 * soon as the parts it reads were read cleanly. A problem names the JSON path (`tenant.apps[3].assignments[0].intent`,
 * `(root)` for the document itself) and says what is wrong. Warnings have the same shape and never stop a run.
 */
import type { z } from 'zod';
import { parseJson } from './json';
import type { Scenario } from './model';
import { ScenarioSchema } from './schema';
import { describeValue, formatPath, isWarningIssue, notesOf, type PathSegment } from './schemaTools';

export { formatPath } from './schemaTools';
export { parseJson, type JsonParseResult } from './json';
export { MAX_ESP_PROFILES, MAX_SELECTED_APPS } from './schema';

/** A problem (an error) or a warning: where in the file, and what. */
export interface Problem {
  /** JSON path such as `tenant.apps[3].assignments[0].intent`; `(root)` for the document itself. */
  path: string;
  message: string;
}

/**
 * The outcome of validation. `warnings` (settings Intune greys out, values read by inference, unknown Graph
 * properties with the one probably meant) come with either outcome; a valid scenario with warnings still runs.
 */
export type ValidationResult =
  { ok: true; scenario: Scenario; warnings: Problem[] } | { ok: false; problems: Problem[]; warnings: Problem[] };

/** `path: message`, the form the CLI prints and the banner shows. */
export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

// ---------------------------------------------------------------------------------------------
// Zod issues -> problems

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

/** Zod's issues, under `prefix`, sorted into problems and warnings (duplicates dropped). */
function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathSegment[],
): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: formatPath([...path, key]), message: 'unknown key' });
    } else {
      (isWarningIssue(issue) ? warnings : problems).push({ path: formatPath(path), message: issue.message });
    }
  }
  return { problems, warnings: unique(warnings) };
}

function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Parse `value` with one of schema.ts's schemas, reporting problems under `path` (warnings are left out). Used
 * by the Graph importer to try single objects.
 */
export function parseWithProblems<T extends z.ZodType>(
  schema: T,
  value: unknown,
  path: readonly PathSegment[],
): { ok: true; data: z.output<T> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(value, { error: scenarioErrorMap, reportInput: true });
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, problems: issuesToProblems(result.error.issues, path).problems };
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Parse scenario text (already decoded, see decode.ts) and validate it. Strict JSON (json.ts): a syntax error,
 * nesting deeper than MAX_JSON_DEPTH or text over MAX_SCENARIO_FILE_BYTES is one `(root)` problem saying where
 * and why. Never throws.
 */
export function parseScenarioText(text: string): ValidationResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, problems: [{ path: '(root)', message: json.message }], warnings: [] };
  return validateScenario(json.value);
}

/**
 * Validate a parsed JSON value as a scenario and normalise it into the model. Never throws: anything that is not
 * a scenario is `{ ok: false, problems }`, each problem with its path.
 */
export function validateScenario(input: unknown): ValidationResult {
  const result = ScenarioSchema.safeParse(input, { error: scenarioErrorMap, reportInput: true });
  if (result.success) {
    const warnings = notesOf(result.data).map((n) => ({ path: formatPath(n.path), message: n.message }));
    return { ok: true, scenario: result.data, warnings: unique(warnings) };
  }
  const { problems, warnings } = issuesToProblems(result.error.issues, []);
  return { ok: false, problems, warnings };
}
