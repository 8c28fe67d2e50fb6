// npm run preview:web -- [--scenario <file>] [--port <n>] [--speed <factor>]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';
import { root } from './electron-binary.mjs';

buildIfNeeded();
const child = spawn(process.execPath, [join(root, 'out', 'node', 'preview.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
