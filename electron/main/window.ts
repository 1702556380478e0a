import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { firstScreenQuery } from '../../contract/first-screen.js';
import type { StartFlow } from '../../contract/ipc.js';
import type { AppOrigin } from './app-origin.js';
import { createLogger } from './log.js';
import { trackWindow } from './window-registry.js';

const log = createLogger('window');

/**
 * The window baseline, pure so tests can assert it: the page runs sandboxed and isolated,
 * with no Node, and sees only what the preload exposes. DevTools only in development.
 */
export function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    devTools,
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  devTools: boolean;
  /** The app's https origin; the window loads its entry page. */
  origin: AppOrigin;
  /** The sign-in screen's helper (`--lock-screen`): full screen, no DevTools, not closed by accident. */
  lockScreen?: boolean;
  /** The flow it starts in: with the lock screen, it tells the page which screen comes first (contract/first-screen.ts). */
  startFlow?: StartFlow;
}

/**
 * What the lock screen changes: kiosk and full screen (nothing behind it to switch to), no
 * close/minimize buttons or menu, and DevTools off even in development (the screen is
 * unattended). The app leaves through its own done screen or the idle wipe (app.quit).
 */
export function lockScreenWindowOptions(): BrowserWindowConstructorOptions {
  return { kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false, maximizable: false, resizable: false, movable: false, alwaysOnTop: true, skipTaskbar: true };
}

/**
 * Create the app window and load the renderer from the app's https origin (served inside
 * the app by protocol.ts).
 * Navigation, window-open and webview guards are applied to every WebContents in main.ts
 * (`web-contents-created`), so they also cover this one.
 */
export function createMainWindow({ preloadPath, devTools, origin, lockScreen = false, startFlow }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 960,
    height: 720,
    minWidth: 480,
    minHeight: 560,
    title: 'Sign-in Helper',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, devTools && !lockScreen),
    ...(lockScreen ? lockScreenWindowOptions() : {}),
  });
  trackWindow(win);
  win.once('ready-to-show', () => win.show());
  win.loadURL(`${origin.entryUrl}${firstScreenQuery({ lockScreen, startFlow })}`).catch(() => log.error('The app page failed to load'));
  return win;
}
