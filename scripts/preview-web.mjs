// npm run preview:web -- [--scenario <file>] [--port <n>] [--speed <factor>]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';
import { root } from './electron-binary.mjs';
import { supervise } from './supervise.mjs';

buildIfNeeded();
// The IPC channel lets the server notice when this script goes, however it goes.
const child = spawn(process.execPath, [join(root, 'out', 'node', 'preview.mjs'), ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
supervise(child);
