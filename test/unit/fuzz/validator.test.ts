/**
 * Property-based fuzzing of the scenario validator and the file loader (docs/robustness.md): for
 * generated JSON values and mutations of the bundled scenarios and the real-world Intune exports,
 * nothing throws, no input takes more than 5 s, every rejection names a JSON path, and a scenario
 * the validator accepts runs in the engine. FUZZ_RUNS inputs per target (200 in CI).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runHeadless } from '../../../electron/cli/respond';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { Problem } from '../../../electron/core/scenario/validate';
import { parseScenarioText, validateScenario } from '../../../electron/core/scenario/validate';
import { decodeScenarioBytes } from '../../../electron/core/scenario/decode';
import {
  assertNoPrototypePollution,
  bundledScenarios,
  deepText,
  deepValue,
  encoding,
  fcOptions,
  fileBytes,
  hasRealWorld,
  jsonValue,
  mutatedDocument,
  noteRealWorld,
  realWorldExports,
  Stats,
  TEST_TIMEOUT_MS,
  textDamage,
  withinBudget,
} from './fuzzKit';

noteRealWorld('fuzz/validator.test.ts');

/** A rejection names where: `(root)` or a JSON path, and says what. */
function expectNamedProblems(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(typeof p.path, JSON.stringify(p)).toBe('string');
    expect(p.path.trim().length, JSON.stringify(p)).toBeGreaterThan(0);
    expect(typeof p.message, JSON.stringify(p)).toBe('string');
    expect(p.message.trim().length, JSON.stringify(p)).toBeGreaterThan(0);
  }
}

const documents = fc.oneof(
  { weight: 2, arbitrary: jsonValue.map((value) => ({ from: 'generated', value })) },
  { weight: 1, arbitrary: deepValue.map((value) => ({ from: 'deep', value })) },
  { weight: 5, arbitrary: mutatedDocument(bundledScenarios) },
  ...(hasRealWorld ? [{ weight: 2, arbitrary: mutatedDocument(realWorldExports) }] : []),
);

describe('validateScenario', () => {
  it('never throws, answers within 5 s, and names a path for every problem', { timeout: TEST_TIMEOUT_MS }, () => {
    const stats = new Stats('validateScenario');
    fc.assert(
      fc.property(documents, ({ value }) => {
        const result = stats.time(() => validateScenario(value));
        if (result.ok) {
          expect(typeof result.scenario).toBe('object');
          expect(Array.isArray(result.warnings)).toBe(true);
        } else {
          expectNamedProblems(result.problems);
        }
        assertNoPrototypePollution();
      }),
      fcOptions(),
    );
    stats.report();
  });

  it('a scenario it accepts runs headless without throwing, within 5 s', { timeout: TEST_TIMEOUT_MS }, () => {
    const stats = new Stats('validateScenario → runHeadless');
    let accepted = 0;
    fc.assert(
      fc.property(mutatedDocument(bundledScenarios), ({ value }) => {
        const result = validateScenario(value);
        if (!result.ok) return;
        accepted += 1;
        const ran = stats.time(() => runHeadless(result.scenario));
        expect(ran.ok).toBe(true);
        expect(ran.run.steps.length).toBeGreaterThan(0);
      }),
      fcOptions(),
    );
    stats.report();
    console.log(`fuzz validateScenario → runHeadless: ${accepted} of the mutated scenarios were accepted and ran`);
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('loadScenarioFile (the file loader)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esp-fuzz-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const texts = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(mutatedDocument(bundledScenarios), fc.boolean())
        .map(([d, pretty]) => JSON.stringify(d.value, null, pretty ? 2 : undefined) ?? ''),
    },
    ...(hasRealWorld
      ? [
          { weight: 2, arbitrary: fc.constantFrom(...realWorldExports.map((f) => f.text)) },
          { weight: 2, arbitrary: mutatedDocument(realWorldExports).map((d) => JSON.stringify(d.value) ?? '') },
        ]
      : []),
    { weight: 1, arbitrary: jsonValue.map((v) => JSON.stringify(v) ?? '') },
    { weight: 1, arbitrary: deepText },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );

  it(
    'never throws, answers within 5 s, and an invalid file names a path for every problem',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const stats = new Stats('loadScenarioFile');
      let n = 0;
      await fc.assert(
        fc.asyncProperty(texts, encoding, textDamage, async (text, enc, damage) => {
          const file = join(dir, `input-${n++}.json`);
          const bytes = fileBytes(text, enc, damage);
          writeFileSync(file, bytes);
          // The loader's synchronous steps first, where a hang can be interrupted and the input shrunk.
          withinBudget(() => parseScenarioText(decodeScenarioBytes(bytes)));
          const loaded = await stats.timeAsync(file, () => loadScenarioFile(file));
          rmSync(file);
          expect(['valid', 'invalid', 'unreadable']).toContain(loaded.kind);
          if (loaded.kind === 'invalid') expectNamedProblems(loaded.problems);
          if (loaded.kind === 'unreadable') expect(loaded.message.length).toBeGreaterThan(0);
          assertNoPrototypePollution();
        }),
        fcOptions(),
      );
      stats.report();
    },
  );
});
