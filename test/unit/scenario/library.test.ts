/**
 * The scenario library behind the operator console (electron/core/scenario/library.ts): bundled scenarios are
 * read-only and listed by name, every save validates first and replaces atomically, drafts survive a restart,
 * unreadable files are set aside and never deleted, and entries are named by id, never by path.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/core/logging/logger';
import {
  defaultLibraryFolder,
  newScenarioDocument,
  ScenarioLibrary,
  slugOf,
} from '../../../electron/core/scenario/library';

const root = join(import.meta.dirname, '..', '..', '..');
const bundledFolder = join(root, 'resources', 'scenarios');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function library(folder = mkdtempSync(join(tmpdir(), 'esp-library-'))): ScenarioLibrary {
  dirs.push(folder);
  return new ScenarioLibrary({ folder, bundledFolder, logger: silentLogger });
}

describe('the bundled scenarios', () => {
  it('are all listed, by their names, read-only', async () => {
    const { entries } = await library().list();
    const bundled = entries.filter((e) => e.kind === 'bundled');
    const files = readdirSync(bundledFolder).filter((f) => f.endsWith('.json'));
    expect(bundled.map((e) => e.fileName).sort()).toEqual(files.sort());
    for (const file of files) {
      const name = (JSON.parse(readFileSync(join(bundledFolder, file), 'utf8')) as { name: string }).name;
      expect(bundled.find((e) => e.fileName === file)).toMatchObject({ name, readOnly: true, problems: [] });
    }
  });

  it('cannot be saved over, renamed, deleted or given a draft; "Duplicate to edit" makes an editable copy', async () => {
    const lib = library();
    const before = readFileSync(join(bundledFolder, 'default.json'));
    const document = newScenarioDocument('x');
    for (const result of [
      await lib.save('bundled:default', document),
      await lib.rename('bundled:default', 'Renamed'),
      await lib.remove('bundled:default'),
      await lib.writeDraft('bundled:default', document),
    ]) {
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining('read-only') });
    }
    expect(readFileSync(join(bundledFolder, 'default.json'))).toEqual(before);
    const copy = await lib.duplicate('bundled:default', 'My default');
    expect(copy).toMatchObject({ ok: true, value: { id: 'user:my-default', kind: 'user', readOnly: false } });
  });
});

describe('saving', () => {
  it('refuses an invalid scenario and leaves the valid file exactly as it was', async () => {
    const lib = library();
    const created = await lib.create('Pilot');
    if (!created.ok) throw new Error(created.error);
    const path = join(lib.folder, 'pilot.json');
    const before = readFileSync(path);
    const broken = { ...newScenarioDocument('Pilot'), deployment: { mode: 'nonsense' } };
    const saved = await lib.save(created.value.id, broken);
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.problems).toEqual([expect.stringContaining('deployment.mode')]);
    expect(readFileSync(path)).toEqual(before);
  });

  it('replaces the file atomically (no temporary file left) and drops the draft', async () => {
    const lib = library();
    const created = await lib.create('Pilot');
    if (!created.ok) throw new Error(created.error);
    const edited = { ...newScenarioDocument('Pilot'), description: 'edited' };
    await lib.writeDraft(created.value.id, edited);
    const saved = await lib.save(created.value.id, edited);
    expect(saved).toMatchObject({ ok: true, value: { description: 'edited', draftSavedAt: null } });
    expect(readdirSync(lib.folder)).toEqual(['pilot.json']);
  });

  it('never writes over another file when creating: the name gets a number', async () => {
    const lib = library();
    const a = await lib.create('Pilot');
    const b = await lib.create('Pilot');
    expect(a.ok && a.value.id).toBe('user:pilot');
    expect(b.ok && b.value.id).toBe('user:pilot-2');
  });
});

describe('drafts', () => {
  it('survive a restart (a new library on the same folder) and are offered with the file', async () => {
    const first = library();
    const created = await first.create('Pilot');
    if (!created.ok) throw new Error(created.error);
    // Unsaved edits may be invalid: they are kept all the same.
    const unsaved = { ...newScenarioDocument('Pilot'), deployment: { mode: 'half-typed' } };
    await first.writeDraft(created.value.id, unsaved);

    const again = new ScenarioLibrary({ folder: first.folder, bundledFolder, logger: silentLogger });
    const { entries } = await again.list();
    expect(entries.find((e) => e.id === 'user:pilot')?.draftSavedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const read = await again.read('user:pilot');
    expect(read.ok && read.value.draft?.document).toEqual(unsaved);
    expect(read.ok && (read.value.document as { deployment: unknown }).deployment).toEqual({
      mode: 'userDriven',
      join: 'entra',
      autopilotRegistered: true,
    });
    await again.discardDraft('user:pilot');
    const discarded = await again.read('user:pilot');
    expect(discarded.ok && discarded.value.draft).toBeNull();
  });
});

describe('a file that cannot be read', () => {
  it('is set aside as <name>.unreadable-<n>.json with a notice, never deleted', async () => {
    const lib = library();
    writeFileSync(join(lib.folder, 'broken.json'), '{ "schemaVersion": 1, ');
    writeFileSync(join(lib.folder, 'broken.unreadable-1.json'), 'an earlier one');
    const { entries, setAside } = await lib.list();
    expect(entries.some((e) => e.kind === 'user')).toBe(false);
    expect(existsSync(join(lib.folder, 'broken.json'))).toBe(false);
    expect(readFileSync(join(lib.folder, 'broken.unreadable-2.json'), 'utf8')).toBe('{ "schemaVersion": 1, ');
    expect(readFileSync(join(lib.folder, 'broken.unreadable-1.json'), 'utf8')).toBe('an earlier one');
    expect(setAside).toEqual(
      expect.arrayContaining([
        {
          fileName: 'broken.unreadable-2.json',
          why: expect.stringMatching(/^"broken\.json" could not be read: not JSON/),
        },
        { fileName: 'broken.unreadable-1.json', why: null },
      ]),
    );
    // Still said while the file is there, once it was set aside.
    expect((await lib.list()).setAside).toHaveLength(2);
  });

  it('is set aside once when two readers of the folder list it at the same moment (the kiosk playlist, the console)', async () => {
    const first = library();
    const second = new ScenarioLibrary({ folder: first.folder, bundledFolder, logger: silentLogger });
    writeFileSync(join(first.folder, 'broken.json'), 'not json');
    const [a, b] = await Promise.all([first.list(), second.list()]);
    expect(readdirSync(first.folder)).toEqual(['broken.unreadable-1.json']);
    expect([...a.notices, ...b.notices]).toEqual([]);
    expect(b.setAside).toEqual([{ fileName: 'broken.unreadable-1.json', why: expect.stringContaining('not JSON') }]);
  });

  it('is told apart from a readable but invalid scenario, which stays listed with its problems', async () => {
    const lib = library();
    writeFileSync(join(lib.folder, 'half.json'), JSON.stringify({ schemaVersion: 1, name: 'Half' }));
    const { entries } = await lib.list();
    expect(entries.find((e) => e.id === 'user:half')).toMatchObject({
      name: 'Half',
      problems: ['deployment: required'],
    });
  });

  it('copied in by hand with another name is given a name the console can use, content unchanged', async () => {
    const lib = library();
    const text = JSON.stringify(newScenarioDocument('By hand'));
    writeFileSync(join(lib.folder, 'My Scenario.json'), text);
    const { entries, notices } = await lib.list();
    expect(entries.find((e) => e.id === 'user:my-scenario')?.name).toBe('By hand');
    expect(readFileSync(join(lib.folder, 'my-scenario.json'), 'utf8')).toBe(text);
    expect(notices).toEqual([expect.stringContaining('"My Scenario.json" was renamed my-scenario.json')]);
  });
});

describe('names and ids', () => {
  it('never map an id to a path outside the library', async () => {
    const lib = library();
    for (const id of ['user:../etc/passwd', 'user:', 'bundled:../../package', '../x', 'user:A']) {
      expect((await lib.read(id)).ok).toBe(false);
      expect((await lib.remove(id)).ok).toBe(false);
    }
  });

  it('renames inside the file and on disk, the draft following', async () => {
    const lib = library();
    await lib.create('Pilot');
    await lib.writeDraft('user:pilot', newScenarioDocument('Pilot'));
    const renamed = await lib.rename('user:pilot', 'Wave 2');
    expect(renamed).toEqual({ ok: true, value: 'user:wave-2' });
    expect(readdirSync(lib.folder).sort()).toEqual(['wave-2.draft.json', 'wave-2.json']);
    const read = await lib.read('user:wave-2');
    expect(read.ok && read.value.entry.name).toBe('Wave 2');
    expect(read.ok && (read.value.draft?.document as { name: string }).name).toBe('Wave 2');
  });

  it('makes file names from scenario names', () => {
    expect(slugOf('Contoso — pilot #2')).toBe('contoso-pilot-2');
    expect(slugOf('Équipe Zürich')).toBe('equipe-zurich');
    expect(slugOf('!!!')).toBe('scenario');
  });

  it('keeps the default folder under the platform configuration folder', () => {
    expect(defaultLibraryFolder({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/a')).toBe('/cfg/esp-simulator/scenarios');
    expect(defaultLibraryFolder({}, 'linux', '/home/a')).toBe('/home/a/.config/esp-simulator/scenarios');
    expect(defaultLibraryFolder({}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/esp-simulator/scenarios',
    );
  });
});

describe('import and export', () => {
  it('imports a UTF-16 scenario file and exports it back as JSON', async () => {
    const lib = library();
    const document = { ...newScenarioDocument('Exported elsewhere'), description: 'from a colleague' };
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(document), 'utf16le')]);
    const imported = await lib.importFile('colleague.json', utf16);
    expect(imported).toMatchObject({ ok: true, value: { id: 'user:exported-elsewhere' } });
    const exported = await lib.exportFile('user:exported-elsewhere');
    expect(exported.ok && JSON.parse(exported.value.text)).toEqual(document);
    expect(exported.ok && exported.value.fileName).toBe('exported-elsewhere.json');
  });

  it('refuses a file that is not a valid scenario, writing nothing', async () => {
    const lib = library();
    expect(await lib.importFile('x.json', Buffer.from('not json'))).toMatchObject({ ok: false });
    expect(await lib.importFile('x.json', Buffer.from('{"schemaVersion": 2}'))).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.stringContaining('schemaVersion')]),
    });
    expect(readdirSync(lib.folder)).toEqual([]);
  });
});
