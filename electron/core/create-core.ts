import { ConfigService } from './config/config-service.js';
import type { Core, CoreOptions } from './core-types.js';
import { DirectoryClient } from './directory/directory-client.js';
import { startEmbeddedDemo, type EmbeddedDirectory } from './directory/embedded-demo.js';
import { createDispatch } from './ipc/dispatch.js';
import { ipcHandlers } from './ipc/handlers.js';
import { SessionState } from './session/session-state.js';

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
  const dispatch = createDispatch(
    ipcHandlers,
    {
      client: new DirectoryClient({ baseUrl: directoryUrl }),
      state,
      config,
      vault: options.vault,
      host: options.host,
      version: options.version,
      systemLocale: options.systemLocale,
      demo: embedded !== null,
      startFlow: options.startFlow ?? 'home',
    },
    log,
  );
  return {
    dispatch,
    directoryUrl,
    demo: embedded !== null,
    async dispose() {
      state.clearAll();
      await embedded?.close();
    },
  };
}
