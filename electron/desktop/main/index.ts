/**
 * The Electron shell: one fullscreen, frameless ESP window on the same Session the browser preview
 * uses. Everything that is not window, IPC or dialog lives outside electron/main.
 */
import { app, BrowserWindow, dialog, ipcMain, session as electronSession } from 'electron';
import log from 'electron-log/main';
import { join, resolve } from 'node:path';
import { IPC } from '../../../shared/contract';
import { parseCommand } from '../../../shared/contractSchema';
import { abandonPartialExports, createLogCollector } from '../../core/logbundle/collect';
import { diagnosticsView } from '../../core/diagnostics/diagnosticsView';
import { openScenario } from '../../core/scenario/library';
import { Session } from '../../core/session/session';
import { DEFAULT_SWITCHES, parseHostSwitches } from '../../core/session/switches';
import {
  hardenWebContents,
  isTrustedSender,
  RENDERER_PROTOCOL,
  registerRendererProtocol,
  registerPrivilegedScheme,
} from './security';

log.initialize();
log.transports.file.level = 'info';
const logger = log.scope('main');

app.enableSandbox();
registerPrivilegedScheme();

// Chromium adds switches of its own, so unknown ones are ignored here; a bad value falls back to
// its default alone, so the rest (a kiosk, a scenario) still applies.
const parsedSwitches = parseHostSwitches(process.argv.slice(1), false);
const args = parsedSwitches.ok ? parsedSwitches.switches : DEFAULT_SWITCHES;
for (const problem of parsedSwitches.ok ? parsedSwitches.warnings : [parsedSwitches.error]) {
  logger.warn(`${problem}; using the default`);
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));

async function createWindow(): Promise<void> {
  const resourcesDir = join(app.getAppPath(), 'resources');
  const opened = await openScenario(args.scenario ? resolve(args.scenario) : undefined, resourcesDir, logger);
  const espSession = new Session({
    scenario: opened.scenario,
    scenarioProblem: opened.problem,
    speed: args.speed,
    logger,
    diagnostics: diagnosticsView,
    logCollector: createLogCollector(log.transports.file.getFile().path),
    ...(args.loopAfterSeconds !== undefined ? { loopAfterSeconds: args.loopAfterSeconds } : {}),
    ...(args.look ? { look: args.look } : {}),
  });

  registerRendererProtocol(join(import.meta.dirname, '../renderer'));
  electronSession.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.warn(`denied permission request: ${permission}`);
    callback(false);
  });
  electronSession.defaultSession.setPermissionCheckHandler(() => false);

  const window = new BrowserWindow({
    fullscreen: !args.windowed,
    frame: false,
    kiosk: args.kiosk,
    width: 1280,
    height: 800,
    backgroundColor: opened.scenario.windows.release === '10' ? '#004275' : '#f3f3f3',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (args.kiosk) lockDownForKiosk(window);

  ipcMain.handle(IPC.getSnapshot, (event) => {
    if (!isTrustedSender(event, window)) return refuse(IPC.getSnapshot, event.senderFrame?.url);
    return espSession.snapshot();
  });
  ipcMain.handle(IPC.command, async (event, input: unknown) => {
    if (!isTrustedSender(event, window)) return refuse(IPC.command, event.senderFrame?.url);
    const parsed = parseCommand(input);
    if (!parsed.ok) {
      logger.warn(`refused ${parsed.error}`);
      return parsed;
    }
    // Export logs: main asks for the folder (a removable drive or any folder, §3.1). A path the page
    // names is never used: only the person at the dialog decides where files are written.
    if (parsed.command.type === 'exportLogs') {
      if (parsed.command.destination !== null)
        logger.warn('ignored a log destination named by the page; asking instead');
      const choice = await dialog.showOpenDialog(window, {
        title: 'Choose a USB drive or folder for the logs',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return { ok: false, error: 'no folder chosen', cancelled: true };
      return espSession.handle({ type: 'exportLogs', destination: folder });
    }
    return espSession.handle(parsed.command);
  });
  const unsubscribe = espSession.subscribe((snapshot) => {
    if (!window.isDestroyed()) window.webContents.send(IPC.snapshot, snapshot);
  });
  window.on('closed', () => {
    unsubscribe();
    espSession.dispose();
    ipcMain.removeHandler(IPC.getSnapshot);
    ipcMain.removeHandler(IPC.command);
  });

  await window.loadURL(`${RENDERER_PROTOCOL}://app/${args.operator ? '#/operator' : ''}`);
}

/**
 * Kiosk demos: no reload, no developer tools, no zoom, no closing from the keyboard. Only
 * Ctrl+Alt+Shift+Q, which a passer-by will not find, ends the demo.
 */
function lockDownForKiosk(window: BrowserWindow): void {
  let quitting = false;
  // Pinch and Ctrl+wheel zoom too, not only the keyboard shortcuts.
  void window.webContents.setVisualZoomLevelLimits(1, 1);
  window.webContents.on('zoom-changed', () => window.webContents.setZoomLevel(0));
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    const key = input.key.toLowerCase();
    if (input.control && input.alt && input.shift && key === 'q') {
      quitting = true;
      app.quit();
      return;
    }
    const blocked =
      key === 'f5' ||
      key === 'f11' ||
      key === 'f12' ||
      (input.control && ['r', 'w', 'q', '+', '-', '=', '0'].includes(key)) ||
      (input.control && input.shift && key === 'i');
    if (blocked) event.preventDefault();
  });
  window.on('close', (event) => {
    if (!quitting) event.preventDefault();
  });
}

function refuse(channel: string, url: string | undefined): { ok: false; error: string } {
  logger.warn(`refused ${channel} from untrusted sender ${url ?? '(unknown)'}`);
  return { ok: false, error: 'untrusted sender' };
}

app
  .whenReady()
  .then(createWindow)
  .catch((error: unknown) => {
    logger.error('could not start', error);
    app.exit(1);
  });
app.on('window-all-closed', () => app.quit());
// Quitting mid-export must not leave a partial file on the user's drive.
app.on('will-quit', () => abandonPartialExports());
