/**
 * A test's whole real stack, torn down in reverse even when the test fails: the real
 * directory (`test.use({ directoryKind })`), the directory service in its own process in
 * front of it, and the web host pointed at that service's URL — the app with no embedded demo,
 * as `npm run web -- --directory-url URL` runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryVault } from '../../../electron/core/vault/memory-vault.js';
import { startWebHost, type WebHost } from '../../../electron/web-host/web-host.js';
import { test as base } from '../fixtures.js';
import { startRealDirectory, type RealDirectory, type RealDirectoryKind } from './real-directory-servers.js';
import { startService, type RunningService } from './real-directory-service.js';

export interface RealStack {
  directory: RealDirectory;
  service: RunningService;
  app: WebHost;
}

export const test = base.extend<{ directoryKind: RealDirectoryKind; stack: RealStack }>({
  directoryKind: ['openldap', { option: true }],
  stack: async ({ directoryKind }, use) => {
    const dir = mkdtempSync(join(tmpdir(), `signin-e2e-${directoryKind}-`));
    const undo: (() => Promise<unknown>)[] = [];
    try {
      const directory = await startRealDirectory(directoryKind, dir);
      undo.push(() => directory.stop());
      const service = await startService(directory, dir);
      undo.push(() => service.stop());
      const app = await startWebHost({
        rendererDir: join(process.cwd(), 'dist', 'renderer'),
        port: 0,
        version: 'e2e',
        systemLocale: 'en-US',
        userPrefsPath: join(dir, 'sign-in-helper', 'preferences.json'),
        vault: new MemoryVault(),
        overrides: { directoryUrl: service.url },
      });
      undo.push(() => app.close());
      await use({ directory, service, app });
    } finally {
      for (const step of undo.reverse()) await step().catch((e: unknown) => console.error(`teardown: ${(e as Error).message}`));
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '../fixtures.js';
