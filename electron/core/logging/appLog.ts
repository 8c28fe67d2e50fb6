/**
 * The app's own log for plain-Node hosts (browser preview, CLI): electron-log's Node flavour,
 * writing the same file format as the desktop shell's electron-log/main. The log bundle copies it.
 */
import log from 'electron-log/node';
import { join } from 'node:path';
import type { Logger } from './logger';

let configured = false;
/** package.json's name: the log goes where it always went (e.g. ~/.config/esp-simulator/logs/main.log). */
const APP_NAME = 'esp-simulator';

export function createAppLogger(scope: string): Logger & { filePath(): string } {
  if (!configured) {
    configured = true;
    log.transports.file.level = 'info';
    log.transports.console.level = 'warn';
    // electron-log finds the app name (and so the log folder) in the nearest package.json of the
    // working folder, which fails when the preview is started from anywhere else: name it here.
    log.transports.file.setAppName(APP_NAME);
    // Tests and CI point the log somewhere disposable instead of the user's profile.
    const dir = process.env.ESP_SIM_LOG_DIR;
    if (dir) log.transports.file.resolvePathFn = () => join(dir, 'main.log');
  }
  const scoped = log.scope(scope);
  return {
    info: (...args) => scoped.info(...args),
    warn: (...args) => scoped.warn(...args),
    error: (...args) => scoped.error(...args),
    filePath: () => log.transports.file.getFile().path,
  };
}
