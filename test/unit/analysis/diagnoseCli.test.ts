/**
 * `esp-sim diagnose`: the bundle the collector writes (MDMDiagReport.zip, AutopilotWhiteGloveLogs.zip)
 * read back from disk, the JSON contract, the text for people, and a clear one-line message with
 * exit 1 — never a stack trace — for a file it cannot read.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/commands';
import { runHeadless } from '../../../electron/cli/respond';
import { collectLogBundle } from '../../../electron/core/logbundle/collect';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { UserAction } from '../../../shared/actions';
import { readZip } from '../logbundle/zipReader';
import { expectEvidenceInFiles } from './evidence';

const scenarios = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');
const work = mkdtempSync(join(tmpdir(), 'esp-diagnose-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Runs a bundled scenario and writes its bundle with the real collector; returns the archive's path. */
async function collect(name: string, responses: UserAction[] = []): Promise<string> {
  const loaded = await loadScenarioFile(join(scenarios, name));
  if (loaded.kind !== 'valid') throw new Error(name);
  const run = runHeadless(loaded.scenario, responses).run;
  const destination = join(work, `${name}-${responses.join('-')}`);
  mkdirSync(destination);
  const { path } = await collectLogBundle({
    scenario: loaded.scenario,
    run,
    t: run.endT,
    destination,
    appLogPath: null,
  });
  return path;
}

function expectOneLineError(result: { code: number; out: string; err: string }, pattern: RegExp) {
  expect(result.code).toBe(1);
  expect(result.out).toBe('');
  expect(result.err).toMatch(pattern);
  expect(result.err.trim().split('\n')).toHaveLength(1);
  expect(result.err).not.toMatch(/\n\s+at /);
}

describe('esp-sim diagnose --json on bundles the collector wrote', () => {
  it('MDMDiagReport.zip of a failed app: the documented keys, the cause, and lines that are in the archive', async () => {
    const path = await collect('user-driven-app-fails.json');
    expect(path.endsWith('MDMDiagReport.zip')).toBe(true);
    const { code, out, err } = await cli('diagnose', path, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const d = JSON.parse(out);
    expect(Object.keys(d)).toEqual(['outcome', 'phase', 'cause', 'summary', 'evidence', 'steps', 'notes']);
    expect(Object.keys(d.cause)).toEqual(['kind', 'appId', 'code']);
    expect(d).toMatchObject({
      outcome: 'failed',
      phase: 'deviceSetup',
      cause: { kind: 'appInstallFailed', appId: 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02', code: '1603' },
    });
    for (const e of d.evidence) expect(Object.keys(e)).toEqual(['file', 'line', 'text']);
    // Checked against the archive as an independent reader unpacks it.
    const files = readZip(path).entries.map((e) => ({ name: e.name, content: new Uint8Array(e.data) }));
    expectEvidenceInFiles(d, files);
    expect(d.steps.join(' ')).toMatch(/detection rule/);
  });

  it('AutopilotWhiteGloveLogs.zip of the technician flow', async () => {
    const path = await collect('pre-provisioning-app-failure.json');
    expect(path.endsWith('AutopilotWhiteGloveLogs.zip')).toBe(true);
    const d = JSON.parse((await cli('diagnose', path, '--json')).out);
    expect(d.cause).toEqual({ kind: 'appInstallFailed', appId: 'c3a1f7e2-0b4d-4c6e-9f81-2a3b4c5d6e02', code: '1603' });
  });

  it('the same bundle always gives the same JSON', async () => {
    const path = await collect('msi-win32-1618-conflict.json');
    const first = await cli('diagnose', path, '--json');
    expect((await cli('diagnose', path, '--json')).out).toBe(first.out);
    expect(JSON.parse(first.out).cause).toMatchObject({ kind: 'msiWin32Conflict', code: '1618' });
    expect(JSON.parse(first.out).steps.join(' ')).toMatch(/Win32 app/);
  });
});

describe('esp-sim diagnose, text for people', () => {
  it('says how it ended, what happened, the evidence and what to do', async () => {
    const path = await collect('identifying-unlicensed-user.json');
    const { code, out } = await cli('diagnose', path);
    expect(code).toBe(0);
    expect(out).toMatch(/^Outcome: Timed out \(Account setup\)\n/);
    expect(out).toMatch(/What happened: Account setup never got past Identifying/);
    expect(out).toMatch(/\nEvidence:\n {2}microsoft-windows-shell-core-operational\.txt, line \d+:\n/);
    expect(out).toMatch(/\nWhat to do:\n {2}1\. .*licence/);
  });

  it('a bundle where nothing went wrong', async () => {
    const { code, out } = await cli('diagnose', await collect('default.json'));
    expect(code).toBe(0);
    expect(out).toMatch(/^Outcome: Succeeded\n/);
    expect(out).toMatch(/Cause: none\n/);
  });
});

describe('esp-sim diagnose: files it cannot read', () => {
  it('not a ZIP archive: one line, exit 1', async () => {
    const file = join(work, 'notes.zip');
    writeFileSync(file, 'these are not the logs you are looking for\n');
    expectOneLineError(await cli('diagnose', file), /^esp-sim diagnose: .*notes\.zip: this is not a ZIP archive/);
  });

  it('a CAB: says to expand it first', async () => {
    const file = join(work, 'MDMDiagReport.cab');
    writeFileSync(file, Buffer.concat([Buffer.from('MSCF'), Buffer.alloc(60)]));
    expectOneLineError(await cli('diagnose', file), /CAB archive, not a ZIP: expand it first/);
  });

  it('a ZIP without any of the files it reads', async () => {
    const file = join(work, 'holiday.zip');
    writeFileSync(file, zipSync({ 'photo.txt': new TextEncoder().encode('sunny') }));
    expectOneLineError(await cli('diagnose', file), /holds none of the files diagnose reads/);
  });

  it('a damaged ZIP', async () => {
    const good = zipSync({ 'AppWorkload.log': new TextEncoder().encode('x'.repeat(5000)) });
    const file = join(work, 'damaged.zip');
    writeFileSync(file, good.subarray(0, good.length - 30));
    expectOneLineError(await cli('diagnose', file), /^esp-sim diagnose: .*damaged\.zip: /);
  });

  it('a missing file or a folder', async () => {
    expectOneLineError(
      await cli('diagnose', join(work, 'nowhere.zip')),
      /cannot read .*nowhere\.zip: no such file \(ENOENT\)/,
    );
    expectOneLineError(await cli('diagnose', work), /cannot read .*: it is a folder \(EISDIR\)/);
  });

  it('binary event logs are named in the notes, not refused', async () => {
    const file = join(work, 'real-device.zip');
    writeFileSync(
      file,
      zipSync({
        'MDMDiag/microsoft-windows-devicemanagement-enterprise-diagnostics-provider-admin.evtx': new Uint8Array([
          0x45, 0x6c, 0x66, 0x46,
        ]),
        'MDMDiag/MdmDiagReport_RegistryDump.reg': new TextEncoder().encode('Windows Registry Editor Version 5.00\r\n'),
      }),
    );
    const { code, out } = await cli('diagnose', file, '--json');
    expect(code).toBe(0);
    const d = JSON.parse(out);
    expect(d.outcome).toBe('unknown');
    expect(d.notes.join('\n')).toMatch(/provider-admin\.evtx is a binary event log/);
  });

  it('a command line it cannot understand exits 2 with the usage', async () => {
    for (const argv of [['diagnose'], ['diagnose', 'a.zip', 'b.zip'], ['diagnose', 'a.zip', '--csv']]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toContain('usage:');
    }
  });
});
