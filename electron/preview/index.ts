/**
 * `npm run preview:web -- [--scenario <file>] [--port <n>] [--speed <factor>] [--host <addr>]`
 * (scenario-and-cli.md §4). Prints the URL line once the server answers; Ctrl+C stops it cleanly,
 * and so does its launcher going away.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createOperatorHost } from '../core/authoring/operatorHost';
import { createLogCollector } from '../core/logbundle/collect';
import { diagnosticsView } from '../core/diagnostics/diagnosticsView';
import { defaultLibraryFolder } from '../core/scenario/library';
import { createAppLogger } from '../core/logging/appLog';
import { Session } from '../core/session/session';
import { parseHostSwitches, SWITCHES_USAGE, switchesGiven } from '../core/session/switches';
import { KioskHost } from '../core/session/kiosk';
import { defaultSettingsFile, SettingsStore } from '../core/session/settings';
import { DEBUG_COUNTS_ENV } from './kioskRoute';
import { isLoopback, startPreviewServer } from './server';

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const parsed = parseHostSwitches(process.argv.slice(2), true);
  if (!parsed.ok) return usage(parsed.error);
  const values = parsed.switches;

  const logger = createAppLogger('preview');
  // Remembered between launches (README, "Kiosk demos"); what the command line names wins.
  const settings = await SettingsStore.open(
    values.settings ? resolve(values.settings) : defaultSettingsFile(process.env, process.platform, homedir()),
    logger,
  );
  const libraryFolder = values.library
    ? resolve(values.library)
    : defaultLibraryFolder(process.env, process.platform, homedir());
  const kiosk = await KioskHost.prepare({
    switches: values,
    given: switchesGiven(process.argv.slice(2)),
    settings,
    resourcesDir: join(root, 'resources'),
    libraryFolder,
    logger,
  });
  const opened = kiosk.opened;
  if (opened.problem) console.error(`ESP Simulator: ${opened.problem}; the bundled default scenario runs instead.`);
  const session = new Session({
    scenario: opened.scenario,
    scenarioProblem: opened.problem,
    scenarioWarnings: opened.warnings,
    logger,
    // A run waits for the device screen (or the operator's Start) instead of finishing before anyone looks.
    autoStart: false,
    diagnostics: diagnosticsView,
    // Screenshot-safe identities (--safe-names): generated names on every screen and in every log bundle.
    safeNames: values.safeNames === true,
    logCollector: createLogCollector(logger.filePath()),
    // Speed, look, language, loop pause, playlist and kiosk mode: the command line, else the remembered settings.
    ...kiosk.sessionOptions(() => console.log('ESP Simulator: kiosk mode left (Ctrl+Alt+Shift+Q).')),
  });
  kiosk.attach(session);
  const operator = createOperatorHost({
    session,
    logger,
    libraryFolder,
    resourcesDir: join(root, 'resources'),
    startupFile: kiosk.startupFile,
  });
  const server = await startPreviewServer({
    session,
    operator,
    rendererDir: join(root, 'out', 'renderer'),
    host: values.host,
    port: values.port,
    logger,
    kiosk,
    debug: process.env[DEBUG_COUNTS_ENV] === '1',
  });
  console.log(`ESP Simulator preview: ${server.url}`);
  if (!isLoopback(values.host)) {
    console.error(
      `ESP Simulator: listening on ${values.host}: anyone who can reach it can drive the session and export logs.`,
    );
  }
  if (values.operator) console.log(`ESP Simulator operator console: ${server.url}operator`);
  if (values.kiosk)
    console.error(
      "ESP Simulator: --kiosk: the page hides an idle cursor and refuses right-click, drag and drop and the keys a page can catch; for a full lockdown use the desktop app, or the browser's own kiosk mode (e.g. chromium --kiosk <url>).",
    );

  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    kiosk.dispose();
    session.dispose();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  // Started by `npm start` or `npm run preview:web` (an IPC channel to the launcher): the server
  // follows its launcher, so killing that (even outright) leaves no server behind.
  if (process.channel) {
    process.channel.unref();
    process.on('disconnect', stop);
  }
}

function usage(message: string): void {
  console.error(`esp-sim preview: ${message}`);
  console.error(`usage: npm run preview:web -- ${SWITCHES_USAGE}`);
  process.exitCode = 2;
}

void main().catch((error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  const why =
    code === 'EADDRINUSE' ? 'that port is already in use; pass --port <n>, or --port 0 for any free port' : message;
  console.error(`ESP Simulator preview could not start: ${why}`);
  process.exitCode = 1;
});
