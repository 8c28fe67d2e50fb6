/**
 * `npm run package` cannot run here (no Electron binary can be downloaded), so this checks what it
 * would build from: electron-builder.config.mjs (targets, asar, files, the hook) against
 * electron-builder's own schema, and scripts/fuses.mjs (the afterPack hook) flipping and verifying
 * the fuses in a stand-in binary that carries Electron's fuse wire. Where the electron-vite build is
 * present, electron-builder itself packs the app into a folder around that stand-in binary (the
 * `dir` target: no installer, no download), which runs the hook as a real build would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext, Configuration } from 'electron-builder';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../../electron-builder.config.mjs';
import afterPackDefault, {
  afterPack,
  FUSES,
  FUSES_LEFT_AS_BUILT,
  fuseConfig,
  packagedExecutable,
} from '../../../scripts/fuses.mjs';

const root = resolve(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** electron-builder's own modules, resolved the way electron-builder resolves them. */
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const fromAppBuilderLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type TargetList = { target: string; arch?: string[] }[];
const targetsOf = (platform: { target?: unknown } | null | undefined): string[] =>
  ((platform?.target ?? []) as TargetList).map((t) => t.target);

describe('electron-builder.config.mjs', () => {
  it("passes electron-builder's own configuration schema", async () => {
    // The validator electron-builder runs before every build.
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: Configuration, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    // ...which does refuse a wrong one.
    await expect(
      validateConfiguration({ ...config, asar: 'yes' } as unknown as Configuration, {
        isEnabled: false,
        add: () => undefined,
      }),
    ).rejects.toThrow(/asar/);
  });

  it('builds a Windows NSIS installer and a portable .exe, and a Linux AppImage and .deb (x64)', () => {
    expect(targetsOf(config.win)).toEqual(['nsis', 'portable']);
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    for (const t of [...(config.win!.target as TargetList), ...(config.linux!.target as TargetList)])
      expect(t.arch).toEqual(['x64']);
    // The installer and the portable file must not overwrite each other in dist/.
    expect(config.nsis!.artifactName).not.toBe(config.portable!.artifactName);
    expect(config.linux!.maintainer).toBeTruthy();
  });

  it('packs the app into app.asar: the electron-vite build and the bundled scenarios', () => {
    expect(config.asar).toBe(true);
    const files = config.files as string[];
    expect(files).toContain('out/**');
    expect(files).toContain('resources/**');
    // What main loads (package.json main, its preload and page) is in out/ and not excluded again.
    const excluded = files.filter((f) => f.startsWith('!')).map((f) => f.slice(1).replace(/\*.*$/, ''));
    for (const file of [pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html', 'resources/scenarios/']) {
      expect(file.startsWith('out/') || file.startsWith('resources/')).toBe(true);
      for (const prefix of excluded) expect(file.startsWith(prefix), `${file} is excluded by !${prefix}`).toBe(false);
    }
    expect(config.npmRebuild).toBe(false);
  });

  it('runs scripts/fuses.mjs after packing, and only it flips fuses', () => {
    expect(config.afterPack).toBe('./scripts/fuses.mjs');
    expect(existsSync(join(root, 'scripts', 'fuses.mjs'))).toBe(true);
    expect(afterPackDefault).toBe(afterPack);
    // electron-builder's own fuse step would flip them a second time, unverified.
    expect(config.electronFuses).toBeUndefined();
  });

  it('`npm run package` builds first, then packs with this file; the tools are exact devDependencies', () => {
    expect(pkg.scripts['package']).toMatch(/npm run build && electron-builder --config electron-builder\.config\.mjs/);
    expect(pkg.scripts['package:win']).toMatch(/--win$/);
    expect(pkg.scripts['package:linux']).toMatch(/--linux$/);
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies['@electron/fuses']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the fuses', () => {
  it('are exactly the hardened set', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    // Every fuse @electron/fuses names is decided, none left to the binary's default.
    expect(Object.keys(FUSES).sort()).toEqual(
      Object.keys(FuseV1Options)
        .filter((k) => Number.isNaN(Number(k)))
        .sort(),
    );
  });

  it('become the flipFuses configuration, index by index', () => {
    expect(fuseConfig()).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The hook on a stand-in binary: junk, the fuse sentinel, wire version 1, the wire length, the wire.

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's nine fuses as built, fuse 0 first (RunAsNode on ... GrantFileProtocolExtraPrivileges on, WasmTrapHandlers on). */
const ELECTRON_DEFAULT_WIRE = '101100011';
/** The wire the hook must leave: the hardened set, and WasmTrapHandlers as built. */
const HARDENED_WIRE = '010011001';

function standInBinary(path: string, wire = ELECTRON_DEFAULT_WIRE): void {
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from('\x7fELF stand-in for Electron\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length]),
      Buffer.from(wire, 'latin1'),
      Buffer.alloc(256, 0x2a),
    ]),
    { mode: 0o755 },
  );
}

async function wireOf(path: string): Promise<string> {
  const wire = (await getCurrentFuseWire(path)) as unknown as Record<string, number>;
  return Object.keys(wire)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => String.fromCharCode(wire[k]!))
    .join('');
}

function contextFor(platform: 'win32' | 'linux', appOutDir: string): AfterPackContext {
  const packager =
    platform === 'linux'
      ? { appInfo: { productFilename: 'ESP Simulator' }, executableName: 'esp-simulator' }
      : { appInfo: { productFilename: 'ESP Simulator' } };
  return { appOutDir, outDir: appOutDir, electronPlatformName: platform, packager, arch: 1, targets: [] } as never;
}

describe('the afterPack hook', () => {
  it.each([
    ['win32', 'ESP Simulator.exe'],
    ['linux', 'esp-simulator'],
  ] as const)('on %s flips the fuses in %s and verifies them', async (platform, file) => {
    const appOutDir = tempDir('esp-fuses-');
    const context = contextFor(platform, appOutDir);
    expect(packagedExecutable(context)).toBe(join(appOutDir, file));
    standInBinary(join(appOutDir, file));
    await afterPack(context);
    expect(await wireOf(join(appOutDir, file))).toBe(HARDENED_WIRE);
    // Flipping twice changes nothing (electron-builder may pack one folder again).
    await afterPack(context);
    expect(await wireOf(join(appOutDir, file))).toBe(HARDENED_WIRE);
  });

  it('leaves WasmTrapHandlers, the one fuse @electron/fuses 1.8 has no name for, as built', () => {
    expect(FUSES_LEFT_AS_BUILT).toEqual({ 8: 'WasmTrapHandlers' });
  });

  it('fails the build for a binary with a fuse it has not decided on', async () => {
    const appOutDir = tempDir('esp-fuses-');
    standInBinary(join(appOutDir, 'ESP Simulator.exe'), `${ELECTRON_DEFAULT_WIRE}1`);
    await expect(afterPack(contextFor('win32', appOutDir))).rejects.toThrow(/fuse 9 is not known/);
  });

  it('fails the build when a fuse it sets was removed from the binary', async () => {
    const appOutDir = tempDir('esp-fuses-');
    // "r": removed; flipping it is a no-op, so RunAsNode would stay whatever Electron does.
    standInBinary(join(appOutDir, 'esp-simulator'), `r${ELECTRON_DEFAULT_WIRE.slice(1)}`);
    await expect(afterPack(contextFor('linux', appOutDir))).rejects.toThrow(/RunAsNode \(fuse 0\) is "r": removed/);
  });

  it('fails the build for a binary with no fuse wire', async () => {
    const appOutDir = tempDir('esp-fuses-');
    writeFileSync(join(appOutDir, 'esp-simulator'), 'not Electron');
    await expect(afterPack(contextFor('linux', appOutDir))).rejects.toThrow(/sentinel/);
  });
});

// ---------------------------------------------------------------------------------------------

const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((f) =>
  existsSync(join(root, f)),
);
if (!built)
  console.log(
    'skipped: packaging.test.ts "electron-builder packs the app" — no electron-vite build in out/ (run npm run build)',
  );

describe.skipIf(!built)('electron-builder packs the app around a stand-in Electron binary', () => {
  it('writes app.asar with the build and the scenarios, and the hook flips the fuses', { timeout: 180_000 }, () => {
    const electronDist = tempDir('esp-electron-dist-');
    standInBinary(join(electronDist, 'electron'));
    writeFileSync(join(electronDist, 'LICENSE'), 'stand-in\n');
    mkdirSync(join(electronDist, 'resources'));
    const output = tempDir('esp-package-');
    const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
    const result = spawnSync(
      process.execPath,
      [
        cli,
        '--config',
        'electron-builder.config.mjs',
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${output}`,
        '--publish',
        'never',
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' }, timeout: 170_000 },
    );
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/fuses flipped and verified/);
    const unpacked = join(output, 'linux-unpacked');
    const asar = fromAppBuilderLib('@electron/asar') as {
      listPackage(path: string, options?: object): string[];
    };
    const listed = new Set(asar.listPackage(join(unpacked, 'resources', 'app.asar'), {}));
    for (const file of [
      `/${pkg.main}`,
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/resources/scenarios/default.json',
      '/package.json',
    ])
      expect(listed.has(file), file).toBe(true);
    expect([...listed].some((f) => f.startsWith('/out/node/'))).toBe(false);
    return wireOf(join(unpacked, 'esp-simulator')).then((wire) => expect(wire).toBe(HARDENED_WIRE));
  });
});
