/**
 * Property-based fuzzing of the Graph importer (`esp-sim import`, docs/robustness.md): for sets of
 * files made of generated JSON, mutations of the real-world Intune exports and of the bundled
 * scenarios, broken text and deep nesting, importGraphExports never throws, answers within 5 s, says
 * for every part it could not map which file it came from, and returns a scenario that validates (or
 * lists each problem with its path). FUZZ_RUNS inputs (200 in CI). Each file may also be damaged as
 * text: cut short, a character changed, a comment, quote or bracket inserted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphExportFile } from '../../../electron/core/scenario/graphImport';
import { importGraphExports } from '../../../electron/core/scenario/graphImport';
import { formatProblem, validateScenario } from '../../../electron/core/scenario/validate';
import {
  assertNoPrototypePollution,
  bundledScenarios,
  damageText,
  deepText,
  fcOptions,
  hasRealWorld,
  jsonValue,
  mutatedDocument,
  noteRealWorld,
  realWorldExports,
  Stats,
  TEST_TIMEOUT_MS,
  textDamage,
} from './fuzzKit';

noteRealWorld('fuzz/importer.test.ts');

const stringified = (value: unknown, pretty: boolean): string =>
  JSON.stringify(value, null, pretty ? 2 : undefined) ?? '';

const text = fc.oneof(
  ...(hasRealWorld
    ? [
        { weight: 4, arbitrary: fc.constantFrom(...realWorldExports.map((f) => f.text)) },
        {
          weight: 6,
          arbitrary: fc
            .tuple(mutatedDocument(realWorldExports), fc.boolean())
            .map(([d, pretty]) => stringified(d.value, pretty)),
        },
      ]
    : []),
  { weight: 2, arbitrary: mutatedDocument(bundledScenarios).map((d) => stringified(d.value, false)) },
  { weight: 2, arbitrary: jsonValue.map((v) => stringified(v, false)) },
  // A Graph list response ({"value": [...]}) of generated objects, as `Invoke-MgGraphRequest` writes it.
  { weight: 2, arbitrary: fc.array(jsonValue, { maxLength: 4 }).map((value) => stringified({ value }, true)) },
  { weight: 1, arbitrary: deepText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

const files: fc.Arbitrary<GraphExportFile[]> = fc
  .array(fc.tuple(text, textDamage), { minLength: 1, maxLength: 4 })
  .map((texts) => texts.map(([t, damage], i) => ({ name: `export-${i + 1}.json`, text: damageText(t, damage) })));

describe('importGraphExports', () => {
  it(
    'never throws, answers within 5 s, names the file of every unmapped part, and returns a valid scenario or the problems with their paths',
    { timeout: TEST_TIMEOUT_MS },
    () => {
      const stats = new Stats('importGraphExports');
      let safetyNet = 0;
      let mappedSome = 0;
      fc.assert(
        fc.property(files, (input) => {
          const result = stats.time(() => importGraphExports(input));
          expect(Array.isArray(result.mapped)).toBe(true);
          expect(Array.isArray(result.unmapped)).toBe(true);
          if (result.mapped.length > 0) mappedSome += 1;
          const names = input.map((f) => `${f.name}: `);
          for (const line of result.unmapped) {
            const named = names.some((n) => line.startsWith(n)) || line.startsWith('imported scenario: ');
            expect(named, `unmapped line names no file: ${line}`).toBe(true);
          }
          const check = validateScenario(result.scenario);
          if (!check.ok) {
            // The importer's safety net: what it could not make valid is listed, path first, never written silently.
            safetyNet += 1;
            for (const p of check.problems)
              expect(result.unmapped).toContain(`imported scenario: ${formatProblem(p)} — fix by hand`);
          }
          assertNoPrototypePollution();
        }),
        fcOptions(),
      );
      stats.report();
      console.log(
        `fuzz importGraphExports: ${mappedSome} inputs mapped at least one object; ` +
          `${safetyNet} imported scenario(s) needed the safety net (invalid, listed)`,
      );
    },
  );
});
