#!/usr/bin/env node
/**
 * CI's Electron security scan: runs @doyensec/electronegativity over the app's own sources
 * (electron/ and renderer/: not node_modules, not the build in out/), reads its SARIF report, prints
 * every finding, and exits 1 when any finding is above "note" (electronegativity itself always exits
 * 0). SARIF levels: HIGH and MEDIUM findings are "warning", LOW, INFORMATIONAL and "review" ones are
 * "note". Each note the scan gives today is explained in docs/robustness.md.
 *
 *   node scripts/electronegativity.mjs              # the project's sources
 *   node scripts/electronegativity.mjs --input dir  # another folder (to see the gate fail)
 *
 * The sources are copied into a temporary folder first, so the scan sees electron/ and renderer/
 * together (its global checks — navigation limits, permission handler, CSP — look across all files)
 * and nothing else. It tries to download translations and Electron's release list; without a
 * network both fail, it says so, and the scan goes on.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const SOURCES = ['electron', 'renderer'];
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.html', '.htm']);
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'dist']);
/** At or below this SARIF level a finding is printed but does not fail the scan. */
const PASSING_LEVELS = new Set(['note', 'none']);
const TIMEOUT_MS = 5 * 60 * 1000;

const { values } = parseArgs({ options: { input: { type: 'string' } } });

/** The Electron version the app is built with, so the scan judges Electron 45's defaults, not 0.1's. */
function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /\d+\.\d+\.\d+/.exec(declared ?? '')?.[0];
  if (!version) throw new Error('package.json names no electron version');
  return version;
}

/** Copies the sources to scan into `dir`; returns how many files. */
function copySources(dir) {
  let count = 0;
  for (const folder of SOURCES) {
    cpSync(join(root, folder), join(dir, folder), {
      recursive: true,
      filter: (source) => {
        const name = basename(source);
        if (statSync(source).isDirectory()) return !SKIPPED_FOLDERS.has(name);
        if (!SOURCE_EXTENSIONS.has(extname(name))) return false;
        count += 1;
        return true;
      },
    });
  }
  return count;
}

function runElectronegativity(input, sarif) {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@doyensec/electronegativity/package.json');
  const bin = join(pkgPath, '..', JSON.parse(readFileSync(pkgPath, 'utf8')).bin.electronegativity);
  const args = [bin, '-i', input, '-r', '-v', 'false', '-e', electronVersion(), '-o', sarif];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT_MS });
    const echo = (chunk) => {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) console.log(`  electronegativity: ${line.trimEnd()}`);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal }));
  });
}

function describe(result) {
  const location = result.locations?.[0]?.physicalLocation;
  const file = location?.artifactLocation?.uri ?? '(no file)';
  const region = location?.region;
  const where = region ? `${file}:${region.startLine ?? 0}:${region.startColumn ?? 0}` : file;
  return `${String(result.level ?? 'unknown').padEnd(7)} ${result.ruleId ?? '(no rule)'}  ${where}  ${result.message?.text ?? ''}`;
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'esp-electronegativity-'));
  try {
    let input;
    let what;
    if (values.input) {
      input = resolve(values.input);
      what = input;
    } else {
      input = join(work, 'scan');
      const files = copySources(input);
      what = `${files} source files in ${SOURCES.map((s) => `${s}/`).join(', ')}`;
    }
    const sarifPath = join(work, 'electronegativity.sarif');
    console.log(`electronegativity: scanning ${what} (Electron ${electronVersion()})`);
    const { code, signal } = await runElectronegativity(input, sarifPath);
    if (signal || code !== 0) throw new Error(`electronegativity stopped (${signal ?? `exit ${code}`})`);
    if (!existsSync(sarifPath)) throw new Error('electronegativity wrote no SARIF report');
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    if (!Array.isArray(sarif.runs)) throw new Error('the SARIF report has no runs');
    const results = sarif.runs.flatMap((run) => run.results ?? []);
    for (const result of results) console.log(`  ${describe(result)}`);
    const failing = results.filter((r) => !PASSING_LEVELS.has(r.level));
    console.log(
      `electronegativity: ${results.length} finding${results.length === 1 ? '' : 's'}, ` +
        `${failing.length} above "note"${failing.length > 0 ? ': failing' : ''}`,
    );
    return failing.length > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
