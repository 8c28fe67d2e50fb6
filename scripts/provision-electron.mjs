// postinstall: Electron 42+ no longer downloads its binary on install, so we do it here.
// Where it cannot be downloaded (no network, a closed registry mirror) the install still succeeds,
// with one line saying the desktop shell is unavailable and what runs instead.
import { spawn } from 'node:child_process';
import { electronBinary, electronInstaller } from './electron-binary.mjs';

const TIMEOUT_MS = 5 * 60 * 1000;
const unavailable = (why) =>
  console.log(
    `ESP Simulator: the Electron binary could not be provisioned (${why}); the desktop shell is unavailable here — \`npm start\` serves the browser preview instead.`,
  );

if (process.env.ESP_SIM_SKIP_ELECTRON === '1') {
  unavailable('ESP_SIM_SKIP_ELECTRON=1');
} else if (electronBinary()) {
  // already provisioned
} else {
  const installer = electronInstaller();
  if (!installer) {
    unavailable('the electron package is not installed');
  } else {
    const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && electronBinary()) {
        console.log('ESP Simulator: Electron binary provisioned; `npm start` opens the desktop app.');
        return;
      }
      const reason = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/i.test(output)
        ? 'no network route to the Electron download'
        : code === null
          ? 'the download timed out'
          : (
              output
                .trim()
                .split('\n')
                .find((l) => /error/i.test(l)) ?? `installer exited with ${code}`
            )
              .trim()
              .slice(0, 160);
      unavailable(reason);
    });
  }
}
