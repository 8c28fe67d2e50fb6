/**
 * What the property-based fuzz tests share: how many inputs (FUZZ_RUNS: 200 in CI, 10,000 from
 * `npm run fuzz`), the 5-second budget per input, the corpus (the bundled scenarios and, where the
 * folder exists, the real-world Intune exports in ../shared/fixtures/real-world), and the mutations
 * fast-check applies to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { decodeScenarioBytes } from '../../../electron/core/scenario/decode';

export const root = resolve(import.meta.dirname, '..', '..', '..');

/** Inputs per target: FUZZ_RUNS, or 200 (CI). */
export const RUNS = positiveInt(process.env['FUZZ_RUNS']) ?? 200;
/** A fixed seed in CI (the same inputs every run); `npm run fuzz` draws a new one unless FUZZ_SEED is set. */
export const SEED =
  positiveInt(process.env['FUZZ_SEED']) ?? (process.env['FUZZ_RUNS'] ? Math.floor(Math.random() * 0x7fffffff) : 0x5eed);
/** The longest any one input may take. */
export const BUDGET_MS = 5000;
/** A test's own time limit: generous for the inputs it runs (each within BUDGET_MS). */
export const TEST_TIMEOUT_MS = Math.max(60_000, RUNS * 200);

function positiveInt(text: string | undefined): number | undefined {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Timing: every input is measured; one over the budget fails the property (a hang, found). A
// synchronous hang never lets a timer run, so synchronous targets run under a V8 watchdog (vm's
// `timeout` interrupts whatever JavaScript is running, the target's own included), and asynchronous
// ones are watched from another thread as a last resort.

const guardContext = vm.createContext({ run: undefined as unknown });
const guardScript = new vm.Script('run()');

/** `fn()`, interrupted if it has not returned after `ms`: a synchronous hang becomes an error fast-check can shrink. */
export function withinBudget<T>(fn: () => T, ms = BUDGET_MS): T {
  guardContext['run'] = fn;
  try {
    return guardScript.runInContext(guardContext, { timeout: ms }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new Error(`no answer within ${ms} ms: a hang`, { cause: error });
    throw error;
  } finally {
    guardContext['run'] = undefined;
  }
}

/**
 * For asynchronous targets, whose synchronous parts no vm timeout reaches: a thread that, when an input
 * is still running twice the budget after it started, prints which input and ends the test process
 * (the test run fails at once instead of hanging CI).
 */
class Watchdog {
  private readonly generation = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const { writeSync } = require('node:fs');
     const generation = new Int32Array(workerData);
     let timer;
     parentPort.on('message', ({ armed, label, ms }) => {
       clearTimeout(timer);
       timer = setTimeout(() => {
         if (Atomics.load(generation, 0) !== armed) return;
         writeSync(2, '\\nfuzz: an input ran ' + ms + ' ms without an answer (a hang): ' + label + '\\n');
         process.kill(process.pid, 'SIGKILL');
       }, ms);
     });`,
    { eval: true, workerData: this.generation.buffer },
  );

  constructor() {
    this.worker.unref();
  }

  arm(label: string): void {
    const armed = Atomics.add(this.generation, 0, 1) + 1;
    this.worker.postMessage({ armed, label: label.slice(0, 2000), ms: 2 * BUDGET_MS });
  }

  disarm(): void {
    Atomics.add(this.generation, 0, 1);
  }
}
let watchdog: Watchdog | undefined;

export class Stats {
  runs = 0;
  totalMs = 0;
  slowestMs = 0;
  private readonly started = performance.now();

  constructor(readonly target: string) {}

  /** Runs the synchronous `fn` on one input, failing if it takes longer than BUDGET_MS (interrupted if it hangs). */
  time<T>(fn: () => T): T {
    const start = performance.now();
    let result: T;
    try {
      result = withinBudget(fn);
    } catch (error) {
      this.record(performance.now() - start, false);
      throw error;
    }
    this.record(performance.now() - start);
    return result;
  }

  /** Runs the asynchronous `fn` on one input (`label` names it if it hangs), failing if it takes longer than BUDGET_MS. */
  async timeAsync<T>(label: string, fn: () => Promise<T>): Promise<T> {
    watchdog ??= new Watchdog();
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${BUDGET_MS} ms: a hang`)), BUDGET_MS);
    });
    watchdog.arm(`${this.target}: ${label}`);
    let result: T;
    try {
      result = await Promise.race([fn(), overdue]);
    } catch (error) {
      this.record(performance.now() - start, false);
      throw error;
    } finally {
      watchdog.disarm();
      clearTimeout(timer);
    }
    this.record(performance.now() - start);
    return result;
  }

  /** Counts one input; over the budget, fails it (unless it already failed for another reason). */
  private record(ms: number, enforce = true): void {
    this.runs += 1;
    this.totalMs += ms;
    this.slowestMs = Math.max(this.slowestMs, ms);
    if (enforce && ms > BUDGET_MS)
      throw new Error(`${this.target}: one input took ${Math.round(ms)} ms (budget ${BUDGET_MS} ms)`);
  }

  /** One line for the record (docs/robustness.md). */
  report(): void {
    const wall = (performance.now() - this.started) / 1000;
    console.log(
      `fuzz ${this.target}: ${this.runs} inputs (seed ${SEED}) in ${wall.toFixed(1)} s; ` +
        `mean ${(this.totalMs / Math.max(1, this.runs)).toFixed(2)} ms, slowest ${this.slowestMs.toFixed(1)} ms`,
    );
  }
}

