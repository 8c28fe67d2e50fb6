/**
 * `npm run preview:web -- [--scenario <file>] [--port <n>] [--speed <factor>] [--host <addr>]`
 * (scenario-and-cli.md §4). Prints the URL line once the server answers; Ctrl+C stops it cleanly.
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { MAX_SPEED, MIN_SPEED } from '../../shared/contract';
import { createLogCollector } from '../logbundle/collect';
import { diagnosticsView } from '../logbundle/diagnosticsView';
import { openScenario } from '../scenario/library';
import { createAppLogger } from '../session/appLog';
import { Session } from '../session/session';
import { startPreviewServer } from './server';

export const DEFAULT_PREVIEW_PORT = 5180;

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '../..');
  let values: {
    scenario?: string;
    port?: string;
    speed?: string;
    host?: string;
    look?: string;
    loop?: string;
    kiosk?: boolean;
    windowed?: boolean;
    operator?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: 'string' },
        port: { type: 'string' },
        speed: { type: 'string' },
        host: { type: 'string' },
        look: { type: 'string' },
        loop: { type: 'string' },
        // The desktop app's switches, so `npm start -- ...` means the same with or without Electron.
        kiosk: { type: 'boolean' },
        windowed: { type: 'boolean' },
        operator: { type: 'boolean' },
      },
      allowPositionals: false,
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  const port = values.port === undefined ? DEFAULT_PREVIEW_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return usage(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED)
    return usage(`--speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}, not "${values.speed}"`);
  const loop = values.loop === undefined ? undefined : Number(values.loop);
  if (loop !== undefined && !(Number.isFinite(loop) && loop >= 1 && loop <= 86_400))
    return usage(`--loop takes the seconds to wait before starting over, from 1 to 86400, not "${values.loop}"`);
  if (values.look !== undefined && values.look !== 'windows10' && values.look !== 'windows11')
    return usage('--look must be windows10 or windows11');

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
    speed,
    logger,
    diagnostics: diagnosticsView,
    logCollector: createLogCollector(logger.filePath()),
    ...(loop !== undefined ? { loopAfterSeconds: loop } : {}),
    ...(values.look ? { look: values.look as 'windows10' | 'windows11' } : {}),
  });
  const server = await startPreviewServer({
    session,
    rendererDir: join(root, 'out', 'renderer'),
    host: values.host ?? '127.0.0.1',
    port,
    logger,
  });
  console.log(`ESP Simulator preview: ${server.url}`);
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
}

function usage(message: string): void {
  console.error(`esp-sim preview: ${message}`);
  console.error(
    'usage: npm run preview:web -- [--scenario <file>] [--port <n>] [--speed <factor>] [--host <address>] [--look windows10|windows11] [--loop <seconds>]',
  );
  process.exitCode = 2;
}

void main().catch((error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  const why =
    code === 'EADDRINUSE' ? 'that port is already in use; pass --port <n>, or --port 0 for any free port' : message;
  console.error(`ESP Simulator preview could not start: ${why}`);
  process.exitCode = 1;
});
