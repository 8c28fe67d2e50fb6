// Debian's Chromium and the switches it needs here (toolchain-notes §2): one list for the tests,
// the state gallery and bench/renderer. Without the background-networking switches Chromium keeps
// trying to reach Google's hosts through this closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