export const fcOptions = (): fc.Parameters<unknown> => ({ numRuns: RUNS, seed: SEED });

/** Nothing an input does may add to Object.prototype (a `__proto__` key copied into a plain object). */
export function assertNoPrototypePollution(): void {
  const polluted = Object.getOwnPropertyNames(Object.prototype).filter((k) => !PROTOTYPE_KEYS.has(k));
  if (polluted.length > 0) throw new Error(`Object.prototype gained ${polluted.join(', ')}`);
}
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

// ---------------------------------------------------------------------------------------------
// The corpus

export interface CorpusFile {
  name: string;
  text: string;
  /** The parsed value, when the text is JSON. */
  value: unknown;
}

function readCorpus(dir: string, prefix: string): CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const text = decodeScenarioBytes(readFileSync(join(dir, f)));
      let value: unknown = undefined;
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        // kept as text: still a file to mutate
      }
      return { name: `${prefix}${f}`, text, value };
    });
}

export const bundledScenarios: CorpusFile[] = readCorpus(join(root, 'resources', 'scenarios'), '');

const realWorldDir = resolve(root, '..', 'shared', 'fixtures', 'real-world');
export const hasRealWorld = existsSync(realWorldDir);
export const realWorldExports: CorpusFile[] = hasRealWorld
  ? ['esp-profiles', 'apps'].flatMap((folder) => readCorpus(join(realWorldDir, folder), `${folder}/`))
  : [];

/** Says once per file why the real-world exports are not in its corpus. */
export function noteRealWorld(file: string): void {
  if (!hasRealWorld)
    console.warn(
      `${file}: ../shared/fixtures/real-world is absent (a fresh clone has no ../shared), so its exports are not mutated; the bundled scenarios and generated values still are`,
    );
}

// ---------------------------------------------------------------------------------------------
// Generated values and mutations

/** Strings that have broken parsers before: empty, control characters, BOMs, lone surrogates, prototype keys... */
const edgeString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\u202E',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../../etc/passwd',
  'C:\\Windows\\System32',
  '%00',
  '{"a":1}',
  '[object Object]',
  'NaN',
  'null',
  'true',
  '-1',
  '1e309',
  '0x80070005',
  '00000000-0000-0000-0000-000000000000',
  '#microsoft.graph.win32LobApp',
  '#microsoft.graph.windows10EnrollmentCompletionPageConfiguration',
  '😀'.repeat(50),
  'x'.repeat(70_000),
);
const edgeNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e21,
  -1e308,
);

/** Any JSON value (as JSON.parse could return), biased towards the edge strings and numbers. */
export const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: edgeString },
  { weight: 1, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.array(fc.oneof(edgeString, edgeNumber), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(edgeString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
);

/** `[[[[...]]]]` or `{"a":{"a":...}}`, up to the loader's own nesting limit (256) and a little past it. */
export const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.boolean())
  .map(([depth, asObject]) => {
    let value: unknown = null;
    for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
    return value;
  });

type MutationKind =
  | 'replace'
  | 'delete'
  | 'addKey'
  | 'null'
  | 'stringify'
  | 'wrapInArray'
  | 'emptyContainer'
  | 'duplicateEntry'
  | 'swapType';

export interface Mutation {
  kind: MutationKind;
  /** Which node (modulo how many the document has). */
  at: number;
  key: string;
  value: unknown;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>(
    'replace',
    'delete',
    'addKey',
    'null',
    'stringify',
    'wrapInArray',
    'emptyContainer',
    'duplicateEntry',
    'swapType',
  ),
  at: fc.nat(),
  key: fc.oneof(edgeString, fc.string({ maxLength: 12 }), fc.constantFrom('id', 'type', '@odata.type', 'assignments')),
  value: jsonValue,
});

/** Each node of a JSON document with its parent and the key that reaches it (the root has none). */
function nodesOf(doc: unknown): { parent: unknown; key: string | number | null; value: unknown }[] {
  const nodes: { parent: unknown; key: string | number | null; value: unknown }[] = [];
  const stack: { parent: unknown; key: string | number | null; value: unknown }[] = [
    { parent: null, key: null, value: doc },
  ];
  while (stack.length > 0 && nodes.length < 20_000) {
    const node = stack.pop()!;
    nodes.push(node);
    const v = node.value;
    if (Array.isArray(v)) v.forEach((child, i) => stack.push({ parent: v, key: i, value: child }));
    else if (v !== null && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) stack.push({ parent: v, key: k, value: child });
  }
  return nodes;
}

