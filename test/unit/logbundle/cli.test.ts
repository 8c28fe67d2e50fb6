/** `esp-sim collect-logs <file> --out <dir>` (scenario-and-cli.md §2). */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { zipNames, zipText } from './zipReader';

const root = join(import.meta.dirname, '..', '..', '..');
const teamsFails = join(root, 'test', 'e2e', 'scenarios', 'teams-fails.json');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esp-cli-logs-'));
  dirs.push(dir);
  return dir;
}

describe('esp-sim collect-logs', () => {
  it('writes the bundle of the run into --out, prints its path, exit 0', async () => {
    const dir = folder();
    const result = await cli('collect-logs', teamsFails, '--out', dir);
    expect(result).toMatchObject({ code: 0, out: `${join(dir, 'MDMDiagReport.zip')}\n` });
    expect(zipNames(join(dir, 'MDMDiagReport.zip'))).toContain('IntuneManagementExtension.log');
    // The run stops at the error screen: the bundle shows the failure.
    const readme = zipText(join(dir, 'MDMDiagReport.zip'), 'readme.txt');
    expect(readme).toMatch(/Failed app: +Microsoft Teams \(teams\) in Device setup: exit code 1603/);
  });

  it('never overwrites: the second time exits 1 with the Windows code and why', async () => {
    const dir = folder();
    await cli('collect-logs', teamsFails, '--out', dir);
    const again = await cli('collect-logs', teamsFails, '--out', dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^esp-sim collect-logs: 0x80070050 A file named MDMDiagReport\.zip already exists/);
    expect(readdirSync(dir)).toEqual(['MDMDiagReport.zip']);
  });

  it('answers the error screen with --respond before collecting', async () => {
    const dir = folder();
    expect((await cli('collect-logs', teamsFails, '--out', dir, '--respond', 'tryAgain')).code).toBe(0);
    const timeline = JSON.parse(zipText(join(dir, 'MDMDiagReport.zip'), 'timeline.json')) as {
      type: string;
      action?: string;
    }[];
    expect(timeline.some((e) => e.type === 'userAction' && e.action === 'tryAgain')).toBe(true);
  });

  it('a missing folder exits 1 with 0x81036503', async () => {
    const result = await cli('collect-logs', teamsFails, '--out', join(folder(), 'missing'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('0x81036503 No removable drive or folder was found');
  });

  it('without --out it is a usage error (exit 2)', async () => {
    const result = await cli('collect-logs', teamsFails);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--out <folder> is required');
  });
});
