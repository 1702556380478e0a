import { ThisDeviceKeys } from './authenticator/this-device-keys.js';
import { unavailablePresence } from './authenticator/user-presence.js';
import { ConfigService } from './config/config-service.js';
import type { Core, CoreOptions } from './core-types.js';
import { DirectoryClient } from './directory/directory-client.js';
import { startEmbeddedDemo, type EmbeddedDirectory } from './directory/embedded-demo.js';
import { createDispatch } from './ipc/dispatch.js';
import { ipcHandlers } from './ipc/handlers.js';
import { ReadingLanguage } from './language/reading-language.js';
import { noHostHooks, QrScreenGuard } from './session/qr-screen-guard.js';
import { SessionState } from './session/session-state.js';
import { SessionLifecycle } from './session/session-lifecycle.js';
import { CoreEvents } from './events.js';

/** Idle time before the core forgets the session (tokens, setup ids): desktop and lock screen. */
export const DESKTOP_IDLE_MS = 10 * 60_000;
export const LOCK_SCREEN_IDLE_MS = 3 * 60_000;

/**
 * Build the core: load configuration, connect to the configured directory or start the
 * embedded demo directory, and return the dispatcher both hosts hand IPC calls to.
 */
export async function createCore(options: CoreOptions, log: (message: string) => void = (m) => console.warn(`[core] ${m}`)): Promise<Core> {
  const config = new ConfigService({
    userPrefsPath: options.userPrefsPath,
    ...(options.managedPolicyPath ? { managedPolicyPath: options.managedPolicyPath } : {}),
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const effective = await config.load();
  for (const problem of effective.problems) log(`configuration ignored: ${problem}`);

  let embedded: EmbeddedDirectory | null = null;
  const configured = effective.values.directoryUrl;
  if (!configured) embedded = await startEmbeddedDemo();
  const directoryUrl = configured ?? embedded!.url;

  const state = new SessionState();
  const events = new CoreEvents();
  // A lock screen is left by the person who used it: it forgets sooner than a desktop app.
  const idleTimeoutMs = options.idleTimeoutMs ?? (options.lockScreen ? LOCK_SCREEN_IDLE_MS : DESKTOP_IDLE_MS);
  const lifecycle = new SessionLifecycle(state, events, idleTimeoutMs);
  const language = new ReadingLanguage(config, options.systemLocale);
  const qrGuard = new QrScreenGuard(options.hostHooks ?? noHostHooks);
  const handle = createDispatch(
    ipcHandlers,
    {
      client: new DirectoryClient({ baseUrl: directoryUrl, language: () => language.current() }),
      state,
      config,
      vault: options.vault,
      keys: new ThisDeviceKeys(options.vault, directoryUrl),
      presence: options.presence ?? unavailablePresence,
      qrGuard,
      language,
      host: options.host,
      version: options.version,
      systemLocale: options.systemLocale,
      demo: embedded !== null,
      startFlow: options.startFlow ?? 'home',
      ...(options.startUserId ? { startUserId: options.startUserId } : {}),
      lockScreen: options.lockScreen ?? false,
      idleTimeoutMs,
      quit: () => {
        lifecycle.wipe(options.lockScreen ? 'lockScreenDone' : 'signedOut');
        options.hostHooks?.quit?.();
      },
      now: options.now ?? Date.now,
      log,
    },
    log,
  );
  return {
    dispatch: (channel, request) => lifecycle.around(() => handle(channel, request)),
    events,
    navigate: (to) => events.emit('app.navigate', to),
    wipe: (reason) => lifecycle.wipe(reason),
    directoryUrl,
    demo: embedded !== null,
    ...(effective.values.appHost ? { appHost: effective.values.appHost } : {}),
    async dispose() {
      lifecycle.dispose();
      state.clearAll();
      qrGuard.hidden();
      await embedded?.close();
    },
  };
}