/** An own property, even for `__proto__` (as JSON.parse makes it), never the prototype. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function swapType(value: unknown): unknown {
  if (typeof value === 'string') return Number(value) || value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : 'false';
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  if (value && typeof value === 'object') return Object.values(value);
  return value === null ? {} : null;
}

/** The document with the mutations applied, in order (the original is not touched). */
export function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  let result = structuredClone(doc);
  for (const m of mutations) {
    const nodes = nodesOf(result);
    const node = nodes[m.at % nodes.length]!;
    const replaceWith = (value: unknown): void => {
      if (node.parent === null) result = value;
      else setOwn(node.parent as object, node.key!, value);
    };
    const v = node.value;
    switch (m.kind) {
      case 'replace':
        replaceWith(structuredClone(m.value));
        break;
      case 'delete':
        if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
        else if (node.parent !== null) delete (node.parent as Record<string, unknown>)[node.key as string];
        else result = undefined;
        break;
      case 'addKey':
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) setOwn(v, m.key, structuredClone(m.value));
        else if (Array.isArray(v)) v.push(structuredClone(m.value));
        else replaceWith({ [m.key]: v });
        break;
      case 'null':
        replaceWith(null);
        break;
      case 'stringify':
        // Graph exports hold JSON inside strings; so may a mutated file.
        replaceWith(JSON.stringify(v) ?? 'undefined');
        break;
      case 'wrapInArray':
        replaceWith([v]);
        break;
      case 'emptyContainer':
        replaceWith(Array.isArray(v) ? [] : v !== null && typeof v === 'object' ? {} : '');
        break;
      case 'duplicateEntry':
        if (Array.isArray(node.parent)) node.parent.push(structuredClone(v));
        else if (Array.isArray(v) && v.length > 0) v.push(structuredClone(v[m.at % v.length]));
        break;
      case 'swapType':
        replaceWith(swapType(v));
        break;
    }
  }
  return result;
}

/** A corpus document (parsed), mutated 0 to 6 times. */
export function mutatedDocument(corpus: readonly CorpusFile[]): fc.Arbitrary<{ from: string; value: unknown }> {
  const parsed = corpus.filter((f) => f.value !== undefined);
  return fc
    .tuple(fc.constantFrom(...parsed), fc.array(mutation, { maxLength: 6 }))
    .map(([file, mutations]) => ({ from: file.name, value: mutate(file.value, mutations) }));
}

/** Text-level damage: what a file on disk can be besides well-formed JSON. */
export type TextDamage =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flipByte'; at: number; byte: number }
  | { kind: 'insert'; at: number; text: string };

export const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<TextDamage>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('flipByte' as const),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom(',', '//c\n', '/*', "'", '\u0000', '\uFEFF', ']', '}', '{"a":', '"\\u12', '\\', 'NaN'),
    }),
  },
);

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16le' | 'utf16be-bom' | 'latin1';
export const encoding = fc.constantFrom<Encoding>(
  'utf8',
  'utf8-bom',
  'utf16le-bom',
  'utf16le',
  'utf16be-bom',
  'latin1',
);

/** The bytes of a file holding `text`, in `enc`, then damaged. */
export function fileBytes(text: string, enc: Encoding, damage: TextDamage): Uint8Array {
  let bytes: Buffer;
  switch (enc) {
    case 'utf8':
      bytes = Buffer.from(text, 'utf8');
      break;
    case 'utf8-bom':
      bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      break;
    case 'utf16le-bom':
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      break;
    case 'utf16le':
      bytes = Buffer.from(text, 'utf16le');
      break;
    case 'utf16be-bom':
      bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      break;
    case 'latin1':
      bytes = Buffer.from(text, 'latin1');
      break;
  }
  if (bytes.length === 0 || damage.kind === 'none') return bytes;
  const at = damage.at % bytes.length;
  if (damage.kind === 'truncate') return bytes.subarray(0, at);
  if (damage.kind === 'flipByte') {
    const copy = Buffer.from(bytes);
    copy[at] = damage.byte;
    return copy;
  }
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(damage.text, 'utf8'), bytes.subarray(at)]);
}

/** The same damage on text already decoded (what the importer receives). */
export function damageText(text: string, damage: TextDamage): string {
  if (text.length === 0 || damage.kind === 'none') return text;
  const at = damage.at % text.length;
  if (damage.kind === 'truncate') return text.slice(0, at);
  if (damage.kind === 'flipByte') return text.slice(0, at) + String.fromCharCode(damage.byte) + text.slice(at + 1);
  return text.slice(0, at) + damage.text + text.slice(at);
}

/** Nested brackets as text, deeper than any limit (the parser must refuse, not overflow). */
export const deepText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 120_000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([depth, open, closed]) => {
    const close = open === '[' ? ']' : '}';
    return open.repeat(depth) + (closed ? '1' + close.repeat(depth) : '');
  });
