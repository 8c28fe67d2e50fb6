/**
 * The Electron shell: one fullscreen, frameless ESP window on the same Session the browser preview
 * uses. Everything that is not window, IPC or dialog lives outside electron/main.
 */
import { app, BrowserWindow, dialog, ipcMain, session as electronSession } from 'electron';
import log from 'electron-log/main';
import { join, resolve } from 'node:path';
import { IPC } from '../../../shared/contract';
import { parseCommand, parseKioskRequest, parseOperatorRequest } from '../../../shared/contractSchema';
import { createOperatorHost } from '../../core/authoring/operatorHost';
import { abandonPartialExports, createLogCollector } from '../../core/logbundle/collect';
import { diagnosticsView } from '../../core/diagnostics/diagnosticsView';
import { KioskHost } from '../../core/session/kiosk';
import { Session } from '../../core/session/session';
import { SETTINGS_FILE, SettingsStore } from '../../core/session/settings';
import { isOperatorShortcut, OperatorWindow, secureWebPreferences } from './operatorWindow';
import { isBlockedInKiosk, isKioskExitShortcut } from './kioskKeys';
import { DEFAULT_SWITCHES, parseHostSwitches, switchesGiven } from '../../core/session/switches';
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

/** Set once the demo may end: the window's close is refused until then in kiosk mode. */
let quitting = false;

function endDemo(): void {
  quitting = true;
  app.quit();
}

