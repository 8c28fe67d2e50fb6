import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../electron/core/scenario/load';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'esp-sim-load-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const minimal = { schemaVersion: 1, name: 'Loaded', deployment: { mode: 'selfDeploying' } };

describe('opening a scenario file', () => {
  it('loads a UTF-16LE file with a BOM, as Windows PowerShell saves it', async () => {
    const file = path.join(dir, 'utf16.json');
    const body = Buffer.from(JSON.stringify(minimal, null, 2), 'utf16le');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    const result = await loadScenarioFile(file);
    expect(result.kind).toBe('valid');
    if (result.kind === 'valid') {
      expect(result.scenario.name).toBe('Loaded');
      expect(result.scenario.deployment.mode).toBe('selfDeploying');
    }
  });

  it('says a missing file is unreadable, naming the path and the reason', async () => {
    const file = path.join(dir, 'nope.json');
    const result = await loadScenarioFile(file);
    expect(result).toEqual({ kind: 'unreadable', message: expect.stringContaining(file) });
    if (result.kind === 'unreadable') expect(result.message).toMatch(/no such file.*ENOENT/);
  });

  it('says a folder given as the scenario is unreadable', async () => {
    const result = await loadScenarioFile(dir);
    expect(result.kind).toBe('unreadable');
    if (result.kind === 'unreadable') expect(result.message).toContain(dir);
  });

  it('returns the problems of a file that is readable but invalid', async () => {
    const file = path.join(dir, 'invalid.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 1, deployment: { mode: 'whiteGlove' } }));
    const result = await loadScenarioFile(file);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.problems.map((p) => p.path)).toEqual(['deployment.mode']);
  });

  it('reports a JSON syntax error in a file with its line and column', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{\n  "schemaVersion": 1\n  "name": "x"\n}\n');
    const result = await loadScenarioFile(file);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.problems[0]?.message).toContain('line 3, column 3');
  });
});
