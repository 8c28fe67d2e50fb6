// @ts-check
/**
 * `npm run package` (README "Packaging"): the desktop app as a Windows NSIS installer and portable
 * .exe, and a Linux AppImage and .deb, each with its fuses flipped by scripts/fuses.mjs.
 * test/unit/packaging/packaging.test.ts checks this file against the list in docs/robustness.md.
 * @type {import('electron-builder').Configuration}
 */
const config = {
  appId: 'com.espsimulator.desktop',
  productName: 'ESP Simulator',
  copyright: 'ESP Simulator contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // What the packaged app runs: the electron-vite build (out/main, out/preload, out/renderer) and the
  // bundled scenarios, which main reads from <app>/resources/scenarios. Not the plain-Node build of
  // the CLI and the preview (out/node) nor any benchmark output. electron-builder adds package.json
  // and the production dependencies itself.
  files: ['out/**', '!out/node/**', '!out/bench-*/**', 'resources/**'],
  // One archive: with OnlyLoadAppFromAsar and the embedded integrity check (scripts/fuses.mjs),
  // nothing outside app.asar, and nothing changed inside it, is loaded.
  asar: true,
  // No native modules: nothing to rebuild against Electron's headers.
  npmRebuild: false,
  // The fuses are flipped by the hook (not electron-builder's own `electronFuses`), which also reads
  // them back and fails the build if any is not as listed.
  afterPack: './scripts/fuses.mjs',
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName} Setup ${version}.${ext}',
  },
  portable: { artifactName: '${productName} ${version} portable.${ext}' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    executableName: 'esp-simulator',
    category: 'Utility',
    maintainer: 'ESP Simulator contributors',
    synopsis: 'Recreates the Windows Autopilot Enrollment Status Page',
  },
};

export default config;
