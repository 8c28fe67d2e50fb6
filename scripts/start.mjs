// npm start: the desktop app where Electron exists; otherwise the browser preview, said in one line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';
import { electronBinary, root } from './electron-binary.mjs';
import { supervise } from './supervise.mjs';

buildIfNeeded();
const args = process.argv.slice(2);
const binary = electronBinary();
let child;
if (binary) {
  child = spawn(binary, ['.', ...args], { cwd: root, stdio: 'inherit' });
} else {
  console.log(
    'ESP Simulator: no Electron binary on this machine, so the desktop shell is unavailable; serving the browser preview instead.',
  );
  // The IPC channel lets the server notice when this script goes, however it goes.
  child = spawn(process.execPath, [join(root, 'out', 'node', 'preview.mjs'), ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
}
supervise(child);
