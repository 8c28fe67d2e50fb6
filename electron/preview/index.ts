/**
 * `npm run preview:web -- [--scenario <file>] [--port <n>] [--speed <factor>] [--host <addr>]`
 * (scenario-and-cli.md §4). Prints the URL line once the server answers; Ctrl+C stops it cleanly,
 * and so does its launcher going away.
 */
import { join, resolve } from 'node:path';
import { createLogCollector } from '../core/logbundle/collect';
import { diagnosticsView } from '../core/diagnostics/diagnosticsView';
import { openScenario } from '../core/scenario/library';
import { createAppLogger } from '../core/logging/appLog';
import { Session } from '../core/session/session';
import { parseHostSwitches, SWITCHES_USAGE } from '../core/session/switches';
import { isLoopback, startPreviewServer } from './server';

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  const parsed = parseHostSwitches(process.argv.slice(2), true);
  if (!parsed.ok) return usage(parsed.error);
  const values = parsed.switches;

  const logger = createAppLogger('preview');
  const opened = await openScenario(
    values.scenario ? resolve(values.scenario) : undefined,
    join(root, 'resources'),
    logger,
  );
  if (opened.problem) console.error(`ESP Simulator: ${opened.problem}; the bundled default scenario runs instead.`);
  const session = new Session({
    scenario: opened.scenario,
    scenarioProblem: opened.problem,
    scenarioWarnings: opened.warnings,
    speed: values.speed,
    logger,
    diagnostics: diagnosticsView,
    logCollector: createLogCollector(logger.filePath()),
    ...(values.loopAfterSeconds !== undefined ? { loopAfterSeconds: values.loopAfterSeconds } : {}),
    ...(values.look ? { look: values.look } : {}),
  });
  const server = await startPreviewServer({
    session,
    rendererDir: join(root, 'out', 'renderer'),
    host: values.host,
    port: values.port,
    logger,
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
      'ESP Simulator: --kiosk locks the desktop app; in a browser, use its own kiosk mode (e.g. chromium --kiosk <url>).',
    );

  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
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
