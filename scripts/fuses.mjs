// @ts-check
/**
 * electron-builder's afterPack hook (electron-builder.config.mjs): flips Electron's fuses in the
 * packaged binary, after the app is copied in and before electron-builder signs it (so the signature
 * covers the flipped bits), then reads the fuse wire back and fails the build unless every fuse is as
 * FUSES says. Electron security checklist item 19; docs/robustness.md says why each is set so.
 */
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/**
 * Every fuse @electron/fuses 1.8 names, each set explicitly.
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the signed app into a general Node.js runtime.
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS (--require, --inspect...) is ignored.
 * - EnableNodeCliInspectArguments off: --inspect / --inspect-brk and SIGUSR1 open no debugger.
 * - EnableCookieEncryption on: the cookie store is encrypted with the OS's keys (the app sets no
 *   cookies; this costs nothing and covers any that Chromium stores).
 * - EnableEmbeddedAsarIntegrityValidation on: app.asar is checked against the hash electron-builder
 *   embeds (Windows and macOS; Electron has no asar integrity on Linux, where it does nothing).
 * - OnlyLoadAppFromAsar on: Electron loads app.asar only, never an `app` folder put beside it, so
 *   with the integrity check no unvalidated code can load.
 * - LoadBrowserProcessSpecificV8Snapshot off (Electron's default): it only selects a separate V8
 *   snapshot file (browser_v8_context_snapshot.bin) for the main process; the app ships no custom
 *   snapshot, and turning it on without that file would stop the app from starting.
 * - GrantFileProtocolExtraPrivileges off: no page is loaded from file:// (the renderer is served
 *   over esp-sim://), so file:// needs no more than a browser gives it.
 * @type {Readonly<Record<keyof typeof FuseV1Options, boolean>>}
 */
export const FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * Fuses the binary has beyond the ones @electron/fuses 1.8 names, by index, left as Electron built
 * them. Current Electron releases have nine: the ninth is WasmTrapHandlers (on), which the app does
 * not need to change. A binary with any further fuse fails the build, so that a new fuse is decided on here
 * rather than shipped unexamined.
 * @type {Readonly<Record<number, string>>}
 */
export const FUSES_LEFT_AS_BUILT = Object.freeze({ 8: 'WasmTrapHandlers' });

const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);
/** A fuse Electron no longer reads: flipFuses overwrites the mark, but the byte does nothing. */
const REMOVED = 'r'.charCodeAt(0);

/** The configuration flipFuses takes. @returns {import('@electron/fuses').FuseV1Config} */
export function fuseConfig() {
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(FUSES)) {
    config[FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]] = value;
  }
  return config;
}

/**
 * The packaged Electron executable, named as electron-builder names it (its own addElectronFuses
 * does the same): `<productFilename>.exe` on Windows, `<executableName>` on Linux, `.app` on macOS.
 * @param {import('electron-builder').AfterPackContext} context
 * @returns {string}
 */
export function packagedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'win32':
      return join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return join(appOutDir, /** @type {{ executableName?: string }} */ (packager).executableName ?? productFilename);
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${productFilename}.app`);
    default:
      throw new Error(`fuses: no Electron executable is known for platform "${electronPlatformName}"`);
  }
}

/**
 * Reads the wire back and lists every fuse not as FUSES says (or unknown to this hook).
 * @param {string} executable
 * @returns {Promise<string[]>}
 */
export async function fuseProblems(executable) {
  const wire = /** @type {Record<string, unknown>} */ (await getCurrentFuseWire(executable));
  const problems = [];
  for (const [name, wanted] of Object.entries(FUSES)) {
    const index = FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)];
    const state = wire[index];
    const expected = wanted ? ENABLED : DISABLED;
    if (state !== expected) {
      const found = typeof state === 'number' ? JSON.stringify(String.fromCharCode(state)) : 'missing';
      problems.push(`${name} (fuse ${index}) is ${found}, not "${String.fromCharCode(expected)}"`);
    }
  }
  const indexes = Object.keys(wire).filter((key) => /^\d+$/.test(key));
  for (const key of indexes) {
    const index = Number(key);
    if (index in FuseV1Options || index in FUSES_LEFT_AS_BUILT) continue;
    problems.push(`fuse ${index} is not known to scripts/fuses.mjs: decide on it (FUSES or FUSES_LEFT_AS_BUILT)`);
  }
  return problems;
}

/**
 * The fuses FUSES sets that this binary marks as removed: setting them would do nothing, so the
 * protection they stand for would be missing. Read before flipping, which overwrites the mark.
 * @param {string} executable
 * @returns {Promise<string[]>}
 */
export async function removedFuses(executable) {
  const wire = /** @type {Record<string, unknown>} */ (await getCurrentFuseWire(executable));
  return Object.keys(FUSES)
    .map((name) => /** @type {keyof typeof FuseV1Options} */ (name))
    .filter((name) => wire[FuseV1Options[name]] === REMOVED)
    .map(
      (name) => `${name} (fuse ${FuseV1Options[name]}) is "r": removed from this Electron, so setting it does nothing`,
    );
}

/**
 * The hook.
 * @param {import('electron-builder').AfterPackContext} context
 * @returns {Promise<void>}
 */
export async function afterPack(context) {
  const executable = packagedExecutable(context);
  const removed = await removedFuses(executable);
  if (removed.length > 0) throw new Error(`fuses: ${executable}:\n  ${removed.join('\n  ')}`);
  await flipFuses(executable, fuseConfig());
  const problems = await fuseProblems(executable);
  if (problems.length > 0) throw new Error(`fuses: ${executable}:\n  ${problems.join('\n  ')}`);
  console.log(`  • fuses flipped and verified in ${executable}`);
}

export default afterPack;
