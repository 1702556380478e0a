/**
 * Entry point of the Electron host (bundled to dist/electron/main.cjs). Thin glue only:
 * lifecycle, the window, IPC wiring and the app's https origin. Everything else lives in
 * electron/core and runs the same under the web host.
 */
import { app, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { createCore } from '../core/create-core.js';
import type { Core } from '../core/core-types.js';
import { KeytarVault } from '../core/vault/keytar-vault.js';
import { createContentProtection } from './content-protection.js';
import { registerIpcHandlers } from './handle.js';
import { navigationOf, parseDeepLink, parseLaunchOptions, type Navigation } from '../core/launch-options.js';
import { createLogger } from './log.js';
import { configureMacWebAuthn } from './mac-webauthn.js';
import { managedPolicyPath } from './managed-policy-path.js';
import { applyPermissionPolicy } from './permissions.js';
import { createAppOrigin, deriveAppHost } from './app-origin.js';
import { serveRendererOnAppOrigin } from './protocol.js';
import { hardenWebContents } from './web-contents-guards.js';
import { createUserPresence } from './user-presence.js';
import { createMainWindow } from './window.js';
import { firstOwnWindow, isOwnWebContents, ownOpenWindows } from './window-registry.js';

const log = createLogger('main');
/** How long quitting waits for the core to close (embedded server, sockets) before leaving anyway. */
const DISPOSE_TIMEOUT_MS = 5000;

// Must happen before `ready`.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the window; it focuses itself on `second-instance`.
  app.quit();
} else {
  start();
}

function start(): void {
  const launch = parseLaunchOptions(process.argv);
  if (!launch.directoryUrl && process.argv.some((arg) => arg.startsWith('--directory-url='))) {
    log.warn('Ignored --directory-url: it is not an http(s) URL');
  }

  let core: Core | undefined;
  /** A flow asked for before the core (and so the page) exists: the page opens in it. */
  const goTo = (to: Navigation) => {
    if (core) core.navigate(to);
    else Object.assign(launch, { flow: to.flow, startFlow: to.flow, ...(to.userId ? { userId: to.userId } : {}) });
  };
  // A second launch (lock-screen helper, desktop shortcut, a deep link on Windows and Linux)
  // brings the window forward and, when it asks for a flow, switches the running app to it.
  app.on('second-instance', (_event, argv: string[]) => {
    const to = navigationOf(argv, launch.lockScreen);
    if (to) goTo(to);
    focusWindow();
  });
  // macOS delivers deep links as events, possibly before `ready` (a cold start from the link).
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) goTo(navigationOf([url], launch.lockScreen) ?? link);
    focusWindow();
  });
  app.on('window-all-closed', () => app.quit());

  let quitting = false;
  // The core turns this on while an authenticator app's QR code may be on screen.
  const protection = createContentProtection(ownOpenWindows);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (!core) return;
    const closing = core;
    core = undefined;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    Promise.race([closing.dispose(), timeout])
      .catch(() => log.error('The core did not close cleanly'))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      applyPermissionPolicy(session.defaultSession);
      const created = await createCore({
        host: 'electron',
        version: app.getVersion(),
        systemLocale: app.getLocale(),
        userPrefsPath: join(app.getPath('userData'), 'preferences.json'),
        managedPolicyPath: managedPolicyPath(),
        overrides: launch.directoryUrl ? { directoryUrl: launch.directoryUrl } : {},
        vault: new KeytarVault({ service: 'sign-in-helper' }),
        startFlow: launch.startFlow,
        ...(launch.userId ? { startUserId: launch.userId } : {}),
        lockScreen: launch.lockScreen,
        presence: createUserPresence(),
        hostHooks: { protectContent: (on) => protection.protectContent(on), quit: () => app.quit() },
      });
      if (quitting) {
        // The user quit while the core was starting: close it instead of opening a window.
        await created.dispose();
        return;
      }
      core = created;
      // Main → renderer events reach our own windows only, on their contract channel.
      created.events.on((channel, payload) => {
        for (const win of ownOpenWindows()) win.webContents.send(channel, payload);
      });
      // The page's origin follows the directory the core talks to, so it is decided here,
      // once, and handed to everything that checks "is this our page?".
      const derived = deriveAppHost(created.directoryUrl, created.appHost);
      if (derived.warning) log.warn(derived.warning);
      const origin = createAppOrigin(derived.host);
      // Registered before the first WebContents exists: the window below is the first one.
      app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));
      configureMacWebAuthn(app);
      registerIpcHandlers(created, origin, (contents: WebContents) => isOwnWebContents(contents));
      serveRendererOnAppOrigin(session.defaultSession.protocol, origin, join(app.getAppPath(), 'dist', 'renderer'));
      protection.apply(createMainWindow({ preloadPath: join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'), devTools: !app.isPackaged, origin, lockScreen: launch.lockScreen, startFlow: launch.startFlow }));
    })
    .catch((error: unknown) => {
      // The message only (no stack, no options): core start-up errors name a file or a URL, never a secret.
      log.error(`Sign-in Helper could not start: ${error instanceof Error ? error.message : 'unknown error'}`);
      app.exit(1);
    });
}

function focusWindow(): void {
  const win = firstOwnWindow();
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
