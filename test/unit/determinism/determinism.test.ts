/**
 * Determinism (docs/robustness.md): every bundled scenario, run with its natural responses (none),
 * gives the same `esp-sim run --json` report and byte-identical log bundles (every file of
 * bundleFiles, and the MDMDiagReport.zip / AutopilotWhiteGloveLogs.zip collectLogBundle writes) on
 * every run. Runs differ in all the world lets them: the wall clock (Date), Math.random and the host's
 * time zone; the scenario is read from disk afresh each time.
 * SOAK_RUNS runs per scenario (5 in CI; `npm run fuzz` runs 100).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { runReport } from '../../../electron/cli/report';
import { runHeadless } from '../../../electron/cli/respond';
import { bundleFiles } from '../../../electron/core/logbundle/bundle';
import { collectLogBundle } from '../../../electron/core/logbundle/collect';
import { loadScenarioFile } from '../../../electron/core/scenario/load';

const root = join(import.meta.dirname, '..', '..', '..');
const scenariosDir = join(root, 'resources', 'scenarios');
const scenarioFiles = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const RUNS = Number.parseInt(process.env['SOAK_RUNS'] ?? '', 10) > 0 ? Number(process.env['SOAK_RUNS']) : 5;
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/Berlin'];
const WALL_CLOCKS = [
  '2024-02-29T23:59:59.999Z',
  '2031-07-01T12:00:00Z',
  '1999-12-31T23:00:00Z',
  '2026-11-26T08:30:00Z',
];

const originalTz = process.env['TZ'];
const work = mkdtempSync(join(tmpdir(), 'esp-determinism-'));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  if (originalTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = originalTz;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run `i` of a scenario lives in its own world: another clock, another random sequence, another zone. */
function enterWorld(i: number): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(WALL_CLOCKS[i % WALL_CLOCKS.length]!));
  let state = (i + 1) * 0x9e3779b9;
  vi.spyOn(Math, 'random').mockImplementation(() => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  });
  process.env['TZ'] = ZONES[i % ZONES.length]!;
}

interface Outcome {
  json: string;
  files: { name: string; bytes: Buffer }[];
  zip: Buffer;
}

async function runOnce(file: string, i: number): Promise<Outcome> {
  enterWorld(i);
  const loaded = await loadScenarioFile(join(scenariosDir, file));
  if (loaded.kind !== 'valid') throw new Error(`${file} does not load: ${JSON.stringify(loaded)}`);
  const result = runHeadless(loaded.scenario, []);
  if (!result.ok) throw new Error(result.error);
  const { run } = result;
  const json = JSON.stringify(runReport(loaded.scenario, run), null, 2) + '\n';
  const files = bundleFiles(loaded.scenario, run, run.endT).map((f) => ({
    name: f.name,
    bytes: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content),
  }));
  const destination = mkdtempSync(join(work, `${file}-${i}-`));
  const written = await collectLogBundle({
    scenario: loaded.scenario,
    run,
    t: run.endT,
    destination,
    appLogPath: null,
  });
  const zip = readFileSync(written.path);
  rmSync(destination, { recursive: true, force: true });
  vi.useRealTimers();
  vi.restoreAllMocks();
  return { json, files, zip };
}

/** Where two byte strings first differ, for a failure a person can follow. */
function firstDifference(a: Buffer, b: Buffer): string {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return `byte ${k} (${a.length} vs ${b.length} bytes)`;
  return a.length === b.length ? 'none' : `length (${a.length} vs ${b.length} bytes)`;
}

describe(`every bundled scenario, ${RUNS} runs each`, () => {
  it.each(scenarioFiles)(
    '%s: one run --json report and byte-identical log bundles',
    { timeout: 30_000 + RUNS * 3_000 },
    async (file) => {
      const first = await runOnce(file, 0);
      // The report is what `esp-sim run --json` prints, to the byte.
      let printed = '';
      const code = await runCli(['run', join(scenariosDir, file), '--json'], {
        out: (text) => (printed += text),
        err: () => undefined,
      });
      expect(code).toBe(0);
      expect(printed).toBe(first.json);

      for (let i = 1; i < RUNS; i++) {
        const again = await runOnce(file, i);
        expect(again.json, `run ${i}: the report differs`).toBe(first.json);
        expect(again.files.map((f) => f.name)).toEqual(first.files.map((f) => f.name));
        for (const [k, f] of again.files.entries()) {
          const same = f.bytes.equals(first.files[k]!.bytes);
          expect(same, `run ${i}: ${f.name} differs at ${firstDifference(first.files[k]!.bytes, f.bytes)}`).toBe(true);
        }
        expect(
          again.zip.equals(first.zip),
          `run ${i}: the zip differs at ${firstDifference(first.zip, again.zip)}`,
        ).toBe(true);
      }
    },
  );
});
