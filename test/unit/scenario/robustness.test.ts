/**
 * No file can crash a command or keep the preview from starting: deep nesting, huge files and random damage
 * all end in a sentence that says where and why, never a RangeError or a stack trace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { silentLogger } from '../../../electron/core/logging/logger';
import { MAX_JSON_DEPTH, MAX_SCENARIO_FILE_BYTES, parseJson } from '../../../electron/core/scenario/json';
import { openScenario } from '../../../electron/core/scenario/library';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import {
  formatProblem,
  parseScenarioText,
  validateScenario,
  type ValidationResult,
} from '../../../electron/core/scenario/validate';

const root = path.resolve(import.meta.dirname, '../../..');
const resources = path.join(root, 'resources');
const bundledDir = path.join(resources, 'scenarios');
const bundled: { name: string; text: string; value: unknown }[] = readdirSync(bundledDir)
  .filter((f) => f.endsWith('.json'))
  .map((name) => {
    const text = readFileSync(path.join(bundledDir, name), 'utf8');
    return { name, text, value: JSON.parse(text) as unknown };
  });

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'esp-sim-robust-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function problemsOf(result: ValidationResult): string[] {
  if (result.ok) throw new Error('expected problems, but the scenario is valid');
  return result.problems.map(formatProblem);
}

describe('deep nesting', () => {
  const unclosed = '['.repeat(100_000);

  it('100,000 unclosed [ say how deep, where and why, instead of overflowing the stack', () => {
    expect(problemsOf(parseScenarioText(unclosed))).toEqual([
      `(root): nested more than ${MAX_JSON_DEPTH} levels deep at line 1, column ${MAX_JSON_DEPTH + 1}, inside ` +
        '[0][0][0][0][0][0]…[0][0] (a scenario nests about 10 levels; an unclosed "[" or "{" repeated, or a ' +
        'generated file, does this)',
    ]);
  });

  it('deeply nested objects name the JSON path, line and column', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const text = `{\n  "schemaVersion": 1,\n  "tenant": { "apps": [ { "notes": ${deep} } ] }\n}`;
    const [problem] = problemsOf(parseScenarioText(text));
    expect(problem).toMatch(
      /^\(root\): nested more than 256 levels deep at line 3, column \d+, inside tenant\.apps\[0\]\.notes\.a\.a…a\.a /,
    );
  });

  it('esp-sim validate reports it and exits 1, and the preview starts on the default scenario', async () => {
    const file = path.join(dir, 'unclosed.json');
    await writeFile(file, unclosed);
    const result = await cli('validate', file);
    expect(result.code).toBe(1);
    expect(result.out).toContain('nested more than 256 levels deep at line 1, column 257');
    const opened = await openScenario(file, resources, silentLogger);
    const defaultScenario = bundled.find((b) => b.name === 'default.json')?.value as { name: string } | undefined;
    expect(opened.scenario.name).toBe(defaultScenario?.name);
    expect(opened.problem).toContain('nested more than 256 levels deep');
  });
});

describe('file size', () => {
  it('a file over 20 MB is refused before it is read, with its size and the limit', async () => {
    const file = path.join(dir, 'huge.json');
    await writeFile(file, '');
    await truncate(file, MAX_SCENARIO_FILE_BYTES + 1024 * 1024);
    expect(await loadScenarioFile(file)).toEqual({
      kind: 'invalid',
      problems: [{ path: '(root)', message: 'the file is 21 MB; a scenario file may be at most 20 MB' }],
      warnings: [],
    });
    const result = await cli('validate', file);
    expect(result).toMatchObject({ code: 1, out: '(root): the file is 21 MB; a scenario file may be at most 20 MB\n' });
  });

  it('text over the limit is refused before it is parsed', () => {
    const text = ' '.repeat(MAX_SCENARIO_FILE_BYTES + 1);
    expect(problemsOf(parseScenarioText(text))).toEqual([
      `(root): the file is ${MAX_SCENARIO_FILE_BYTES + 1} characters long; a scenario file may be at most 20 MB`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

/** Every problem and warning names a path and says something. */
function namesPaths(result: ValidationResult): boolean {
  const all = [...(result.ok ? [] : result.problems), ...result.warnings];
  const rejectedWithReason = result.ok || result.problems.length > 0;
  return rejectedWithReason && all.every((p) => /^(\(root\)|[A-Za-z_$[])/.test(p.path) && p.message.trim() !== '');
}

type Json = Record<string, unknown>;
const isContainer = (v: unknown): v is Json | unknown[] => typeof v === 'object' && v !== null;

/** Walk down by `choices` (each picks a child, modulo their number): the last container reached and the key. */
function locate(
  rootValue: unknown,
  choices: readonly number[],
): { parent: Json | unknown[]; key: string | number } | null {
  let found: { parent: Json | unknown[]; key: string | number } | null = null;
  let node = rootValue;
  for (const choice of choices) {
    if (!isContainer(node)) break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length]!;
    found = { parent: node, key };
    node = (node as Record<string | number, unknown>)[key];
  }
  return found;
}

/** Typos a person makes: a letter dropped, doubled, swapped with the next, or its case changed. */
function typo(word: string, n: number): string {
  if (word.length < 2) return word + 'x';
  const i = n % (word.length - 1);
  switch (n % 4) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i + 1) + word[i] + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default:
      return word.slice(0, i) + word[i]!.toUpperCase() + word.slice(i + 1);
  }
}

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.array(fc.nat(), { maxLength: 8 }),
    value: fc.jsonValue({ maxDepth: 3 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('rename' as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    n: fc.nat(),
  }),
  fc.record({ kind: fc.constant('stringify' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(value: unknown, m: Mutation): unknown {
  const spot = locate(value, m.at);
  if (!spot) return m.kind === 'set' ? m.value : value;
  const { parent, key } = spot;
  const bag = parent as Record<string | number, unknown>;
  switch (m.kind) {
    case 'set':
      bag[key] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete bag[key];
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const misspelt = typo(String(key), m.n);
        bag[misspelt] = bag[key];
        if (misspelt !== key) delete bag[key];
      }
      break;
    case 'stringify':
      // PowerShell exports hold objects as JSON strings.
      bag[key] = JSON.stringify(bag[key]) ?? 'null';
      break;
  }
  return value;
}

describe('the validator never throws, and every rejection names a path', () => {
  it('on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => namesPaths(validateScenario(value))),
      { numRuns: 300 },
    );
  });

  it('on random JSON objects in the place of each section', () => {
    const sections = ['windows', 'deployment', 'device', 'users', 'tenant', 'simulation'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...sections), fc.jsonValue({ maxDepth: 4 }), (section, value) =>
        namesPaths(validateScenario({ schemaVersion: 1, deployment: { mode: 'userDriven' }, [section]: value })),
      ),
      { numRuns: 300 },
    );
  });

  it('on random mutations of the bundled scenarios', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bundled.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (index, mutations) => {
          let value = structuredClone(bundled[index]!.value);
          for (const m of mutations) value = mutate(value, m);
          return namesPaths(validateScenario(value));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on random damage to the text of the bundled scenarios', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 8 }),
      insert: fc.string({ maxLength: 4, unit: fc.constantFrom(...'{}[],:"\\ a1/\u0000\uFEFF') }),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: bundled.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (index, edits) => {
          let text = bundled[index]!.text;
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          }
          return namesPaths(parseScenarioText(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('an unclosed comment (found by fuzzing)', () => {
  it.each(['/*', '{/*', '{"a":1 /*'])('%s is refused with a message, and returns at once', (text) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
  });
});
