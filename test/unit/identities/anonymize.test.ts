/**
 * Screenshot-safe identities (--safe-names): with the switch on, none of a scenario's real names is in the
 * snapshot or in any file of the log bundle; the generated names are the same on the screens and in every file;
 * the same seed gives the same names.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymizeScenario, realNames } from '../../../electron/core/identities/anonymize';
import { bundleFiles } from '../../../electron/core/logbundle/bundle';
import { loadScenarioFile } from '../../../electron/core/scenario/load';
import type { Scenario } from '../../../electron/core/scenario/model';
import { Session } from '../../../electron/core/session/session';
import { ManualClock } from '../helpers/manualClock';

const scenariosDir = join(import.meta.dirname, '..', '..', '..', 'resources', 'scenarios');
/** Every bundled scenario. */
const FILES = readdirSync(scenariosDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

async function load(file: string): Promise<Scenario> {
  const loaded = await loadScenarioFile(join(scenariosDir, file));
  if (loaded.kind !== 'valid') throw new Error(`${file} does not load`);
  return loaded.scenario;
}

/** A file's text: UTF-16LE when it starts with its BOM (regedit, wevtutil), UTF-8 otherwise. */
function textOf(content: string | Uint8Array): string {
  if (typeof content === 'string') return content;
  const bytes = Buffer.from(content);
  return bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : bytes.toString('utf8');
}

/** The session with the switch on, run to its end: what the screens show and what the bundle holds. */
function safeRun(scenario: Scenario) {
  const clock = new ManualClock();
  const session = new Session({ scenario, clock, speed: 600, safeNames: true, autoStart: true });
  clock.advance(session.run.endT * 1000);
  const t = session.elapsedSeconds();
  return {
    session,
    snapshot: JSON.stringify(session.snapshot()),
    files: bundleFiles(session.scenario, session.run, t),
  };
}

describe('anonymizeScenario and --safe-names', () => {
  for (const file of FILES) {
    it(`${file}: no real name in the snapshot or any bundle file`, async () => {
      const real = await load(file);
      const { snapshot, files, session } = safeRun(real);
      const names = realNames(real);
      expect(names.length).toBeGreaterThan(1);
      // The check can fail: without the switch the bundle holds the real names (the serial, the tenant id).
      const plain = new Session({ scenario: real, clock: new ManualClock(), autoStart: true });
      const plainText = bundleFiles(real, plain.run, plain.run.endT)
        .map((f) => textOf(f.content))
        .join('\n');
      expect(plainText).toContain(real.device.serialNumber);
      expect(plainText.toLowerCase()).toContain(real.tenant.id.toLowerCase());
      for (const name of names) {
        const needle = name.toLowerCase();
        expect(snapshot.toLowerCase().includes(needle), `snapshot holds "${name}"`).toBe(false);
        for (const f of files) {
          expect(f.name.toLowerCase().includes(needle), `${f.name} is named after "${name}"`).toBe(false);
          expect(textOf(f.content).toLowerCase().includes(needle), `${f.name} holds "${name}"`).toBe(false);
        }
      }
      expect(session.scenario.name).not.toBe('');
    });
  }

  it('shows the same generated names on the screens and in every bundle file', async () => {
    const real = await load('default.json');
    const { session, files } = safeRun(real);
    const fake = session.scenario;
    expect(fake.users[0]!.userPrincipalName).toMatch(/^user1@[a-z]+\.example$/);
    expect(fake.device.serialNumber).toMatch(/^[A-Z]{3}-[0-9A-F]{8}$/);
    const byName = new Map(files.map((f) => [f.name, textOf(f.content)]));
    expect([...byName.keys()]).toContain(`DeviceHash_${fake.device.serialNumber}.csv`);
    const scenarioJson = JSON.parse(byName.get('scenario.json')!) as Scenario;
    expect(scenarioJson.tenant.displayName).toBe(fake.tenant.displayName);
    expect(scenarioJson.users[0]!.userPrincipalName).toBe(fake.users[0]!.userPrincipalName);
    // The tenant id and the serial the device files print are the generated ones.
    const deviceFiles = files.filter((f) => !['scenario.json', 'timeline.json', 'readme.txt'].includes(f.name));
    const all = deviceFiles.map((f) => textOf(f.content)).join('\n');
    expect(all).toContain(fake.device.serialNumber);
    expect(all).toContain(fake.tenant.id);
    expect(all).toContain(fake.users[0]!.userPrincipalName);
  });

  it('gives the same names for the same seed, and others for another seed', async () => {
    const real = await load('default.json');
    const a = anonymizeScenario(real, real.seed);
    const b = anonymizeScenario(structuredClone(real), real.seed);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = anonymizeScenario(real, real.seed + 1);
    expect(c.tenant.id).not.toBe(a.tenant.id);
    expect(c.device.serialNumber).not.toBe(a.device.serialNumber);
  });

  it('keeps references intact: the anonymized run ends as the real one does', async () => {
    for (const file of FILES) {
      const real = await load(file);
      const clock = new ManualClock();
      const plain = new Session({ scenario: real, clock, autoStart: true });
      const safe = new Session({ scenario: real, clock, autoStart: true, safeNames: true });
      expect(safe.run.endT).toBe(plain.run.endT);
      expect(safe.run.steps.length).toBe(plain.run.steps.length);
      expect(safe.run.waitingForUser).toBe(plain.run.waitingForUser);
      expect(safe.run.espEndedAt).toBe(plain.run.espEndedAt);
      expect(safe.run.deferredAppIds.length).toBe(plain.run.deferredAppIds.length);
    }
  });
});

describe('esp-sim run|collect-logs --safe-names', () => {
  it('prints and writes only the generated names', async () => {
    const { runCli } = await import('../../../electron/cli/commands');
    const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { readZip } = await import('../logbundle/zipReader');
    const file = join(scenariosDir, 'user-driven-app-fails.json');
    const real = await load('user-driven-app-fails.json');
    let out = '';
    const io = { out: (t: string) => (out += t), err: () => undefined };
    expect(await runCli(['run', file, '--json', '--safe-names'], io)).toBe(0);
    for (const name of realNames(real)) expect(out.toLowerCase()).not.toContain(name.toLowerCase());
    const folder = mkdtempSync(join(tmpdir(), 'esp-safe-names-'));
    try {
      expect(await runCli(['collect-logs', file, '--out', folder, '--safe-names'], io)).toBe(0);
      const [zip] = readdirSync(folder);
      const { entries } = readZip(readFileSync(join(folder, zip!)));
      expect(entries.length).toBeGreaterThan(5);
      for (const entry of entries) {
        const text = textOf(entry.data).toLowerCase() + entry.name.toLowerCase();
        for (const name of realNames(real)) expect(text, `${entry.name}`).not.toContain(name.toLowerCase());
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