async function createWindow(): Promise<void> {
  const resourcesDir = join(app.getAppPath(), 'resources');
  const libraryFolder = args.library ? resolve(args.library) : join(app.getPath('userData'), 'scenarios');
  // Remembered between launches in the user-data folder (README, "Kiosk demos"); the command line wins.
  const settings = await SettingsStore.open(
    args.settings ? resolve(args.settings) : join(app.getPath('userData'), SETTINGS_FILE),
    logger,
  );
  const kiosk = await KioskHost.prepare({
    switches: args,
    given: switchesGiven(process.argv.slice(1)),
    settings,
    resourcesDir,
    libraryFolder,
    logger,
  });
  const opened = kiosk.opened;
  const espSession = new Session({
    scenario: opened.scenario,
    scenarioProblem: opened.problem,
    scenarioWarnings: opened.warnings,
    logger,
    // A run waits for the device screen (or the operator's Start) instead of finishing before anyone looks.
    autoStart: false,
    diagnostics: diagnosticsView,
    // Screenshot-safe identities (--safe-names): generated names on every screen and in every log bundle.
    safeNames: args.safeNames === true,
    logCollector: createLogCollector(log.transports.file.getFile().path),
    // Speed, look, language, loop pause, playlist and kiosk mode: the command line, else the remembered settings.
    // Leaving kiosk mode (Ctrl+Alt+Shift+Q, and the PIN when one is set) ends the demo.
    ...kiosk.sessionOptions(endDemo),
  });
  kiosk.attach(espSession);

  // The page carries the session's snapshot, so the first frame does not wait for the preload's IPC round trip.
  registerRendererProtocol(join(import.meta.dirname, '../renderer'), () => espSession.snapshot());
  electronSession.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.warn(`denied permission request: ${permission}`);
    callback(false);
  });
  electronSession.defaultSession.setPermissionCheckHandler(() => false);

  const preload = join(import.meta.dirname, '../preload/index.cjs');
  const window = new BrowserWindow({
    fullscreen: !args.windowed,
    frame: false,
    kiosk: args.kiosk,
    width: 1280,
    height: 800,
    backgroundColor: opened.scenario.windows.release === '10' ? '#004275' : '#f3f3f3',
    show: false,
    // The security flags stay literal here too, so a static scan (electronegativity) sees them at the window.
    webPreferences: {
      ...secureWebPreferences(preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  if (args.kiosk) lockDownForKiosk(window, espSession);
  recoverFromRendererCrashes(window, args.kiosk);

  // The operator console: a second window, never on the device screen (README, "Operator console").
  const operator = createOperatorHost({
    session: espSession,
    logger,
    libraryFolder,
    resourcesDir,
    startupFile: kiosk.startupFile,
  });
  const consoleWindow = new OperatorWindow(preload);
  // A passer-by at a kiosk does not get the console; `--operator` still opens it for whoever runs the demo.
  if (!args.kiosk) {
    window.webContents.on('before-input-event', (event, input) => {
      if (!isOperatorShortcut(input)) return;
      event.preventDefault();
      void consoleWindow.open();
    });
  }
  const trusted = (event: Electron.IpcMainInvokeEvent): boolean => {
    const operatorConsole = consoleWindow.current;
    return isTrustedSender(event, window) || (operatorConsole !== null && isTrustedSender(event, operatorConsole));
  };
  ipcMain.handle(IPC.operator, async (event, input: unknown) => {
    if (!trusted(event)) return refuse(IPC.operator, event.senderFrame?.url);
    const parsed = parseOperatorRequest(input);
    if (!parsed.ok) {
      logger.warn(`refused ${parsed.error}`);
      return parsed;
    }
    return operator.handle(parsed.request);
  });

  // The console's "Kiosk playlist" panel.
  ipcMain.handle(IPC.kiosk, async (event, input: unknown) => {
    if (!trusted(event)) return refuse(IPC.kiosk, event.senderFrame?.url);
    const parsed = parseKioskRequest(input);
    if (!parsed.ok) {
      logger.warn(`refused ${parsed.error}`);
      return parsed;
    }
    return kiosk.handle(parsed.request);
  });

  ipcMain.handle(IPC.getSnapshot, (event) => {
    if (!trusted(event)) return refuse(IPC.getSnapshot, event.senderFrame?.url);
    return espSession.snapshot();
  });
  ipcMain.handle(IPC.command, async (event, input: unknown) => {
    if (!trusted(event)) return refuse(IPC.command, event.senderFrame?.url);
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
    consoleWindow.current?.webContents.send(IPC.snapshot, snapshot);
  });
  window.on('closed', () => {
    unsubscribe();
    kiosk.dispose();
    espSession.dispose();
    ipcMain.removeHandler(IPC.getSnapshot);
    ipcMain.removeHandler(IPC.command);
    ipcMain.removeHandler(IPC.operator);
    ipcMain.removeHandler(IPC.kiosk);
    consoleWindow.close();
  });

  await window.loadURL(`${RENDERER_PROTOCOL}://app/`);
  if (args.operator) await consoleWindow.open();
}

/**
 * Kiosk demos, for as long as the demo runs (the simulated ESP blocks device use, and so does the kiosk): no
 * reload, developer tools, full-screen toggle, zoom, closing (Alt+F4, Ctrl+W) or context menu. Only Ctrl+Alt+Shift+Q,
 * which a passer-by will not find, ends the demo: at once, or after the PIN (a dialog on the device screen) when one
 * is set. The page itself hides an idle cursor and refuses right-click and drag and drop (renderer/src/kiosk).
 */
function lockDownForKiosk(window: BrowserWindow, espSession: Session): void {
  // Pinch and Ctrl+wheel zoom too, not only the keyboard shortcuts.
  void window.webContents.setVisualZoomLevelLimits(1, 1);
  window.webContents.on('zoom-changed', () => window.webContents.setZoomLevel(0));
  window.webContents.on('context-menu', (event) => event.preventDefault());
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    if (isKioskExitShortcut(input)) {
      event.preventDefault();
      espSession.handle({ type: 'requestKioskExit' });
      return;
    }
    if (isBlockedInKiosk(input)) event.preventDefault();
  });
  window.on('close', (event) => {
    if (!quitting) event.preventDefault();
  });
}

/** Repeated crashes this close together are a crash loop: wait before the next reload. */
const CRASH_LOOP_WINDOW_MS = 60_000;
const CRASH_LOOP_COUNT = 3;
const CRASH_LOOP_DELAY_MS = 10_000;
/** A page that stops answering this long in kiosk mode is restarted like a crashed one. */
const UNRESPONSIVE_RESTART_MS = 15_000;

/**
 * A renderer that crashes (or is killed) mid-run: main reloads the page, which asks the session (still running here
 * in main) for its snapshot, so the screen resumes where it was, at the same simulated time.
 */
function recoverFromRendererCrashes(window: BrowserWindow, kiosk: boolean): void {
  const crashes: number[] = [];
  let unresponsiveTimer: ReturnType<typeof setTimeout> | null = null;
  const reload = (): void => {
    if (window.isDestroyed()) return;
    void window.loadURL(`${RENDERER_PROTOCOL}://app/`).catch((error: unknown) => {
      logger.error('could not reload the device screen', error);
    });
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || quitting || window.isDestroyed()) return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && crashes[0]! < now - CRASH_LOOP_WINDOW_MS) crashes.shift();
    const delay = crashes.length >= CRASH_LOOP_COUNT ? CRASH_LOOP_DELAY_MS : 0;
    logger.error(
      `the device screen's renderer is gone (${details.reason}, exit code ${details.exitCode}); reloading${
        delay ? ` in ${delay / 1000} s (${crashes.length} crashes in a minute)` : ''
      }`,
    );
    setTimeout(reload, delay);
  });
  if (!kiosk) return;
  window.on('unresponsive', () => {
    logger.warn('the device screen is not responding');
    unresponsiveTimer ??= setTimeout(() => {
      unresponsiveTimer = null;
      if (window.isDestroyed()) return;
      logger.error(`the device screen has not responded for ${UNRESPONSIVE_RESTART_MS / 1000} s; restarting it`);
      window.webContents.forcefullyCrashRenderer();
    }, UNRESPONSIVE_RESTART_MS);
  });
  window.on('responsive', () => {
    if (unresponsiveTimer) clearTimeout(unresponsiveTimer);
    unresponsiveTimer = null;
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
