/**
 * The log bundle's MDMDiagHtmlReport.html, as `esp-sim collect-logs` (out/node/cli.mjs) writes it,
 * opens in Chromium without a console error, and scenario text in it stays text.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'out', 'node', 'cli.mjs');

/**
 * One entry of a ZIP archive, read from the format description (APPNOTE.TXT §4.3): the end of
 * central directory record, the central directory entry, the local header; inflated and CRC-checked.
 * (test/unit/logbundle/zipReader.ts is the full reader; this project cannot import across tsconfigs.)
 */
function zipEntry(file: string, wanted: string): Buffer {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && !(zip.readUInt32LE(end) === 0x06054b50 && end + 22 + zip.readUInt16LE(end + 20) === zip.length))
    end--;
  if (end < 0) throw new Error(`${file}: no end of central directory record`);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const [method, crc, packed, size] = [
      zip.readUInt16LE(at + 10),
      zip.readUInt32LE(at + 16),
      zip.readUInt32LE(at + 20),
      zip.readUInt32LE(at + 24),
    ];
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (name !== wanted) continue;
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${file}: no local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + packed);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!data || data.length !== size || crc32(data) !== crc) throw new Error(`${file}: ${name} is damaged`);
    return data;
  }
  throw new Error(`${file}: no ${wanted} inside`);
}

/** Runs collect-logs on a scenario file and extracts the HTML report next to the archive. */
function reportFor(scenarioFile: string, dir: string): string {
  execFileSync(process.execPath, [cli, 'collect-logs', scenarioFile, '--out', dir], { cwd: root });
  const html = zipEntry(join(dir, 'MDMDiagReport.zip'), 'MDMDiagHtmlReport.html');
  const file = join(dir, 'MDMDiagHtmlReport.html');
  writeFileSync(file, html);
  return file;
}

function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`requestfailed: ${request.url()}`));
  return errors;
}

let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'esp-e2e-logs-'));
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('MDMDiagHtmlReport.html of a failed run opens in Chromium without console errors', async ({ page }) => {
  const file = reportFor(join(root, 'test', 'e2e', 'scenarios', 'teams-fails.json'), dir);
  const errors = recordErrors(page);
  await page.goto(pathToFileURL(file).href);
  await expect(page).toHaveTitle('MDM Diagnostic Report');
  for (const heading of ['Device info', 'Connection info', 'Enrollment Status Page settings', 'Managed policies']) {
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /Microsoft Teams .* Error 1603/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('markup in scenario text is shown as text, not run', async ({ page }) => {
  const scenario = JSON.parse(readFileSync(join(root, 'resources', 'scenarios', 'default.json'), 'utf8'));
  const hostile = `<img src=x onerror="console.error('injected')"><script>console.error('injected')</script>`;
  scenario.name = hostile;
  scenario.tenant.enrollmentStatusPageProfiles[1].displayName = hostile;
  const scenarioFile = join(dir, 'hostile.json');
  writeFileSync(scenarioFile, JSON.stringify(scenario));
  const file = reportFor(scenarioFile, dir);
  const errors = recordErrors(page);
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('cell', { name: hostile }).first()).toBeVisible();
  expect(await page.locator('img, script').count()).toBe(0);
  expect(errors).toEqual([]);
});
